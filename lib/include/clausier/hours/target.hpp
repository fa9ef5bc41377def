#pragma once
// The target of a lot at a date (formats.md section 2, « Lot events »): the lot's hours as `clausier hours`
// computes them, minus the hours of its optional tranches not exercised by that date, then changed by each
// event dated on or before it, in order. Everything that judges a contractor (track, its reminders, the
// report, hours --as-of) takes the target, the amount and the end of a lot from here.
#include <optional>
#include <vector>

#include "clausier/hours/calc.hpp"

namespace clausier::hours {

// One event applied, with the target before and after it.
struct TargetStep {
  const tender::Event* event = nullptr;
  double hours_before = 0, hours_after = 0;
  std::optional<double> amount;     // the amount the hours were recomputed on (amendment, orders, terminated)
  std::optional<double> raw_hours;  // that recomputation before rounding
  // The hours the event sets: recomputed on its amount (for a tranche, the tranche's, which join the target
  // once it is exercised), agreed by the parties (`hours`), or those of the tranche exercised.
  std::optional<double> hours;
};

struct Target {
  const LotResult* lot = nullptr;
  tender::Date date;
  // Awarded at the date: the lot has an `award`, notified on or before the date. A lot not awarded is
  // not-awarded: nothing is due, whatever the figures below say.
  bool awarded = false;
  double initial_hours = 0;      // the lot's hours (LotResult::hours), optional tranches included
  double optional_hours = 0;     // hours of its optional tranches, deducted until each is exercised
  double hours = 0;              // the target at the date
  std::optional<double> amount;  // the lot's amount at the date: firm and exercised tranches, amendments, orders,
                                 // amount executed; what a penalty cap is a share of
  std::optional<tender::Date> end;  // the execution end at the date (end-changed, terminated on its date)
  bool terminated = false;
  std::vector<TargetStep> steps;  // the events dated on or before the date, in order

  // The hours due at the date: the target of an awarded lot whose clause is set, else none.
  bool due() const { return awarded && lot->status == Status::ok; }
};

Target target_at(const LotResult& r, tender::Date date);

}  // namespace clausier::hours
