#pragma once
// Where each lot, contractor and participant stands at a date: target, counted, expected from the
// working-day schedule, status, forecast, missing hours and penalty exposure (formats.md section 7).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clausier/track/statements.hpp"

namespace clausier::track {

enum class LotStatus { not_awarded, not_started, behind, on_track, complete };
std::string_view name(LotStatus s);          // not-awarded, not-started, behind, on-track, complete
std::string_view french_label(LotStatus s);  // non attribué, pas commencé, en retard, dans les temps, atteint

struct LotTracking {
  const hours::LotResult* lot = nullptr;
  // Hours are due: the lot's clause is set (status ok) and it is awarded. A lot whose clause is set but
  // that has no award has the status not_awarded: no target, no expected hours, no penalty.
  bool tracked = false;
  std::string contractor;          // award.contractor.name, or empty
  double target_hours = 0;         // the target at as_of, lot events applied (hours::target_at); for
                                   // percent-of-hours, percent × declared hours
  std::optional<Date> end;         // the execution end at as_of (end-changed, terminated)
  std::optional<double> declared_hours;  // percent-of-hours lots
  double counted_hours = 0;
  double expected_hours = 0;
  LotStatus status = LotStatus::not_started;
  double forecast_hours = 0;       // counted hours extrapolated to the end at the pace so far
  double missing_hours = 0;        // target − counted, when positive
  double over_hours = 0;           // counted − target, when positive: a surplus, never netted against others
                                   // (a lot not tracked has a target of 0: all its counted hours)
  double penalty_exposure = 0;     // missing × per_missing_hour, capped at cap_share × the amount at as_of
  int participants = 0;
  std::vector<std::uint32_t> not_counted;  // this lot's rows that count nothing: indices in Tracking::not_counted
};

struct ParticipantTracking {
  std::string ref;
  double counted_hours = 0;
  std::vector<std::string> lots;
};

struct ContractorTracking {
  std::string name;
  std::vector<std::string> lots;
  // Sums over the contractor's lots: missing and over hours are each lot's own, never netted.
  double target_hours = 0, counted_hours = 0, expected_hours = 0, missing_hours = 0, over_hours = 0, penalty_exposure = 0;
};

struct Tracking {
  Date as_of;
  double tolerance = 0;
  std::vector<LotTracking> lots;
  std::vector<ContractorTracking> contractors;
  std::vector<ParticipantTracking> participants;
  std::vector<NotCounted> not_counted;  // every row that counts nothing, unreadable ones too, in file and line order
  // The rows that count (count_rows), for callers that go on from here, and what explains each refusal
  // (Count::detail...). Points into the inputs of track(): they must outlive the Tracking.
  Count count;
};

struct TrackOptions {
  Date as_of;
  std::map<std::string, double> declared_hours;  // --declared-hours lot=N (overrides the column)
};

// The hours a tracked lot is expected to have done by `day` (formats.md section 7): its target at that day
// (lot events applied; for percent-of-hours, the lot's target_hours) × working days of [start, day] ÷ working
// days of [start, its end at that day]; the whole target without an execution period.
double expected_at(const LotTracking& lot, Date day);

Tracking track(const hours::TenderResult& result, const Participants& participants, const Statements& statements,
               const TrackOptions& options);

}  // namespace clausier::track
