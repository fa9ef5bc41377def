#include "clausier/calendar/schedule.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace clausier::calendar {
namespace {

using boost::gregorian::days;

// Above 2^53 a double no longer holds every whole number, so "whole hours" would lose its meaning.
constexpr double max_total = 9007199254740992.0;

std::string label_of(Date first, Period period) {
  std::string label = std::to_string(static_cast<int>(first.year()));
  if (period == Period::month) {
    const int month = first.month().as_number();
    label += month < 10 ? "-0" : "-";
    label += std::to_string(month);
  }
  return label;
}

Date period_end(Date d, Period period) {
  if (period == Period::month) return d.end_of_month();
  return Date(d.year(), boost::gregorian::Dec, 31);
}

std::vector<SchedulePart> make_parts(Date start, Date end, Period period) {
  std::vector<SchedulePart> parts;
  for (Date first = start;;) {
    const Date last = std::min(period_end(first, period), end);
    parts.push_back({label_of(first, period), first, last, working_days(first, last), 0.0});
    // Stopping on equality, not on first > end, never steps past 9999-12-31.
    if (last == end) break;
    first = last + days(1);
  }
  return parts;
}

std::vector<long long> weights_of(const std::vector<SchedulePart>& parts) {
  std::vector<long long> weights;
  for (const SchedulePart& p : parts) weights.push_back(p.working_days);
  if (std::any_of(weights.begin(), weights.end(), [](long long w) { return w > 0; })) return weights;
  // A period without a single working day (a weekend, a holiday bridge) still has hours to place.
  weights.clear();
  for (const SchedulePart& p : parts) weights.push_back((p.last - p.first).days() + 1);
  return weights;
}

// Largest-remainder method in integers, so that equal remainders are real ties, not rounding noise.
// Precondition: the weights are >= 0, at least one is > 0, and each is at most 366 (a part is at most a
// year), so whole x weight stays below 2^53 x 366 < 2^63.
std::vector<long long> apportion(long long whole, const std::vector<long long>& weights) {
  const long long sum = std::accumulate(weights.begin(), weights.end(), 0LL);
  std::vector<long long> shares;
  std::vector<long long> remainders;
  long long given = 0;
  for (long long w : weights) {
    shares.push_back(whole * w / sum);
    remainders.push_back(whole * w % sum);
    given += shares.back();
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  // The remainders are each below one hour and add up to what is left, so `order` never runs out.
  for (std::size_t k = 0; given < whole; ++k, ++given) ++shares[order[k]];
  return shares;
}

}  // namespace

std::vector<SchedulePart> split_hours(double total, Date start, Date end, Period period) {
  if (start.is_special() || end.is_special() || end < start) return {};
  if (!(total >= 0.0 && total <= max_total)) return {};  // also rejects NaN
  std::vector<SchedulePart> parts = make_parts(start, end, period);
  const double whole = std::floor(total);
  const std::vector<long long> shares = apportion(static_cast<long long>(whole), weights_of(parts));
  for (std::size_t i = 0; i < parts.size(); ++i) parts[i].hours = static_cast<double>(shares[i]);
  // Exact: total - whole and every partial sum are multiples of total's last bit, never above total.
  parts.back().hours += total - whole;
  return parts;
}

double expected_hours(double total, Date start, Date end, Date as_of) {
  if (start.is_special() || end.is_special() || as_of.is_special()) return 0.0;
  if (as_of < start) return 0.0;
  if (as_of >= end) return total;
  long done = working_days(start, as_of);
  long all = working_days(start, end);
  if (all == 0) {
    done = (as_of - start).days() + 1;
    all = (end - start).days() + 1;
  }
  // The days left may all be off (as_of a Friday, end the Sunday after): then it is total, exactly.
  if (done == all) return total;
  return total * static_cast<double>(done) / static_cast<double>(all);
}

}  // namespace clausier::calendar
