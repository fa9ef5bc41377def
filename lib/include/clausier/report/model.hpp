#pragma once
// The end-of-mission report (bilan) of `clausier report`: what was promised, what was done, for whom,
// and what became of them; per operation, per participant (the individual sheet), and consolidated
// across operations in the national network's terms. Pure data: the renderers (report/render.hpp)
// turn it into md, html, json, csv, xlsx, decp and flat outputs.
//
// Privacy (docs/report.md, « Le secret statistique »): a breakdown cell counts distinct people. A cell
// with 1 to min_cell − 1 people is `suppressed` (its people and hours are never rendered: JSON null +
// "suppressed": true); while a breakdown has one suppressed cell alone, or suppressed cells of fewer
// than min_cell people together, the smallest other non-zero cell is suppressed too (secondary
// suppression, so that no hidden cell can be recovered from the total). Zero is shown, except in a
// breakdown of 1 to min_cell − 1 people, where no cell is published at all. The participants of the
// lots of an operation, and of the years of a lot, follow the same rule. A consolidation hides, besides,
// every cell that an operation it adds up hides in its own report: subtracting two consolidations
// never gives a hidden count.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/hours/calc.hpp"
#include "clausier/io/values.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/operation.hpp"
#include "clausier/track/pooling.hpp"
#include "clausier/track/status.hpp"

namespace clausier::report {

using io::Date;

// Hours of one full-time equivalent: the tools' one basis, 1 820 (hours::full_time_year_hours).
inline constexpr double fte_hours = hours::full_time_year_hours;
// The national network counts 1 600 hours worked (25 124 684 h = 15 703 FTE in 2021, AVE): said beside ours.
inline constexpr double network_fte_hours = 1600;
// FTE in a bilan: hours ÷ 1 820, rounded to the nearest whole number.
long long full_time_equivalents(double hours);

// ---- The codes of the report, each with its French labels (lower case, as inside a sentence;
// tables start them with a capital: text::capitalised) ----

// A participant's sex, as participants.yaml codes it.
enum class Sex { female, male, unspecified };
std::string_view code(Sex s);                       // "F", "M", "X"
std::optional<Sex> sex_named(std::string_view code);
std::string_view label(Sex s);                      // one person: "femme", "homme", "autre ou non précisé"
std::string_view group_label(Sex s);                // a breakdown cell: "femmes", "hommes", "autre ou non précisé"

// The age band at the validation of eligibility.
enum class AgeBand { under_26, from_26_to_49, from_50 };
std::string_view code(AgeBand b);                   // "under-26", "26-49", "50-plus"
std::string_view label(AgeBand b);                  // "moins de 26 ans", "26 à 49 ans", "50 ans ou plus"
// The band of the age reached in the year of validation (year − birth year).
AgeBand age_band(int age);

// The category of an exit or follow-up situation (the outcomes table); none: no situation known at the date.
// neutral: an exit the IAE typology counts neither as dynamic nor among the other exits.
enum class OutcomeCategory { durable, transition, positive, neutral, other, none };
std::string_view code(OutcomeCategory c);           // "durable", "transition", "positive", "neutral", "other", "none"
std::optional<OutcomeCategory> outcome_category_named(std::string_view code);
// "emploi durable", "emploi de transition", "sortie positive", "autre situation", "non renseignée"
std::string_view label(OutcomeCategory c);

struct Cell {
  std::string key;    // stable code: "F", "under-26", "deld", "etti", "apprenticeship", "durable", ...
  std::string label;  // French
  int people = 0;     // distinct participants
  double hours = 0;   // their counted hours in this cell (routes, contracts, lots); 0 where meaningless
  bool suppressed = false;
  bool secondary = false;  // hidden to protect another (« masqué »), or in a breakdown published not at all: any size
};

struct Breakdown {
  std::string id;      // sex, age_band, criterion, route, contract, training, exit, follow_up
  std::string title;   // French
  bool has_hours = false;  // cells carry hours (route, contract, training)
  bool multiple = false;   // a person may be in several cells (criterion, route, contract): cells do not add up
  int population = 0;      // distinct people the breakdown is about
  std::vector<Cell> cells;  // fixed order (the code lists of formats.md), every code present, even at 0
  bool population_suppressed = false;  // never rendered (JSON null), like a cell: 1 to min_cell − 1, or secondary
  bool population_secondary = false;   // hidden to protect the cells of a breakdown published not at all: any size
};

// Applies the privacy rule above to every cell of `b` (and to its population); the cells flagged in
// `hidden_elsewhere` (by index) are hidden too, as secondary cells, when they are not small.
void suppress_small_cells(Breakdown& b, int min_cell, const std::vector<bool>& hidden_elsewhere = {});
// The same rule on cells that live elsewhere (the participants of each lot of an operation, of each year
// of a lot), as a breakdown of `population` people.
void suppress_small_cells(std::vector<Cell*> cells, int population, int min_cell);
// The same threshold on one cell alone (participants of an operation, a lot, a year, a group):
// no secondary suppression, the cells of lots and years overlap and add up to nothing.
void suppress_small_cell(Cell& c, int min_cell);

// Building block of build_operation_report and of the Consolidator (renderers do not need it):
// counts distinct people into the breakdowns sex, age_band, criterion, route, contract, [training,]
// exit and follow_up, every code present in its fixed order. Call add() once per person of the
// population, with that person's counted hours in the scope.
class BreakdownCounter {
 public:
  struct Hours {
    std::array<double, 7> route{};     // counted hours by track::Route, in enum order
    std::array<double, 9> contract{};  // counted hours by track::Contract, in enum order
    double training = 0;               // counted training hours
    double total = 0;                  // counted hours
  };
  // An exit or follow-up dated after `as_of` is not known yet at that date ("none").
  BreakdownCounter(const rules::RuleSet& rules, Date as_of, bool with_training);
  void add(const track::Participant& p, const Hours& h);
  // Cell hours rounded to 6 decimals, then suppress_small_cells(min_cell) on each breakdown.
  std::vector<Breakdown> finish(int min_cell);

 private:
  const rules::RuleSet* rules_;
  Date as_of_;
  bool with_training_;
  std::vector<Breakdown> b_;
  std::map<std::string, std::size_t, std::less<>> criterion_cell_;
};

// The hours still missing and the hours done over the target of a set of lots: each lot's own, summed
// apart, so that one lot's surplus never hides another's shortfall (formats.md section 7).
struct Shortfall {
  double missing = 0, over = 0;
  void add(double missing_hours, double over_hours);
  void round();  // to 6 decimals, once the sums are made
};
// In French, for the « Écart » columns and the summaries: "il manque 206 heures ; dépassement de 20 heures",
// "dépassement de 20 heures", "objectif atteint", or "" without a target.
std::string shortfall_label(const Shortfall& s, double target);

struct LotReport {
  std::string id, title, trade;  // trade may be empty
  tender::Clause clause = tender::Clause::none;
  hours::Status hours_status = hours::Status::ok;
  std::optional<track::LotStatus> tracking_status;  // absent when the lot is not tracked (its clause is not set), not_awarded for a lot not awarded
  std::string decp;              // DECP considerationsSociales values, joined with " ; " (see decp_values)
  std::string contractor;        // award.contractor.name, or empty
  std::optional<Date> start, end;  // end: at as_of, lot events applied (end-changed, terminated)
  bool has_target = true;        // false for a lot not awarded: nothing is due (JSON null)
  double target_hours = 0;       // due at as_of, lot events applied (percent-of-hours: percent × declared)
  double realised_hours = 0;     // counted
  std::optional<double> achievement;  // realised ÷ target; absent when the target is 0
  double over_hours = 0;         // realised − target when positive: over-achievement, shown as such
  double missing_hours = 0;      // target − realised when positive
  Cell participants;             // key "participants": people with counted hours on the lot (suppressible)
  std::vector<Breakdown> breakdowns;  // same ids as the operation's
  struct Year {
    int year = 0;
    double target_hours = 0;    // the lot's target spread over its execution period (calendar::split_hours by year)
    double realised_hours = 0;  // counted hours of statement months of that year
    Cell participants;          // people with counted hours on the lot that year (suppressible)
  };
  std::vector<Year> years;      // every year of the execution period and every year with counted rows, in order
};

// The tracking status of a lot ("en retard"), else why it is not tracked ("non suivi (sans clause)"):
// the one wording of every renderer. The clause of a lot is tender::short_label(l.clause).
std::string lot_status(const LotReport& l);

// The work contracts of a population, as published: a count of contracts is at least the count of the
// people who hold them, so it is hidden exactly when that people count is (else 1 to 4 contracts would
// give a hidden count away).
Cell published_work_contracts(int work_contracts, const Cell& participants);

// DECP `considerationsSociales` values of a lot: "Clause sociale" (a clause that is set: execution or
// integration-object), "Critère social" (award criterion), "Marché réservé" (reserved-*),
// else "Pas de considération sociale".
std::vector<std::string> decp_values(const hours::LotResult& lot);

struct ContractorReport {
  std::string name;
  std::vector<std::string> lots;
  double target_hours = 0, realised_hours = 0;
  std::optional<double> achievement;
  Shortfall shortfall;  // its lots' missing and over hours, never netted
};

struct MonthRow {
  std::string month;              // "2027-03"
  double realised = 0;            // counted hours of the month
  double cumulative = 0;          // counted hours up to and including the month
  double expected_cumulative = 0; // sum over tracked lots of calendar::expected_hours at the month's last day
};

struct NotCountedTotal {
  std::string reason;  // formats.md section 5 reason code
  std::string label;   // French
  int rows = 0;
  double hours = 0;    // hours the rows declared
};

struct CountingInfo {
  std::string training_hours;            // work-contracts | all | none
  std::optional<int> validity_months;
  double tolerance = 0;
  std::string rules_version, rules_sha256;
};

struct OperationReport {
  std::string path;  // the folder or tender file
  std::string id, title, buyer;
  Date as_of;
  int min_cell = 5;
  std::vector<LotReport> lots;  // tender order, every lot (those without clause too)
  std::vector<ContractorReport> contractors;  // by name
  double target_hours = 0, realised_hours = 0;  // over the tracked lots
  std::optional<double> achievement;
  Shortfall shortfall;        // the tracked lots' missing and over hours, never netted
  Cell participants;          // people with counted hours (suppressible)
  Cell validated_participants;  // people in the participants file (suppressible: 3 validated people are 3 people)
  int work_contracts = 0;     // distinct (participant, employer, contract) among counted rows
  std::vector<Breakdown> breakdowns;  // sex, age_band, criterion, route, contract, training, exit, follow_up
  std::vector<MonthRow> months;       // every month from the first lot start (or first row) to as_of/last end
  std::vector<NotCountedTotal> not_counted;  // by reason, in the order of formats.md section 5; only reasons met
  int not_counted_rows = 0;
  double not_counted_hours = 0;
  CountingInfo counting;
};

struct SheetMonth {
  std::string month, lot;
  track::Route route = track::Route::direct;
  track::Contract contract = track::Contract::other;
  std::string employer;
  double work_hours = 0, training_hours = 0, counted_hours = 0;
  std::string not_counted_reason;  // empty when the row counts
};

// An exit or follow-up situation known at the date of a sheet.
struct KnownSituation {
  Date date;
  std::string code;                  // cdi, cdd-6m-plus, ... (the outcomes table)
  OutcomeCategory category = OutcomeCategory::other;  // the table's category of the code
};

// The individual end-of-mission sheet (never part of a consolidated report).
struct ParticipantSheet {
  std::string operation_id, operation_title, buyer;
  std::string ref;
  Sex sex = Sex::unspecified;
  int birth_year = 0, age_at_validation = 0;
  AgeBand age_band = AgeBand::under_26;
  std::optional<int> education_level;
  std::vector<std::string> criteria;  // codes, in the participant's order
  Date validated_on;
  std::optional<Date> validity_end;   // last day of eligibility when counting.eligibility_validity_months is set
  std::string first_month, last_month;  // of the rows that count ("" when none)
  std::vector<SheetMonth> months;       // every row of the participant, counted or not, in month then file order
  double work_hours = 0, training_hours = 0, counted_hours = 0;
  std::vector<std::string> lots, employers;          // distinct, sorted
  std::vector<track::Route> routes;                  // distinct, in the order of their codes
  std::vector<track::Contract> contracts;            // distinct, in the order of their codes
  std::optional<KnownSituation> exit, follow_up;
  Date as_of;                // the date of the sheet (exit and follow-up dated after it are left out)
  CountingInfo counting;     // counting rules and rule-table version and hash
};

struct ReportOptions {
  Date as_of;
  int min_cell = 5;
  std::map<std::string, double> declared_hours;  // --declared-hours lot=N (percent-of-hours lots)
};

// Requires op.result() (a valid tender). Linear in the number of rows.
OperationReport build_operation_report(const track::Operation& op, const rules::RuleSet& rules,
                                       const ReportOptions& options);
// Requires a participant `ref` in op.participants (report::run checks it first and reports
// participant-not-found); throws std::out_of_range otherwise, a programming error.
ParticipantSheet build_participant_sheet(const track::Operation& op, const std::string& ref,
                                         const rules::RuleSet& rules, const ReportOptions& options);

// --- Across operations ---

enum class GroupBy { none, buyer, year, trade, route };
std::string_view name(GroupBy g);  // "none", "buyer", "year", "trade", "route"

struct GroupReport {
  std::string key, label;   // buyer name, "2027", trade code, route code; "" and "Ensemble" for the total
  int operations = 0;
  int contracts_with_clause = 0;  // lots awarded whose clause is set (status ok) in the group
  double target_hours = 0, realised_hours = 0;
  bool has_target = true;         // false for route groups: a lot's target is not split by route ("—", JSON null)
  // Its lots' missing and over hours, never netted; in a year group, each lot's shortfall (and surplus) in
  // that year: its target for the year minus its hours of statement months of that year.
  Shortfall shortfall;
  long long fte = 0;              // full_time_equivalents(realised_hours)
  // A route group whose cell the whole's route breakdown hides: its hours are that cell's hours, so they
  // are hidden too (realised hours and FTE), like the cell's (docs/report.md, « secret statistique »).
  bool hours_suppressed = false;
  Cell participants;              // distinct refs across operations (counted once), suppressible
  int work_contracts = 0;         // distinct (operation, participant, employer, contract)
  std::vector<Breakdown> breakdowns;  // sex, age_band, criterion, route, contract, exit, follow_up
};

struct OperationLine {  // one line per operation in a consolidation: no personal data
  std::string path, id, title, buyer;
  int lots_with_clause = 0;
  double target_hours = 0, realised_hours = 0;
  Shortfall shortfall;
};

// A pooling agreement in a bilan: copies of the agreement and of its judgement (track::track_agreement),
// for a consolidation keeps neither the pooling file nor the operations.
struct AgreementLine {
  track::Agreement agreement;
  track::AgreementTracking tracking;  // its `agreement` pointer is null: read `agreement` above
};

// The status of an agreement in every renderer: "en retard"..., or "pas encore en vigueur (signée le 15/06/2027)".
std::string agreement_status(const AgreementLine& a);

struct Consolidation {
  GroupBy group_by = GroupBy::none;
  Date as_of;
  int min_cell = 5;
  std::vector<OperationLine> operations;  // in argument order
  std::vector<GroupReport> groups;        // sorted by key; empty for GroupBy::none
  GroupReport total;
  CountingInfo counting;                  // rules version and hash (counting fields empty)
  // The pooling agreements of the portfolio (formats.md section 8), in the order of its pooling.yaml: each
  // exactly as `clausier track` judges it (track::track_agreement), its lots marked with it. Empty without one.
  std::vector<AgreementLine> agreements;
};

// Grouping rules: buyer = buyer.name; year = calendar year of the statement month for hours, people
// and work contracts, and of the lot's execution period (start..end, else the notice date) for
// contracts with a clause; trade = the lot's trade ("" labelled "non précisé"); route = the statement
// row's route (contracts with a clause: lots with counted hours through that route).
// Operations are added one at a time and may be dropped after add(): memory holds the facts needed for
// the totals (per lot, and distinct participants), not the operations.
class Consolidator {
 public:
  Consolidator(GroupBy group_by, const rules::RuleSet& rules, const ReportOptions& options);
  ~Consolidator();
  Consolidator(const Consolidator&) = delete;
  Consolidator& operator=(const Consolidator&) = delete;
  void add(const track::Operation& op);  // requires op.result()
  // The same with the operation's tracking already made: track::track at options.as_of with options.declared_hours.
  void add(const track::Operation& op, const track::Tracking& tracking);
  Consolidation finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

Consolidation consolidate(const std::vector<const track::Operation*>& operations, GroupBy group_by,
                          const rules::RuleSet& rules, const ReportOptions& options);

}  // namespace clausier::report
