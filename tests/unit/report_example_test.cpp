// The end-of-mission report of the shipped example espaces-verts at 2027-12-31, every figure of its JSON
// against a hand computation from tender.yaml, participants.yaml and statements/*.csv (kept below).
// Counted hours per lot, row by row, are those of track_example_test.cpp (lot 1 133, lot 2 70, lot 3 56).
//
// Lots (tender.yaml): 1 execution clause, 120 h, Jardins du Comminges, 2027-01-01..2030-12-31;
// 2 execution clause and a 10 % award criterion, 360 h, Verdalia Paysages, same period; 3 reserved to
// SIAE, 244 h, Les Sentiers du Volvestre, 2027-03-01..2030-12-31. All landscaping; counting: training
// hours of work contracts, eligibility valid 6 months, tolerance 15 %.
// Framework orders (lot events) recompute the targets on the amount ordered (× 60 %, lot 3 × 65 %, × 7 % ÷ 28):
// lot 1 96 000 € on 2027-12-15 → 144 h; lot 2 75 000 € on 2027-06-30 → 112,5 → 113 h, then 260 000 € on
// 2027-12-15 → 390 h; lot 3 30 000 € on 2027-12-15 → 48,75 → 49 h (track_example_test.cpp). At 2027-12-31 the
// targets are 144, 390 and 49 h.
//
// People with counted hours (all lots are tracked), from participants.yaml; age = 2027 − birth year;
// hours and training counted by the rows of track_example_test.cpp:
//   ref     sex age band   criteria          lot route/contract               hours  counted training  exit / follow-up (≤ 2027-12-31)
//   P-0001  F   29  26-49  deld, qpv         1   direct / cdd                 42     0                 — / —
//   P-0002  M   22  u26    young             1   direct / apprenticeship      38.5   3.5+3.5+7+3.5+3.5 = 21   — / —
//   P-0003  M   58  50+    senior, detld     1   etti / interim               14     0 (interim)       cdd-6m-plus durable / cdi durable
//   P-0010  M   47  26-49  ass, qpv          1   direct / cdd                 38.5   0                 — / —
//   P-0004  F   42  26-49  rsa               2   etti / interim               28     0                 — / —
//   P-0005  X   35  26-49  rqth, aah         2   ea / cdd                     14     0                 — / —
//   P-0006  M   24  u26    young, deld       2   geiq / professionalisation   28     7+3.5+0+0+0 = 10.5  — / —
//   P-0007  F   52  50+    iae               3   direct / cddi                7      0 (cddi)          other-siae positive / cdd-under-6m transition
//   P-0008  M   39  26-49  justice, qpv      3   direct / cddi                7      0                 interim-under-6m transition / —
//   P-0009  F   32  26-49  other-validated   3   direct / cddi                42     0                 — / —
// Everyone has one route, one contract and one employer: work contracts = 10.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "clausier/report/model.hpp"
#include "clausier/report/render.hpp"
#include "clausier/track/operation.hpp"
#include "fixtures.hpp"
#include "printers.hpp"

using namespace clausier;
using nlohmann::ordered_json;

namespace {

const std::string folder = std::string(CLAUSIER_SOURCE_DIR) + "/examples/espaces-verts";


std::string report_json(int min_cell) {
  track::Operation op = track::load_operation({folder, {}, {}}, rules::RuleSet::builtin());
  REQUIRE(op.result() != nullptr);
  report::ReportOptions options;
  options.as_of = date(2027, 12, 31);
  options.min_cell = min_cell;
  return report::render_json(report::build_operation_report(op, rules::RuleSet::builtin(), options));
}

// A JSON breakdown as "key:people" or, with hours, "key:people/hours"; "-" for a null (suppressed) value.
std::string cells(const ordered_json& b) {
  std::string out;
  for (const auto& c : b["cells"]) {
    if (!out.empty()) out += " ";
    out += c["key"].get<std::string>() + ":" + (c["people"].is_null() ? "-" : c["people"].dump());
    if (c.contains("hours")) out += "/" + (c["hours"].is_null() ? "-" : c["hours"].dump());
    CHECK(c["suppressed"].get<bool>() == c["people"].is_null());
  }
  return out;
}

// Every breakdown of a scope, in order: "id (population): cells".
std::vector<std::string> breakdowns(const ordered_json& list) {
  std::vector<std::string> out;
  for (const auto& b : list) out.push_back(b["id"].get<std::string>() + " (" + b["population"].dump() + "): " + cells(b));
  return out;
}

// Years of a lot: "year target/realised/people".
std::vector<std::string> years(const ordered_json& lot) {
  std::vector<std::string> out;
  for (const auto& y : lot["years"])
    out.push_back(y["year"].dump() + " " + y["target_hours"].dump() + "/" + y["realised_hours"].dump() + "/" +
                  y["participants"]["people"].dump());
  return out;
}

std::vector<std::string> keys(const ordered_json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

const std::vector<std::string> lot_keys{"id",           "title",          "trade",        "clause",      "hours_status",
                                        "tracking_status", "decp",        "contractor",   "start",       "end",
                                        "target_hours", "realised_hours", "achievement",  "over_hours",  "missing_hours",
                                        "participants", "breakdowns",     "years"};

// What does not depend on min_cell: the lots' hours, contractors, months, not counted, counting rules.
void check_figures(const ordered_json& op) {
  CHECK(keys(op) == std::vector<std::string>{"path", "id", "title", "buyer", "target_hours", "realised_hours",
                                             "achievement", "missing_hours", "over_hours", "participants",
                                             "validated_participants", "work_contracts", "lots", "contractors",
                                             "breakdowns", "months", "not_counted", "counting"});
  CHECK(op["path"] == folder);
  CHECK(op["id"] == "SCV-2026-EV-02");
  CHECK(op["title"] == "Entretien des parcs, jardins et accotements de la commune (2027-2030)");
  CHECK(op["buyer"] == "Ville de Saint-Clair-de-Garonne");
  // 144 + 390 + 49 = 583 due; 133 + 70 + 56 = 259 realised; 259 ÷ 583 = 0.444254 → 0.4443.
  // Missing: lot 1 144 − 133 = 11, lot 2 390 − 70 = 320, lot 3 none → 331; lot 3's 56 − 49 = 7 over, apart
  // (netted, 583 − 259 = 324 would hide 7 h of lot 2's and lot 1's shortfall).
  CHECK(op["target_hours"].dump() == "583");
  CHECK(op["realised_hours"].dump() == "259");
  CHECK(op["achievement"].dump() == "0.4443");
  CHECK(op["missing_hours"].dump() == "331");
  CHECK(op["over_hours"].dump() == "7");
  CHECK(op["validated_participants"] == 10);  // P-0001..P-0010
  CHECK(op["work_contracts"] == 10);

  const auto& lots = op["lots"];
  REQUIRE(lots.size() == 3);
  for (const auto& l : lots) CHECK(keys(l) == lot_keys);
  // Lot 1: 133 ÷ 144 = 0.923611 → 0.9236; missing 144 − 133 = 11; status on-track (track example).
  CHECK(lots[0]["id"] == "1");
  CHECK(lots[0]["title"] == "Entretien des parcs et jardins, secteur nord");
  CHECK(lots[0]["trade"] == "landscaping");
  CHECK(lots[0]["clause"] == "execution");
  CHECK(lots[0]["hours_status"] == "ok");
  CHECK(lots[0]["tracking_status"] == "on-track");
  CHECK(lots[0]["decp"] == "Clause sociale");
  CHECK(lots[0]["contractor"] == "Jardins du Comminges");
  CHECK(lots[0]["start"] == "2027-01-01");
  CHECK(lots[0]["end"] == "2030-12-31");
  CHECK(lots[0]["target_hours"].dump() == "144");
  CHECK(lots[0]["realised_hours"].dump() == "133");
  CHECK(lots[0]["achievement"].dump() == "0.9236");
  CHECK(lots[0]["over_hours"].dump() == "0");
  CHECK(lots[0]["missing_hours"].dump() == "11");
  // Lot 2: 70 ÷ 390 = 0.179487 → 0.1795; missing 320; behind. Execution clause and award criterion.
  CHECK(lots[1]["id"] == "2");
  CHECK(lots[1]["title"] == "Entretien des espaces verts, secteur sud et cimetières");
  CHECK(lots[1]["trade"] == "landscaping");
  CHECK(lots[1]["clause"] == "execution");
  CHECK(lots[1]["hours_status"] == "ok");
  CHECK(lots[1]["tracking_status"] == "behind");
  CHECK(lots[1]["decp"] == "Clause sociale ; Critère social");
  CHECK(lots[1]["contractor"] == "Verdalia Paysages");
  CHECK(lots[1]["start"] == "2027-01-01");
  CHECK(lots[1]["end"] == "2030-12-31");
  CHECK(lots[1]["target_hours"].dump() == "390");
  CHECK(lots[1]["realised_hours"].dump() == "70");
  CHECK(lots[1]["achievement"].dump() == "0.1795");
  CHECK(lots[1]["over_hours"].dump() == "0");
  CHECK(lots[1]["missing_hours"].dump() == "320");
  // Lot 3: 56 ÷ 49 = 1.142857 → 1.1429; over-achievement 56 − 49 = 7; complete. Reserved to SIAE.
  CHECK(lots[2]["id"] == "3");
  CHECK(lots[2]["title"] == "Fauchage et débroussaillage des accotements et fossés");
  CHECK(lots[2]["trade"] == "landscaping");
  CHECK(lots[2]["clause"] == "reserved-siae");
  CHECK(lots[2]["hours_status"] == "ok");
  CHECK(lots[2]["tracking_status"] == "complete");
  CHECK(lots[2]["decp"] == "Marché réservé");
  CHECK(lots[2]["contractor"] == "Les Sentiers du Volvestre");
  CHECK(lots[2]["start"] == "2027-03-01");
  CHECK(lots[2]["end"] == "2030-12-31");
  CHECK(lots[2]["target_hours"].dump() == "49");
  CHECK(lots[2]["realised_hours"].dump() == "56");
  CHECK(lots[2]["achievement"].dump() == "1.1429");
  CHECK(lots[2]["over_hours"].dump() == "7");
  CHECK(lots[2]["missing_hours"].dump() == "0");

  // Contractors: one per lot, the lot's figures.
  CHECK(op["contractors"].dump() ==
        R"([{"name":"Jardins du Comminges","lots":["1"],"target_hours":144,"realised_hours":133,"achievement":0.9236,)"
        R"("missing_hours":11,"over_hours":0},)"
        R"({"name":"Verdalia Paysages","lots":["2"],"target_hours":390,"realised_hours":70,"achievement":0.1795,)"
        R"("missing_hours":320,"over_hours":0},)"
        R"({"name":"Les Sentiers du Volvestre","lots":["3"],"target_hours":49,"realised_hours":56,"achievement":1.1429,)"
        R"("missing_hours":0,"over_hours":7}])");

  // Months 2027-01..2027-12 (lots 1 and 2 start in January; as_of before every end). Realised per month,
  // lot 1 + lot 2 + lot 3 (track example, month by month):
  //   Jan 14 + 0 + 0 = 14        Feb 24.5 + 14 + 0 = 38.5     Mar 17.5 + 14 + 7 = 38.5
  //   Apr 10.5 + 14 + 3.5 = 28   May 7 + 10.5 + 3.5 = 21      Jun 7 + 3.5 + 0 = 10.5
  //   Jul 21 + 3.5 + 14 = 38.5   Aug 10.5 + 3.5 + 0 = 14      Sep 7 + 3.5 + 10.5 = 21
  //   Oct 3.5 + 3.5 + 7 = 14     Nov 3.5 + 0 + 7 = 10.5       Dec 7 + 0 + 3.5 = 10.5
  // cumulative: 14, 52.5, 91, 119, 140, 150.5, 189, 203, 224, 238, 248.5, 259.
  // Expected at each month's end, with each lot's target at that day (the orders placed by then): lots 1 + 2 =
  // (T1 + T2) × working days since 2027-01-01 ÷ 1 008, lot 3 = T3 × working days since 2027-03-01 ÷ 968 (working
  // days per month in track_example_test.cpp). January to May: T1 120, T2 360, T3 244; from June 30 T2 is 113
  // (orders of 2027-06-30); at December 31, T1 144, T2 390, T3 49 (orders of 2027-12-15):
  //   Jan 480 × 20 ÷ 1 008 = 9.523810 → 9.52;  Feb 480 × 40 ÷ 1 008 = 19.047619 → 19.05
  //   Mar 480 × 62 ÷ 1 008 + 244 × 22 ÷ 968 = 29.523810 + 5.545455 = 35.069264 → 35.07
  //   Apr 480 × 84 ÷ 1 008 + 244 × 44 ÷ 968 = 40 + 11.090909 = 51.090909 → 51.09
  //   May 480 × 103 ÷ 1 008 + 244 × 63 ÷ 968 = 49.047619 + 15.880165 = 64.927784 → 64.93
  //   Jun 233 × 125 ÷ 1 008 + 244 × 85 ÷ 968 = 28.893849 + 21.425620 = 50.319469 → 50.32 (the orders lower lot 2)
  //   Jul 233 × 146 ÷ 1 008 + 244 × 106 ÷ 968 = 33.748016 + 26.719008 = 60.467024 → 60.47
  //   Aug 233 × 168 ÷ 1 008 + 244 × 128 ÷ 968 = 38.833333 + 32.264463 = 71.097796 → 71.1
  //   Sep 233 × 190 ÷ 1 008 + 244 × 150 ÷ 968 = 43.918651 + 37.809917 = 81.728568 → 81.73
  //   Oct 233 × 211 ÷ 1 008 + 244 × 171 ÷ 968 = 48.772817 + 43.103306 = 91.876123 → 91.88
  //   Nov 233 × 231 ÷ 1 008 + 244 × 191 ÷ 968 = 53.395833 + 48.144628 = 101.540461 → 101.54
  //   Dec 534 × 254 ÷ 1 008 + 49 × 214 ÷ 968 = 134.559524 + 10.832645 = 145.392169 → 145.39
  std::vector<std::string> months;
  for (const auto& m : op["months"])
    months.push_back(m["month"].get<std::string>() + " " + m["realised"].dump() + " " + m["cumulative"].dump() + " " +
                     m["expected_cumulative"].dump());
  CHECK(months == std::vector<std::string>{
                      "2027-01 14 14 9.52",          "2027-02 38.5 52.5 19.05",     "2027-03 38.5 91 35.07",
                      "2027-04 28 119 51.09",        "2027-05 21 140 64.93",        "2027-06 10.5 150.5 50.32",
                      "2027-07 38.5 189 60.47",      "2027-08 14 203 71.1",         "2027-09 21 224 81.73",
                      "2027-10 14 238 91.88",        "2027-11 10.5 248.5 101.54",   "2027-12 10.5 259 145.39"});

  // Not counted (track example, with the hours the rows declared): unknown-lot A:9 7; unknown-participant
  // B:18 7; before-validation A:15 7; after-validity A:19 7 + B:14 7 + B:19 10.5 (« contrat-pro », read since
  // formats.md 5.2, in 2027-11, after P-0006's validity) + B:20 7 = 31.5; outside-execution C:2 7; duplicate
  // A:26 10.5 + B:9 7 = 17.5; invalid-row A:13 0 + A:22 7 + B:11 0 + B:17 3.5 = 10.5 (A:27, the TOTAL row, is
  // a note, not a row). Rows 1 + 1 + 1 + 4 + 1 + 2 + 4 = 14; hours 7 + 7 + 7 + 31.5 + 7 + 17.5 + 10.5 = 87.5.
  CHECK(op["not_counted"].dump() ==
        R"({"rows":14,"hours":87.5,"by_reason":[)"
        R"({"reason":"unknown-lot","label":"lot inconnu","rows":1,"hours":7},)"
        R"({"reason":"unknown-participant","label":"participant inconnu","rows":1,"hours":7},)"
        R"({"reason":"before-validation","label":"avant la validation de l'éligibilité","rows":1,"hours":7},)"
        R"({"reason":"after-validity","label":"après la fin de validité de l'éligibilité","rows":4,"hours":31.5},)"
        R"({"reason":"outside-execution","label":"hors de la période d'exécution du lot","rows":1,"hours":7},)"
        R"({"reason":"duplicate","label":"ligne en double","rows":2,"hours":17.5},)"
        R"({"reason":"invalid-row","label":"ligne illisible","rows":4,"hours":10.5}]})");
  CHECK(op["counting"].dump() == R"({"training_hours":"work-contracts","eligibility_validity_months":6,"tolerance":0.15})");
}

}  // namespace

TEST_CASE("report example at 2027-12-31, nothing hidden (min_cell 1): every figure by hand") {
  ordered_json doc = ordered_json::parse(report_json(1));
  CHECK(keys(doc) == std::vector<std::string>{"format", "kind", "rules", "as_of", "min_cell", "suppressed_cells",
                                              "privacy_note", "operations"});
  CHECK(doc["format"] == "clausier/report/1");
  CHECK(doc["kind"] == "operation");
  CHECK(doc["rules"]["version"] == rules::RuleSet::builtin().version());
  CHECK(doc["rules"]["sha256"] == rules::RuleSet::builtin().sha256());
  CHECK(doc["as_of"] == "2027-12-31");
  CHECK(doc["min_cell"] == 1);
  CHECK(doc["suppressed_cells"] == 0);
  CHECK(doc["privacy_note"].is_null());
  REQUIRE(doc["operations"].size() == 1);
  const ordered_json& op = doc["operations"][0];
  check_figures(op);
  CHECK(op["participants"].dump() == R"({"people":10,"suppressed":false})");

  // The operation, from the table at the top:
  //   sex F: P-0001, P-0004, P-0007, P-0009 = 4; M: P-0002, P-0003, P-0006, P-0008, P-0010 = 5; X: P-0005 = 1
  //   age under-26: P-0002, P-0006 = 2; 50-plus: P-0003, P-0007 = 2; 26-49: the other 6
  //   criteria (rule-table order): deld P-0001, P-0006; detld P-0003; rsa P-0004; ass P-0010; aah and rqth
  //     P-0005; young P-0002, P-0006; senior P-0003; iae P-0007; ea-esat, epide-e2c none; qpv P-0001, P-0008,
  //     P-0010; justice P-0008; other-validated P-0009
  //   route direct P-0001 42 + P-0002 38.5 + P-0010 38.5 + P-0007 7 + P-0008 7 + P-0009 42 = 175 (6 people);
  //     etti P-0003 14 + P-0004 28 = 42 (2); geiq P-0006 28; ea P-0005 14 — 175 + 42 + 28 + 14 = 259
  //   contract cdd P-0001 42 + P-0010 38.5 + P-0005 14 = 94.5 (3); cddi 7 + 7 + 42 = 56 (3); interim 14 + 28
  //     = 42 (2); apprenticeship P-0002 38.5; professionalisation P-0006 28 — total 259
  //   training: P-0002 21 + P-0006 10.5 = 31.5 (2 people); 8 without
  //   exit: durable P-0003, transition P-0008, positive P-0007, none 7
  //   follow-up: durable P-0003, transition P-0007, none 8
  CHECK(breakdowns(op["breakdowns"]) ==
        std::vector<std::string>{
            "sex (10): F:4 M:5 X:1",
            "age_band (10): under-26:2 26-49:6 50-plus:2",
            "criterion (10): deld:2 detld:1 rsa:1 ass:1 aah:1 rqth:1 young:2 senior:1 iae:1 ea-esat:0 epide-e2c:0 "
            "qpv:3 justice:1 other-validated:1 invalidity-pension:0 regie-quartier:0",
            "route (10): direct:6/175 etti:2/42 ai:0/0 geiq:1/28 siae-subcontract:0/0 siae-cocontract:0/0 ea:1/14",
            "contract (10): cdi:0/0 cdi-inclusion:0/0 cdd:3/94.5 cddi:3/56 cdd-usage:0/0 interim:2/42 "
            "apprenticeship:1/38.5 professionalisation:1/28 other:0/0",
            "training (10): with-training:2/31.5 without-training:8/0",
            "exit (10): durable:1 transition:1 positive:1 neutral:0 other:0 none:7",
            "follow_up (10): durable:1 transition:1 positive:0 neutral:0 other:0 none:8"});

  const auto& lots = op["lots"];
  // Lot 1: P-0001, P-0002, P-0003, P-0010 (4). Ages 29, 22, 58, 47. Routes: direct 42 + 38.5 + 38.5 = 119,
  // etti 14; contracts cdd 42 + 38.5 = 80.5, interim 14, apprenticeship 38.5; training P-0002 21.
  CHECK(lots[0]["participants"].dump() == R"({"people":4,"suppressed":false})");
  CHECK(breakdowns(lots[0]["breakdowns"]) ==
        std::vector<std::string>{
            "sex (4): F:1 M:3 X:0",
            "age_band (4): under-26:1 26-49:2 50-plus:1",
            "criterion (4): deld:1 detld:1 rsa:0 ass:1 aah:0 rqth:0 young:1 senior:1 iae:0 ea-esat:0 epide-e2c:0 "
            "qpv:2 justice:0 other-validated:0 invalidity-pension:0 regie-quartier:0",
            "route (4): direct:3/119 etti:1/14 ai:0/0 geiq:0/0 siae-subcontract:0/0 siae-cocontract:0/0 ea:0/0",
            "contract (4): cdi:0/0 cdi-inclusion:0/0 cdd:2/80.5 cddi:0/0 cdd-usage:0/0 interim:1/14 "
            "apprenticeship:1/38.5 professionalisation:0/0 other:0/0",
            "training (4): with-training:1/21 without-training:3/0",
            "exit (4): durable:1 transition:0 positive:0 neutral:0 other:0 none:3",
            "follow_up (4): durable:1 transition:0 positive:0 neutral:0 other:0 none:3"});
  // Lot 2: P-0004 (F 42 rsa, etti/interim 28), P-0005 (X 35 rqth aah, ea/cdd 14), P-0006 (M 24 young deld,
  // geiq/professionalisation 28, training 10.5). No outcome yet.
  CHECK(lots[1]["participants"].dump() == R"({"people":3,"suppressed":false})");
  CHECK(breakdowns(lots[1]["breakdowns"]) ==
        std::vector<std::string>{
            "sex (3): F:1 M:1 X:1",
            "age_band (3): under-26:1 26-49:2 50-plus:0",
            "criterion (3): deld:1 detld:0 rsa:1 ass:0 aah:1 rqth:1 young:1 senior:0 iae:0 ea-esat:0 epide-e2c:0 "
            "qpv:0 justice:0 other-validated:0 invalidity-pension:0 regie-quartier:0",
            "route (3): direct:0/0 etti:1/28 ai:0/0 geiq:1/28 siae-subcontract:0/0 siae-cocontract:0/0 ea:1/14",
            "contract (3): cdi:0/0 cdi-inclusion:0/0 cdd:1/14 cddi:0/0 cdd-usage:0/0 interim:1/28 "
            "apprenticeship:0/0 professionalisation:1/28 other:0/0",
            "training (3): with-training:1/10.5 without-training:2/0",
            "exit (3): durable:0 transition:0 positive:0 neutral:0 other:0 none:3",
            "follow_up (3): durable:0 transition:0 positive:0 neutral:0 other:0 none:3"});
  // Lot 3: P-0007 (F 52 iae, 7, exit positive, follow-up transition), P-0008 (M 39 justice qpv, 7, exit
  // transition), P-0009 (F 32 other-validated, 42); all direct/cddi: 56.
  CHECK(lots[2]["participants"].dump() == R"({"people":3,"suppressed":false})");
  CHECK(breakdowns(lots[2]["breakdowns"]) ==
        std::vector<std::string>{
            "sex (3): F:2 M:1 X:0",
            "age_band (3): under-26:0 26-49:2 50-plus:1",
            "criterion (3): deld:0 detld:0 rsa:0 ass:0 aah:0 rqth:0 young:0 senior:0 iae:1 ea-esat:0 epide-e2c:0 "
            "qpv:1 justice:1 other-validated:1 invalidity-pension:0 regie-quartier:0",
            "route (3): direct:3/56 etti:0/0 ai:0/0 geiq:0/0 siae-subcontract:0/0 siae-cocontract:0/0 ea:0/0",
            "contract (3): cdi:0/0 cdi-inclusion:0/0 cdd:0/0 cddi:3/56 cdd-usage:0/0 interim:0/0 "
            "apprenticeship:0/0 professionalisation:0/0 other:0/0",
            "training (3): with-training:0/0 without-training:3/0",
            "exit (3): durable:0 transition:1 positive:1 neutral:0 other:0 none:1",
            "follow_up (3): durable:0 transition:1 positive:0 neutral:0 other:0 none:2"});

  // Years: the target spread by working days (2027 254, 2028 251, 2029 252, 2030 251; lot 3 from March: 214
  // in 2027), largest remainders first, earlier year on a tie:
  // (the targets at 2027-12-31, orders applied):
  //   lot 1, 144 h: 36.286, 35.857, 36, 35.857 → floors 142, +1 to 2028 and 2030 (tie: earlier first) → 36, 36, 36, 36
  //   lot 2, 390 h: 98.274, 97.113, 97.5, 97.113 → floors 389, +1 to 2029 → 98, 97, 98, 97
  //   lot 3, 49 h over 968 days: 10.833, 12.706, 12.756, 12.706 → floors 46, +1 to 2027, 2029, 2028 → 11, 13, 13, 12
  // Realised: every counted row is in 2027 (the lot's hours and people).
  CHECK(years(lots[0]) == std::vector<std::string>{"2027 36/133/4", "2028 36/0/0", "2029 36/0/0", "2030 36/0/0"});
  CHECK(years(lots[1]) == std::vector<std::string>{"2027 98/70/3", "2028 97/0/0", "2029 98/0/0", "2030 97/0/0"});
  CHECK(years(lots[2]) == std::vector<std::string>{"2027 11/56/3", "2028 13/0/0", "2029 13/0/0", "2030 12/0/0"});
}

TEST_CASE("report example at 2027-12-31 with the default threshold (5 people)") {
  ordered_json doc = ordered_json::parse(report_json(5));
  CHECK(doc["min_cell"] == 5);
  const ordered_json& op = doc["operations"][0];
  check_figures(op);  // hours, months and reasons are not about people: the same figures
  CHECK(op["participants"].dump() == R"({"people":10,"suppressed":false})");  // 10 ≥ 5
  // Cells of 1 to 4 people are hidden; zeros and cells of 5 or more are shown. Training: "with" (2) is the
  // only small cell, so the smallest other non-zero cell ("without", 8) is hidden too. Age: under 26 and
  // 50 or more are hidden and hold fewer than 5 people together, so 26-49 (6) is hidden too; the same for
  // the direct route (6), no exit yet (7) and no follow-up yet (8) (issue 17, item 13).
  CHECK(breakdowns(op["breakdowns"]) ==
        std::vector<std::string>{
            "sex (10): F:- M:5 X:-",
            "age_band (10): under-26:- 26-49:- 50-plus:-",
            "criterion (10): deld:- detld:- rsa:- ass:- aah:- rqth:- young:- senior:- iae:- ea-esat:0 epide-e2c:0 "
            "qpv:- justice:- other-validated:- invalidity-pension:0 regie-quartier:0",
            "route (10): direct:-/- etti:-/- ai:0/0 geiq:-/- siae-subcontract:0/0 siae-cocontract:0/0 ea:-/-",
            "contract (10): cdi:0/0 cdi-inclusion:0/0 cdd:-/- cddi:-/- cdd-usage:0/0 interim:-/- "
            "apprenticeship:-/- professionalisation:-/- other:0/0",
            "training (10): with-training:-/- without-training:-/-",
            "exit (10): durable:- transition:- positive:- neutral:0 other:0 none:-",
            "follow_up (10): durable:- transition:- positive:0 neutral:0 other:0 none:-"});
  // Every lot has fewer than 5 people (4, 3, 3): its count, its populations and every cell, zeros
  // included, are hidden.
  const auto& lots = op["lots"];
  for (const auto& l : lots) CHECK(l["participants"].dump() == R"({"people":null,"suppressed":true})");
  for (int i = 0; i < 3; ++i)
    CHECK(breakdowns(lots[i]["breakdowns"]) ==
          std::vector<std::string>{
              "sex (null): F:- M:- X:-",
              "age_band (null): under-26:- 26-49:- 50-plus:-",
              "criterion (null): deld:- detld:- rsa:- ass:- aah:- rqth:- young:- senior:- iae:- ea-esat:- epide-e2c:- "
              "qpv:- justice:- other-validated:- invalidity-pension:- regie-quartier:-",
              "route (null): direct:-/- etti:-/- ai:-/- geiq:-/- siae-subcontract:-/- siae-cocontract:-/- ea:-/-",
              "contract (null): cdi:-/- cdi-inclusion:-/- cdd:-/- cddi:-/- cdd-usage:-/- interim:-/- "
              "apprenticeship:-/- professionalisation:-/- other:-/-",
              "training (null): with-training:-/- without-training:-/-",
              "exit (null): durable:- transition:- positive:- neutral:- other:- none:-",
              "follow_up (null): durable:- transition:- positive:- neutral:- other:- none:-"});
  // Years: the 2027 counts (4, 3, 3) are hidden, the empty years show 0.
  CHECK(years(lots[0]) == std::vector<std::string>{"2027 36/133/null", "2028 36/0/0", "2029 36/0/0", "2030 36/0/0"});
  CHECK(years(lots[1]) == std::vector<std::string>{"2027 98/70/null", "2028 97/0/0", "2029 98/0/0", "2030 97/0/0"});
  CHECK(years(lots[2]) == std::vector<std::string>{"2027 11/56/null", "2028 13/0/0", "2029 13/0/0", "2030 12/0/0"});
  // Hidden cells: operation sex 2 + age 3 + criterion 12 + route 4 + contract 5 + training 2 + exit 4 + follow-up 3
  // = 35; each lot, every cell: 3 + 3 + 16 + 7 + 9 + 2 + 6 + 6 = 52, three times 156; the participants of the
  // three lots (3) and of their 2027 (3). 35 + 156 + 6 = 197.
  CHECK(doc["suppressed_cells"] == 197);
  CHECK(doc["privacy_note"] == "197 cases sont masquées (valeur null) pour protéger les participants : chacune compte moins de 5 "
        "personnes ou permettrait d'en retrouver une qui en compte moins.");
  // The hidden values are nowhere in the text: no "people" below 5 other than 0 ("people" is always followed by
  // another key, hence the comma; "people": 10 is the operation's count).
  std::string text = report_json(5);
  for (const char* small : {"\"people\": 1,", "\"people\": 2,", "\"people\": 3,", "\"people\": 4,"})
    CHECK(text.find(small) == std::string::npos);
}

TEST_CASE("report example: the same inputs give the same bytes") {
  std::string once = report_json(1), twice = report_json(1);
  CHECK(once == twice);
  CHECK(report_json(5) == report_json(5));
  CHECK(once.back() == '\n');
}

TEST_CASE("report example: the end-of-mission sheet of P-0003, every field") {
  track::Operation op = track::load_operation({folder, {}, {}}, rules::RuleSet::builtin());
  report::ReportOptions options;
  options.as_of = date(2027, 12, 31);
  report::ParticipantSheet s = report::build_participant_sheet(op, "P-0003", rules::RuleSet::builtin(), options);
  CHECK(s.operation_id == "SCV-2026-EV-02");
  CHECK(s.operation_title == "Entretien des parcs, jardins et accotements de la commune (2027-2030)");
  CHECK(s.buyer == "Ville de Saint-Clair-de-Garonne");
  CHECK(s.ref == "P-0003");
  CHECK(s.sex == report::Sex::male);
  CHECK(s.birth_year == 1969);
  CHECK(s.age_at_validation == 58);  // 2027 − 1969
  CHECK(s.age_band == report::AgeBand::from_50);
  CHECK(s.education_level == 4);
  CHECK(s.criteria == std::vector<std::string>{"senior", "detld"});
  CHECK(s.validated_on == date(2027, 2, 3));
  CHECK(s.validity_end == date(2027, 8, 31));  // 2027-02 + 6 months = 2027-08, its last day
  // Rows of P-0003 (file A): line 6 2027-02 etti interim 7 + 3.5 training (interim: training does not
  // count) → 7; line 11 2027-04 7 → 7; line 13 ("7 h") could not be read and is no row.
  CHECK(s.first_month == "2027-02");
  CHECK(s.last_month == "2027-04");
  REQUIRE(s.months.size() == 2);
  CHECK(s.months[0].month == "2027-02");
  CHECK(s.months[0].lot == "1");
  CHECK(s.months[0].route == track::Route::etti);
  CHECK(s.months[0].contract == track::Contract::interim);
  CHECK(s.months[0].employer == "Trajectoire Intérim Muret");
  CHECK(s.months[0].work_hours == 7);
  CHECK(s.months[0].training_hours == 3.5);
  CHECK(s.months[0].counted_hours == 7);
  CHECK(s.months[0].not_counted_reason.empty());
  CHECK(s.months[1].month == "2027-04");
  CHECK(s.months[1].lot == "1");
  CHECK(s.months[1].route == track::Route::etti);
  CHECK(s.months[1].contract == track::Contract::interim);
  CHECK(s.months[1].employer == "Trajectoire Intérim Muret");
  CHECK(s.months[1].work_hours == 7);
  CHECK(s.months[1].training_hours == 0);
  CHECK(s.months[1].counted_hours == 7);
  CHECK(s.months[1].not_counted_reason.empty());
  CHECK(s.work_hours == 14);       // 7 + 7
  CHECK(s.training_hours == 3.5);  // declared on the rows that count, counted or not
  CHECK(s.counted_hours == 14);
  CHECK(s.lots == std::vector<std::string>{"1"});
  CHECK(s.routes == std::vector<track::Route>{track::Route::etti});
  CHECK(s.contracts == std::vector<track::Contract>{track::Contract::interim});
  CHECK(s.employers == std::vector<std::string>{"Trajectoire Intérim Muret"});
  REQUIRE(s.exit.has_value());
  CHECK(s.exit->date == date(2027, 5, 31));
  CHECK(s.exit->code == "cdd-6m-plus");
  CHECK(s.exit->category == report::OutcomeCategory::durable);
  REQUIRE(s.follow_up.has_value());
  CHECK(s.follow_up->date == date(2027, 11, 30));
  CHECK(s.follow_up->code == "cdi");
  CHECK(s.follow_up->category == report::OutcomeCategory::durable);
  CHECK(s.as_of == date(2027, 12, 31));
  CHECK(s.counting.training_hours == "work-contracts");
  CHECK(s.counting.validity_months == 6);
  CHECK(s.counting.tolerance == 0.15);

  ordered_json j = ordered_json::parse(report::render_json(s));
  CHECK(j["format"] == "clausier/report/1");
  CHECK(j["kind"] == "participant");
  CHECK(j["as_of"] == "2027-12-31");
  CHECK(j["operation"].dump() ==
        R"j({"id":"SCV-2026-EV-02","title":"Entretien des parcs, jardins et accotements de la commune (2027-2030)",)j"
        R"("buyer":"Ville de Saint-Clair-de-Garonne"})");
  CHECK(j["validity_end"] == "2027-08-31");
  CHECK(j["months"][0].dump() ==
        R"({"month":"2027-02","lot":"1","route":"etti","contract":"interim","employer":"Trajectoire Intérim Muret",)"
        R"("work_hours":7,"training_hours":3.5,"counted_hours":7,"not_counted_reason":null})");
  CHECK(j["exit"].dump() == R"({"date":"2027-05-31","situation":"cdd-6m-plus","category":"durable"})");
  CHECK(j["follow_up"].dump() == R"({"date":"2027-11-30","situation":"cdi","category":"durable"})");
  CHECK(j["counted_hours"] == 14);

  // P-0001's rows that do not count keep their reason, in month then file order: 2027-03 holds line 7
  // (counts), line 9 (lot "4": unknown-lot) and line 26 (duplicate of line 7); 2027-08 (line 19) is after
  // the validity (2027-01 + 6 = 2027-07).
  report::ParticipantSheet p1 = report::build_participant_sheet(op, "P-0001", rules::RuleSet::builtin(), options);
  std::vector<std::string> rows;
  for (const auto& m : p1.months) rows.push_back(m.month + " " + m.lot + " " + (m.not_counted_reason.empty() ? "counts" : m.not_counted_reason));
  CHECK(rows == std::vector<std::string>{"2027-01 1 counts", "2027-02 1 counts", "2027-03 1 counts", "2027-03 4 unknown-lot",
                                         "2027-03 1 duplicate", "2027-04 1 counts", "2027-06 1 counts", "2027-07 1 counts",
                                         "2027-08 1 after-validity"});
  CHECK(p1.counted_hours == 42);  // 7 + 10.5 + 7 + 3.5 + 7 + 7
  CHECK(p1.first_month == "2027-01");
  CHECK(p1.last_month == "2027-07");
  CHECK_FALSE(p1.exit.has_value());
  CHECK_THROWS_AS(report::build_participant_sheet(op, "P-0404", rules::RuleSet::builtin(), options), std::out_of_range);
}
