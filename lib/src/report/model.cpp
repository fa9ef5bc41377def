// The report of one operation (here), and one participant's sheet (sheet.cpp), from what tracking counts.
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
// - Participants cells of the operation are suppressed alone (suppress_small_cell); those of its lots, and
//   those of a lot's years, as a breakdown of the operation's (the lot's) people: people may overlap
//   across lots and years, but most often do not, and then a hidden lot would be the total minus the others.
// - Not counted: one line per reason met, in the order of formats.md section 5 (then after-as-of,
//   unreadable rows, refused personal data); hours are the hours the rows declared.
// - Participant sheet: every readable row of the person (unreadable rows name no one reliably), with
//   tracking's verdict; totals, months and the lists of lots, routes, contracts and employers are those
//   of the rows that count; training_hours are the training hours declared on them, counted or not.
// Every figure is rounded to 6 decimals (hours::round6), as tracking publishes them.
#include "clausier/report/model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "clausier/calendar/schedule.hpp"
#include "clausier/core/text.hpp"
#include "clausier/track/key_set.hpp"
#include "clausier/track/render.hpp"
#include "model_parts.hpp"

namespace clausier::report {

using hours::round6;
using track::Month;
using namespace detail;

namespace detail {

int age_at_validation(const track::Participant& p) { return static_cast<int>(p.validated_on.year()) - p.birth_year; }

Date last_day(Month m) {
  return boost::gregorian::date(static_cast<unsigned short>(m.year), static_cast<unsigned short>(m.month), 1).end_of_month();
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
  const std::string suffix = "/tender.yaml";
  if (t.path.size() > suffix.size() && t.path.compare(t.path.size() - suffix.size(), suffix.size(), suffix) == 0)
    return t.path.substr(0, t.path.size() - suffix.size());
  return t.path;
}

}  // namespace detail

namespace {

std::optional<double> achievement(double realised, double target) {
  if (target <= 0) return std::nullopt;
  return round6(realised / target);
}

// People of one scope (the operation or a lot), each with their hours in it, in the order met. Their
// entries are found by an index shared by every scope: the scope and the participant's id (as written in
// the statements).
struct People {
  using Entry = std::pair<track::TextId, BreakdownCounter::Hours>;
  std::vector<Entry> list;
  BreakdownCounter::Hours& operator()(track::PairIndex& slots, std::uint32_t scope, track::TextId id) {
    auto [slot, added] = slots.insert(scope, id, static_cast<std::uint32_t>(list.size()));
    if (added) list.emplace_back(id, BreakdownCounter::Hours{});
    return list[slot].second;
  }
  // In ref order, so that the sums of hours never depend on the order rows came in.
  std::vector<const Entry*> by_ref(const track::Statements& st) const {
    std::vector<const Entry*> out;
    out.reserve(list.size());
    for (const Entry& e : list) out.push_back(&e);
    std::sort(out.begin(), out.end(), [&](auto* a, auto* b) { return st.participants[a->first] < st.participants[b->first]; });
    return out;
  }
};

std::vector<Breakdown> breakdowns_of(const People& people, const track::Count& count, const rules::RuleSet& rules,
                                     const ReportOptions& options) {
  BreakdownCounter counter(rules, options.as_of, true);
  for (const People::Entry* p : people.by_ref(*count.statements)) counter.add(*count.person_of[p->first], p->second);
  return counter.finish(options.min_cell);
}

// formats.md section 5 order, then what only tracking adds: the catalogue's.
int reason_rank(std::string_view reason) {
  auto reasons = track::not_counted_reasons();
  for (std::size_t i = 0; i < reasons.size(); ++i)
    if (reasons[i].code == reason) return static_cast<int>(i);
  return static_cast<int>(reasons.size());
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

// Sums by month or by year as one array over the range statements may name (track reads months from
// 1990 to 2200 only), handed over as a map at the end: a std::map looked up for every counted row was
// a twentieth of a report of a million rows. Keys never met stay out of the map.
template <class T>
class DenseSums {
 public:
  DenseSums(int first, int last) : first_(first), values_(static_cast<std::size_t>(last - first + 1)), met_(values_.size()) {}
  T& operator[](int key) {
    const auto i = static_cast<std::size_t>(key - first_);  // out of the range: at() throws, never a stray write
    met_.at(i) = true;
    return values_[i];
  }
  void add_to(std::map<int, T>& out) const {
    for (std::size_t i = 0; i < values_.size(); ++i)
      if (met_[i]) out[first_ + static_cast<int>(i)] += values_[i];
  }

 private:
  int first_;
  std::vector<T> values_;
  std::vector<char> met_;
};
constexpr int first_year = track::first_statement_year, last_year = track::last_statement_year;

struct LotFacts {
  People people;                     // counted hours > 0 on the lot
  std::map<int, double> year_hours;  // realised by statement year
  std::map<int, int> year_people;    // distinct people by statement year
};

std::vector<LotReport::Year> lot_years(const track::LotTracking& t, const LotFacts& f, int min_cell) {
  std::map<int, LotReport::Year> years;
  const tender::Lot& lot = *t.lot->lot;
  if (lot.start && t.end && t.status != track::LotStatus::not_awarded)
    for (const calendar::SchedulePart& part :
         calendar::split_hours(t.target_hours, lot.start->value, *t.end, calendar::Period::year)) {
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
  std::vector<Cell*> cells;
  for (LotReport::Year& y : out) cells.push_back(&y.participants);
  suppress_small_cells(cells, static_cast<int>(f.people.list.size()), min_cell);
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
  out.clause = lot.clause.value;
  out.hours_status = r.status;
  out.has_target = t.status != track::LotStatus::not_awarded;
  if (t.tracked || !out.has_target) out.tracking_status = t.status;
  out.decp = join(decp_values(r), " ; ");
  out.contractor = t.contractor;
  if (lot.start) out.start = lot.start->value;
  out.end = t.end;
  out.target_hours = t.target_hours;
  out.realised_hours = t.counted_hours;
  out.achievement = achievement(t.counted_hours, t.target_hours);
  out.over_hours = t.over_hours;
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
    if (l.end) latest_end = std::max(latest_end, Month::of(*l.end).index());
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
    for (const track::LotTracking& l : t.lots)
      if (l.tracked) expected += track::expected_at(l, day);  // target and end at that day
    row.expected_cumulative = round6(expected);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

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
  DenseSums<double> month_sums(Month{first_year, 1}.index(), Month{last_year, 12}.index());
  std::vector<DenseSums<double>> year_hours(lots.size(), DenseSums<double>(first_year, last_year));
  std::vector<DenseSums<int>> year_people_count(lots.size(), DenseSums<int>(first_year, last_year));
  // Sets of keys only where no value is kept: one cache line touched per row and set, not two.
  // The lots' scopes are their indices, the operation's comes after them.
  const auto operation_scope = static_cast<std::uint32_t>(lots.size());
  track::PairIndex slots(lots.size() + 1, st.participants.size());
  // Who was met in which lot and year: a pair set of (lot, year) and participant text over the years the
  // rows span (3 lots, 6 years, 60 000 texts: 135 KB of bits; a key set of them missed the cache per row).
  int low_year = last_year, high_year = first_year;
  for (std::uint32_t counted : t.count.counted) {
    const int year = Month::at(st.rows[counted].month).year;
    low_year = std::min(low_year, year);
    high_year = std::max(high_year, year);
  }
  const auto years = static_cast<std::uint32_t>(std::max(0, high_year - low_year + 1));
  const std::size_t texts = st.participants.size();
  track::PairSet year_people(lots.size() * years, texts);
  // The distinct work contracts: a participant's rows mostly repeat their last employer and contract,
  // which is then not looked up again.
  track::KeySet work_contracts(texts, false);
  constexpr std::uint64_t no_contract = ~std::uint64_t{0};
  std::vector<std::uint64_t> last_contract(texts, no_contract);
  for (std::uint32_t counted : t.count.counted) {
    const track::StatementRow& row = st.rows[counted];
    double hours = t.count.hours(row);
    std::uint32_t i = t.count.lot_of[row.lot];
    if (hours <= 0) continue;
    LotFacts& lot = lots[i];
    add_row(lot.people(slots, i, row.participant), row, hours);
    int year = Month::at(row.month).year;
    year_hours[i][year] += hours;
    if (year_people.add(i * years + static_cast<std::uint32_t>(year - low_year), row.participant))
      year_people_count[i][year] += 1;
    if (!t.lots[i].tracked) continue;
    add_row(people(slots, operation_scope, row.participant), row, hours);
    month_sums[row.month] += hours;
    // The participant (32 bits), the employer (28 bits), the contract (4 bits).
    const std::uint64_t contract = (std::uint64_t{row.participant} << 32) | (std::uint64_t{row.employer} << 4) |
                                   static_cast<std::uint64_t>(row.contract);
    if (last_contract[row.participant] != contract) {
      work_contracts.add(contract);
      last_contract[row.participant] = contract;
    }
  }
  std::map<int, double> months;
  month_sums.add_to(months);
  for (std::size_t i = 0; i < lots.size(); ++i) {
    year_hours[i].add_to(lots[i].year_hours);
    year_people_count[i].add_to(lots[i].year_people);
  }

  for (std::size_t i = 0; i < t.lots.size(); ++i) {
    const track::LotTracking& l = t.lots[i];
    out.lots.push_back(lot_report(l, lots[i], t.count, rules, options));
    if (!l.tracked) continue;
    out.target_hours += l.target_hours;
    out.realised_hours += l.counted_hours;
    out.shortfall.add(l.missing_hours, l.over_hours);
  }
  out.shortfall.round();
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
    r.shortfall = {c.missing_hours, c.over_hours};
    r.shortfall.round();
    out.contractors.push_back(std::move(r));
  }

  double people_hours = 0;
  for (const People::Entry* p : people.by_ref(st)) people_hours += p->second.total;
  out.participants = participants_cell(static_cast<int>(people.list.size()), people_hours, options.min_cell);
  std::vector<Cell*> lot_cells;
  for (LotReport& l : out.lots) lot_cells.push_back(&l.participants);
  suppress_small_cells(lot_cells, out.participants.people, options.min_cell);
  out.validated_participants = participants_cell(static_cast<int>(op.participants.list.size()), 0, options.min_cell);
  out.validated_participants.key = "validated_participants";
  out.validated_participants.label = "Participants dont l'éligibilité est validée";
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

}  // namespace clausier::report
