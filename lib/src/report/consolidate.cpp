// Many operations consolidated the way a territory or the national network counts them.
//
// Linear and lean: add() tracks one operation (one track::track call, or the caller's tracking), reads
// its counted rows as the operation report does, folds it into per-group sums and per-person hours, and
// keeps nothing of it but its OperationLine and, for each person counted for the first time, what the
// breakdowns read of their participant entry (sex, birth year, criteria, validation date, outcomes; not
// the ref nor the note).
//
// The same scope as the operation report: tracked lots only (a clause that is set); people with
// counted hours > 0. A person is a ref: the same ref in two operations is one person, described by
// the first operation that counted hours for it. Participant sheets are never part of it.
//
// Groups (model.hpp): buyer = buyer.name; year = the statement month's year for hours, people and
// work contracts, and each year of a lot's execution period (else of the notice date) for contracts
// with a clause and target hours (the target spread over the years by calendar::split_hours, as in
// LotReport::years); trade = the lot's trade; route = the row's route, contracts with a clause being
// the lots with counted hours through that route, and no target (a lot's target is not split by route).
// A group's `operations` counts the operations that gave it a lot or a row (every operation belongs to
// its buyer's group). Groups are sorted by key; the total counts each person and work contract once.
#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "clausier/calendar/schedule.hpp"
#include "clausier/report/model.hpp"
#include "model_parts.hpp"

namespace clausier::report {

namespace {

struct Group {
  std::string key, label;
  int operations = 0;
  std::size_t last_operation = static_cast<std::size_t>(-1);
  int contracts_with_clause = 0;
  double target = 0, realised = 0;
  Shortfall shortfall;
  std::unordered_map<std::uint32_t, BreakdownCounter::Hours> people;
  // Distinct (operation, participant, employer, contract): counted per operation.
  int work_contracts = 0;
  // What the operations hide in their own reports, hidden here too (issue 17, item 13: (A, B, C) minus
  // (B, C) gave A's hidden counts): an operation gave the group 1 to min_cell − 1 people; by breakdown
  // and cell, a cell that an operation's own counting of its people hides.
  bool small_operation = false;
  std::vector<std::vector<bool>> hidden;

  // The operation being added: its people with their hours in it, and its (person, employer, contract)
  // as packed keys; both empty between operations. A person's rows come one after the other: the last
  // person's hours and work contract are kept at hand (hash-map values never move).
  std::unordered_map<std::uint32_t, BreakdownCounter::Hours> operation_people;
  std::vector<std::uint64_t> contracts;
  std::uint32_t last_person = static_cast<std::uint32_t>(-1);
  BreakdownCounter::Hours* last_hours = nullptr;
  std::uint64_t last_contract = ~std::uint64_t{0};

  void touch(std::size_t operation) {
    if (last_operation == operation) return;
    last_operation = operation;
    ++operations;
  }
  // A counted row of the operation being added; true for the group's first row in it.
  bool add_row(std::uint32_t person, std::uint64_t contract, const track::StatementRow& row, double hours) {
    const bool first = operation_people.empty();
    realised += hours;
    if (last_hours == nullptr || last_person != person) {
      last_hours = &operation_people[person];
      last_person = person;
    }
    detail::add_row(*last_hours, row, hours);
    if (last_contract != contract) {
      contracts.push_back(contract);
      last_contract = contract;
    }
    return first;
  }
};

}  // namespace

struct Consolidator::Impl {
  GroupBy group_by;
  const rules::RuleSet& rules;
  ReportOptions options;
  std::vector<OperationLine> lines;
  std::unordered_map<std::string, std::uint32_t> person_ids;
  std::deque<track::Participant> people;  // by person id
  Group total;
  std::map<std::string, Group> groups;  // nodes never move: the caches below point into it
  std::map<int, Group*> year_groups;
  std::array<Group*, 7> route_groups{};

  std::vector<std::string> route_labels;  // the route breakdown's, in enum order

  Impl(GroupBy g, const rules::RuleSet& r, ReportOptions o) : group_by(g), rules(r), options(std::move(o)) {
    for (const Breakdown& b : BreakdownCounter(rules, options.as_of, false).finish(1))
      if (b.id == "route")
        for (const Cell& c : b.cells) route_labels.push_back(c.label);
  }

  Group& group(const std::string& key, std::string_view label) {
    auto [it, inserted] = groups.try_emplace(key);
    if (inserted) {
      it->second.key = key;
      it->second.label = label;
    }
    return it->second;
  }
  Group& trade_group(const tender::Lot& lot) {
    if (!lot.trade || lot.trade->value.empty()) return group("", "non précisé");
    const rules::LabourShare* share = rules.labour_share(lot.trade->value);
    return group(lot.trade->value, share != nullptr && !share->label.empty() ? share->label : lot.trade->value);
  }
  // Looked up once per row: no string is built once the group exists.
  Group& year_group(int year) {
    Group*& g = year_groups[year];
    if (g == nullptr) g = &group(std::to_string(year), std::to_string(year));
    return *g;
  }
  Group& route_group(track::Route r) {
    Group*& g = route_groups[static_cast<std::size_t>(r)];
    if (g == nullptr) g = &group(std::string(track::name(r)), route_labels.at(static_cast<std::size_t>(r)));
    return *g;
  }

  std::uint32_t person(std::string_view ref, const track::Participant& from) {
    auto [it, inserted] = person_ids.try_emplace(std::string(ref), static_cast<std::uint32_t>(people.size()));
    if (inserted) {  // what the breakdowns read, nothing else (no ref, no note)
      track::Participant& p = people.emplace_back();
      p.sex = from.sex;
      p.birth_year = from.birth_year;
      p.criteria = from.criteria;
      p.validated_on = from.validated_on;
      p.exit = from.exit;
      p.follow_up = from.follow_up;
    }
    return it->second;
  }

  void add(const track::Operation& op, const track::Tracking& t);
  void end_operation(Group& g) const;
  GroupReport report(const Group& g) const;
};

void Consolidator::Impl::add(const track::Operation& op, const track::Tracking& t) {
  const tender::Tender& tender = *op.result()->tender;
  std::size_t index = lines.size();

  OperationLine line;
  line.path = detail::report_path(tender);
  line.id = tender.id.value;
  line.title = tender.title;
  line.buyer = tender.buyer.name;

  total.touch(index);
  if (group_by == GroupBy::buyer) group(tender.buyer.name, tender.buyer.name).touch(index);

  // Lots: contracts with a clause and targets. By year, each lot's target and hours of each year, for its
  // shortfall and surplus in that year.
  std::vector<std::map<Group*, double>> year_targets(t.lots.size()), year_realised(t.lots.size());
  for (std::size_t i = 0; i < t.lots.size(); ++i) {
    const track::LotTracking& l = t.lots[i];
    if (!l.tracked) continue;
    const tender::Lot& lot = *l.lot->lot;
    line.lots_with_clause += 1;
    line.target_hours += l.target_hours;
    line.realised_hours += l.counted_hours;
    line.shortfall.add(l.missing_hours, l.over_hours);
    total.contracts_with_clause += 1;
    total.target += l.target_hours;
    total.shortfall.add(l.missing_hours, l.over_hours);
    auto credit = [&](Group& g, double target) {
      g.touch(index);
      g.contracts_with_clause += 1;
      g.target += target;
    };
    auto credit_lot = [&](Group& g) {
      credit(g, l.target_hours);
      g.shortfall.add(l.missing_hours, l.over_hours);
    };
    switch (group_by) {
      case GroupBy::none:
      case GroupBy::route: break;  // route: once the rows are known
      case GroupBy::buyer: credit_lot(group(tender.buyer.name, tender.buyer.name)); break;
      case GroupBy::trade: credit_lot(trade_group(lot)); break;
      case GroupBy::year:  // the lot's target spread over its execution period at as_of (lot events applied)
        if (lot.start && l.end) {
          for (const calendar::SchedulePart& part :
               calendar::split_hours(l.target_hours, lot.start->value, *l.end, calendar::Period::year)) {
            Group& g = year_group(static_cast<int>(part.first.year()));
            credit(g, part.hours);
            year_targets[i][&g] += part.hours;
          }
        } else {
          Group& g = tender.notice_date ? year_group(static_cast<int>(tender.notice_date->value.year()))
                                        : group("", "non précisé");
          credit(g, l.target_hours);
          year_targets[i][&g] += l.target_hours;
        }
        break;
    }
  }
  line.target_hours = hours::round6(line.target_hours);
  line.realised_hours = hours::round6(line.realised_hours);
  line.shortfall.round();

  // Rows: hours, people and work contracts. Ids are the statements' (each distinct text once): a
  // participant is looked up once per operation, never per row.
  const track::Statements& st = op.statements;
  std::vector<std::uint32_t> person_of_text(st.participants.size(), ~std::uint32_t{0});
  std::vector<std::uint8_t> lot_routes(t.lots.size(), 0);  // routes with counted hours, one bit each
  Group* buyer_group = group_by == GroupBy::buyer ? &group(tender.buyer.name, tender.buyer.name) : nullptr;
  std::vector<Group*> trade_groups(t.lots.size(), nullptr);
  if (group_by == GroupBy::trade)
    for (std::size_t i = 0; i < t.lots.size(); ++i)
      if (t.lots[i].tracked) trade_groups[i] = &trade_group(*t.lots[i].lot->lot);
  std::vector<Group*> touched;  // the groups this operation gave rows to
  for (std::uint32_t counted : t.count.counted) {
    const track::StatementRow& row = st.rows[counted];
    std::uint32_t lot = t.count.lot_of[row.lot];
    double hours = t.count.hours(row);
    if (!t.lots[lot].tracked || hours <= 0) continue;
    std::uint32_t& person_id = person_of_text[row.participant];
    if (person_id == ~std::uint32_t{0}) person_id = person(st.participants[row.participant], *t.count.person_of[row.participant]);
    // The person (32 bits), the employer in the operation (28 bits) and the contract (4 bits).
    std::uint64_t contract = (std::uint64_t{person_id} << 32) | (std::uint64_t{row.employer} << 4) |
                             static_cast<std::uint64_t>(row.contract);
    auto credit = [&](Group& g) {
      g.touch(index);
      if (g.add_row(person_id, contract, row, hours)) touched.push_back(&g);
    };
    credit(total);
    lot_routes[lot] |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(row.route));
    switch (group_by) {
      case GroupBy::none: break;
      case GroupBy::buyer: credit(*buyer_group); break;
      case GroupBy::trade: credit(*trade_groups[lot]); break;
      case GroupBy::year: {
        Group& g = year_group(track::Month::at(row.month).year);
        credit(g);
        year_realised[lot][&g] += hours;
        break;
      }
      case GroupBy::route: credit(route_group(row.route)); break;
    }
  }
  for (std::size_t i = 0; i < t.lots.size(); ++i) {
    std::map<Group*, double> years = year_targets[i];
    for (const auto& [g, realised] : year_realised[i]) years.try_emplace(g, 0.0);
    for (const auto& [g, target] : years) {
      auto r = year_realised[i].find(g);
      double realised = r == year_realised[i].end() ? 0 : r->second;
      g->shortfall.add(std::max(0.0, target - realised), std::max(0.0, realised - target));
    }
  }
  if (group_by == GroupBy::route)
    for (std::uint8_t routes : lot_routes)
      for (unsigned r = 0; r < 8; ++r)
        if ((routes & (1u << r)) != 0) route_group(static_cast<track::Route>(r)).contracts_with_clause += 1;
  for (Group* g : touched) end_operation(*g);
  lines.push_back(std::move(line));
}

// The end of the operation just added, for a group it gave rows to: its distinct work contracts; what it
// hides counted alone, as its own report counts it, the group hides; its people's hours join the group's.
void Consolidator::Impl::end_operation(Group& g) const {
  std::sort(g.contracts.begin(), g.contracts.end());
  g.work_contracts += static_cast<int>(std::unique(g.contracts.begin(), g.contracts.end()) - g.contracts.begin());
  g.contracts.clear();
  g.last_contract = ~std::uint64_t{0};

  const std::size_t n = g.operation_people.size();  // at least 1: the operation gave the group a row
  if (n < static_cast<std::size_t>(options.min_cell)) g.small_operation = true;
  std::vector<std::pair<std::uint32_t, const BreakdownCounter::Hours*>> sorted;
  sorted.reserve(n);
  for (const auto& [id, h] : g.operation_people) sorted.emplace_back(id, &h);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  BreakdownCounter counter(rules, options.as_of, false);
  for (const auto& [id, h] : sorted) {
    counter.add(people[id], *h);
    detail::add_hours(g.people[id], *h);
  }
  const std::vector<Breakdown> own = counter.finish(options.min_cell);
  g.hidden.resize(own.size());
  for (std::size_t b = 0; b < own.size(); ++b) {
    g.hidden[b].resize(own[b].cells.size());
    for (std::size_t c = 0; c < own[b].cells.size(); ++c)
      if (own[b].cells[c].suppressed) g.hidden[b][c] = true;
  }
  g.operation_people.clear();
  g.last_hours = nullptr;
}

namespace {

// By route, a group is a cell of the total's route breakdown (its people): hidden there, hidden here, with
// everything that would give it back (its breakdowns' populations and cells: a route cell of 6 when the
// group has 6 people).
void hide_route_groups_hidden_in_total(Consolidation& out) {
  for (const Breakdown& b : out.total.breakdowns) {
    if (b.id != "route") continue;
    for (GroupReport& g : out.groups) {
      auto cell = std::find_if(b.cells.begin(), b.cells.end(), [&](const Cell& c) { return c.key == g.key; });
      if (cell == b.cells.end() || !cell->suppressed) continue;
      g.hours_suppressed = true;  // the group's hours are the hidden cell's, even where its people are hidden already
      if (g.participants.suppressed) continue;
      g.participants.suppressed = g.participants.secondary = true;
      for (Breakdown& own : g.breakdowns) detail::hide_breakdown(own);
    }
  }
}

}  // namespace

GroupReport Consolidator::Impl::report(const Group& g) const {
  GroupReport r;
  r.key = g.key;
  r.label = g.label;
  r.operations = g.operations;
  r.contracts_with_clause = g.contracts_with_clause;
  r.target_hours = hours::round6(g.target);
  r.realised_hours = hours::round6(g.realised);
  r.shortfall = g.shortfall;
  r.shortfall.round();
  r.fte = full_time_equivalents(r.realised_hours);
  r.participants = detail::participants_cell(static_cast<int>(g.people.size()), r.realised_hours, options.min_cell);
  if (g.small_operation && !r.participants.suppressed) r.participants.suppressed = r.participants.secondary = true;
  r.work_contracts = g.work_contracts;
  // People in the order they were first met, so the sums never depend on a hash order.
  std::vector<std::pair<std::uint32_t, const BreakdownCounter::Hours*>> sorted;
  sorted.reserve(g.people.size());
  for (const auto& [id, h] : g.people) sorted.emplace_back(id, &h);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  BreakdownCounter counter(rules, options.as_of, false);
  for (const auto& [id, h] : sorted) counter.add(people[id], *h);
  r.breakdowns = counter.finish(options.min_cell);
  for (std::size_t b = 0; b < r.breakdowns.size() && b < g.hidden.size(); ++b) {
    suppress_small_cells(r.breakdowns[b], options.min_cell, g.hidden[b]);
    Breakdown& own = r.breakdowns[b];
    if (g.small_operation && !own.population_suppressed && own.population > 0)
      own.population_suppressed = own.population_secondary = true;  // may hold min_cell or more
  }
  return r;
}

Consolidator::Consolidator(GroupBy group_by, const rules::RuleSet& rules, const ReportOptions& options)
    : impl_(std::make_unique<Impl>(group_by, rules, options)) {
  impl_->total.label = "Ensemble";
}

Consolidator::~Consolidator() = default;

void Consolidator::add(const track::Operation& op) {
  const hours::TenderResult* result = op.result();
  if (result == nullptr) throw std::invalid_argument("Consolidator::add: the tender is not valid");
  impl_->add(op, track::track(*result, op.participants, op.statements, {impl_->options.as_of, impl_->options.declared_hours}));
}

void Consolidator::add(const track::Operation& op, const track::Tracking& tracking) {
  if (op.result() == nullptr) throw std::invalid_argument("Consolidator::add: the tender is not valid");
  impl_->add(op, tracking);
}

Consolidation Consolidator::finish() {
  const Impl& in = *impl_;
  Consolidation out;
  out.group_by = in.group_by;
  out.as_of = in.options.as_of;
  out.min_cell = in.options.min_cell;
  out.operations = in.lines;
  for (const auto& [key, g] : in.groups) {
    out.groups.push_back(in.report(g));
    // A lot's target is not split by route: a route group has realised hours only.
    if (in.group_by == GroupBy::route) out.groups.back().has_target = false;
  }
  out.total = in.report(in.total);
  if (in.group_by == GroupBy::route) hide_route_groups_hidden_in_total(out);
  out.counting.rules_version = in.rules.version();
  out.counting.rules_sha256 = in.rules.sha256();
  return out;
}

Consolidation consolidate(const std::vector<const track::Operation*>& operations, GroupBy group_by,
                          const rules::RuleSet& rules, const ReportOptions& options) {
  Consolidator c(group_by, rules, options);
  for (const track::Operation* op : operations) c.add(*op);
  return c.finish();
}

}  // namespace clausier::report
