#include "clausier/track/status.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "clausier/calendar/holidays.hpp"
#include "clausier/calendar/schedule.hpp"
#include "clausier/hours/target.hpp"

namespace clausier::track {

using tender::Method;

std::string_view name(LotStatus s) {
  switch (s) {
    case LotStatus::not_awarded: return "not-awarded";
    case LotStatus::not_started: return "not-started";
    case LotStatus::behind: return "behind";
    case LotStatus::on_track: return "on-track";
    case LotStatus::complete: return "complete";
  }
  return "";
}
std::string_view french_label(LotStatus s) {
  switch (s) {
    case LotStatus::not_awarded: return "non attribué";
    case LotStatus::not_started: return "pas commencé";
    case LotStatus::behind: return "en retard";
    case LotStatus::on_track: return "dans les temps";
    case LotStatus::complete: return "atteint";
  }
  return "";
}

namespace {

double round6(double v) { return hours::round6(v); }

// The lot id as the tender writes it ("01" for a statement's "1": spreadsheets drop leading zeros).
std::string_view lot_key(std::string_view id, const std::unordered_map<std::string_view, std::size_t>& index) {
  if (index.count(id) > 0) return id;
  for (const auto& [key, i] : index)
    if (same_lot(key, id)) return key;
  return id;
}

// The cap is a share of the lot's amount at the date: tranches exercised, amendments, orders, amount executed.
void set_penalty(LotTracking& t, const tender::Tender& tender, std::optional<double> amount) {
  if (!tender.penalties || !tender.penalties->per_missing_hour) return;
  double exposure = t.missing_hours * tender.penalties->per_missing_hour->value;
  if (tender.penalties->cap_share && amount) exposure = std::min(exposure, tender.penalties->cap_share->value * *amount);
  t.penalty_exposure = round6(exposure);
}

// The schedule runs from the lot's start to its end at the date (t.end: end-changed, terminated).
void set_progress(LotTracking& t, Date as_of, double tolerance) {
  const tender::Lot& lot = *t.lot->lot;
  t.expected_hours = round6(expected_at(t, as_of));
  if (!lot.start || !t.end) {
    t.forecast_hours = t.counted_hours;  // the schedule is unknown
  } else {
    Date start = lot.start->value, end = *t.end;
    int total = calendar::working_days(start, end);
    int elapsed = calendar::working_days(start, std::min(as_of, end));
    t.forecast_hours = elapsed > 0 && total > 0 ? round6(t.counted_hours * total / elapsed) : 0;
    if (as_of < start) {
      t.status = t.counted_hours > 0 && t.counted_hours >= t.target_hours ? LotStatus::complete : LotStatus::not_started;
      return;
    }
  }
  // Once the lot has ended there is nothing left to catch up: no tolerance.
  bool ended = t.end && as_of >= *t.end;
  if (t.target_hours > 0 && t.counted_hours >= t.target_hours) t.status = LotStatus::complete;
  else if (t.counted_hours < t.expected_hours * (ended ? 1 : 1 - tolerance)) t.status = LotStatus::behind;
  else t.status = LotStatus::on_track;
}

}  // namespace

double expected_at(const LotTracking& l, Date day) {
  const tender::Lot& lot = *l.lot->lot;
  const hours::Target target = hours::target_at(*l.lot, day);
  const double hours = lot.method.value == Method::percent_of_hours ? l.target_hours : target.hours;
  // Without an execution period the schedule is unknown: the whole target is expected.
  if (!lot.start || !target.end) return hours;
  return calendar::expected_hours(hours, lot.start->value, *target.end, day);
}

Tracking track(const hours::TenderResult& result, const Participants& participants, const std::vector<StatementRow>& rows,
               const TrackOptions& options) {
  const tender::Tender& tender = *result.tender;
  Tracking out;
  out.as_of = options.as_of;
  out.tolerance = tender.counting && tender.counting->tolerance ? tender.counting->tolerance->value : 0;
  Count count = count_rows(result, participants, rows, options.as_of);
  count.not_counted.insert(count.not_counted.end(), options.unreadable.begin(), options.unreadable.end());
  std::stable_sort(count.not_counted.begin(), count.not_counted.end(),
                   [](const NotCounted& a, const NotCounted& b) { return std::tie(a.file, a.line) < std::tie(b.file, b.line); });

  // One pass over the counted rows, whatever the number of lots: sums, declared hours and people per lot.
  std::unordered_map<std::string_view, std::size_t> lot_index;
  for (std::size_t i = 0; i < result.lots.size(); ++i) lot_index.emplace(result.lots[i].lot->id.value, i);
  struct Sums {
    double counted = 0, declared = 0;
    bool any_declared = false;
    std::unordered_set<std::string_view> people;
  };
  std::vector<Sums> sums(result.lots.size());
  for (const CountedRow& c : count.counted) {
    Sums& s = sums[lot_index.at(lot_key(c.row->lot, lot_index))];
    s.counted += c.hours;
    s.people.insert(c.row->participant);
    if (c.row->declared) {
      s.declared += *c.row->declared;
      s.any_declared = true;
    }
  }
  for (std::size_t i = 0; i < result.lots.size(); ++i) {
    const hours::LotResult& r = result.lots[i];
    const hours::Target target = hours::target_at(r, options.as_of);
    LotTracking t;
    t.lot = &r;
    t.tracked = target.due();
    t.end = target.end;
    if (r.status == hours::Status::ok && !target.awarded) t.status = LotStatus::not_awarded;
    if (r.lot->award && r.lot->award->contractor) t.contractor = r.lot->award->contractor->name;
    t.counted_hours = round6(sums[i].counted);
    t.participants = static_cast<int>(sums[i].people.size());
    if (r.lot->method.value == Method::percent_of_hours && t.tracked) {
      // The obligation is a share of the hours really worked: the target follows the declarations.
      auto given = options.declared_hours.find(r.lot->id.value);
      if (given != options.declared_hours.end()) t.declared_hours = given->second;
      else if (sums[i].any_declared) t.declared_hours = round6(sums[i].declared);
      t.target_hours = t.declared_hours ? round6(*t.declared_hours * r.params.rate->value) : 0;
    } else {
      t.target_hours = t.tracked ? target.hours : 0;
    }
    if (t.tracked) {
      set_progress(t, options.as_of, out.tolerance);
      t.missing_hours = round6(std::max(0.0, t.target_hours - t.counted_hours));
      set_penalty(t, tender, target.amount);
    }
    // Hours on a lot whose clause is not set (below the minimum) are all over its target of 0.
    t.over_hours = round6(std::max(0.0, t.counted_hours - t.target_hours));
    out.lots.push_back(std::move(t));
  }
  for (const NotCounted& n : count.not_counted) {
    auto it = lot_index.find(lot_key(n.lot, lot_index));
    if (it != lot_index.end()) out.lots[it->second].not_counted.push_back(n);
  }

  out.not_counted = std::move(count.not_counted);

  for (const LotTracking& t : out.lots) {
    if (!t.tracked) continue;
    std::string name = t.contractor.empty() ? "(titulaire non nommé)" : t.contractor;
    auto it = std::find_if(out.contractors.begin(), out.contractors.end(),
                           [&](const ContractorTracking& c) { return c.name == name; });
    if (it == out.contractors.end()) {
      ContractorTracking c;
      c.name = name;
      it = out.contractors.insert(out.contractors.end(), std::move(c));
    }
    it->lots.push_back(t.lot->lot->id.value);
    it->target_hours += t.target_hours;
    it->counted_hours += t.counted_hours;
    it->expected_hours += t.expected_hours;
    it->missing_hours += t.missing_hours;
    it->over_hours += t.over_hours;
    it->penalty_exposure += t.penalty_exposure;
  }
  std::unordered_map<std::string_view, std::size_t> person_index;
  for (const CountedRow& c : count.counted) {
    auto [it, inserted] = person_index.emplace(c.row->participant, out.participants.size());
    if (inserted) out.participants.push_back(ParticipantTracking{std::string(c.row->participant), 0, {}});
    ParticipantTracking& p = out.participants[it->second];
    p.counted_hours += c.hours;
    if (std::find(p.lots.begin(), p.lots.end(), c.row->lot) == p.lots.end()) p.lots.push_back(c.row->lot);
  }
  for (auto& p : out.participants) p.counted_hours = round6(p.counted_hours);
  out.counted = std::move(count.counted);
  std::sort(out.participants.begin(), out.participants.end(),
            [](const ParticipantTracking& a, const ParticipantTracking& b) { return a.ref < b.ref; });
  return out;
}

}  // namespace clausier::track
