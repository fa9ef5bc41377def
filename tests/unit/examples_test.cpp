// The shipped examples, against hours computed by hand (the arithmetic is written next to each figure),
// and their schedules, whose parts must add up to each lot's hours.
#include <doctest/doctest.h>

#include <map>
#include <numeric>
#include <string>

#include "clausier/calendar/schedule.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/tender/load.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

struct Expected {
  double hours;
  hours::Status status;
};

void check_example(const std::string& folder, const std::map<std::string, Expected>& expected, double total) {
  tender::LoadedFile file = tender::load_tender(std::string(CLAUSIER_SOURCE_DIR) + "/examples/" + folder);
  REQUIRE(file.result.ok());
  const tender::Tender& t = *file.result.tender;
  tender::Resolution res = tender::resolve(t, rules::RuleSet::builtin());
  REQUIRE(res.ok());
  hours::TenderResult r = hours::compute(t, res);
  REQUIRE(r.lots.size() == expected.size());
  for (const auto& lot : r.lots) {
    INFO(folder << " lot " << lot.lot->id.value);
    auto it = expected.find(lot.lot->id.value);
    REQUIRE(it != expected.end());
    CHECK(lot.hours == it->second.hours);
    CHECK(lot.status == it->second.status);
    if (lot.status == hours::Status::ok && lot.lot->start && lot.lot->end) {
      for (auto period : {calendar::Period::month, calendar::Period::year}) {
        auto parts = calendar::split_hours(lot.hours, lot.lot->start->value, lot.lot->end->value, period);
        double sum = std::accumulate(parts.begin(), parts.end(), 0.0,
                                     [](double s, const calendar::SchedulePart& p) { return s + p.hours; });
        CHECK(sum == lot.hours);
        for (const auto& p : parts) CHECK(p.hours == static_cast<double>(static_cast<long long>(p.hours)));
      }
    }
  }
  CHECK(r.total_hours == total);
}

}  // namespace

TEST_CASE("example anru-viguier: every lot by hand") {
  using hours::Status;
  check_example("anru-viguier",
                {
                    {"01", {1542, Status::ok}},  // 1 850 000 × 50 % × 5 % ÷ 30 = 1 541.67
                    {"02", {686, Status::ok}},   // 420 000 × 70 % × 7 % ÷ 30 = 686
                    {"03", {300, Status::ok}},   // fixed
                    {"04", {525, Status::ok}},   // TF 650 000 × 35 % × 5 % ÷ 30 = 379.17 → 379; TO1 250 000 → 145.83 → 146
                    {"05", {507, Status::ok}},   // 760 000 × 40 % × 5 % ÷ 30 = 506.67
                    {"06", {735, Status::ok}},   // 980 000 × 45 % × 5 % ÷ 30 = 735
                    {"07", {405, Status::ok}},   // 540 000 × 45 % × 5 % ÷ 30 = 405
                    {"08", {0, Status::no_clause}},
                },
                4700);
}

TEST_CASE("example proprete-siege: PACT Propreté by hand") {
  using hours::Status;
  check_example("proprete-siege",
                {
                    // P = 1 − 300 × 25 ÷ (480 000 ÷ 48) = 0.25; 0.25 × 480 000 ÷ 25 × 5 % = 240
                    {"1", {240, Status::ok}},
                    // no transfer: 60 000 ÷ 25 × 5 % = 120 < 150
                    {"2", {120, Status::below_minimum}},
                },
                240);
}

TEST_CASE("example espaces-verts: framework agreements by hand") {
  using hours::Status;
  check_example("espaces-verts",
                {
                    {"1", {120, Status::ok}},  // basis min: 80 000 × 60 % × 7 % ÷ 28 = 120
                    {"2", {360, Status::ok}},  // estimate: 240 000 × 60 % × 7 % ÷ 28 = 360
                    {"3", {244, Status::ok}},  // basis max: 150 000 × 65 % × 7 % ÷ 28 = 243.75
                },
                724);
}
