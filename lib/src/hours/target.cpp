#include "clausier/hours/target.hpp"

#include <map>
#include <string>

namespace clausier::hours {

using namespace clausier::tender;

namespace {

// A tranche as the events leave it: its hours and amount (an amendment changes them), exercised or not.
struct TrancheState {
  double hours = 0, amount = 0;
  bool counted = false;  // firm, or exercised
};

}  // namespace

Target target_at(const LotResult& r, Date date) {
  const Lot& lot = *r.lot;
  Target t;
  t.lot = &r;
  t.date = date;
  // Awarded at the date: an award, notified on or before it (a lot notified later is not awarded yet).
  t.awarded = lot.award && (!lot.award->notified || lot.award->notified->value <= date);
  t.initial_hours = r.hours;
  t.hours = r.hours;
  if (lot.end) t.end = lot.end->value;
  // A lot without a clause has no hours, and its parameters are not resolved: nothing to recompute.
  const bool computed = r.status != Status::no_clause;
  std::map<std::string, TrancheState, std::less<>> tranches;
  if (r.tranches.empty()) {
    t.amount = r.amount;
  } else {
    double amount = 0;
    for (const TrancheResult& tr : r.tranches) {
      bool firm = tr.tranche->kind == TrancheKind::firm;
      tranches[tr.tranche->id.value] = {tr.hours, tr.tranche->amount.value, firm};
      if (firm) amount += tr.tranche->amount.value;
      else t.optional_hours += tr.hours;
    }
    t.optional_hours = round6(t.optional_hours);
    t.hours = round6(t.hours - t.optional_hours);
    t.amount = amount;
  }

  for (const Event& e : lot.events) {
    if (e.date.value > date) break;  // events are in date order (the loader checks it)
    TargetStep step;
    step.event = &e;
    step.hours_before = t.hours;
    // The hours the lot's method gives on `amount`, when the lot has hours to recompute.
    auto recompute = [&](double amount) {
      step.amount = amount;
      if (!computed) return 0.0;
      AmountHours h = hours_for_amount(r, amount);
      step.raw_hours = h.raw_hours;
      step.hours = h.hours;
      return h.hours;
    };
    switch (e.kind.value) {
      case EventKind::tranche_exercised: {
        TrancheState& tr = tranches.at(e.tranche->value);
        tr.counted = true;
        step.hours = tr.hours;
        t.hours += tr.hours;
        *t.amount += tr.amount;
        break;
      }
      case EventKind::amendment:
        if (e.hours) {
          step.hours = e.hours->value;
          t.hours = e.hours->value;
        } else if (e.tranche) {
          TrancheState& tr = tranches.at(e.tranche->value);
          double hours = recompute(e.amount->value);
          if (tr.counted) {
            t.hours += hours - tr.hours;
            *t.amount += e.amount->value - tr.amount;
          }
          tr.hours = hours;
          tr.amount = e.amount->value;
        } else {
          t.hours = recompute(e.amount->value);
          t.amount = e.amount->value;
        }
        break;
      case EventKind::orders:
        t.hours = recompute(e.amount->value);
        t.amount = e.amount->value;
        break;
      case EventKind::end_changed: t.end = e.end->value; break;
      case EventKind::terminated:
        if (e.hours) {
          step.hours = e.hours->value;
          t.hours = e.hours->value;
        } else {
          t.hours = recompute(e.executed_amount->value);
          t.amount = e.executed_amount->value;
        }
        t.end = e.date.value;
        t.terminated = true;
        break;
    }
    if (!computed) t.hours = 0;
    t.hours = round6(t.hours);
    if (t.amount) t.amount = round6(*t.amount);
    step.hours_after = t.hours;
    t.steps.push_back(step);
  }
  return t;
}

}  // namespace clausier::hours
