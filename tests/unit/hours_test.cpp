#include <doctest/doctest.h>

#include <string>

#include "clausier/hours/calc.hpp"
#include "clausier/hours/render.hpp"
#include "clausier/tender/load.hpp"
#include "printers.hpp"

using namespace clausier;
using hours::Status;
using tender::Rounding;

namespace {

// Holds the tender so results can point into it.
struct Computed {
  tender::LoadResult loaded;
  hours::TenderResult result;
  const hours::LotResult& lot(std::size_t i) const { return result.lots.at(i); }
};

Computed compute(const std::string& lots, const std::string& parameters = "{hourly_cost: 30, rate: 0.05}",
                 const std::vector<std::string>& sets = {}) {
  Computed c;
  c.loaded = tender::parse_tender("format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\n"
                                  "parameters: " + parameters + "\nlots:\n" + lots,
                                  "t.yaml");
  REQUIRE_MESSAGE(c.loaded.ok(), (c.loaded.diagnostics.empty() ? "" : c.loaded.diagnostics[0].message));
  std::vector<tender::Override> overrides;
  for (const auto& s : sets) {
    std::string error;
    overrides.push_back(*tender::parse_override(s, error));
  }
  tender::Resolution res = tender::resolve(*c.loaded.tender, rules::RuleSet::builtin(), overrides);
  REQUIRE(res.ok());
  c.result = hours::compute(*c.loaded.tender, res, overrides);
  return c;
}

}  // namespace

TEST_CASE("rounding: raw hours are first rounded to 6 decimals, then to the step") {
  using hours::round_hours;
  CHECK(round_hours(833.333333, Rounding::nearest, 1) == 833);
  CHECK(round_hours(832.5, Rounding::nearest, 1) == 833);         // half away from zero
  CHECK(round_hours(832.4999996, Rounding::nearest, 1) == 833);   // 832.500000 at 6 decimals, then half up
  CHECK(round_hours(832.4999994, Rounding::nearest, 1) == 832);   // 832.499999
  CHECK(round_hours(833.000001, Rounding::up, 1) == 834);
  CHECK(round_hours(833.0000004, Rounding::up, 1) == 833);        // 833.000000 at 6 decimals
  CHECK(round_hours(833.99, Rounding::down, 1) == 833);
  CHECK(round_hours(833.33, Rounding::nearest, 10) == 830);
  CHECK(round_hours(833.33, Rounding::up, 10) == 840);
  CHECK(round_hours(839.99, Rounding::down, 10) == 830);
  CHECK(round_hours(835, Rounding::nearest, 10) == 840);          // q = 83.5 → 84
  CHECK(round_hours(833.3, Rounding::nearest, 0.5) == 833.5);     // q = 1666.6 → 1667
  CHECK(round_hours(0.3, Rounding::up, 0.1) == 0.3);              // 0.3 ÷ 0.1 is 3, not 3.0000000000000004
  CHECK(round_hours(0.3, Rounding::down, 0.1) == 0.3);
  CHECK(round_hours(1234, Rounding::nearest, 50) == 1250);        // q = 24.68 → 25
  CHECK(round_hours(0, Rounding::up, 1) == 0);
}

TEST_CASE("labour-cost: the published worked example, 1 000 000 € × 50 % × 5 % ÷ 30 €/h = 833 h") {
  auto c = compute("  - {id: 1, title: a, trade: building, amount: 1000000, clause: execution}\n");
  const auto& lot = c.lot(0);
  CHECK(lot.raw_hours == 833.333333);
  CHECK(lot.hours == 833);
  CHECK(lot.status == Status::ok);
  CHECK(lot.basis == hours::Basis::amount);
  CHECK(c.result.total_hours == 833);
}

TEST_CASE("labour-cost: rounding modes and steps from the tender or the lot") {
  auto c = compute(
      "  - {id: 1, title: a, labour_share: 0.5, amount: 1000000, clause: execution, rounding: up}\n"
      "  - {id: 2, title: b, labour_share: 0.5, amount: 1000000, clause: execution, rounding: down, rounding_step: 10}\n"
      "  - {id: 3, title: c, labour_share: 0.5, amount: 1000000, clause: execution, rounding_step: 50}\n");
  CHECK(c.lot(0).hours == 834);  // ceil(833.333333)
  CHECK(c.lot(1).hours == 830);  // floor(83.3333333) × 10
  CHECK(c.lot(2).hours == 850);  // round(16.6666667) × 50
}

TEST_CASE("percent-of-hours: estimated like labour-cost with the percent as the rate") {
  // 500 000 € × 60 % × 10 % ÷ 25 €/h = 1 200 h
  auto c = compute("  - {id: 1, title: a, method: percent-of-hours, labour_share: 0.6, percent: 0.1, amount: 500000, "
                   "hourly_cost: 25, clause: execution}\n");
  CHECK(c.lot(0).hours == 1200);
  CHECK(c.lot(0).params.rate->value == 0.1);
}

TEST_CASE("fixed and fte") {
  auto c = compute("  - {id: 1, title: a, method: fixed, hours: 300, clause: execution}\n"
                   "  - {id: 2, title: b, method: fixed, hours: 37.5, clause: execution}\n"
                   "  - {id: 3, title: c, method: fte, fte: 2, months: 12, clause: execution}\n"
                   "  - {id: 4, title: d, method: fte, fte: 0.5, months: 6, clause: execution}\n");
  CHECK(c.lot(0).hours == 300);
  CHECK(c.lot(1).hours == 38);            // 37.5 half away from zero
  CHECK(c.lot(2).raw_hours == 3640.08);   // 2 × 12 × 151.67
  CHECK(c.lot(2).hours == 3640);
  CHECK(c.lot(3).raw_hours == 455.01);    // 0.5 × 6 × 151.67
  CHECK(c.lot(3).hours == 455);
  CHECK(c.result.total_hours == 300 + 38 + 3640 + 455);
}

TEST_CASE("cleaning-pact: the PACT Propreté formula with staff transfer") {
  // A = 480 000, N = 48, S = 300, C = 20 ÷ 0.80 = 25: A ÷ N = 10 000; P = 1 − 300 × 25 ÷ 10 000 = 0.25;
  // I = 0.25 × 480 000 ÷ 25 × 5 % = 240 h (≥ the method's 150 h minimum).
  // A = 1 200 000, N = 36, S = 500, T = 7 %: A ÷ N = 33 333.33; S × C = 12 500; P = 1 − 0.375 = 0.625;
  // I = 0.625 × 48 000 × 0.07 = 2 100 h.
  auto c = compute("  - {id: 1, title: a, method: cleaning-pact, amount: 480000, months: 48, "
                   "transferred_staff_monthly_hours: 300, clause: execution}\n"
                   "  - {id: 2, title: b, method: cleaning-pact, amount: 1200000, months: 36, "
                   "transferred_staff_monthly_hours: 500, rate: 0.07, clause: execution}\n");
  REQUIRE(c.lot(0).pact);
  CHECK(c.lot(0).pact->c == 25);
  CHECK(c.lot(0).pact->p == doctest::Approx(0.25));
  CHECK(c.lot(0).hours == 240);
  CHECK(c.lot(0).status == Status::ok);
  CHECK(c.lot(0).params.hourly_cost->value == 20);  // the method's default, not parameters' 30
  CHECK(c.lot(1).pact->p == doctest::Approx(0.625));
  CHECK(c.lot(1).hours == 2100);
}

TEST_CASE("cleaning-pact: no-capacity when the transferred staff exceeds what the contract can pay") {
  // A ÷ N = 120 000 ÷ 12 = 10 000 € a month pays 10 000 ÷ 25 = 400 labour hours a month.
  // S = 450 h: P = 1 − 450 × 25 ÷ 10 000 = −0.125 → no-capacity; S = 400 h: P = 0 → no-capacity too.
  auto c = compute("  - {id: 1, title: a, method: cleaning-pact, amount: 120000, months: 12, "
                   "transferred_staff_monthly_hours: 450, clause: execution}\n"
                   "  - {id: 2, title: b, method: cleaning-pact, amount: 120000, months: 12, "
                   "transferred_staff_monthly_hours: 400, clause: execution}\n"
                   "  - {id: 3, title: c, method: cleaning-pact, amount: 120000, months: 12, "
                   "transferred_staff_monthly_hours: 399, clause: execution, minimum_hours: 0}\n");
  CHECK(c.lot(0).status == Status::no_capacity);
  CHECK(c.lot(0).pact->p == doctest::Approx(-0.125));
  CHECK(c.lot(0).hours == 0);
  CHECK(c.lot(1).status == Status::no_capacity);
  // S = 399: P = 1 − 9 975 ÷ 10 000 = 0.0025; I = 0.0025 × 4 800 × 0.05 = 0.6 h → 1 h.
  CHECK(c.lot(2).status == Status::ok);
  CHECK(c.lot(2).hours == 1);
  CHECK(c.result.total_hours == 1);
}

TEST_CASE("cleaning-pact without transfer reduces to the standard formula, and 150 h is its minimum") {
  // 60 000 € × 80 % ÷ 20 €/h × 5 % = 120 h < 150 h: below-minimum, hours kept for information.
  auto c = compute("  - {id: 1, title: a, method: cleaning-pact, amount: 60000, months: 48, clause: execution}\n");
  CHECK(c.lot(0).hours == 120);
  CHECK(c.lot(0).status == Status::below_minimum);
  CHECK(c.lot(0).params.minimum_hours.value == 150);
  CHECK(c.result.total_hours == 0);
}

TEST_CASE("tranches: each computed and rounded on its own, optional ones included and marked") {
  // Each tranche: 100 000 € × 50 % × 5 % ÷ 30 €/h = 83.33 h → 83 h; the lot: 83 + 83 = 166 h,
  // where the whole 200 000 € would have given 166.67 → 167 h.
  auto c = compute("  - {id: 1, title: a, labour_share: 0.5, clause: execution, tranches: ["
                   "{id: TF, kind: firm, amount: 100000}, {id: TO1, kind: optional, amount: 100000}]}\n");
  const auto& lot = c.lot(0);
  REQUIRE(lot.tranches.size() == 2);
  CHECK(lot.tranches[0].hours == 83);
  CHECK(lot.tranches[1].hours == 83);
  CHECK(lot.tranches[1].tranche->kind == tender::TrancheKind::optional);
  CHECK(lot.hours == 166);
  CHECK(lot.raw_hours == 166.666666);  // 83.333333 + 83.333333
  CHECK(lot.amount == 200000);
  CHECK(lot.lot->tranches_amount() == 200000);  // the one sum of the tranches, on the lot
  CHECK(lot.basis == hours::Basis::tranches);
}

TEST_CASE("framework agreements: basis min, max or estimate") {
  // 80 000 × 60 % × 7 % ÷ 28 = 120 h; 150 000 × 60 % × 7 % ÷ 28 = 225 h; 100 000 × ... = 150 h.
  auto c = compute("  - {id: 1, title: a, clause: execution, framework: {min: 80000, max: 150000, basis: min}}\n"
                   "  - {id: 2, title: b, clause: execution, framework: {min: 80000, max: 150000, basis: max}}\n"
                   "  - {id: 3, title: c, clause: execution, amount: 100000, framework: {min: 80000, max: 150000, "
                   "basis: estimate}}\n",
                   "{hourly_cost: 28, rate: 0.07, labour_share: 0.6}");
  CHECK(c.lot(0).hours == 120);
  CHECK(c.lot(0).basis == hours::Basis::framework_min);
  CHECK(c.lot(1).hours == 225);
  CHECK(c.lot(1).basis == hours::Basis::framework_max);
  CHECK(c.lot(2).hours == 150);
  CHECK(c.lot(2).basis == hours::Basis::framework_estimate);
}

TEST_CASE("statuses and the total: only ok lots count") {
  // Lot 1: 833 h ok. Lot 2: 20 000 × 50 % × 5 % ÷ 30 = 16.67 → 17 h < 35 h: below-minimum.
  // Lot 3: clause none: 0 h. Lot 4: exactly the minimum, 35 h: ok.
  auto c = compute("  - {id: 1, title: a, labour_share: 0.5, amount: 1000000, clause: execution}\n"
                   "  - {id: 2, title: b, labour_share: 0.5, amount: 20000, clause: execution}\n"
                   "  - {id: 3, title: c, amount: 90000, clause: none}\n"
                   "  - {id: 4, title: d, method: fixed, hours: 35, clause: reserved-siae}\n",
                   "{hourly_cost: 30, rate: 0.05, minimum_hours: 35}");
  CHECK(c.lot(0).status == Status::ok);
  CHECK(c.lot(1).status == Status::below_minimum);
  CHECK(c.lot(1).hours == 17);
  CHECK(c.lot(2).status == Status::no_clause);
  CHECK(c.lot(2).hours == 0);
  CHECK(c.lot(3).status == Status::ok);
  CHECK(c.result.total_hours == 833 + 35);
  // The same total, for some lots only (clausier draft --lot): still the ok lots alone.
  CHECK(hours::total_hours(c.result.lots) == 833 + 35);
  CHECK(hours::total_hours(c.result.lots, {"1", "2", "3"}) == 833);
  CHECK(hours::total_hours(c.result.lots, {"4"}) == 35);
}

TEST_CASE("the total is rounded to 6 decimals, as every published figure") {
  // Steps of 0.1 h: 0.1 + 0.2 is 0.30000000000000004 in binary; the total says 0.3.
  auto c = compute("  - {id: 1, title: a, method: fixed, hours: 0.1, rounding_step: 0.1, clause: execution}\n"
                   "  - {id: 2, title: b, method: fixed, hours: 0.2, rounding_step: 0.1, clause: execution}\n");
  CHECK(c.result.total_hours == 0.3);
  CHECK(hours::total_hours(c.result.lots) == 0.3);
}

TEST_CASE("formula text: the one wording of hours --explain and of the drafted documents") {
  auto c = compute("  - {id: 1, title: a, labour_share: 0.5, amount: 1850000, clause: execution}\n"
                   "  - {id: 2, title: b, method: fte, fte: 2, months: 12, clause: execution}\n"
                   "  - {id: 3, title: c, method: fte, fte: 0.5, months: 6, clause: execution}\n"
                   "  - {id: 4, title: d, method: cleaning-pact, amount: 480000, months: 48, "
                   "transferred_staff_monthly_hours: 300, clause: execution}\n"
                   "  - {id: 5, title: e, method: fixed, hours: 300, clause: execution}\n"
                   "  - {id: 6, title: f, amount: 90000, clause: none}\n"
                   "  - {id: 7, title: g, labour_share: 0.35, clause: execution, tranches: ["
                   "{id: TF, kind: firm, amount: 650000}, {id: TO1, kind: optional, amount: 250000}]}\n");
  const std::string n = "\u202F";
  CHECK(hours::formula_text(c.lot(0)) ==
        "1" + n + "850" + n + "000,00" + n + "€ × 50" + n + "% × 5" + n + "% ÷ 30" + n + "€/h = 1" + n + "541,67" + n + "h");
  CHECK(hours::formula_text(c.lot(1)) == "2 équivalents temps plein × 12 mois × 151,67" + n + "h = 3" + n + "640,08" + n + "h");
  CHECK(hours::formula_text(c.lot(2)) == "0,5 équivalent temps plein × 6 mois × 151,67" + n + "h = 455,01" + n + "h");
  CHECK(hours::formula_text(c.lot(3)) == "P × A ÷ C × T = 0,25 × 480" + n + "000,00" + n + "€ ÷ 25" + n + "€ × 5" + n +
                                             "% = 240" + n + "h");
  CHECK(hours::formula_text(c.lot(4)).empty());
  CHECK(hours::formula_text(c.lot(5)).empty());
  const hours::LotResult& tranches = c.lot(6);
  CHECK(hours::formula_text(650000, tranches.params, tranches.tranches[0].raw_hours) ==
        "650" + n + "000,00" + n + "€ × 35" + n + "% × 5" + n + "% ÷ 30" + n + "€/h = 379,17" + n + "h");
}

TEST_CASE("what-if: a lot's own --set wins over one for every lot, whatever the order; decimal commas accepted") {
  auto c = compute("  - {id: 1, title: a, labour_share: 0.5, amount: 1000000, clause: execution}\n"
                   "  - {id: 2, title: b, labour_share: 0.5, amount: 1000000, clause: execution}\n",
                   "{hourly_cost: 30, rate: 0.05}", {"lot.2.rate=0,06", "rate=0,07", "rate=0.08"});
  CHECK(c.lot(0).params.rate->value == 0.08);
  CHECK(c.lot(1).params.rate->value == 0.06);
  CHECK(c.lot(1).params.overridden == std::vector<std::string>{"rate"});
}

TEST_CASE("cleaning-pact keeps the branch's 80 % whatever the trade") {
  auto c = compute("  - {id: 1, title: a, method: cleaning-pact, trade: painting, amount: 480000, months: 48, clause: execution}\n");
  CHECK(c.lot(0).params.labour_share->value == 0.80);
  CHECK(c.lot(0).pact->c == 25);
}

TEST_CASE("what-if: --set recomputes and records what was overridden") {
  // rate 7 %: 1 000 000 × 50 % × 7 % ÷ 30 = 1 166.67 → 1 167 h; lot 2 share 60 %: 1 000 000 × 60 % × 7 % ÷ 32 = 1 312.5 → 1 313 h.
  auto c = compute("  - {id: 1, title: a, labour_share: 0.5, amount: 1000000, clause: execution}\n"
                   "  - {id: 2, title: b, labour_share: 0.5, amount: 1000000, clause: execution}\n",
                   "{hourly_cost: 30, rate: 0.05}", {"rate=0.07", "lot.2.labour_share=0.6", "lot.2.hourly_cost=32"});
  CHECK(c.lot(0).hours == 1167);
  CHECK(c.lot(1).hours == 1313);
  CHECK(c.lot(0).params.overridden == std::vector<std::string>{"rate"});
  CHECK(c.lot(1).params.overridden == std::vector<std::string>{"hourly_cost", "labour_share", "rate"});
  CHECK(c.result.overrides == std::vector<std::string>{"rate=0.07", "lot.2.labour_share=0.6", "lot.2.hourly_cost=32"});
}
