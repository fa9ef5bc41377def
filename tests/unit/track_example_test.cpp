// The shipped example espaces-verts tracked at 2027-12-31 and at 2027-06-30 (formats.md sections 4, 5
// and 7), against figures computed by hand: the arithmetic is written next to each figure. Nothing
// here asks the library for an expected value; the calendar checks only confirm the hand counts.
//
// The example (examples/espaces-verts):
// - tender.yaml: lot 1 120 h (framework min 80 000 €), lot 2 360 h (estimate 240 000 €), lot 3 244 h
//   (max 150 000 €), each recomputed on the orders placed (lot events, kind orders: the cumulative amount
//   ordered × 60 % (lot 3: 65 %) × 7 % ÷ 28 €/h, rounded to the nearest hour):
//     lot 1, 2027-12-15: 96 000 € → 96 000 × 0,042 ÷ 28 = 4 032 ÷ 28 = 144 h;
//     lot 2, 2027-06-30: 75 000 € → 3 150 ÷ 28 = 112,5 → 113 h (half away from zero);
//            2027-12-15: 260 000 € → 10 920 ÷ 28 = 390 h;
//     lot 3, 2027-12-15: 30 000 € → 30 000 × 0,0455 ÷ 28 = 1 365 ÷ 28 = 48,75 → 49 h;
//   lots 1 and 2 run 2027-01-01..2030-12-31, lot 3 2027-03-01..2030-12-31;
//   counting: training hours for work contracts, eligibility valid 6 months, tolerance 15 %;
//   penalties: 40 € per missing hour, capped at 10 % of the lot's amount at the date (the orders placed).
// - participants.yaml: P-0001..P-0010, validated in 2027 (month of validation, last valid month = +6):
//   P-0001 2027-01 (..07), P-0002 2027-01 (..07), P-0003 2027-02 (..08), P-0004 2027-02 (..08),
//   P-0005 2027-03 (..09), P-0006 2027-04 (..10), P-0007 2027-02 (..08), P-0008 2027-03 (..09),
//   P-0009 2027-06 (..12), P-0010 2027-07 (..2028-01).
// - statements/ (files in name order; line 1 is the header of each file):
//   A = 2027-lot1-jardins-du-comminges.csv (Windows-1252, ';', decimal commas, CRLF), 26 rows
//   B = 2027-lot2-verdalia-paysages.csv (UTF-8 with BOM, ',', English headers, quoted employers), 19 rows
//   C = 2027-lot3-sentiers-du-volvestre.csv (UTF-8 without BOM, ';', French headers "N° lot;Référence;…"), 11 rows
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clausier/calendar/holidays.hpp"
#include "clausier/track/operation.hpp"
#include "clausier/track/status.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

const std::string folder = std::string(CLAUSIER_SOURCE_DIR) + "/examples/espaces-verts";
const std::string A = "2027-lot1-jardins-du-comminges.csv";
const std::string B = "2027-lot2-verdalia-paysages.csv";
const std::string C = "2027-lot3-sentiers-du-volvestre.csv";

io::Date date(int y, int m, int d) {
  return io::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

std::string base_name(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// A not-counted row as "file:line reason", file by its name in statements/.
std::string entry(const track::Count& c, const track::NotCounted& n) {
  return base_name(c.file(n)) + ":" + std::to_string(c.line(n)) + " " + std::string(track::name(n.reason));
}
std::vector<std::string> listed(const track::Tracking& t) {
  std::vector<std::string> out;
  for (const auto& n : t.not_counted) out.push_back(entry(t.count, n));
  return out;
}
// A lot's list: indices in the tracking's one list.
std::vector<std::string> listed(const track::Tracking& t, const std::vector<std::uint32_t>& lot) {
  std::vector<std::string> out;
  for (std::uint32_t i : lot) out.push_back(entry(t.count, t.not_counted[i]));
  return out;
}
std::vector<std::string> listed(const track::Statements& st, const std::vector<track::UnreadableRow>& list) {
  std::vector<std::string> out;
  for (const auto& u : list)
    out.push_back(base_name(st.files[u.file]) + ":" + std::to_string(u.line) + " " + std::string(track::name(u.reason)));
  return out;
}

struct ExpectedLot {
  std::string id;
  std::string contractor;
  double target, counted, expected;
  track::LotStatus status;
  double forecast, missing, penalty;
  int participants;
  std::vector<std::string> not_counted;
};

void check_lot(const track::Tracking& t, const track::LotTracking& l, const ExpectedLot& e) {
  INFO("lot " << e.id);
  CHECK(l.lot->lot->id.value == e.id);
  CHECK(l.tracked);
  CHECK(l.contractor == e.contractor);
  CHECK(l.target_hours == e.target);
  CHECK(l.counted_hours == e.counted);
  CHECK(l.expected_hours == e.expected);
  CHECK(track::name(l.status) == track::name(e.status));
  CHECK(l.forecast_hours == e.forecast);
  CHECK(l.missing_hours == e.missing);
  CHECK(l.penalty_exposure == e.penalty);
  CHECK(l.participants == e.participants);
  CHECK(listed(t, l.not_counted) == e.not_counted);
}

struct ExpectedParticipant {
  std::string ref;
  std::string lot;
  double hours;
};

void check_participants(const track::Tracking& t, const std::vector<ExpectedParticipant>& expected) {
  REQUIRE(t.participants.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(expected[i].ref);
    CHECK(t.participants[i].ref == expected[i].ref);
    CHECK(t.participants[i].lots == std::vector<std::string>{expected[i].lot});
    CHECK(t.participants[i].counted_hours == expected[i].hours);
  }
}

track::Tracking track_at(const track::Operation& op, io::Date as_of) {
  REQUIRE(op.result() != nullptr);
  return track::track(*op.result(), op.participants, op.statements, {as_of, {}});
}

}  // namespace

TEST_CASE("track example: working days counted by hand, month by month") {
  // 2027 starts on a Friday. Public holidays on a weekday: 1 Jan (Fri), Easter Monday 29 Mar (Easter is
  // 28 Mar), Ascension 6 May (Thu), Whit Monday 17 May; 1 and 8 May fall on Saturdays; 14 Jul (Wed);
  // 15 Aug is a Sunday; 1 Nov (Mon), 11 Nov (Thu); 25 Dec is a Saturday.
  // Weekdays − weekday holidays = working days:
  //   Jan 21 − 1 = 20   Feb 20 = 20   Mar 23 − 1 = 22   Apr 22 = 22   May 21 − 2 = 19   Jun 22 = 22
  //   Jul 22 − 1 = 21   Aug 22 = 22   Sep 22 = 22       Oct 21 = 21   Nov 22 − 2 = 20   Dec 23 = 23
  // Jan..Jun = 20 + 20 + 22 + 22 + 19 + 22 = 125; Jul..Dec = 21 + 22 + 22 + 21 + 20 + 23 = 129;
  // 2027 = 125 + 129 = 254 (261 weekdays, 52 weeks and a Friday, − 7 holidays).
  CHECK(calendar::working_days(date(2027, 1, 1), date(2027, 1, 31)) == 20);
  CHECK(calendar::working_days(date(2027, 2, 1), date(2027, 2, 28)) == 20);
  CHECK(calendar::working_days(date(2027, 3, 1), date(2027, 3, 31)) == 22);
  CHECK(calendar::working_days(date(2027, 5, 1), date(2027, 5, 31)) == 19);
  CHECK(calendar::working_days(date(2027, 11, 1), date(2027, 11, 30)) == 20);
  CHECK(calendar::working_days(date(2027, 1, 1), date(2027, 6, 30)) == 125);
  CHECK(calendar::working_days(date(2027, 1, 1), date(2027, 12, 31)) == 254);
  // 2028 (leap, starts Saturday): 366 days = 52 weeks + Sat + Sun → 260 weekdays; Easter 16 Apr; weekday
  //   holidays: 17 Apr, 1 May, 8 May, 25 May, 5 Jun, 14 Jul, 15 Aug, 1 Nov, 25 Dec = 9 → 251.
  // 2029 (starts Monday): 261 weekdays; Easter 1 Apr; weekday holidays: 1 Jan, 2 Apr, 1 May, 8 May,
  //   10 May, 21 May, 15 Aug, 1 Nov, 25 Dec = 9 (14 Jul Sat, 11 Nov Sun) → 252.
  // 2030 (starts Tuesday): 261 weekdays; Easter 21 Apr; weekday holidays: 1 Jan, 22 Apr, 1 May, 8 May,
  //   30 May, 10 Jun, 15 Aug, 1 Nov, 11 Nov, 25 Dec = 10 (14 Jul Sun) → 251.
  // Lots 1 and 2, 2027-01-01..2030-12-31: 254 + 251 + 252 + 251 = 1008.
  // Lot 3, 2027-03-01..2030-12-31: 1008 − Jan 20 − Feb 20 = 968; elapsed to 2027-12-31: 254 − 40 = 214;
  // to 2027-06-30: 125 − 40 = 85.
  CHECK(calendar::working_days(date(2028, 1, 1), date(2028, 12, 31)) == 251);
  CHECK(calendar::working_days(date(2029, 1, 1), date(2029, 12, 31)) == 252);
  CHECK(calendar::working_days(date(2030, 1, 1), date(2030, 12, 31)) == 251);
  CHECK(calendar::working_days(date(2027, 1, 1), date(2030, 12, 31)) == 1008);
  CHECK(calendar::working_days(date(2027, 3, 1), date(2030, 12, 31)) == 968);
  CHECK(calendar::working_days(date(2027, 3, 1), date(2027, 12, 31)) == 214);
  CHECK(calendar::working_days(date(2027, 3, 1), date(2027, 6, 30)) == 85);
}

TEST_CASE("track example: the three files load, six rows cannot be read and are reported") {
  track::Operation op = track::load_operation({folder, {}, {}}, rules::RuleSet::builtin());
  REQUIRE(op.result() != nullptr);
  CHECK(op.participants.list.size() == 10);
  // Readable rows: A 26 − 3 unreadable = 23, B 19 − 3 = 16, C 11 − 0 = 11 → 50.
  const track::Statements& st = op.statements;
  const std::vector<track::StatementRow>& rows = st.rows;
  CHECK(rows.size() == 50);
  // Files in name order, then rows in file order.
  REQUIRE(!rows.empty());
  CHECK(base_name(st.files[rows.front().file]) == A);
  CHECK(rows.front().line == 2);
  CHECK(base_name(st.files[rows.back().file]) == C);
  CHECK(rows.back().line == 12);
  // Windows-1252 read: A line 6 employer "Trajectoire Intérim Muret" (é written as the byte 0xE9).
  CHECK(rows[4].line == 6);
  CHECK(st.employers[rows[4].employer] == "Trajectoire Intérim Muret");
  CHECK(rows[4].work_hours == 7);        // "7"
  CHECK(rows[4].training_hours == 3.5);  // "3,5"
  // B line 2 employer quoted because of its comma; decimals with a point in this file ("3.5").
  CHECK(rows[23].line == 2);
  CHECK(st.employers[rows[23].employer] == "Trajectoire Intérim, agence de Muret");
  // C: French headers as typed ("N° lot", "Référence", "Heures de travail"…) are recognised.
  CHECK(rows[39].line == 2);
  CHECK(st.lots[rows[39].lot] == "3");
  CHECK(st.participants[rows[39].participant] == "P-0007");

  CHECK(listed(st, st.unreadable) == std::vector<std::string>{
                                     A + ":13 invalid-row",  // work hours "7 h": not a number
                                     A + ":22 invalid-row",  // month "09/27"
                                     A + ":27 invalid-row",  // Excel's "TOTAL;;;;;;147;28" row
                                     B + ":11 invalid-row",  // work hours -7
                                     B + ":17 invalid-row",  // route "insertion"
                                     B + ":19 invalid-row",  // contract "contrat-pro"
                                 });
  // The same six, and nothing else, as diagnostics (tender and participants are clean).
  std::vector<std::string> diags;
  for (const auto& d : op.diagnostics) diags.push_back(base_name(d.path) + ":" + std::to_string(d.pos.line) + " " + d.rule);
  CHECK(diags == std::vector<std::string>{A + ":13 statement-row", A + ":22 statement-row", A + ":27 statement-row",
                                          B + ":11 statement-row", B + ":17 statement-row", B + ":19 statement-row"});
}

TEST_CASE("track example at 2027-12-31, every lot by hand") {
  track::Operation op = track::load_operation({folder, {}, {}}, rules::RuleSet::builtin());
  track::Tracking t = track_at(op, date(2027, 12, 31));
  CHECK(t.tolerance == 0.15);
  REQUIRE(t.lots.size() == 3);
  using S = track::LotStatus;

  // Lot 1 (file A), rows that count (training counts only on the apprenticeship rows of P-0002):
  //   Jan  L2 7 + L3 (3.5 + 3.5 appr.) 7                          = 14
  //   Feb  L4 10.5 + L5 (3.5 + 3.5 appr.) 7 + L6 7 (interim: its 3.5 training does not count) = 24.5
  //   Mar  L7 7 + L8 (3.5 + 7 appr.) 10.5                         = 17.5
  //   Apr  L10 3.5 + L11 7                                        = 10.5
  //   May  L12 (3.5 + 3.5 appr.) 7                               = 7
  //   Jun  L14 7                                                  = 7
  //   Jul  L16 7 + L17 (3.5 + 3.5 appr.) 7 + L18 7                = 21
  //   Aug  L20 10.5;  Sep  L21 7;  Oct  L23 3.5;  Nov  L24 3.5;  Dec  L25 7
  //   counted = 14 + 24.5 + 17.5 + 10.5 + 7 + 7 + 21 + 10.5 + 7 + 3.5 + 3.5 + 7 = 133
  // target = 144 (orders of 2027-12-15)
  // expected = 144 × 254 ÷ 1008 = 36 576 ÷ 1008 = 36.285714 (1008 × 36 = 36 288, 288 ÷ 1008 = 0.285714)
  // status: 133 < 144 and 133 ≥ 36.285714 × 0.85 = 30.842857 → on-track
  // forecast = 133 × 1008 ÷ 254 = 134 064 ÷ 254 = 527.811024 (254 × 527 = 133 858, 206 ÷ 254 = 0.811024)
  // missing = 144 − 133 = 11; penalty = 11 × 40 = 440 (cap 10 % × 96 000 = 9 600)
  // participants: P-0001, P-0002, P-0003, P-0010 = 4
  // not counted (lot 1): L15 P-0010 in 2027-06, validated 2027-07; L19 P-0001 in 2027-08 > 2027-01 + 6;
  //   L26 repeats lot 1, P-0001, 2027-03, direct of L7 (L9, lot "4", belongs to no lot).
  check_lot(t, t.lots[0], {"1", "Jardins du Comminges", 144, 133, 36.285714, S::on_track, 527.811024, 11, 440, 4,
                        {A + ":13 invalid-row", A + ":15 before-validation", A + ":19 after-validity", A + ":22 invalid-row",
                         A + ":26 duplicate"}});

  // Lot 2 (file B; no statement for January):
  //   Feb  L2 14                                                  = 14
  //   Mar  L3 7 + L4 7                                            = 14
  //   Apr  L5 3.5 + L6 (3.5 + 7 professionalisation) 10.5         = 14
  //   May  L7 3.5 + L8 (3.5 + 3.5 professionalisation) 7          = 10.5
  //   Jun  L10 3.5;  Jul  L12 3.5;  Aug  L13 3.5;  Sep  L15 3.5;  Oct  L16 3.5
  //   counted = 14 + 14 + 14 + 10.5 + 3.5 × 5 = 52.5 + 17.5 = 70
  // target = 390 (orders of 2027-12-15)
  // expected = 390 × 254 ÷ 1008 = 99 060 ÷ 1008 = 98.27381 (1008 × 98 = 98 784, 276 ÷ 1008 = 0.273810)
  // status: 70 < 98.27381 × 0.85 = 83.532738 → behind
  // forecast = 70 × 1008 ÷ 254 = 70 560 ÷ 254 = 277.795276 (254 × 277 = 70 358, 202 ÷ 254 = 0.795276)
  // missing = 390 − 70 = 320; penalty = 320 × 40 = 12 800 (cap 10 % × 260 000 = 26 000)
  // participants: P-0004, P-0005, P-0006 = 3
  // not counted: L9 repeats lot 2, P-0005, 2027-03, ea of L4; L14 P-0004 2027-09 > 2027-02 + 6;
  //   L18 P-0011 unknown; L20 P-0005 2027-12 > 2027-03 + 6.
  check_lot(t, t.lots[1], {"2", "Verdalia Paysages", 390, 70, 98.27381, S::behind, 277.795276, 320, 12800, 3,
                        {B + ":9 duplicate", B + ":11 invalid-row", B + ":14 after-validity", B + ":17 invalid-row",
                         B + ":18 unknown-participant", B + ":19 invalid-row", B + ":20 after-validity"}});

  // Lot 3 (file C; no statement for August):
  //   Mar  L3 3.5 + L4 3.5 = 7;  Apr  L5 3.5;  May  L6 3.5
  //   Jun  L7 0 (its 3.5 training hours are on a CDDI: they do not count)
  //   Jul  L8 14;  Sep  L9 10.5;  Oct  L10 7;  Nov  L11 7;  Dec  L12 3.5
  //   counted = 7 + 3.5 + 3.5 + 0 + 14 + 10.5 + 7 + 7 + 3.5 = 56
  // target = 49 (orders of 2027-12-15)
  // expected = 49 × 214 ÷ 968 = 10 486 ÷ 968 = 10.832645 (968 × 10 = 9 680, 806 ÷ 968 = 0.832645)
  // status: 56 ≥ 49 → complete, 7 h over the target
  // forecast = 56 × 968 ÷ 214 = 54 208 ÷ 214 = 253.308411 (214 × 253 = 54 142, 66 ÷ 214 = 0.308411)
  // missing = max(0, 49 − 56) = 0; penalty 0
  // participants: P-0007, P-0008, P-0009 = 3
  // not counted: L2 in 2027-02, before the lot's first month 2027-03 (P-0007 validated 2027-02).
  check_lot(t, t.lots[2], {"3", "Les Sentiers du Volvestre", 49, 56, 10.832645, S::complete, 253.308411, 0, 0, 3,
                        {C + ":2 outside-execution"}});

  // Every row that counts nothing, unreadable ones included, in file and line order.
  CHECK(listed(t) == std::vector<std::string>{
                                     A + ":9 unknown-lot",  // lot "4": no such lot (stands for lot-without-clause too:
                                                            // espaces-verts has no lot without a clause)
                                     A + ":13 invalid-row", A + ":15 before-validation", A + ":19 after-validity",
                                     A + ":22 invalid-row", A + ":26 duplicate", A + ":27 invalid-row",
                                     B + ":9 duplicate", B + ":11 invalid-row", B + ":14 after-validity",
                                     B + ":17 invalid-row", B + ":18 unknown-participant", B + ":19 invalid-row",
                                     B + ":20 after-validity", C + ":2 outside-execution"});
  // Hours the rows declared, as far as they could be read: A L9 7, L13 0 ("7 h" unreadable), L15 7, L19 7,
  // L22 3.5 + 3.5, L26 10.5, L27 147 + 28 (the TOTAL row); B L9 7, L11 0 (-7 refused), L14 7, L17 3.5,
  // L18 7, L19 7 + 3.5, L20 7; C L2 7.
  std::vector<double> hours;
  for (const auto& n : t.not_counted) hours.push_back(t.count.declared_hours(n));
  CHECK(hours == std::vector<double>{7, 0, 7, 7, 7, 10.5, 175, 7, 0, 7, 3.5, 7, 10.5, 7, 7});

  // Per participant (sorted by ref):
  //   P-0001 L2 7 + L4 10.5 + L7 7 + L10 3.5 + L14 7 + L16 7 = 42
  //   P-0002 L3 7 + L5 7 + L8 10.5 + L12 7 + L17 7 = 38.5
  //   P-0003 L6 7 + L11 7 = 14
  //   P-0004 B L2 14 + L3 7 + L5 3.5 + L10 3.5 = 28
  //   P-0005 B L4 7 + L7 3.5 + L13 3.5 = 14
  //   P-0006 B L6 10.5 + L8 7 + L12 3.5 + L15 3.5 + L16 3.5 = 28
  //   P-0007 C L3 3.5 + L5 3.5 + L7 0 = 7
  //   P-0008 C L4 3.5 + L6 3.5 = 7
  //   P-0009 C L8 14 + L9 10.5 + L10 7 + L11 7 + L12 3.5 = 42
  //   P-0010 A L18 7 + L20 10.5 + L21 7 + L23 3.5 + L24 3.5 + L25 7 = 38.5
  //   lot 1: 42 + 38.5 + 14 + 38.5 = 133; lot 2: 28 + 14 + 28 = 70; lot 3: 7 + 7 + 42 = 56.
  check_participants(t, {{"P-0001", "1", 42},
                         {"P-0002", "1", 38.5},
                         {"P-0003", "1", 14},
                         {"P-0004", "2", 28},
                         {"P-0005", "2", 14},
                         {"P-0006", "2", 28},
                         {"P-0007", "3", 7},
                         {"P-0008", "3", 7},
                         {"P-0009", "3", 42},
                         {"P-0010", "1", 38.5}});

  // One contractor per lot, in lot order, carrying that lot's figures.
  REQUIRE(t.contractors.size() == 3);
  CHECK(t.contractors[0].name == "Jardins du Comminges");
  CHECK(t.contractors[1].name == "Verdalia Paysages");
  CHECK(t.contractors[1].lots == std::vector<std::string>{"2"});
  CHECK(t.contractors[1].missing_hours == 320);
  CHECK(t.contractors[1].penalty_exposure == 12800);
  CHECK(t.contractors[2].name == "Les Sentiers du Volvestre");
  CHECK(t.contractors[2].missing_hours == 0);
  CHECK(t.contractors[2].over_hours == 7);  // 56 − 49, shown apart
}

TEST_CASE("track example at 2027-06-30, every lot by hand") {
  track::Operation op = track::load_operation({folder, {}, {}}, rules::RuleSet::builtin());
  track::Tracking t = track_at(op, date(2027, 6, 30));
  REQUIRE(t.lots.size() == 3);
  using S = track::LotStatus;

  // Lot 1: Jan 14 + Feb 24.5 + Mar 17.5 + Apr 10.5 + May 7 + Jun 7 = 80.5 (the months of the 2027-12-31 case)
  // target = 120 (the framework minimum: the orders of 2027-12-15 come later)
  // expected = 120 × 125 ÷ 1008 = 15 000 ÷ 1008 = 14.880952
  // status: 80.5 < 120 and 80.5 ≥ 14.880952 × 0.85 = 12.648809 → on-track
  // forecast = 80.5 × 1008 ÷ 125 = 81 144 ÷ 125 = 649.152
  // missing = 120 − 80.5 = 39.5; penalty = 39.5 × 40 = 1 580 (cap 8 000)
  // participants: P-0001, P-0002, P-0003 = 3
  // not counted, checks in this order: participant, validation, validity, execution period, as_of, duplicate:
  //   L13 and L22 unreadable; L15 before-validation; L16 to L25 (July to December) after-as-of, checked first: a
  //   month after the date of the follow-up is not judged on anything else; L26 duplicate of L7.
  check_lot(t, t.lots[0], {"1", "Jardins du Comminges", 120, 80.5, 14.880952, S::on_track, 649.152, 39.5, 1580, 3,
                        {A + ":13 invalid-row", A + ":15 before-validation", A + ":16 after-as-of", A + ":17 after-as-of",
                         A + ":18 after-as-of", A + ":19 after-as-of", A + ":20 after-as-of", A + ":21 after-as-of",
                         A + ":22 invalid-row", A + ":23 after-as-of", A + ":24 after-as-of", A + ":25 after-as-of",
                         A + ":26 duplicate"}});

  // Lot 2: Feb 14 + Mar 14 + Apr 14 + May 10.5 + Jun 3.5 = 56
  // target = 113 (the orders of 2027-06-30 count from their date on, that day included)
  // expected = 113 × 125 ÷ 1008 = 14 125 ÷ 1008 = 14.012897 (1008 × 14 = 14 112, 13 ÷ 1008 = 0.012897)
  // status: 56 < 113 and 56 ≥ 14.012897 × 0.85 = 11.910962 → on-track
  // forecast = 56 × 1008 ÷ 125 = 56 448 ÷ 125 = 451.584
  // missing = 113 − 56 = 57; penalty = 57 × 40 = 2 280 (cap 10 % × 75 000 = 7 500)
  // participants: P-0004, P-0005, P-0006 = 3
  // not counted: L9 duplicate; L11, L17, L19 unreadable; L12 (07), L13 (08), L14 (09), L15 (09), L16 (10),
  //   L18 (11), L20 (12) after-as-of, checked first.
  check_lot(t, t.lots[1], {"2", "Verdalia Paysages", 113, 56, 14.012897, S::on_track, 451.584, 57, 2280, 3,
                        {B + ":9 duplicate", B + ":11 invalid-row", B + ":12 after-as-of", B + ":13 after-as-of",
                         B + ":14 after-as-of", B + ":15 after-as-of", B + ":16 after-as-of", B + ":17 invalid-row",
                         B + ":18 after-as-of", B + ":19 invalid-row", B + ":20 after-as-of"}});

  // Lot 3: Mar 7 + Apr 3.5 + May 3.5 + Jun 0 = 14; target 244 (the framework maximum: no order yet)
  // expected = 244 × 85 ÷ 968 = 20 740 ÷ 968 = 21.42562 (21.425619…)
  // status: 14 < 21.42562 × 0.85 = 18.211777 → behind
  // forecast = 14 × 968 ÷ 85 = 13 552 ÷ 85 = 159.435294 (85 × 159 = 13 515, 37 ÷ 85 = 0.435294)
  // missing = 244 − 14 = 230; penalty = 230 × 40 = 9 200 (cap 15 000)
  // participants: P-0007, P-0008 = 2 (P-0009 starts in July)
  // not counted: L2 outside-execution; L8..L12 (07, 09, 10, 11, 12) after-as-of.
  check_lot(t, t.lots[2], {"3", "Les Sentiers du Volvestre", 244, 14, 21.42562, S::behind, 159.435294, 230, 9200, 2,
                        {C + ":2 outside-execution", C + ":8 after-as-of", C + ":9 after-as-of", C + ":10 after-as-of",
                         C + ":11 after-as-of", C + ":12 after-as-of"}});

  CHECK(listed(t) ==
        std::vector<std::string>{A + ":9 unknown-lot",   A + ":13 invalid-row",   A + ":15 before-validation",
                                 A + ":16 after-as-of",  A + ":17 after-as-of",   A + ":18 after-as-of",
                                 A + ":19 after-as-of",  A + ":20 after-as-of",   A + ":21 after-as-of",
                                 A + ":22 invalid-row",  A + ":23 after-as-of",   A + ":24 after-as-of",
                                 A + ":25 after-as-of",  A + ":26 duplicate",     A + ":27 invalid-row",
                                 B + ":9 duplicate",     B + ":11 invalid-row",   B + ":12 after-as-of",
                                 B + ":13 after-as-of",  B + ":14 after-as-of",   B + ":15 after-as-of",
                                 B + ":16 after-as-of",  B + ":17 invalid-row",   B + ":18 after-as-of",
                                 B + ":19 invalid-row",  B + ":20 after-as-of",   C + ":2 outside-execution",
                                 C + ":8 after-as-of",   C + ":9 after-as-of",    C + ":10 after-as-of",
                                 C + ":11 after-as-of",  C + ":12 after-as-of"});

  // Per participant, rows up to June only:
  //   P-0001 7 + 10.5 + 7 + 3.5 + 7 = 35;  P-0002 7 + 7 + 10.5 + 7 = 31.5;  P-0003 7 + 7 = 14
  //   P-0004 14 + 7 + 3.5 + 3.5 = 28;  P-0005 7 + 3.5 = 10.5;  P-0006 10.5 + 7 = 17.5
  //   P-0007 3.5 + 3.5 + 0 = 7;  P-0008 3.5 + 3.5 = 7
  //   lot 1: 35 + 31.5 + 14 = 80.5; lot 2: 28 + 10.5 + 17.5 = 56; lot 3: 7 + 7 = 14.
  check_participants(t, {{"P-0001", "1", 35},
                         {"P-0002", "1", 31.5},
                         {"P-0003", "1", 14},
                         {"P-0004", "2", 28},
                         {"P-0005", "2", 10.5},
                         {"P-0006", "2", 17.5},
                         {"P-0007", "3", 7},
                         {"P-0008", "3", 7}});
}
