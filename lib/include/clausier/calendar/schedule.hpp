#pragma once
// Spreading a lot's reserved hours over its execution period in proportion to working days, so a
// buyer can follow month by month (or year by year) whether the insertion clause is on track.
#include <string>
#include <vector>

#include "clausier/calendar/holidays.hpp"

namespace clausier::calendar {

enum class Period { month, year };

struct SchedulePart {
  std::string label;  // "2026-11" for a month, "2027" for a year
  Date first, last;   // the part of the month (or year) inside [start, end]
  int working_days;
  double hours;  // whole hours, except the last part which also carries total's fraction

  bool operator==(const SchedulePart&) const = default;
};

// One part per month (or year) touched by [start, end], in order, the first and last clipped to it.
// floor(total) whole hours are split in proportion to each part's working days by the largest-remainder
// (Hamilton) method: each part gets the floor of its exact quota, then the hours left go one each to the
// largest fractional remainders, the earlier part first on a tie. The fraction of total (e.g. 0.5 after
// a rounding step) is added to the last part, so the hours add up exactly to total.
// When [start, end] holds no working day at all, calendar days are the weights instead.
// Preconditions: start <= end, both real dates, 0 <= total <= 2^53 (whole hours exact in a double);
// outside them the result is empty.
std::vector<SchedulePart> split_hours(double total, Date start, Date end, Period period);

// Hours expected to be done by `as_of` (inclusive): total x working days of [start, min(as_of, end)]
// / working days of [start, end]; 0 before start, total from end on. Not rounded. Calendar days
// replace working days when [start, end] has none. Special dates give 0.
double expected_hours(double total, Date start, Date end, Date as_of);

}  // namespace clausier::calendar
