// The report model on small hand-made inputs: privacy suppression, FTE, DECP values, one operation's
// report, the consolidation of two operations grouped four ways, and the JSON of suppressed cells.
// Every expected figure is computed by hand in the comment next to it.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "clausier/calendar/holidays.hpp"
#include "clausier/report/buyers.hpp"
#include "clausier/report/model.hpp"
#include "clausier/report/render.hpp"
#include "clausier/tender/load.hpp"
#include "fixtures.hpp"
#include "printers.hpp"

using namespace clausier;
using namespace clausier::report;

namespace {

Breakdown cells_of(const std::vector<int>& people, int population = 0) {
  Breakdown b;
  b.id = "test";
  b.population = population;
  for (std::size_t i = 0; i < people.size(); ++i) {
    Cell c;
    c.key = std::to_string(i);
    c.people = people[i];
    b.cells.push_back(c);
  }
  return b;
}

std::vector<bool> flags(const Breakdown& b) {
  std::vector<bool> out;
  for (const Cell& c : b.cells) out.push_back(c.suppressed);
  return out;
}

std::vector<bool> hidden_at_5(const std::vector<int>& people, int population) {
  Breakdown b = cells_of(people, population);
  suppress_small_cells(b, 5);
  return flags(b);
}

// A breakdown as "key:people" (people as counted, suppressed or not), or "key:people/hours" when it
// carries hours; the cells in their order.
std::string summary(const Breakdown& b) {
  std::string out;
  for (const Cell& c : b.cells) {
    if (!out.empty()) out += " ";
    out += c.key + ":" + std::to_string(c.people);
    if (b.has_hours) {
      out += fmt::format("/{}", c.hours);
    }
  }
  return out;
}

const Breakdown& find(const std::vector<Breakdown>& list, const std::string& id) {
  for (const Breakdown& b : list)
    if (b.id == id) return b;
  FAIL("no breakdown " << id);
  throw std::logic_error("unreachable");
}

track::Operation make_operation(const std::string& tender_text, const std::string& participants,
                                const std::string& statements) {
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  track::Operation op;
  tender::LoadResult loaded = tender::parse_tender(tender_text, "ops/x/tender.yaml");
  REQUIRE(loaded.ok());
  op.batch.tenders.push_back(std::move(*loaded.tender));
  const tender::Tender& t = op.batch.tenders.back();
  tender::Resolution res = tender::resolve(t, rules);
  REQUIRE(res.ok());
  op.batch.results.push_back(hours::compute(t, res));
  track::ParticipantsResult p = track::parse_participants(participants, "ops/x/participants.yaml", rules);
  REQUIRE(p.diagnostics.empty());
  op.participants = std::move(p.participants);
  REQUIRE(track::read_statements(statements, "ops/x/statements/s.csv", op.statements).empty());
  return op;
}

// Operation A: lot 1 fixed 100 h (painting, 2027-01-01..2028-12-31), lot 2 fixed 20 h under a 35 h
// minimum (below-minimum: the clause is not set, the lot is not tracked), lot 3 without clause.
track::Operation operation_a() {
  return make_operation(R"(format: clausier/tender/1
id: A-2027
title: Opération A
buyer: {name: Ville A}
nature: works
notice_date: 2027-01-10
parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.5}
lots:
  - {id: 1, title: Peinture, method: fixed, hours: 100, trade: painting, clause: execution,
     start: 2027-01-01, end: 2028-12-31, award: {contractor: {name: Peintures du Sud}}}
  - {id: 2, title: Maçonnerie, method: fixed, hours: 20, trade: masonry, clause: execution, minimum_hours: 35,
     award: {contractor: {name: Maçons Réunis}}}
  - {id: 3, title: Mobilier, amount: 10000, clause: none}
)",
                        R"(format: clausier/participants/1
participants:
  - {ref: Q-1, sex: F, birth_year: 1990, criteria: [rsa], validated_on: 2027-01-05,
     exit: {date: 2027-06-30, situation: cdi}, follow_up: {date: 2027-12-31, situation: cdi}}
  - {ref: Q-2, sex: M, birth_year: 2004, criteria: [young], validated_on: 2027-01-05}
  - {ref: Q-3, sex: X, birth_year: 1970, criteria: [senior], validated_on: 2027-03-01}
)",
                        "lot;participant;month;route;contract;employer;work_hours;training_hours\n"
                        "1;Q-1;2027-01;direct;cdd;E1;60;0\n"                   // line 2: 60
                        "1;Q-1;2027-02;direct;cdd;E1;50;10\n"                  // line 3: 50 (training on a CDD does not count)
                        "1;Q-2;2027-02;geiq;professionalisation;G;20;10\n"     // line 4: 20 + 10
                        "1;Q-2;2028-01;geiq;professionalisation;G;20;0\n"      // line 5: 20
                        "2;Q-3;2027-03;etti;interim;T;15;0\n"                  // line 6: 15 on lot 2 (not tracked)
                        "1;Q-9;2027-03;direct;cdd;E1;5;0\n"                    // line 7: unknown-participant, 5 h
                        "1;Q-1;2027-02;direct;cdd;E1;50;0\n"                   // line 8: duplicate of line 3, 50 h
                        "3;Q-1;2027-02;direct;cdd;E1;7;0\n"                    // line 9: lot-without-clause, 7 h
                        "1;Q-1;2029-01;direct;cdd;E1;7;0\n");                  // line 10: after-as-of (2028-06-30), 7 h
}

// Operation B: one reserved lot, fixed 50 h (cleaning, 2027-07-01..2027-12-31). Q-1 is the same person
// as in A (same ref), written here without her outcomes: A, added first, describes her.
track::Operation operation_b() {
  return make_operation(R"(format: clausier/tender/1
id: B-2027
title: Opération B
buyer: {name: Ville B}
nature: services
notice_date: 2027-06-01
parameters: {hourly_cost: 30, rate: 0.05}
lots:
  - {id: 1, title: Nettoyage, method: fixed, hours: 50, trade: cleaning, clause: reserved-siae,
     start: 2027-07-01, end: 2027-12-31, award: {contractor: {name: Régie de quartier}, notified: 2027-06-20}}
)",
                        R"(format: clausier/participants/1
participants:
  - {ref: Q-1, sex: F, birth_year: 1990, criteria: [rsa], validated_on: 2027-01-05}
  - {ref: R-1, sex: M, birth_year: 1960, criteria: [senior], validated_on: 2027-07-01,
     exit: {date: 2027-12-31, situation: jobseeker}}
)",
                        "lot;participant;month;route;contract;employer;work_hours;training_hours\n"
                        "1;Q-1;2027-07;ai;cddi;AI;10;0\n"      // 10
                        "1;R-1;2027-08;direct;cdi;SIAE;30;0\n");  // 30
}

ReportOptions at(io::Date as_of, int min_cell) {
  ReportOptions o;
  o.as_of = as_of;
  o.min_cell = min_cell;
  return o;
}

}  // namespace

TEST_CASE("report privacy: small cells, secondary suppression, zero cells and the population") {
  // min 5: 4 is hidden; exactly one hidden cell, so the smallest other non-zero cell (5) is hidden too;
  // 0 is shown; 7 is shown.
  Breakdown a = cells_of({4, 5, 0, 7}, 16);
  suppress_small_cells(a, 5);
  CHECK(flags(a) == std::vector<bool>{true, true, false, false});
  CHECK_FALSE(a.population_suppressed);
  // Two hidden cells (1 and 3), but 4 people together, fewer than 5: the smallest other one (6) is hidden
  // too (issue 17: two hidden cells that add up to 2 are 1 and 1).
  Breakdown b = cells_of({1, 3, 9, 6}, 19);
  suppress_small_cells(b, 5);
  CHECK(flags(b) == std::vector<bool>{true, true, false, true});
  CHECK(hidden_at_5({1, 1, 5}, 7) == std::vector<bool>{true, true, true});
  CHECK(hidden_at_5({2, 3, 9}, 14) == std::vector<bool>{true, true, false});  // 5 people together: enough
  // A tie for the smallest other cell: the first one (cell 1) is hidden.
  Breakdown c = cells_of({2, 6, 6}, 14);
  suppress_small_cells(c, 5);
  CHECK(flags(c) == std::vector<bool>{true, true, false});
  // A population of 3: no cell is published, zeros included (issue 17: the one hidden cell beside two
  // zeros said that all three people were in it).
  Breakdown d = cells_of({0, 3, 0}, 3);
  suppress_small_cells(d, 5);
  CHECK(flags(d) == std::vector<bool>{true, true, true});
  // Each reads « masqué », the 3 too: « < 5 » beside two « masqué » that cannot hold 5 people (3 in all)
  // would say again that the zeros are zeros, and all three people in the middle cell.
  CHECK(d.cells[0].secondary);
  CHECK(d.cells[1].secondary);
  CHECK(d.cells[2].secondary);
  CHECK(d.population_suppressed);
  CHECK_FALSE(d.population_secondary);  // « < 5 personnes »: the group's people count says it already
  // A cell that another report hides is hidden here too (secondary), and then protected like any other.
  Breakdown elsewhere = cells_of({6, 10, 0, 12}, 28);
  suppress_small_cells(elsewhere, 5, {true, false, false, false});
  CHECK(flags(elsewhere) == std::vector<bool>{true, true, false, false});
  CHECK(elsewhere.cells[0].secondary);
  // Flags are recomputed from scratch; min_cell 1 hides nothing; no one at all hides nothing.
  suppress_small_cells(a, 1);
  CHECK(flags(a) == std::vector<bool>{false, false, false, false});
  Breakdown e = cells_of({0, 0}, 0);
  suppress_small_cells(e, 5);
  CHECK(flags(e) == std::vector<bool>{false, false});
  CHECK_FALSE(e.population_suppressed);
  // One cell alone: 1..4 hidden at 5, 0 and 5 shown.
  Cell one;
  for (auto [people, hidden] : std::vector<std::pair<int, bool>>{{0, false}, {1, true}, {4, true}, {5, false}}) {
    one.people = people;
    suppress_small_cell(one, 5);
    CHECK(one.suppressed == hidden);
  }
}

TEST_CASE("report FTE: hours ÷ 1 820 (12 months of 151.67 h, the fte method's basis), rounded to the nearest") {
  // 25 124 684 ÷ 1 820 = 13 804.77 → 13 805 (the network's 2021 hours; it publishes 15 703 FTE of 1 600 h).
  CHECK(full_time_equivalents(25124684) == 13805);
  CHECK(full_time_equivalents(0) == 0);
  CHECK(full_time_equivalents(909) == 0);   // 0.499
  CHECK(full_time_equivalents(910) == 1);   // 0.5, half away from zero
  CHECK(full_time_equivalents(2730) == 2);  // 1.5 → 2
  CHECK(full_time_equivalents(3639) == 2);  // 1.9995 → 2
  CHECK(full_time_equivalents(hours::full_time_month_hours * 12) == 1);
}

TEST_CASE("report age bands and group-by names") {
  CHECK(age_band(16) == AgeBand::under_26);
  CHECK(age_band(25) == AgeBand::under_26);
  CHECK(age_band(26) == AgeBand::from_26_to_49);
  CHECK(age_band(49) == AgeBand::from_26_to_49);
  CHECK(age_band(50) == AgeBand::from_50);
  CHECK(code(AgeBand::under_26) == "under-26");
  CHECK(code(AgeBand::from_26_to_49) == "26-49");
  CHECK(code(AgeBand::from_50) == "50-plus");
  CHECK(name(GroupBy::none) == "none");
  CHECK(name(GroupBy::buyer) == "buyer");
  CHECK(name(GroupBy::year) == "year");
  CHECK(name(GroupBy::trade) == "trade");
  CHECK(name(GroupBy::route) == "route");
}

TEST_CASE("report DECP values of each clause type, award criterion and status") {
  using tender::Clause;
  using V = std::vector<std::string>;
  auto values = [](Clause clause, hours::Status status, bool criterion) {
    tender::Lot lot;
    lot.clause.value = clause;
    if (criterion) lot.award_criterion = tender::AwardCriterion{};
    hours::LotResult r;
    r.lot = &lot;
    r.status = status;
    return decp_values(r);
  };
  using S = hours::Status;
  CHECK(values(Clause::execution, S::ok, false) == V{"Clause sociale"});
  CHECK(values(Clause::integration_object, S::ok, false) == V{"Clause sociale"});
  CHECK(values(Clause::execution, S::ok, true) == V{"Clause sociale", "Critère social"});
  // Below the minimum (or without capacity) the execution clause is not set.
  CHECK(values(Clause::execution, S::below_minimum, false) == V{"Pas de considération sociale"});
  CHECK(values(Clause::execution, S::no_capacity, false) == V{"Pas de considération sociale"});
  CHECK(values(Clause::execution, S::below_minimum, true) == V{"Critère social"});
  // A reserved contract is reserved whatever its hours.
  CHECK(values(Clause::reserved_siae, S::ok, false) == V{"Marché réservé"});
  CHECK(values(Clause::reserved_disability, S::ok, false) == V{"Marché réservé"});
  CHECK(values(Clause::reserved_both, S::below_minimum, false) == V{"Marché réservé"});
  CHECK(values(Clause::reserved_siae, S::ok, true) == V{"Critère social", "Marché réservé"});
  CHECK(values(Clause::none, S::no_clause, false) == V{"Pas de considération sociale"});
}

TEST_CASE("report breakdowns: ids, titles, labels and codes in their fixed order") {
  BreakdownCounter counter(rules::RuleSet::builtin(), date(2027, 12, 31), true);
  std::vector<Breakdown> b = counter.finish(5);
  std::vector<std::string> ids, titles;
  for (const Breakdown& x : b) {
    ids.push_back(x.id);
    titles.push_back(x.title);
    CHECK(x.population == 0);
    for (const Cell& c : x.cells) CHECK(c.people == 0);
  }
  CHECK(ids == std::vector<std::string>{"sex", "age_band", "criterion", "route", "contract", "training", "exit", "follow_up"});
  CHECK(titles == std::vector<std::string>{"Sexe", "Tranche d'âge à la validation", "Critère d'éligibilité",
                                           "Modalité d'insertion", "Type de contrat", "Heures de formation",
                                           "Situation à la sortie", "Situation six mois après la sortie"});
  auto keys = [](const Breakdown& x) {
    std::vector<std::string> out;
    for (const Cell& c : x.cells) out.push_back(c.key + "=" + c.label);
    return out;
  };
  CHECK(keys(b[0]) == std::vector<std::string>{"F=Femmes", "M=Hommes", "X=Autre ou non précisé"});
  CHECK(keys(b[1]) == std::vector<std::string>{"under-26=Moins de 26 ans", "26-49=26 à 49 ans", "50-plus=50 ans ou plus"});
  // The rule table's 16 criteria, in table order, with its labels.
  REQUIRE(b[2].cells.size() == 16);
  CHECK(b[2].cells[0].key == "deld");
  CHECK(b[2].cells[0].label == "Demandeur d'emploi de longue durée (12 mois ou plus)");
  CHECK(b[2].cells[13].key == "other-validated");
  CHECK(keys(b[3]) == std::vector<std::string>{"direct=Embauche directe", "etti=Intérim d'insertion (ETTI)",
                                               "ai=Association intermédiaire", "geiq=GEIQ",
                                               "siae-subcontract=Sous-traitance à une SIAE",
                                               "siae-cocontract=Cotraitance avec une SIAE", "ea=Entreprise adaptée"});
  CHECK(keys(b[4]) == std::vector<std::string>{"cdi=CDI", "cdi-inclusion=CDI inclusion", "cdd=CDD", "cddi=CDDI",
                                               "cdd-usage=CDD d'usage", "interim=Intérim", "apprenticeship=Apprentissage",
                                               "professionalisation=Professionnalisation", "other=Autre"});
  CHECK(keys(b[5]) == std::vector<std::string>{"with-training=Avec des heures de formation comptées",
                                               "without-training=Sans heure de formation comptée"});
  std::vector<std::string> outcomes{"durable=Emploi durable", "transition=Emploi de transition",
                                    "positive=Sortie positive (formation pré-qualifiante ou qualifiante, embauche dans "
                                    "une autre SIAE)",
                                    "neutral=Sortie neutre", "other=Autre situation", "none=Non renseignée"};
  CHECK(keys(b[6]) == outcomes);
  CHECK(keys(b[7]) == outcomes);
  CHECK((b[3].has_hours && b[4].has_hours && b[5].has_hours && !b[0].has_hours && !b[2].has_hours));
  CHECK((b[2].multiple && b[3].multiple && b[4].multiple && !b[0].multiple && !b[5].multiple));
  // The consolidation's counter has no training breakdown.
  BreakdownCounter without(rules::RuleSet::builtin(), date(2027, 12, 31), false);
  CHECK(without.finish(5).size() == 7);
}

TEST_CASE("report of one operation: over-achievement, an untracked lot, months and what did not count") {
  track::Operation op = operation_a();
  OperationReport r = build_operation_report(op, rules::RuleSet::builtin(), at(date(2028, 6, 30), 1));
  CHECK(r.path == "ops/x");
  CHECK(r.id == "A-2027");
  CHECK(r.buyer == "Ville A");
  REQUIRE(r.lots.size() == 3);

  // Lot 1: target 100; realised 60 + 50 + 30 + 20 = 160 → achievement 1.6, over-achievement 60, nothing missing.
  const LotReport& l1 = r.lots[0];
  CHECK(l1.clause == tender::Clause::execution);
  CHECK(l1.hours_status == hours::Status::ok);
  CHECK(l1.tracking_status == track::LotStatus::complete);
  CHECK(l1.decp == "Clause sociale");
  CHECK(l1.contractor == "Peintures du Sud");
  CHECK(l1.trade == "painting");
  CHECK(l1.target_hours == 100);
  CHECK(l1.realised_hours == 160);
  CHECK(l1.achievement == 1.6);
  CHECK(l1.over_hours == 60);
  CHECK(l1.missing_hours == 0);
  CHECK(l1.participants.people == 2);  // Q-1, Q-2
  // Years: 100 h over 2027 (254 working days) and 2028 (251): quotas 50.30 and 49.70, floors 50 + 49,
  // the hour left to the larger remainder (2028) → 50 and 50. Realised 2027: 60 + 50 + 30 = 140 (Q-1, Q-2);
  // 2028: 20 (Q-2).
  REQUIRE(l1.years.size() == 2);
  CHECK(l1.years[0].year == 2027);
  CHECK(l1.years[0].target_hours == 50);
  CHECK(l1.years[0].realised_hours == 140);
  CHECK(l1.years[0].participants.people == 2);
  CHECK(l1.years[1].year == 2028);
  CHECK(l1.years[1].target_hours == 50);
  CHECK(l1.years[1].realised_hours == 20);
  CHECK(l1.years[1].participants.people == 1);

  // Lot 2: below the minimum, not tracked (target 0); its 15 h are over-achievement of no obligation,
  // shown on its line only.
  const LotReport& l2 = r.lots[1];
  CHECK(l2.hours_status == hours::Status::below_minimum);
  CHECK_FALSE(l2.tracking_status.has_value());
  CHECK(lot_status(l2) == "non suivi (sous le minimum)");
  CHECK(l2.decp == "Pas de considération sociale");
  CHECK(l2.target_hours == 0);
  CHECK(l2.realised_hours == 15);
  CHECK_FALSE(l2.achievement.has_value());
  CHECK(l2.over_hours == 15);
  CHECK(l2.participants.people == 1);  // Q-3
  REQUIRE(l2.years.size() == 1);       // no execution period: the years of its rows only
  CHECK(l2.years[0].year == 2027);
  CHECK(l2.years[0].target_hours == 0);
  CHECK(l2.years[0].realised_hours == 15);
  // Lot 3: no clause.
  CHECK(r.lots[2].hours_status == hours::Status::no_clause);
  CHECK(r.lots[2].realised_hours == 0);
  CHECK(r.lots[2].participants.people == 0);
  CHECK(r.lots[2].years.empty());

  // The operation: tracked lots only (lot 1): 100 / 160; people Q-1 and Q-2 (Q-3 worked on lot 2 only).
  CHECK(r.target_hours == 100);
  CHECK(r.realised_hours == 160);
  CHECK(r.achievement == 1.6);
  CHECK(r.participants.people == 2);
  CHECK(r.participants.hours == 160);
  CHECK(r.validated_participants.people == 3);
  CHECK_FALSE(r.validated_participants.suppressed);
  CHECK(r.work_contracts == 2);  // (Q-1, E1, cdd), (Q-2, G, professionalisation)
  REQUIRE(r.contractors.size() == 1);
  CHECK(r.contractors[0].name == "Peintures du Sud");
  CHECK(r.contractors[0].lots == std::vector<std::string>{"1"});
  CHECK(r.contractors[0].realised_hours == 160);
  CHECK(r.contractors[0].achievement == 1.6);

  // Q-1: F, 2027 − 1990 = 37, rsa, direct/cdd 110, exit cdi (durable), follow-up cdi (durable).
  // Q-2: M, 2027 − 2004 = 23, young, geiq/professionalisation 50 of which 10 training.
  CHECK(summary(find(r.breakdowns, "sex")) == "F:1 M:1 X:0");
  CHECK(summary(find(r.breakdowns, "age_band")) == "under-26:1 26-49:1 50-plus:0");
  CHECK(summary(find(r.breakdowns, "route")) ==
        "direct:1/110 etti:0/0 ai:0/0 geiq:1/50 siae-subcontract:0/0 siae-cocontract:0/0 ea:0/0");
  CHECK(summary(find(r.breakdowns, "contract")) ==
        "cdi:0/0 cdi-inclusion:0/0 cdd:1/110 cddi:0/0 cdd-usage:0/0 interim:0/0 apprenticeship:0/0 "
        "professionalisation:1/50 other:0/0");
  CHECK(summary(find(r.breakdowns, "training")) == "with-training:1/10 without-training:1/0");
  CHECK(summary(find(r.breakdowns, "exit")) == "durable:1 transition:0 positive:0 neutral:0 other:0 none:1");
  CHECK(summary(find(r.breakdowns, "follow_up")) == "durable:1 transition:0 positive:0 neutral:0 other:0 none:1");
  CHECK(find(r.breakdowns, "sex").population == 2);

  // Months 2027-01..2028-06 (lot 1 starts 2027-01, as_of before its end): 18.
  // Expected at the end of 2027-01: 100 × 20 ÷ 505 = 3.960396; at 2028-06-30: 100 × (254 + 125) ÷ 505
  // = 37 900 ÷ 505 = 75.049505 (2028 H1: Jan 21, Feb 21, Mar 23, Apr 20 − 1, May 23 − 3, Jun 22 − 1 = 125).
  CHECK(calendar::working_days(date(2028, 1, 1), date(2028, 6, 30)) == 125);
  CHECK(calendar::working_days(date(2027, 1, 1), date(2028, 12, 31)) == 505);
  REQUIRE(r.months.size() == 18);
  CHECK(r.months[0].month == "2027-01");
  CHECK(r.months[0].realised == 60);
  CHECK(r.months[0].cumulative == 60);
  CHECK(r.months[0].expected_cumulative == 3.960396);
  CHECK(r.months[1].realised == 80);  // 50 + 30
  CHECK(r.months[1].cumulative == 140);
  CHECK(r.months[2].realised == 0);  // lot 2's March hours are not tracked
  CHECK(r.months[12].month == "2028-01");
  CHECK(r.months[12].cumulative == 160);
  CHECK(r.months[17].month == "2028-06");
  CHECK(r.months[17].cumulative == 160);
  CHECK(r.months[17].expected_cumulative == 75.049505);

  // What did not count, in the order of formats.md section 5: lot 3 (7 h), Q-9 (5 h), the duplicate
  // (50 h), then 2029-01 after the date (7 h): 4 rows, 69 h.
  REQUIRE(r.not_counted.size() == 4);
  CHECK(r.not_counted[0].reason == "lot-without-clause");
  CHECK(r.not_counted[0].label == "lot sans clause");
  CHECK(r.not_counted[0].hours == 7);
  CHECK(r.not_counted[1].reason == "unknown-participant");
  CHECK(r.not_counted[1].hours == 5);
  CHECK(r.not_counted[2].reason == "duplicate");
  CHECK(r.not_counted[2].hours == 50);
  CHECK(r.not_counted[3].reason == "after-as-of");
  CHECK(r.not_counted[3].rows == 1);
  CHECK(r.not_counted_rows == 4);
  CHECK(r.not_counted_hours == 69);
  CHECK(r.counting.training_hours == "work-contracts");
  CHECK_FALSE(r.counting.validity_months.has_value());
  CHECK(r.counting.rules_version == rules::RuleSet::builtin().version());

  // Outcomes dated after as_of are not known yet: at 2027-09-30, Q-1's follow-up (2027-12-31) is "none".
  OperationReport early = build_operation_report(op, rules::RuleSet::builtin(), at(date(2027, 9, 30), 1));
  CHECK(summary(find(early.breakdowns, "exit")) == "durable:1 transition:0 positive:0 neutral:0 other:0 none:1");
  CHECK(summary(find(early.breakdowns, "follow_up")) == "durable:0 transition:0 positive:0 neutral:0 other:0 none:2");
}

TEST_CASE("report consolidation: a person counted once across operations, totals in the network's terms") {
  track::Operation a = operation_a();
  track::Operation b = operation_b();
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  Consolidation c = consolidate({&a, &b}, GroupBy::none, rules, at(date(2028, 6, 30), 1));
  CHECK(c.groups.empty());
  REQUIRE(c.operations.size() == 2);
  CHECK(c.operations[0].id == "A-2027");
  CHECK(c.operations[0].path == "ops/x");
  CHECK(c.operations[0].lots_with_clause == 1);  // lot 2 is below its minimum, lot 3 has none
  CHECK(c.operations[0].target_hours == 100);
  CHECK(c.operations[0].realised_hours == 160);
  CHECK(c.operations[1].id == "B-2027");
  CHECK(c.operations[1].target_hours == 50);
  CHECK(c.operations[1].realised_hours == 40);  // 10 + 30
  const GroupReport& t = c.total;
  CHECK(t.key.empty());
  CHECK(t.label == "Ensemble");
  CHECK(t.operations == 2);
  CHECK(t.contracts_with_clause == 2);
  CHECK(t.target_hours == 150);
  CHECK(t.realised_hours == 200);  // 160 + 40
  CHECK(t.fte == 0);               // 200 ÷ 1 600 = 0.125
  // Q-1 (in A and B), Q-2 (A), R-1 (B): 3 people, not 4.
  CHECK(t.participants.people == 3);
  // (A, Q-1, E1, cdd), (A, Q-2, G, professionalisation), (B, Q-1, AI, cddi), (B, R-1, SIAE, cdi).
  CHECK(t.work_contracts == 4);
  REQUIRE(t.breakdowns.size() == 7);  // no training breakdown in a consolidation
  CHECK(summary(find(t.breakdowns, "sex")) == "F:1 M:2 X:0");
  // Q-1 37 years old, Q-2 23, R-1 2027 − 1960 = 67.
  CHECK(summary(find(t.breakdowns, "age_band")) == "under-26:1 26-49:1 50-plus:1");
  // Q-1 is one person in two routes: direct (110 in A) and ai (10 in B); R-1 direct 30.
  CHECK(summary(find(t.breakdowns, "route")) ==
        "direct:2/140 etti:0/0 ai:1/10 geiq:1/50 siae-subcontract:0/0 siae-cocontract:0/0 ea:0/0");
  CHECK(summary(find(t.breakdowns, "contract")) ==
        "cdi:1/30 cdi-inclusion:0/0 cdd:1/110 cddi:1/10 cdd-usage:0/0 interim:0/0 apprenticeship:0/0 "
        "professionalisation:1/50 other:0/0");
  // Q-1's outcomes come from A (added first): exit and follow-up durable; R-1 exit jobseeker (other).
  CHECK(summary(find(t.breakdowns, "exit")) == "durable:1 transition:0 positive:0 neutral:0 other:1 none:1");
  CHECK(summary(find(t.breakdowns, "follow_up")) == "durable:1 transition:0 positive:0 neutral:0 other:0 none:2");
  const Breakdown& criterion = find(t.breakdowns, "criterion");
  CHECK(criterion.population == 3);
  CHECK(criterion.cells[2].key == "rsa");
  CHECK(criterion.cells[2].people == 1);
  CHECK(criterion.cells[7].key == "senior");
  CHECK(criterion.cells[7].people == 1);  // R-1 (Q-3, senior too, worked on an untracked lot only)
}

TEST_CASE("report consolidation grouped by buyer, year, trade and route") {
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  auto grouped = [&](GroupBy g) {
    // Each operation is dropped once added: the consolidator keeps what it needs.
    Consolidator c(g, rules, at(date(2028, 6, 30), 1));
    {
      track::Operation a = operation_a();
      c.add(a);
    }
    {
      track::Operation b = operation_b();
      c.add(b);
    }
    return c.finish();
  };
  // A line per group: key|label|operations|contracts|target|realised|people|work contracts.
  auto lines = [](const Consolidation& c) {
    std::vector<std::string> out;
    for (const GroupReport& g : c.groups)
      out.push_back(g.key + "|" + g.label + "|" + std::to_string(g.operations) + "|" + std::to_string(g.contracts_with_clause) +
                    fmt::format("|{}|{}|", g.target_hours, g.realised_hours) +
                    std::to_string(g.participants.people) + "|" + std::to_string(g.work_contracts));
    return out;
  };
  // Buyer: A is Ville A (100 / 160, Q-1 and Q-2), B is Ville B (50 / 40, Q-1 and R-1): Q-1 is in both
  // groups, once in the total.
  Consolidation buyer = grouped(GroupBy::buyer);
  CHECK(lines(buyer) == std::vector<std::string>{"Ville A|Ville A|1|1|100|160|2|2", "Ville B|Ville B|1|1|50|40|2|2"});
  CHECK(buyer.total.participants.people == 3);
  CHECK(buyer.total.work_contracts == 4);

  // Year: contracts with a clause in each year of their execution: A lot 1 in 2027 and 2028, B lot 1 in
  // 2027 → 2027: 2, 2028: 1. Targets: A's 100 h split 50 / 50 (see the operation report), B's 50 in 2027
  // → 2027: 100, 2028: 50. Realised by statement year: 2027: 60 + 50 + 30 + 10 + 30 = 180 (Q-1, Q-2, R-1;
  // 4 work contracts); 2028: 20 (Q-2; 1 work contract).
  Consolidation year = grouped(GroupBy::year);
  CHECK(lines(year) == std::vector<std::string>{"2027|2027|2|2|100|180|3|4", "2028|2028|1|1|50|20|1|1"});

  // Trade: A lot 1 painting, B lot 1 cleaning (labels from the labour-share table); lot 2 (masonry) is not
  // tracked and makes no group.
  Consolidation trade = grouped(GroupBy::trade);
  CHECK(lines(trade) == std::vector<std::string>{"cleaning|Propreté (convention de branche, PACT Propreté)|1|1|50|40|2|2",
                                                 "painting|Peinture intérieure|1|1|100|160|2|2"});

  // Route, sorted by key: ai (B: Q-1 10 h; B lot 1), direct (A: Q-1 110, B: R-1 30; A lot 1 and B lot 1),
  // geiq (A: Q-2 50; A lot 1). No target by route.
  Consolidation route = grouped(GroupBy::route);
  CHECK(lines(route) == std::vector<std::string>{"ai|Association intermédiaire|1|1|0|10|1|1",
                                                 "direct|Embauche directe|2|2|0|140|2|2",
                                                 "geiq|GEIQ|1|1|0|50|1|1"});
  for (const GroupReport& g : route.groups) CHECK(!g.has_target);  // rendered "—", JSON null
  CHECK(route.total.has_target);
  CHECK(route.total.realised_hours == 200);
  CHECK(route.total.target_hours == 150);
  CHECK(route.total.contracts_with_clause == 2);
}

TEST_CASE("buyer indicators: a person is counted once across the buyer's operations; a small operation hides the count") {
  // B (Ville B, notified 2027: Q-1 and R-1) and C (Ville B too, notified 2027: Q-1 again and S-1).
  track::Operation c = make_operation(R"(format: clausier/tender/1
id: C-2027
title: Opération C
buyer: {name: Ville B}
nature: services
notice_date: 2027-06-01
parameters: {hourly_cost: 30, rate: 0.05}
lots:
  - {id: 1, title: Espaces verts, method: fixed, hours: 40, clause: execution,
     start: 2027-09-01, end: 2027-12-31, award: {contractor: {name: Jardins}, notified: 2027-08-20}}
)",
                                      R"(format: clausier/participants/1
participants:
  - {ref: Q-1, sex: F, birth_year: 1990, criteria: [rsa], validated_on: 2027-01-05}
  - {ref: S-1, sex: M, birth_year: 1985, criteria: [rsa], validated_on: 2027-08-01}
)",
                                      "lot;participant;month;route;contract;employer;work_hours;training_hours\n"
                                      "1;Q-1;2027-09;direct;cdd;J;20;0\n"
                                      "1;S-1;2027-09;direct;cdd;J;25;0\n");
  track::Operation b = operation_b();
  auto indicators = [&](int min_cell) {
    BuyerCounter counter(2027, rules::RuleSet::builtin(), at(date(2027, 12, 31), min_cell));
    counter.add(b);
    counter.add(c);
    BuyerIndicators out = counter.finish();
    REQUIRE(out.rows.size() == 1);
    return out.rows.front();
  };
  BuyerYear all = indicators(1);
  CHECK(all.operations == 2);
  CHECK(all.lots_notified == 2);
  CHECK(all.participants.people == 3);  // Q-1, R-1, S-1: Q-1 once, as the consolidation counts it
  CHECK_FALSE(all.participants.suppressed);
  CHECK_FALSE(indicators(2).participants.suppressed);  // each operation brings 2 people, the row 3
  // At 3, the row's 3 people would be shown, but each operation brings 2: its own bilan hides them, and
  // this table with and without one of them would give them by difference.
  BuyerYear three = indicators(3);
  CHECK(three.participants.suppressed);
  CHECK(three.participants.secondary);
}

TEST_CASE("report consolidation by route: a group whose cell the whole hides hides its hours too") {
  // At min_cell 5, the whole's route breakdown (3 people: ai 1, direct 2, geiq 1) hides every cell, hours
  // included. Each route group is one of those cells: were its hours shown (10, 140, 50), the hidden cells'
  // hours would be read off the groups, and one group's from the total (200) and the others.
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  Consolidator c(GroupBy::route, rules, at(date(2028, 6, 30), 5));
  {
    track::Operation a = operation_a();
    c.add(a);
  }
  {
    track::Operation b = operation_b();
    c.add(b);
  }
  Consolidation route = c.finish();
  REQUIRE(route.groups.size() == 3);
  for (const GroupReport& g : route.groups) {
    CAPTURE(g.key);
    CHECK(g.hours_suppressed);
    CHECK(g.participants.suppressed);
  }
  CHECK_FALSE(route.total.hours_suppressed);  // the whole's hours are not a cell: they stay
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(render_json(route));
  for (const auto& g : j["groups"]) {
    CHECK(g["realised_hours"].is_null());
    CHECK(g["fte"].is_null());
  }
  CHECK(j["total"]["realised_hours"] == 200);
  // No format writes a group's hours: 140 (direct) appears nowhere; each group's row says « masqué ».
  const std::string markdown = render_markdown(route);
  CHECK(markdown.find("140") == std::string::npos);
  CHECK(markdown.find("| GEIQ | 1 | 1 | — | masqué | — | — | masqué |") != std::string::npos);
  const std::string csv = render_csv(route);
  CHECK(csv.find("140") == std::string::npos);
  for (std::string_view key : {"ai", "direct", "geiq"}) {
    CHECK(csv.find(fmt::format("group;;;{};;realised_hours;Heures d'insertion réalisées;;;oui", key)) != std::string::npos);
  }
  // The HTML page neither: the total's 200 is a cell of its own, the groups' 140 is none.
  const std::string html = render_html(route);
  CHECK(html.find(">200<") != std::string::npos);
  CHECK(html.find(">140<") == std::string::npos);
}

TEST_CASE("report JSON: suppressed cells are null, never their value") {
  track::Operation a = operation_a();
  track::Operation b = operation_b();
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  // At min_cell 5 every cell of A (2 people), zeros included, is hidden, and the population of 2 with it.
  OperationReport r = build_operation_report(a, rules, at(date(2028, 6, 30), 5));
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(render_json(r));
  CHECK(j["format"] == "clausier/report/1");
  CHECK(j["kind"] == "operation");
  CHECK(j["as_of"] == "2028-06-30");
  CHECK(j["min_cell"] == 5);
  const auto& op = j["operations"][0];
  CHECK(op["participants"].dump() == R"({"people":null,"suppressed":true})");
  CHECK(op["achievement"].dump() == "1.6");
  CHECK(op["lots"][0]["over_hours"].dump() == "60");
  const auto& sex = op["breakdowns"][0];
  CHECK(sex["population"].is_null());
  CHECK(sex["cells"].dump() ==
        R"([{"key":"F","label":"Femmes","people":null,"suppressed":true},)"
        R"({"key":"M","label":"Hommes","people":null,"suppressed":true},)"
        R"({"key":"X","label":"Autre ou non précisé","people":null,"suppressed":true}])");
  const auto& route = op["breakdowns"][3];
  CHECK(route["cells"][0].dump() == R"({"key":"direct","label":"Embauche directe","people":null,"hours":null,"suppressed":true})");
  CHECK(route["cells"][1].dump() == R"j({"key":"etti","label":"Intérim d'insertion (ETTI)","people":null,"hours":null,"suppressed":true})j");
  CHECK(op["validated_participants"].is_null());  // 3 people
  // Hidden cells: operation participants 1; lots 1 (2 people) and 2 (1), lot 3 (0) shown; lot 1's years
  // 2027 (2) and 2028 (1), lot 2's 2027 (1); every cell of every breakdown of the operation (sex 3, age 3,
  // criterion 16, route 7, contract 9, training 2, exit 6, follow-up 6 = 52), of lot 1 (52) and of lot 2
  // (52); lot 3 has nobody, its zeros are shown. The operation's work contracts, hidden with its
  // participants, and its 3 validated participants: 1 + 2 + 3 + 3 × 52 + 1 + 1 = 164.
  CHECK(j["suppressed_cells"] == 164);
  CHECK(j["privacy_note"] == "164 cases sont masquées (valeur null) pour protéger les participants : chacune compte moins de 5 "
        "personnes ou permettrait d'en retrouver une qui en compte moins.");

  Consolidation c = consolidate({&a, &b}, GroupBy::buyer, rules, at(date(2028, 6, 30), 5));
  nlohmann::ordered_json k = nlohmann::ordered_json::parse(render_json(c));
  CHECK(k["kind"] == "consolidation");
  CHECK(k["group_by"] == "buyer");
  CHECK(k["total"]["participants"].dump() == R"({"people":null,"suppressed":true})");
  CHECK(k["total"]["fte"] == 0);
  CHECK(k["total"]["realised_hours"] == 200);
  CHECK(k["groups"].size() == 2);
  CHECK(k["operations"][1]["realised_hours"] == 40);
  // No participant ref anywhere in a consolidation.
  std::string text = render_json(c);
  CHECK(text.find("Q-1") == std::string::npos);
  CHECK(text.find("R-1") == std::string::npos);
}

TEST_CASE("report suppression: a cell hidden only to protect another is marked secondary") {
  // F 3 (< 5: hidden), M 12, X 6: only one hidden cell, so the smallest other non-zero one (X, 6 people)
  // is hidden too, and marked secondary: documents must not write "< 5" for it.
  Breakdown b;
  b.population = 21;
  b.cells = {{"F", "Femmes", 3, 0, false}, {"M", "Hommes", 12, 0, false}, {"X", "Autre", 6, 0, false}};
  suppress_small_cells(b, 5);
  CHECK(b.cells[0].suppressed);
  CHECK(!b.cells[0].secondary);
  CHECK(!b.cells[1].suppressed);
  CHECK(b.cells[2].suppressed);
  CHECK(b.cells[2].secondary);
}

// The work contracts are hidden with the people; « < 5 » only when it is true: a person may hold several
// contracts, and people hidden as a secondary cell may be 5 or more.
TEST_CASE("report suppression: the work contracts say « < 5 » only when there are fewer") {
  Cell small;  // 3 people hidden as a small cell
  small.people = 3;
  small.suppressed = true;
  Cell c = published_work_contracts(3, small);
  CHECK(c.suppressed);
  CHECK_FALSE(c.secondary);  // 3 contracts: « < 5 » is true
  c = published_work_contracts(6, small);  // 3 people, 6 contracts: « < 5 » would be false
  CHECK(c.suppressed);
  CHECK(c.secondary);
  Cell secondary = small;  // 6 people hidden only to protect another cell
  secondary.people = 6;
  secondary.secondary = true;
  c = published_work_contracts(6, secondary);
  CHECK(c.suppressed);
  CHECK(c.secondary);
  Cell shown;
  shown.people = 6;
  c = published_work_contracts(7, shown);
  CHECK_FALSE(c.suppressed);
  CHECK_FALSE(c.secondary);
  CHECK(c.people == 7);
}

TEST_CASE("report codes: each code with its French labels, in one place") {
  for (Sex s : {Sex::female, Sex::male, Sex::unspecified}) CHECK(sex_named(code(s)) == s);
  CHECK_FALSE(sex_named("femme").has_value());
  CHECK(label(Sex::female) == "femme");
  CHECK(group_label(Sex::female) == "femmes");
  CHECK(label(Sex::unspecified) == "autre ou non précisé");
  CHECK(label(AgeBand::from_50) == "50 ans ou plus");
  for (OutcomeCategory c : {OutcomeCategory::durable, OutcomeCategory::transition, OutcomeCategory::positive,
                            OutcomeCategory::neutral, OutcomeCategory::other, OutcomeCategory::none})
    CHECK(outcome_category_named(code(c)) == c);
  CHECK(label(OutcomeCategory::positive) ==
        "sortie positive (formation pré-qualifiante ou qualifiante, embauche dans une autre SIAE)");
  CHECK(label(OutcomeCategory::neutral) == "sortie neutre");
  CHECK(label(OutcomeCategory::none) == "non renseignée");
  LotReport tracked;
  tracked.tracking_status = track::LotStatus::behind;
  CHECK(lot_status(tracked) == "en retard");
  LotReport untracked;
  untracked.hours_status = hours::Status::no_clause;
  CHECK(lot_status(untracked) == "non suivi (sans clause)");
}

// Issue 17, item 13: the participants of lots (and of a lot's years) follow the breakdown rule: lot 1 with
// 9 people, lot 2 with 3 and lot 3 with none gave lot 2 away as the operation's 12 minus 9.
TEST_CASE("report suppression: across the lots of an operation, zeros shown") {
  std::vector<Cell> lots(3);
  lots[0].people = 9;
  lots[1].people = 3;
  lots[2].people = 0;
  suppress_small_cells({&lots[0], &lots[1], &lots[2]}, 12, 5);
  CHECK(lots[1].suppressed);
  CHECK(lots[0].suppressed);
  CHECK(lots[0].secondary);
  CHECK_FALSE(lots[2].suppressed);
  // Three people in all: every lot with someone is hidden, a lot with nobody still says so.
  std::vector<Cell> few(2);
  few[0].people = 3;
  suppress_small_cells({&few[0], &few[1]}, 3, 5);
  CHECK(few[0].suppressed);
  CHECK_FALSE(few[1].suppressed);
}

namespace {

// An operation of one lot whose people are given by sex ("FFM": two women, one man), each with 10 hours.
track::Operation operation_of(const std::string& id, const std::string& sexes, const std::string& buyer = "") {
  std::string participants = "format: clausier/participants/1\nparticipants:\n";
  std::string statements = "lot;participant;month;route;contract;employer;work_hours;training_hours\n";
  for (std::size_t i = 0; i < sexes.size(); ++i) {
    const std::string ref = id + "-" + std::to_string(i + 1);
    participants += fmt::format("  - {{ref: {}, sex: {}, birth_year: 1990, criteria: [rsa], validated_on: 2027-01-05}}\n",
                                ref, sexes[i]);
    statements += fmt::format("1;{};2027-03;direct;cdd;E;10;0\n", ref);
  }
  return make_operation(fmt::format(R"(format: clausier/tender/1
id: {0}
title: Opération {0}
buyer: {{name: {1}}}
nature: works
notice_date: 2027-01-10
parameters: {{hourly_cost: 30, rate: 0.05}}
lots:
  - {{id: 1, title: Peinture, method: fixed, hours: 100, trade: painting, clause: execution,
     start: 2027-01-01, end: 2027-12-31, award: {{notified: 2026-12-15}}}}
)", id, buyer.empty() ? "Ville " + id : buyer),
                        participants, statements);
}

// The line of a Markdown table whose first cell is `first`.
std::string markdown_row(const std::string& md, const std::string& first) {
  const std::size_t at = md.find("\n| " + first + " |");
  return at == std::string::npos ? "(no row " + first + ")" : md.substr(at + 1, md.find('\n', at + 1) - at - 1);
}

}  // namespace

// Issue 17, item 13: three people are not published in any breakdown, nor as « validées : 3 »; and a
// consolidation hides what its operations hide, so (A, B, C) minus (B, C) gives no hidden count of A.
TEST_CASE("report suppression: a small operation, and consolidations that cannot be subtracted") {
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  track::Operation three = operation_of("T", "FFF");
  OperationReport small = build_operation_report(three, rules, at(date(2027, 12, 31), 5));
  CHECK(small.participants.suppressed);
  CHECK(small.validated_participants.people == 3);
  CHECK(small.validated_participants.suppressed);
  for (const Breakdown& b : small.breakdowns) {
    CAPTURE(b.id);
    CHECK(b.population_suppressed);
    for (const Cell& c : b.cells) CHECK(c.suppressed);
  }
  const std::string markdown = render_markdown(small);
  CHECK(markdown.find("éligibilité est validée : 3") == std::string::npos);

  // A: 2 women (hidden) and 5 men (hidden so that the women are not 7 − 5). B and C: 5 and 5, 5 and 6.
  track::Operation a = operation_of("A", "FFMMMMM");
  track::Operation b = operation_of("B", "FFFFFMMMMM");
  track::Operation c = operation_of("C", "FFFFFMMMMMM");
  const OperationReport a_report = build_operation_report(a, rules, at(date(2027, 12, 31), 5));
  CHECK(flags(find(a_report.breakdowns, "sex")) == std::vector<bool>{true, true, false});
  const Consolidation abc = consolidate({&a, &b, &c}, GroupBy::none, rules, at(date(2027, 12, 31), 5));
  const Consolidation bc = consolidate({&b, &c}, GroupBy::none, rules, at(date(2027, 12, 31), 5));
  CHECK(bc.total.participants.people == 21);
  CHECK_FALSE(bc.total.participants.suppressed);
  CHECK(abc.total.participants.people == 28);
  CHECK_FALSE(abc.total.participants.suppressed);  // A's 7 people are published in A's own report
  // Every cell both publish differs by what A's own report publishes: never by a hidden count of A.
  const OperationReport a_alone = build_operation_report(a, rules, at(date(2027, 12, 31), 5));
  for (std::size_t i = 0; i < abc.total.breakdowns.size(); ++i) {
    const Breakdown& with = abc.total.breakdowns[i];
    const Breakdown& without = bc.total.breakdowns[i];
    const Breakdown& alone = find(a_alone.breakdowns, with.id);
    for (std::size_t k = 0; k < with.cells.size(); ++k) {
      const std::string where = with.id + "/" + with.cells[k].key;
      CAPTURE(where);
      if (!with.cells[k].suppressed && !without.cells[k].suppressed && with.cells[k].people != without.cells[k].people) {
        const auto same = std::find_if(alone.cells.begin(), alone.cells.end(),
                                       [&](const Cell& x) { return x.key == with.cells[k].key; });
        REQUIRE(same != alone.cells.end());
        CHECK_FALSE(same->suppressed);
      }
    }
  }
  const Breakdown& sex = find(abc.total.breakdowns, "sex");
  CHECK(flags(sex) == std::vector<bool>{true, true, false});  // 12 women and 16 men: A hides both
  // With an operation of three people, the total of people is hidden too: it would give the three away.
  const Consolidation with_three = consolidate({&a, &b, &c, &three}, GroupBy::none, rules, at(date(2027, 12, 31), 5));
  CHECK(with_three.total.participants.suppressed);
  CHECK(with_three.total.participants.secondary);
  // So is each breakdown's population, 31 people: « masqué », never « < 5 », which would be false. The three
  // people's own report hides its populations for themselves: « < 5 » there is true.
  for (const Breakdown& hidden : with_three.total.breakdowns) {
    CAPTURE(hidden.id);
    CHECK(hidden.population == 31);
    CHECK(hidden.population_suppressed);
    CHECK(hidden.population_secondary);
  }
  for (const Breakdown& few : small.breakdowns) CHECK_FALSE(few.population_secondary);
  const std::string consolidated = render_markdown(with_three);
  CHECK(consolidated.find("Effectif : masqué.") != std::string::npos);
  CHECK(consolidated.find("Effectif : <") == std::string::npos);
  CHECK(markdown.find("Effectif : < 5 personnes.") != std::string::npos);
  CHECK(markdown.find("Effectif : masqué") == std::string::npos);
}

// From real operations to the documents: the consolidation by buyer and the buyers' table hide the same people
// for the same reason, and write it the same way. Ville G: 10 people in G and 2 in H (whose own bilan hides
// them), 12 in all, hidden so that G alone cannot be subtracted: « masqué ». Ville L: 3 people: « < 5 ».
TEST_CASE("report suppression: the buyers' table and the consolidation by buyer hide the same counts alike") {
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  track::Operation g = operation_of("G", "FFFFFMMMMM", "Ville G");
  track::Operation h = operation_of("H", "FF", "Ville G");
  track::Operation l = operation_of("L", "MMM");
  const Consolidation c = consolidate({&g, &h, &l}, GroupBy::buyer, rules, at(date(2027, 12, 31), 5));
  BuyerCounter counter(std::nullopt, rules, at(date(2027, 12, 31), 5));
  for (const track::Operation* op : {&g, &h, &l}) counter.add(*op);
  const BuyerIndicators b = counter.finish();
  REQUIRE(c.groups.size() == 2);
  REQUIRE(b.rows.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CAPTURE(b.rows[i].buyer);
    CHECK(c.groups[i].label == b.rows[i].buyer);
    CHECK(c.groups[i].participants.people == b.rows[i].participants.people);
    CHECK(c.groups[i].participants.suppressed);
    CHECK(b.rows[i].participants.suppressed);
    CHECK(c.groups[i].participants.secondary == b.rows[i].participants.secondary);
  }
  CHECK(b.rows[0].participants.secondary);  // Ville G: 12 people, hidden for H's 2
  CHECK_FALSE(b.rows[1].participants.secondary);  // Ville L: 3
  const std::string md_c = render_markdown(c), md_b = render_markdown(b);
  CHECK(markdown_row(md_c, "Ville G").ends_with("| masqué | masqué |"));  // people, then their work contracts
  CHECK(markdown_row(md_b, "Ville G").ends_with("| masqué |"));
  CHECK(markdown_row(md_c, "Ville L").ends_with("| < 5 | < 5 |"));
  CHECK(markdown_row(md_b, "Ville L").ends_with("| < 5 |"));
  for (const std::string& md : {md_c, md_b}) CHECK(md.find("| 12 |") == std::string::npos);
}
