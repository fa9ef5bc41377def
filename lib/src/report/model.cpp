// The report of one operation, and one participant's sheet, from what tracking counts.
//
// Choices the header leaves open, decided here:
// - Counting is tracking's: track::track() gives each lot's target, counted hours and status, and
//   the rows that count (Tracking::counted, from its one call of track::count_rows). Nothing is recounted here.
// - Scope: hours on a lot whose clause is not set (below-minimum, no-capacity) appear on that lot's
//   line only; the operation's totals, months, participants, breakdowns and work contracts use the
//   rows of tracked lots. The population is the people with counted hours > 0 on tracked lots at
//   as_of; a row that counts 0 hours (training hours that do not count) adds nobody to a cell.
// - Outcomes: the category comes from the rule table (rules.outcome(code)->category); an exit or a
//   follow-up dated after as_of is not known at that date and falls into "none".
// - Training: a person is "with-training" when some counted row counts training hours (the row's
//   counted hours exceed its work hours); the cell's hours are those counted training hours.
// - Work contracts: distinct (participant, employer, contract) among rows counting hours > 0.
// - Months run from the earliest start month of the tracked lots (or the first counted row, when a
//   tracked lot has no start) to the month of as_of, or earlier to the latest end month when every
//   tracked lot has an end. A lot without an execution period expects its whole target from the first
//   month, as tracking does.
// - Lot years: the execution period's years with the target spread by calendar::split_hours, plus any
//   year with counted rows; a lot without start and end gets its years from its rows only (target 0).
// - Participants cells of the operation, lots and years are suppressed one by one
//   (suppress_small_cell): people overlap across lots and years, so no cell is a total minus others.
// - Not counted: one line per reason met, in the order of formats.md section 5 (then after-as-of,
//   unreadable rows, refused personal data); hours are the hours the rows declared.
// - Participant sheet: every readable row of the person (unreadable rows name no one reliably), with
//   tracking's verdict; totals, months and the lists of lots, routes, contracts and employers are those
//   of the rows that count; training_hours are the training hours declared on them, counted or not.
// Every figure is rounded to 6 decimals (hours::round6), as tracking publishes them.
#include "clausier/report/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "clausier/calendar/schedule.hpp"
#include "clausier/core/text.hpp"
#include "clausier/track/key_set.hpp"
#include "clausier/track/render.hpp"

namespace clausier::report {

using hours::round6;
using track::Month;

long long full_time_equivalents(double hours) { return std::llround(hours / network_fte_hours); }

void suppress_small_cells(Breakdown& b, int min_cell) {
  auto small = [&](int people) { return people > 0 && people < min_cell; };
  int suppressed = 0;
  for (Cell& c : b.cells) {
    c.suppressed = small(c.people);
    c.secondary = false;
    suppressed += c.suppressed ? 1 : 0;
  }
  b.population_suppressed = small(b.population);
  if (suppressed != 1) return;
  // The smallest other non-zero cell, the first one on a tie.
  Cell* next = nullptr;
  for (Cell& c : b.cells)
    if (!c.suppressed && c.people > 0 && (next == nullptr || c.people < next->people)) next = &c;
  if (next != nullptr) next->suppressed = next->secondary = true;
}

void suppress_small_cell(Cell& c, int min_cell) { c.suppressed = c.people > 0 && c.people < min_cell; }

std::string_view age_band(int age) {
  if (age < 26) return "under-26";
  if (age < 50) return "26-49";
  return "50-plus";
}

std::vector<std::string> decp_values(const hours::LotResult& lot) {
  using tender::Clause;
  Clause clause = lot.lot->clause.value;
  std::vector<std::string> out;
  // An execution clause (or an insertion-object contract) is a social consideration once it is set:
  // below the minimum the clause is not set.
  if (lot.status == hours::Status::ok && (clause == Clause::execution || clause == Clause::integration_object))
    out.emplace_back("Clause sociale");
  if (lot.lot->award_criterion && clause != Clause::none) out.emplace_back("Critère social");
  if (clause == Clause::reserved_siae || clause == Clause::reserved_disability || clause == Clause::reserved_both)
    out.emplace_back("Marché réservé");
  if (out.empty()) out.emplace_back("Pas de considération sociale");
  return out;
}

std::string_view name(GroupBy g) {
  switch (g) {
    case GroupBy::none: return "none";
    case GroupBy::buyer: return "buyer";
    case GroupBy::year: return "year";
    case GroupBy::trade: return "trade";
    case GroupBy::route: return "route";
  }
  return "";
}

namespace {

constexpr track::Route all_routes[] = {track::Route::direct,           track::Route::etti,
                                       track::Route::ai,               track::Route::geiq,
                                       track::Route::siae_subcontract, track::Route::siae_cocontract,
                                       track::Route::ea};
constexpr track::Contract all_contracts[] = {
    track::Contract::cdi,       track::Contract::cdi_inclusion,  track::Contract::cdd,
    track::Contract::cddi,      track::Contract::cdd_usage,      track::Contract::interim,
    track::Contract::apprenticeship, track::Contract::professionalisation, track::Contract::other};
static_assert(std::size(all_routes) == std::tuple_size_v<decltype(BreakdownCounter::Hours::route)>);
static_assert(std::size(all_contracts) == std::tuple_size_v<decltype(BreakdownCounter::Hours::contract)>);

constexpr std::string_view outcome_categories[] = {"durable", "transition", "positive", "other", "none"};

// Labels of the route and contract codes start with a capital in tables ("Embauche directe").
std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string outcome_label(std::string_view category) {
  if (category == "durable") return "Emploi durable";
  if (category == "transition") return "Emploi de transition";
  if (category == "positive") return "Sortie positive";
  if (category == "other") return "Autre situation";
  return "Non renseignée";
}

// The category of a situation known at as_of, from the rule table; "none" when there is none yet.
std::string_view category_at(const std::optional<track::Situation>& s, Date as_of, const rules::RuleSet& rules) {
  if (!s || s->date > as_of) return "none";
  if (const rules::Outcome* o = rules.outcome(s->code)) return o->category;
  return s->category.empty() ? std::string_view("other") : std::string_view(s->category);
}

Breakdown breakdown(std::string id, std::string title, bool has_hours, bool multiple) {
  Breakdown b;
  b.id = std::move(id);
  b.title = std::move(title);
  b.has_hours = has_hours;
  b.multiple = multiple;
  return b;
}

Cell cell(std::string_view key, std::string label) {
  Cell c;
  c.key = key;
  c.label = std::move(label);
  return c;
}

int age_at_validation(const track::Participant& p) { return static_cast<int>(p.validated_on.year()) - p.birth_year; }

std::optional<double> achievement(double realised, double target) {
  if (target <= 0) return std::nullopt;
  return round6(realised / target);
}

Date last_day(Month m) {
  return boost::gregorian::date(static_cast<unsigned short>(m.year), static_cast<unsigned short>(m.month), 1).end_of_month();
}

// Counted training hours of a counted row: its training hours when they count (the row's counted
// hours then exceed its work hours), else 0.
double counted_training(const track::StatementRow& row, double hours) { return hours > row.work_hours ? row.training_hours : 0; }

void add_row(BreakdownCounter::Hours& h, const track::StatementRow& row, double hours) {
  h.route[static_cast<std::size_t>(row.route)] += hours;
  h.contract[static_cast<std::size_t>(row.contract)] += hours;
  h.training += counted_training(row, hours);
  h.total += hours;
}

// People of one scope (the operation or a lot), each with their hours in it, in the order met; `slot`
// finds a person's entry (by participant id as written in the statements, the scope in the high bits).
struct People {
  std::vector<std::pair<track::TextId, BreakdownCounter::Hours>> list;
  BreakdownCounter::Hours& operator()(track::KeySet& slots, std::uint64_t scope, track::TextId id) {
    auto [slot, added] = slots.insert((scope << 32) | id, static_cast<std::uint32_t>(list.size()));
    if (added) list.emplace_back(id, BreakdownCounter::Hours{});
    return list[slot].second;
  }
  // In ref order, so that sums of hours never depend on the order rows came in.
  std::vector<const std::pair<track::TextId, BreakdownCounter::Hours>*> by_ref(const track::Statements& st) const {
    std::vector<const std::pair<track::TextId, BreakdownCounter::Hours>*> out;
    out.reserve(list.size());
    for (const auto& p : list) out.push_back(&p);
    std::sort(out.begin(), out.end(), [&](auto* a, auto* b) { return st.participants[a->first] < st.participants[b->first]; });
    return out;
  }
};

std::vector<Breakdown> breakdowns_of(const People& people, const track::Count& count, const rules::RuleSet& rules,
                                     const ReportOptions& options) {
  BreakdownCounter counter(rules, options.as_of, true);
  for (const auto* p : people.by_ref(*count.statements)) counter.add(*count.person_of[p->first], p->second);
  return counter.finish(options.min_cell);
}

Cell participants_cell(int people, double hours, int min_cell) {
  Cell c = cell("participants", "Participants");
  c.people = people;
  c.hours = round6(hours);
  suppress_small_cell(c, min_cell);
  return c;
}

// formats.md section 5 order, then what only tracking adds.
int reason_rank(std::string_view reason) {
  static constexpr std::string_view order[] = {"unknown-lot",       "lot-without-clause", "unknown-participant",
                                               "before-validation", "after-validity",     "outside-execution",
                                               "duplicate",         "after-as-of",        "invalid-row",
                                               "personal-data"};
  for (std::size_t i = 0; i < std::size(order); ++i)
    if (order[i] == reason) return static_cast<int>(i);
  return static_cast<int>(std::size(order));
}

std::vector<NotCountedTotal> not_counted_totals(const track::Tracking& t) {
  std::vector<NotCountedTotal> out;
  for (const track::NotCounted& n : t.not_counted) {
    std::string_view reason = track::name(n.reason);
    auto it = std::find_if(out.begin(), out.end(), [&](const NotCountedTotal& total) { return total.reason == reason; });
    if (it == out.end()) it = out.insert(out.end(), {std::string(reason), std::string(track::french_label(n.reason)), 0, 0});
    it->rows += 1;
    it->hours += t.count.declared_hours(n);
  }
  for (auto& total : out) total.hours = round6(total.hours);
  std::stable_sort(out.begin(), out.end(), [](const NotCountedTotal& a, const NotCountedTotal& b) {
    return std::make_tuple(reason_rank(a.reason), a.reason) < std::make_tuple(reason_rank(b.reason), b.reason);
  });
  return out;
}

CountingInfo counting_info(const tender::Tender& t, double tolerance, const rules::RuleSet& rules) {
  CountingInfo c;
  track::CountingRules counting = track::counting_rules(t);
  c.training_hours = tender::name(counting.training);
  c.validity_months = counting.validity_months;
  c.tolerance = tolerance;
  c.rules_version = rules.version();
  c.rules_sha256 = rules.sha256();
  return c;
}

std::string report_path(const tender::Tender& t) {
  // The folder when the tender is its tender.yaml, as the user named the operation.
  const std::string suffix = "/tender.yaml";
  if (t.path.size() > suffix.size() && t.path.compare(t.path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return t.path.substr(0, t.path.size() - suffix.size());
  return t.path;
}

struct LotFacts {
  People people;                     // counted hours > 0 on the lot
  std::map<int, double> year_hours;  // realised by statement year
  std::map<int, int> year_people;    // distinct people by statement year
};

std::vector<LotReport::Year> lot_years(const track::LotTracking& t, const LotFacts& f, int min_cell) {
  std::map<int, LotReport::Year> years;
  const tender::Lot& lot = *t.lot->lot;
  if (lot.start && lot.end)
    for (const calendar::SchedulePart& part :
         calendar::split_hours(t.target_hours, lot.start->value, lot.end->value, calendar::Period::year)) {
      LotReport::Year& y = years[static_cast<int>(part.first.year())];
      y.year = static_cast<int>(part.first.year());
      y.target_hours = round6(part.hours);
    }
  for (const auto& [year, realised] : f.year_hours) {
    LotReport::Year& y = years[year];
    y.year = year;
    y.realised_hours = round6(realised);
  }
  std::vector<LotReport::Year> out;
  for (auto& [year, y] : years) {
    auto people = f.year_people.find(year);
    y.participants = participants_cell(people == f.year_people.end() ? 0 : people->second, y.realised_hours, min_cell);
    out.push_back(std::move(y));
  }
  return out;
}

LotReport lot_report(const track::LotTracking& t, const LotFacts& f, const track::Count& count, const rules::RuleSet& rules,
                     const ReportOptions& options) {
  const hours::LotResult& r = *t.lot;
  const tender::Lot& lot = *r.lot;
  LotReport out;
  out.id = lot.id.value;
  out.title = lot.title;
  out.trade = lot.trade ? lot.trade->value : "";
  out.clause = tender::name(lot.clause.value);
  out.hours_status = hours::name(r.status);
  out.tracking_status = t.tracked ? std::string(track::name(t.status)) : "";
  out.decp = join(decp_values(r), " ; ");
  out.contractor = t.contractor;
  if (lot.start) out.start = lot.start->value;
  if (lot.end) out.end = lot.end->value;
  out.target_hours = t.target_hours;
  out.realised_hours = t.counted_hours;
  out.achievement = achievement(t.counted_hours, t.target_hours);
  out.over_hours = round6(std::max(0.0, t.counted_hours - t.target_hours));
  out.missing_hours = t.missing_hours;
  out.participants = participants_cell(static_cast<int>(f.people.list.size()), t.counted_hours, options.min_cell);
  out.breakdowns = breakdowns_of(f.people, count, rules, options);
  out.years = lot_years(t, f, options.min_cell);
  return out;
}

std::vector<MonthRow> month_rows(const track::Tracking& t, const std::map<int, double>& realised, Date as_of) {
  constexpr int none = std::numeric_limits<int>::max();
  int first = none, latest_end = std::numeric_limits<int>::min();
  bool open_start = false, every_end = true;
  for (const track::LotTracking& l : t.lots) {
    if (!l.tracked) continue;
    const tender::Lot& lot = *l.lot->lot;
    if (lot.start) first = std::min(first, Month::of(lot.start->value).index());
    else open_start = true;
    if (lot.end) latest_end = std::max(latest_end, Month::of(lot.end->value).index());
    else every_end = false;
  }
  if ((open_start || first == none) && !realised.empty()) first = std::min(first, realised.begin()->first);
  int last = Month::of(as_of).index();
  if (every_end && latest_end != std::numeric_limits<int>::min()) last = std::min(last, latest_end);
  std::vector<MonthRow> out;
  if (first == none) return out;
  double cumulative = 0;
  for (int m = first; m <= last; ++m) {
    MonthRow row;
    Month month = Month::at(m);
    row.month = month.iso();
    auto it = realised.find(m);
    row.realised = it == realised.end() ? 0 : round6(it->second);
    cumulative += row.realised;
    row.cumulative = round6(cumulative);
    Date day = std::min(last_day(month), as_of);
    double expected = 0;
    for (const track::LotTracking& l : t.lots) {
      if (!l.tracked) continue;
      const tender::Lot& lot = *l.lot->lot;
      expected += lot.start && lot.end ? calendar::expected_hours(l.target_hours, lot.start->value, lot.end->value, day)
                                       : l.target_hours;
    }
    row.expected_cumulative = round6(expected);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

BreakdownCounter::BreakdownCounter(const rules::RuleSet& rules, Date as_of, bool with_training)
    : rules_(&rules), as_of_(as_of), with_training_(with_training) {
  Breakdown sex = breakdown("sex", "Sexe", false, false);
  sex.cells = {cell("F", "Femmes"), cell("M", "Hommes"), cell("X", "Autre ou non précisé")};
  Breakdown age = breakdown("age_band", "Tranche d'âge à la validation", false, false);
  age.cells = {cell("under-26", "Moins de 26 ans"), cell("26-49", "26 à 49 ans"), cell("50-plus", "50 ans ou plus")};
  Breakdown criterion = breakdown("criterion", "Critère d'éligibilité", false, true);
  for (const rules::EligibilityCriterion& c : rules.eligibility_criteria()) {
    criterion_cell_.emplace(c.code, criterion.cells.size());
    criterion.cells.push_back(cell(c.code, c.label));
  }
  Breakdown route = breakdown("route", "Modalité d'insertion", true, true);
  for (track::Route r : all_routes) route.cells.push_back(cell(track::name(r), capitalised(track::french_label(r))));
  Breakdown contract = breakdown("contract", "Type de contrat", true, true);
  for (track::Contract c : all_contracts)
    contract.cells.push_back(cell(track::name(c), capitalised(track::french_label(c))));
  Breakdown exit = breakdown("exit", "Situation à la sortie", false, false);
  Breakdown follow_up = breakdown("follow_up", "Situation six mois après la sortie", false, false);
  for (std::string_view category : outcome_categories) {
    exit.cells.push_back(cell(category, outcome_label(category)));
    follow_up.cells.push_back(cell(category, outcome_label(category)));
  }
  b_ = {std::move(sex), std::move(age), std::move(criterion), std::move(route), std::move(contract)};
  if (with_training_) {
    Breakdown training = breakdown("training", "Heures de formation", true, false);
    training.cells = {cell("with-training", "Avec des heures de formation comptées"),
                      cell("without-training", "Sans heure de formation comptée")};
    b_.push_back(std::move(training));
  }
  b_.push_back(std::move(exit));
  b_.push_back(std::move(follow_up));
}

void BreakdownCounter::add(const track::Participant& p, const Hours& h) {
  auto count = [](Breakdown& b, std::string_view key, double hours = 0) {
    for (Cell& c : b.cells)
      if (c.key == key) {
        c.people += 1;
        c.hours += hours;
        return;
      }
  };
  std::size_t i = 0;
  for (Breakdown& b : b_) b.population += 1;
  count(b_[i++], p.sex);
  count(b_[i++], age_band(age_at_validation(p)));
  Breakdown& criterion = b_[i++];
  for (const std::string& code : p.criteria)
    if (auto it = criterion_cell_.find(code); it != criterion_cell_.end()) criterion.cells[it->second].people += 1;
  Breakdown& route = b_[i++];
  for (std::size_t r = 0; r < h.route.size(); ++r)
    if (h.route[r] > 0) {
      route.cells[r].people += 1;
      route.cells[r].hours += h.route[r];
    }
  Breakdown& contract = b_[i++];
  for (std::size_t c = 0; c < h.contract.size(); ++c)
    if (h.contract[c] > 0) {
      contract.cells[c].people += 1;
      contract.cells[c].hours += h.contract[c];
    }
  if (with_training_) {
    if (h.training > 0) count(b_[i++], "with-training", h.training);
    else count(b_[i++], "without-training");
  }
  count(b_[i++], category_at(p.exit, as_of_, *rules_));
  count(b_[i++], category_at(p.follow_up, as_of_, *rules_));
}

std::vector<Breakdown> BreakdownCounter::finish(int min_cell) {
  for (Breakdown& b : b_) {
    for (Cell& c : b.cells) c.hours = round6(c.hours);
    suppress_small_cells(b, min_cell);
  }
  return b_;
}

OperationReport build_operation_report(const track::Operation& op, const rules::RuleSet& rules,
                                       const ReportOptions& options) {
  const hours::TenderResult* result = op.result();
  if (result == nullptr) throw std::invalid_argument("build_operation_report: the tender is not valid");
  const tender::Tender& tender = *result->tender;
  track::Tracking t = track::track(*result, op.participants, op.statements, {options.as_of, options.declared_hours});
  OperationReport out;
  out.path = report_path(tender);
  out.id = tender.id.value;
  out.title = tender.title;
  out.buyer = tender.buyer.name;
  out.as_of = options.as_of;
  out.min_cell = options.min_cell;

  // One pass over the counted rows: per lot, per person, per month; people and work contracts as packed
  // keys of participant, employer and contract ids (as written in the statements).
  const track::Statements& st = op.statements;
  std::vector<LotFacts> lots(result->lots.size());
  People people;
  std::map<int, double> months;
  track::KeySet slots(st.participants.size()), year_people(st.participants.size()), work_contracts(st.participants.size());
  constexpr std::uint64_t operation_scope = 0xFFFFFFFF;  // the lots' scopes are their indices
  for (std::uint32_t index : t.count.counted) {
    const track::StatementRow& row = st.rows[index];
    double hours = t.count.hours(row);
    std::uint32_t i = t.count.lot_of[row.lot];
    if (hours <= 0) continue;
    LotFacts& lot = lots[i];
    add_row(lot.people(slots, i, row.participant), row, hours);
    int year = Month::at(row.month).year;
    lot.year_hours[year] += hours;
    if (year_people.insert((std::uint64_t{i} << 44) | (std::uint64_t(year - 1990) << 32) | row.participant).second)
      lot.year_people[year] += 1;
    if (!t.lots[i].tracked) continue;
    add_row(people(slots, operation_scope, row.participant), row, hours);
    months[row.month] += hours;
    work_contracts.insert((std::uint64_t{row.participant} << 32) | (std::uint64_t{row.employer} << 4) |
                          static_cast<std::uint64_t>(row.contract));
  }

  for (std::size_t i = 0; i < t.lots.size(); ++i) {
    const track::LotTracking& l = t.lots[i];
    out.lots.push_back(lot_report(l, lots[i], t.count, rules, options));
    if (!l.tracked) continue;
    out.target_hours += l.target_hours;
    out.realised_hours += l.counted_hours;
  }
  out.target_hours = round6(out.target_hours);
  out.realised_hours = round6(out.realised_hours);
  out.achievement = achievement(out.realised_hours, out.target_hours);

  for (const track::ContractorTracking& c : t.contractors) {
    ContractorReport r;
    r.name = c.name;
    r.lots = c.lots;
    r.target_hours = round6(c.target_hours);
    r.realised_hours = round6(c.counted_hours);
    r.achievement = achievement(r.realised_hours, r.target_hours);
    out.contractors.push_back(std::move(r));
  }

  double people_hours = 0;
  for (const auto* p : people.by_ref(st)) people_hours += p->second.total;
  out.participants = participants_cell(static_cast<int>(people.list.size()), people_hours, options.min_cell);
  out.validated_participants = static_cast<int>(op.participants.list.size());
  out.work_contracts = static_cast<int>(work_contracts.size());
  out.breakdowns = breakdowns_of(people, t.count, rules, options);
  out.months = month_rows(t, months, options.as_of);

  out.not_counted = not_counted_totals(t);
  for (const NotCountedTotal& n : out.not_counted) {
    out.not_counted_rows += n.rows;
    out.not_counted_hours += n.hours;
  }
  out.not_counted_hours = round6(out.not_counted_hours);
  out.counting = counting_info(tender, t.tolerance, rules);
  return out;
}

ParticipantSheet build_participant_sheet(const track::Operation& op, const std::string& ref,
                                         const rules::RuleSet& rules, const ReportOptions& options) {
  const hours::TenderResult* result = op.result();
  if (result == nullptr) throw std::invalid_argument("build_participant_sheet: the tender is not valid");
  const track::Participant* p = op.participants.find(ref);
  if (p == nullptr) throw std::out_of_range(fmt::format("participant {} absent du fichier des participants", quoted(ref)));
  const tender::Tender& tender = *result->tender;

  ParticipantSheet out;
  out.operation_id = tender.id.value;
  out.operation_title = tender.title;
  out.buyer = tender.buyer.name;
  out.ref = p->ref;
  out.sex = p->sex;
  out.birth_year = p->birth_year;
  out.age_at_validation = age_at_validation(*p);
  out.age_band = age_band(out.age_at_validation);
  out.education_level = p->education_level;
  out.criteria = p->criteria;
  out.validated_on = p->validated_on;
  track::CountingRules counting = track::counting_rules(tender);
  if (counting.validity_months)  // the last month that counts is the month of validation + validity
    out.validity_end = last_day(Month::at(Month::of(p->validated_on).index() + *counting.validity_months));
  out.as_of = options.as_of;
  double tolerance = tender.counting && tender.counting->tolerance ? tender.counting->tolerance->value : 0;
  out.counting = counting_info(tender, tolerance, rules);
  // A situation dated after as_of is not known at that date; the category is the rule table's.
  auto known = [&](const std::optional<track::Situation>& s) -> std::optional<track::Situation> {
    if (!s || s->date > options.as_of) return std::nullopt;
    track::Situation situation = *s;
    situation.category = category_at(s, options.as_of, rules);
    return situation;
  };
  out.exit = known(p->exit);
  out.follow_up = known(p->follow_up);

  // The participant's rows, counted or not, with tracking's verdict on each.
  const track::Statements& st = op.statements;
  track::Count count = track::count_rows(*result, op.participants, st, Month::of(options.as_of));
  std::optional<track::TextId> written = st.participants.find(ref);
  auto mine = [&](std::uint32_t row) { return written && st.rows[row].participant == *written; };
  std::unordered_map<std::uint32_t, track::Reason> reasons;
  for (const track::NotCounted& n : count.not_counted)
    if (mine(n.row)) reasons.emplace(n.row, n.reason);
  std::vector<std::uint32_t> rows;
  for (std::uint32_t i = 0; i < st.rows.size(); ++i)
    if (mine(i)) rows.push_back(i);
  std::stable_sort(rows.begin(), rows.end(), [&](auto a, auto b) { return st.rows[a].month < st.rows[b].month; });

  std::set<std::string> lots, routes, contracts, employers;
  for (std::uint32_t i : rows) {
    const track::StatementRow& row = st.rows[i];
    SheetMonth m;
    m.month = Month::at(row.month).iso();
    m.lot = st.lots[row.lot];
    m.route = track::name(row.route);
    m.contract = track::name(row.contract);
    m.employer = st.employers[row.employer];
    m.work_hours = row.work_hours;
    m.training_hours = row.training_hours;
    if (auto reason = reasons.find(i); reason != reasons.end()) {
      m.not_counted_reason = track::name(reason->second);
      out.months.push_back(std::move(m));
      continue;
    }
    m.counted_hours = count.hours(row);
    if (out.first_month.empty()) out.first_month = m.month;
    out.last_month = m.month;
    out.work_hours += row.work_hours;
    out.training_hours += row.training_hours;
    out.counted_hours += m.counted_hours;
    lots.insert(result->lots[count.lot_of[row.lot]].lot->id.value);  // the tender's id ("1" for "01")
    routes.emplace(m.route);
    contracts.emplace(m.contract);
    employers.insert(m.employer);
    out.months.push_back(std::move(m));
  }
  out.work_hours = round6(out.work_hours);
  out.training_hours = round6(out.training_hours);
  out.counted_hours = round6(out.counted_hours);
  out.lots.assign(lots.begin(), lots.end());
  out.routes.assign(routes.begin(), routes.end());
  out.contracts.assign(contracts.begin(), contracts.end());
  out.employers.assign(employers.begin(), employers.end());
  return out;
}

Cell published_work_contracts(int work_contracts, const Cell& participants) {
  Cell c;
  c.key = "work_contracts";
  c.label = "Contrats de travail";
  c.people = work_contracts;
  c.suppressed = participants.suppressed;
  return c;
}

std::string clause_label(std::string_view code) {
  if (code == "execution") return "condition d'exécution";
  if (code == "reserved-siae") return "marché réservé (SIAE)";
  if (code == "reserved-disability") return "marché réservé (EA, ESAT)";
  if (code == "reserved-both") return "marché réservé (SIAE, EA, ESAT)";
  if (code == "integration-object") return "marché d'insertion";
  if (code == "none") return "sans clause";
  return std::string(code);
}

std::string lot_status(const LotReport& l) {
  for (auto s : {track::LotStatus::not_started, track::LotStatus::behind, track::LotStatus::on_track,
                 track::LotStatus::complete})
    if (!l.tracking_status.empty() && track::name(s) == l.tracking_status) return std::string(track::french_label(s));
  for (auto s : {hours::Status::ok, hours::Status::below_minimum, hours::Status::no_clause, hours::Status::no_capacity})
    if (hours::name(s) == l.hours_status) return std::string(hours::french_label(s));
  return l.hours_status;
}

}  // namespace clausier::report
