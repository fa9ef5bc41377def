#pragma once
// Where each lot, contractor and participant stands at a date: target, counted, expected from the
// working-day schedule, status, forecast, missing hours and penalty exposure (formats.md section 7).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clausier/track/statements.hpp"

namespace clausier::track {

enum class LotStatus { not_started, behind, on_track, complete };
std::string_view name(LotStatus s);          // not-started, behind, on-track, complete
std::string_view french_label(LotStatus s);  // pas commencé, en retard, dans les temps, atteint

struct LotTracking {
  const hours::LotResult* lot = nullptr;
  bool tracked = false;            // the lot has a clause that is set (status ok)
  std::string contractor;          // award.contractor.name, or empty
  double target_hours = 0;         // the lot's hours; for percent-of-hours, percent × declared hours
  std::optional<double> declared_hours;  // percent-of-hours lots
  double counted_hours = 0;
  double expected_hours = 0;
  LotStatus status = LotStatus::not_started;
  double forecast_hours = 0;       // counted hours extrapolated to the end at the pace so far
  double missing_hours = 0;        // target − counted, when positive
  double penalty_exposure = 0;     // missing × per_missing_hour, capped
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
  double target_hours = 0, counted_hours = 0, expected_hours = 0, missing_hours = 0, penalty_exposure = 0;
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

Tracking track(const hours::TenderResult& result, const Participants& participants, const Statements& statements,
               const TrackOptions& options);

}  // namespace clausier::track
