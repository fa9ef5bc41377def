// hours::target_at (formats.md section 2, « Lot events »): the lot's hours, minus its optional tranches not
// exercised, changed by each event dated on or before the date, in order. Every figure is computed by hand
// in the comment beside it: amount × labour share × rate ÷ hourly cost, then rounded.
#include <doctest/doctest.h>

#include <string>

#include "clausier/hours/target.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/tender/load.hpp"
#include "printers.hpp"

using namespace clausier;
using io::Date;

namespace {

struct Operation {
  tender::LoadResult loaded;
  hours::TenderResult result;
  hours::Target at(int y, int m, int d, std::size_t lot = 0) const {
    return hours::target_at(result.lots.at(lot), Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                                      static_cast<unsigned short>(d)));
  }
};

Operation operation(const std::string& lots, const std::string& parameters = "{hourly_cost: 30, rate: 0.05}") {
  Operation o;
  o.loaded = tender::parse_tender("format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\n"
                                  "parameters: " + parameters + "\nlots:\n" + lots,
                                  "t.yaml");
  REQUIRE_MESSAGE(o.loaded.ok(), (o.loaded.diagnostics.empty() ? "" : o.loaded.diagnostics[0].message));
  tender::Resolution res = tender::resolve(*o.loaded.tender, rules::RuleSet::builtin(), {});
  REQUIRE(res.ok());
  o.result = hours::compute(*o.loaded.tender, res);
  return o;
}

const std::string award = "    award: {contractor: {name: BTP}, notified: 2027-01-15}\n";

}  // namespace

TEST_CASE("target: optional tranches count once exercised; an amendment recomputes one tranche") {
  // Labour share 0,5, rate 5 %, 30 €/h: TF 600 000 → 500 h; TO1 300 000 → 250 h; TO2 100 000 → 83,33 → 83 h.
  Operation o = operation("  - id: 1\n    title: Voirie\n    clause: execution\n    labour_share: 0.5\n"
                          "    tranches:\n"
                          "      - {id: TF, kind: firm, amount: 600000}\n"
                          "      - {id: TO1, kind: optional, amount: 300000}\n"
                          "      - {id: TO2, kind: optional, amount: 100000}\n" +
                          award +
                          "    events:\n"
                          "      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO1}\n"
                          "      - {date: 2027-04-01, kind: amendment, tranche: TO2, amount: 120000}\n"
                          "      - {date: 2027-05-03, kind: tranche-exercised, tranche: TO2}\n"
                          "      - {date: 2027-06-01, kind: amendment, tranche: TF, amount: 660000}\n");
  CHECK(o.result.lots[0].hours == 833);  // what clausier hours says: 500 + 250 + 83, optional tranches included

  hours::Target t = o.at(2027, 2, 28);  // nothing exercised: the firm tranche only
  CHECK(t.due());
  CHECK(t.initial_hours == 833);
  CHECK(t.optional_hours == 333);       // 250 + 83
  CHECK(t.hours == 500);                // 833 − 333
  CHECK(*t.amount == 600000);           // the firm tranche's amount
  CHECK(t.steps.empty());

  t = o.at(2027, 3, 1);  // an event counts from its date on
  CHECK(t.hours == 750);                // 500 + 250
  REQUIRE(t.steps.size() == 1);
  CHECK(t.steps[0].hours_before == 500);
  CHECK(t.steps[0].hours_after == 750);
  CHECK(*t.steps[0].hours == 250);
  CHECK(*t.amount == 900000);

  // TO2 amended before it is exercised: 120 000 × 0,5 × 5 % ÷ 30 = 100 h, not due yet.
  t = o.at(2027, 4, 1);
  CHECK(t.hours == 750);
  CHECK(*t.steps[1].raw_hours == 100);
  CHECK(*t.steps[1].hours == 100);
  CHECK(t.steps[1].hours_after == 750);

  t = o.at(2027, 12, 31);
  // TO2 exercised with its amended hours: 750 + 100 = 850; then TF amended to 660 000: 550 h, 850 − 500 + 550 = 900.
  CHECK(t.hours == 900);
  REQUIRE(t.steps.size() == 4);
  CHECK(t.steps[2].hours_after == 850);
  CHECK(*t.steps[3].amount == 660000);
  CHECK(t.steps[3].hours_after == 900);
  CHECK(*t.amount == 1080000);  // 660 000 + 300 000 + 120 000
  CHECK_FALSE(t.end);           // the lot has no end date
}

TEST_CASE("target: amendments and terminations in hours, on a lot of fixed hours") {
  Operation o = operation("  - id: 1\n    title: Charpente\n    clause: execution\n    method: fixed\n    hours: 300\n"
                          "    start: 2027-02-01\n    end: 2027-09-30\n" +
                          award +
                          "    events:\n"
                          "      - {date: 2027-05-15, kind: amendment, hours: 350}\n"
                          "      - {date: 2027-07-31, kind: terminated, hours: 120}\n");
  CHECK(o.at(2027, 5, 14).hours == 300);
  CHECK(o.at(2027, 5, 15).hours == 350);
  hours::Target t = o.at(2027, 12, 31);
  CHECK(t.hours == 120);
  CHECK(t.terminated);
  CHECK(*t.end == Date(2027, 7, 31));  // the lot ends on the termination's date
  CHECK_FALSE(t.steps[1].raw_hours);   // agreed hours: nothing recomputed
  CHECK(*t.steps[1].hours == 120);
}

TEST_CASE("target: cleaning-pact recomputes P on the new amount; no capacity gives 0 hours") {
  // C = 20 ÷ 0,8 = 25 €; P = 1 − 300 × 25 ÷ (480 000 ÷ 48) = 1 − 7 500 ÷ 10 000 = 0,25;
  // I = 0,25 × 480 000 ÷ 25 × 5 % = 240 h.
  Operation o = operation("  - id: 1\n    title: Nettoyage\n    clause: execution\n    method: cleaning-pact\n"
                          "    amount: 480000\n    months: 48\n    transferred_staff_monthly_hours: 300\n" +
                          award +
                          "    events:\n"
                          "      - {date: 2027-06-01, kind: amendment, amount: 576000}\n"
                          "      - {date: 2028-06-30, kind: terminated, executed_amount: 240000}\n",
                          "{rate: 0.05}");
  CHECK(o.result.lots[0].hours == 240);
  // 576 000 ÷ 48 = 12 000 € a month: P = 1 − 7 500 ÷ 12 000 = 0,375; I = 0,375 × 576 000 ÷ 25 × 5 % = 432 h.
  CHECK(o.at(2027, 6, 1).hours == 432);
  // 240 000 ÷ 48 = 5 000 € a month: P = 1 − 7 500 ÷ 5 000 = −0,5 ≤ 0: no capacity, 0 h.
  hours::Target t = o.at(2028, 6, 30);
  CHECK(t.hours == 0);
  CHECK(*t.steps[1].raw_hours == 0);
  CHECK(*t.amount == 240000);
}

TEST_CASE("target: framework orders recompute up and down with the lot's rounding") {
  // Labour share 0,6, rate 5 %, 28 €/h, rounded up to 10 h: minimum 80 000 → 85,71 → 90 h.
  Operation o = operation("  - id: 1\n    title: Espaces verts\n    clause: execution\n    labour_share: 0.6\n"
                          "    framework: {min: 80000, max: 320000, basis: min}\n" +
                          award +
                          "    events:\n"
                          "      - {date: 2027-04-30, kind: orders, amount: 95000}\n"
                          "      - {date: 2027-10-29, kind: orders, amount: 60000}\n",
                          "{hourly_cost: 28, rate: 0.05, rounding: up, rounding_step: 10}");
  CHECK(o.result.lots[0].hours == 90);
  hours::Target t = o.at(2027, 5, 1);
  CHECK(t.hours == 110);                                    // 95 000 × 0,6 × 5 % ÷ 28 = 101,79 → 110
  CHECK(*t.steps[0].raw_hours == doctest::Approx(101.785714));
  CHECK(o.at(2027, 11, 1).hours == 70);                     // 60 000 → 64,29 → 70: down as well as up
}

TEST_CASE("target: a lot not awarded owes nothing; a lot without a clause has no hours") {
  Operation o = operation("  - {id: 1, title: a, clause: execution, labour_share: 0.5, amount: 600000}\n"
                          "  - {id: 2, title: b, clause: none, amount: 600000,\n"
                          "     award: {notified: 2027-01-15}, events: [{date: 2027-02-01, kind: amendment, amount: 5}]}\n");
  hours::Target t = o.at(2027, 6, 1);
  CHECK_FALSE(t.awarded);
  CHECK_FALSE(t.due());
  CHECK(t.hours == 500);  // what would be due: 600 000 × 0,5 × 5 % ÷ 30
  hours::Target none = o.at(2027, 6, 1, 1);
  CHECK_FALSE(none.due());
  CHECK(none.hours == 0);
  CHECK(none.steps.size() == 1);
  CHECK(none.steps[0].hours_after == 0);
}
