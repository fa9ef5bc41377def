// One participant's end-of-mission sheet: every row of the person with tracking's verdict, and the
// totals of the rows that count (choices: the head of model.cpp).
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "clausier/core/text.hpp"
#include "clausier/report/model.hpp"
#include "model_parts.hpp"

namespace clausier::report {

using hours::round6;
using track::Month;
using namespace detail;

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
  out.sex = sex_named(p->sex).value_or(Sex::unspecified);
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
  auto known = [&](const std::optional<track::Situation>& s) -> std::optional<KnownSituation> {
    if (!s || s->date > options.as_of) return std::nullopt;
    return KnownSituation{s->date, s->code, category_at(s, options.as_of, rules)};
  };
  out.exit = known(p->exit);
  out.follow_up = known(p->follow_up);

  // The participant's rows, counted or not, with tracking's verdict on each.
  const track::Statements& st = op.statements;
  track::Count count = track::count_rows(*result, op.participants, st, options.as_of);
  std::optional<track::TextId> written = st.participants.find(ref);
  auto mine = [&](std::uint32_t row) { return written && st.rows[row].participant == *written; };
  std::unordered_map<std::uint32_t, track::Reason> reasons;
  for (const track::NotCounted& n : count.not_counted)
    if (mine(n.row)) reasons.emplace(n.row, n.reason);
  std::vector<std::uint32_t> rows;
  for (std::uint32_t i = 0; i < st.rows.size(); ++i)
    if (mine(i)) rows.push_back(i);
  std::stable_sort(rows.begin(), rows.end(), [&](auto a, auto b) { return st.rows[a].month < st.rows[b].month; });

  std::set<std::string> lots, employers;
  // Routes and contracts in the order of their codes, as the sheet always listed them.
  auto by_code = [](auto a, auto b) { return track::name(a) < track::name(b); };
  std::set<track::Route, decltype(by_code)> routes(by_code);
  std::set<track::Contract, decltype(by_code)> contracts(by_code);
  for (std::uint32_t i : rows) {
    const track::StatementRow& row = st.rows[i];
    SheetMonth m;
    m.month = Month::at(row.month).iso();
    m.lot = st.lots[row.lot];
    m.route = row.route;
    m.contract = row.contract;
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
    routes.insert(m.route);
    contracts.insert(m.contract);
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

}  // namespace clausier::report
