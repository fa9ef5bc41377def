#include "clausier/track/status.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "clausier/calendar/holidays.hpp"
#include "clausier/calendar/schedule.hpp"
#include "clausier/hours/target.hpp"
#include "clausier/track/key_set.hpp"

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

// Every row that counts nothing, in file and line order: the rows refused by counting and the rows
// that cannot be read, two lists each already in reading order, merged. Files are ordered by path (as
// a folder lists them); only files given out of that order need a sort.
std::vector<NotCounted> all_not_counted(const Count& count) {
  const Statements& st = *count.statements;
  std::vector<std::uint32_t> files(st.files.size()), rank(st.files.size());
  for (std::uint32_t i = 0; i < files.size(); ++i) files[i] = i;
  std::stable_sort(files.begin(), files.end(), [&](auto a, auto b) { return st.files[a] < st.files[b]; });
  for (std::uint32_t r = 0; r < files.size(); ++r) rank[files[r]] = r;
  auto place = [&](const NotCounted& n) {
    return std::pair(rank[count.file_index(n)], count.line(n));
  };
  auto before = [&](const NotCounted& a, const NotCounted& b) { return place(a) < place(b); };
  std::vector<NotCounted> unreadable;
  unreadable.reserve(st.unreadable.size());
  for (std::uint32_t i = 0; i < st.unreadable.size(); ++i) unreadable.push_back({i, st.unreadable[i].reason, 0});
  std::vector<NotCounted> out;
  out.reserve(count.not_counted.size() + unreadable.size());
  if (std::is_sorted(count.not_counted.begin(), count.not_counted.end(), before) &&
      std::is_sorted(unreadable.begin(), unreadable.end(), before)) {
    std::merge(count.not_counted.begin(), count.not_counted.end(), unreadable.begin(), unreadable.end(),
               std::back_inserter(out), before);
  } else {
    out = count.not_counted;
    out.insert(out.end(), unreadable.begin(), unreadable.end());
    std::stable_sort(out.begin(), out.end(), before);
  }
  return out;
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

Tracking track(const hours::TenderResult& result, const Participants& participants, const Statements& statements,
               const TrackOptions& options) {
  const tender::Tender& tender = *result.tender;
  Tracking out;
  out.as_of = options.as_of;
  out.tolerance = tender.counting && tender.counting->tolerance ? tender.counting->tolerance->value : 0;
  out.count = count_rows(result, participants, statements, options.as_of);
  const Count& count = out.count;

  // One pass over the counted rows, whatever the number of lots: sums, declared hours and people per lot.
  struct Sums {
    double counted = 0, declared = 0;
    bool any_declared = false;
    int people = 0;
  };
  std::vector<Sums> sums(result.lots.size());
  // Who was met on which lot.
  const std::size_t texts = statements.participants.size();
  PairSet met(result.lots.size(), texts);
  // Per participant as written in the statements: hours and the lots, as written too, in the order met.
  // One slot of 32 bytes per participant text, read on every row, holds its hours and its first lots: a
  // list elsewhere in memory was a second cache miss on most rows (4 000 000 rows, 60 000 participants).
  constexpr std::uint32_t inline_lots = 5;
  struct PersonSums {
    double hours = 0;
    std::uint32_t lot_count = 0;  // 0: not met
    std::array<TextId, inline_lots> lots{};
  };
  std::vector<PersonSums> person(texts);
  std::unordered_map<TextId, std::vector<TextId>> more_lots;  // past the first five of a participant
  for (std::uint32_t i : count.counted) {
    const StatementRow& row = statements.rows[i];
    std::uint32_t lot = count.lot_of[row.lot];
    Sums& s = sums[lot];
    const double hours = count.hours(row);
    s.counted += hours;
    if (met.add(lot, row.participant)) ++s.people;
    if (row.has_declared) {
      s.declared += row.declared;
      s.any_declared = true;
    }
    PersonSums& p = person[row.participant];
    p.hours += hours;
    const auto in_slot = std::min(p.lot_count, inline_lots);
    if (std::find(p.lots.begin(), p.lots.begin() + in_slot, row.lot) != p.lots.begin() + in_slot) continue;
    if (p.lot_count < inline_lots) {
      p.lots[p.lot_count++] = row.lot;
    } else if (std::vector<TextId>& more = more_lots[row.participant];
               std::find(more.begin(), more.end(), row.lot) == more.end()) {
      more.push_back(row.lot);
      ++p.lot_count;
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
    t.participants = sums[i].people;
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
  out.not_counted = all_not_counted(count);
  for (std::uint32_t i = 0; i < out.not_counted.size(); ++i)
    if (std::uint32_t lot = count.tender_lot(out.not_counted[i]); lot != Count::no_lot) out.lots[lot].not_counted.push_back(i);

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
  for (TextId id = 0; id < texts; ++id) {
    const PersonSums& sums_of = person[id];
    if (sums_of.lot_count == 0) continue;
    ParticipantTracking& p = out.participants.emplace_back(
        ParticipantTracking{std::string(statements.participants[id]), round6(sums_of.hours), {}});
    for (std::uint32_t k = 0; k < std::min(sums_of.lot_count, inline_lots); ++k)
      p.lots.emplace_back(statements.lots[sums_of.lots[k]]);
    if (sums_of.lot_count > inline_lots)
      for (TextId lot : more_lots[id]) p.lots.emplace_back(statements.lots[lot]);
  }
  std::sort(out.participants.begin(), out.participants.end(),
            [](const ParticipantTracking& a, const ParticipantTracking& b) { return a.ref < b.ref; });
  return out;
}

}  // namespace clausier::track
