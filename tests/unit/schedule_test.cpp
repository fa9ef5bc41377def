#include <doctest/doctest.h>

#include "clausier/calendar/schedule.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace clausier::calendar;

namespace {

Date ymd(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

double sum_hours(const std::vector<SchedulePart>& parts) {
  double sum = 0;
  for (const SchedulePart& p : parts) sum += p.hours;
  return sum;
}

// One row of an expected schedule, kept short so the tables below read like the hand computation.
struct Row {
  const char* label;
  Date first, last;
  int working_days;
  double hours;
};

void check_parts(const std::vector<SchedulePart>& parts, const std::vector<Row>& expected) {
  REQUIRE(parts.size() == expected.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    CAPTURE(i);
    CHECK(parts[i].label == expected[i].label);
    CHECK(parts[i].first == expected[i].first);
    CHECK(parts[i].last == expected[i].last);
    CHECK(parts[i].working_days == expected[i].working_days);
    CHECK(parts[i].hours == expected[i].hours);
  }
}

}  // namespace

// 2026-11-02 (Monday) .. 2027-10-29 (Friday), working days per month counted by hand:
//   2026-11  Mon 2..Mon 30: 21 weekdays (2-6, 9-13, 16-20, 23-27, 30) less Wed 11 Nov = 20
//   2026-12  Tue 1..Thu 31: 23 weekdays less Fri 25 Dec                           = 22
//   2027-01  Fri 1..Sun 31: 21 weekdays less Fri 1 Jan                             = 20
//   2027-02  Mon 1..Sun 28: 4 whole weeks                                          = 20
//   2027-03  Mon 1..Wed 31: 23 weekdays less Mon 29 (Easter Monday)                = 22
//   2027-04  Thu 1..Fri 30: 22 weekdays                                            = 22
//   2027-05  Sat 1..Mon 31: 21 weekdays less Thu 6 (Ascension), Mon 17 (Whit Monday);
//            1 and 8 May are Saturdays                                             = 19
//   2027-06  Tue 1..Wed 30: 22 weekdays                                            = 22
//   2027-07  Thu 1..Sat 31: 22 weekdays less Wed 14 July                           = 21
//   2027-08  Sun 1..Tue 31: 22 weekdays (15 August is a Sunday)                    = 22
//   2027-09  Wed 1..Thu 30: 22 weekdays                                            = 22
//   2027-10  Fri 1..Fri 29: 21 weekdays                                            = 21
//   total 253.
// Quotas of 833 h, as 833 x w = 253 x floor + remainder:
//   w = 20: 16660 = 253 x 65 + 215     (Nov, Jan, Feb)
//   w = 22: 18326 = 253 x 72 + 110     (Dec, Mar, Apr, Jun, Aug, Sep)
//   w = 19: 15827 = 253 x 62 + 141     (May)
//   w = 21: 17493 = 253 x 69 + 36      (Jul, Oct)
// Floors add up to 3x65 + 6x72 + 62 + 2x69 = 827, so 6 hours are left: the three 215s, then the 141,
// then two of the six tied 110s, the earliest ones (Dec, Mar).
const std::vector<Row> monthly_833{
    {"2026-11", ymd(2026, 11, 2), ymd(2026, 11, 30), 20, 66},
    {"2026-12", ymd(2026, 12, 1), ymd(2026, 12, 31), 22, 73},
    {"2027-01", ymd(2027, 1, 1), ymd(2027, 1, 31), 20, 66},
    {"2027-02", ymd(2027, 2, 1), ymd(2027, 2, 28), 20, 66},
    {"2027-03", ymd(2027, 3, 1), ymd(2027, 3, 31), 22, 73},
    {"2027-04", ymd(2027, 4, 1), ymd(2027, 4, 30), 22, 72},
    {"2027-05", ymd(2027, 5, 1), ymd(2027, 5, 31), 19, 63},
    {"2027-06", ymd(2027, 6, 1), ymd(2027, 6, 30), 22, 72},
    {"2027-07", ymd(2027, 7, 1), ymd(2027, 7, 31), 21, 69},
    {"2027-08", ymd(2027, 8, 1), ymd(2027, 8, 31), 22, 72},
    {"2027-09", ymd(2027, 9, 1), ymd(2027, 9, 30), 22, 72},
    {"2027-10", ymd(2027, 10, 1), ymd(2027, 10, 29), 21, 69},
};

TEST_CASE("split_hours: 833 h over twelve months, by hand") {
  const auto parts = split_hours(833, ymd(2026, 11, 2), ymd(2027, 10, 29), Period::month);
  check_parts(parts, monthly_833);
  CHECK(sum_hours(parts) == 833);
}

TEST_CASE("split_hours: a fractional total puts its fraction on the last part") {
  std::vector<Row> expected = monthly_833;
  expected.back().hours = 69.5;
  const auto parts = split_hours(833.5, ymd(2026, 11, 2), ymd(2027, 10, 29), Period::month);
  check_parts(parts, expected);
  CHECK(sum_hours(parts) == 833.5);
}

TEST_CASE("split_hours: by year") {
  // Same period: 2026 holds 20 + 22 = 42 working days, 2027 the other 211.
  // 833 x 42 = 34986 = 253 x 138 + 72;  833 x 211 = 175763 = 253 x 694 + 181: the one hour left goes to 2027.
  check_parts(
      split_hours(833, ymd(2026, 11, 2), ymd(2027, 10, 29), Period::year),
      {{"2026", ymd(2026, 11, 2), ymd(2026, 12, 31), 42, 138}, {"2027", ymd(2027, 1, 1), ymd(2027, 10, 29), 211, 695}});
  // Two whole years, 252 and 254 working days: 1000 x 252 = 506 x 498 + 12;  1000 x 254 = 506 x 501 + 494.
  check_parts(
      split_hours(1000, ymd(2026, 1, 1), ymd(2027, 12, 31), Period::year),
      {{"2026", ymd(2026, 1, 1), ymd(2026, 12, 31), 252, 498}, {"2027", ymd(2027, 1, 1), ymd(2027, 12, 31), 254, 502}});
}

TEST_CASE("split_hours: tied remainders go to the earlier parts") {
  // Thu 26 Nov .. Thu 3 Dec 2026: 26, 27, 30 Nov and 1, 2, 3 Dec, 3 working days each; 5 h = 2.5 + 2.5.
  check_parts(
      split_hours(5, ymd(2026, 11, 26), ymd(2026, 12, 3), Period::month),
      {{"2026-11", ymd(2026, 11, 26), ymd(2026, 11, 30), 3, 3}, {"2026-12", ymd(2026, 12, 1), ymd(2026, 12, 3), 3, 2}});
  // January, February (20 each) and 1..26 March 2027 (Mon 1 .. Fri 26, 4 whole weeks, 20): 8 h = 3 x 2 + 2.
  check_parts(split_hours(8, ymd(2027, 1, 1), ymd(2027, 3, 26), Period::month),
              {{"2027-01", ymd(2027, 1, 1), ymd(2027, 1, 31), 20, 3},
               {"2027-02", ymd(2027, 2, 1), ymd(2027, 2, 28), 20, 3},
               {"2027-03", ymd(2027, 3, 1), ymd(2027, 3, 26), 20, 2}});
}

TEST_CASE("split_hours: one day") {
  check_parts(split_hours(7.5, ymd(2026, 11, 10), ymd(2026, 11, 10), Period::month),
              {{"2026-11", ymd(2026, 11, 10), ymd(2026, 11, 10), 1, 7.5}});
  check_parts(split_hours(7.5, ymd(2026, 11, 10), ymd(2026, 11, 10), Period::year),
              {{"2026", ymd(2026, 11, 10), ymd(2026, 11, 10), 1, 7.5}});
  // 11 November is a holiday: no working day at all, so the one calendar day takes everything.
  check_parts(split_hours(7, ymd(2026, 11, 11), ymd(2026, 11, 11), Period::month),
              {{"2026-11", ymd(2026, 11, 11), ymd(2026, 11, 11), 0, 7}});
}

TEST_CASE("split_hours: no working day at all falls back to calendar days") {
  // Sat 31 July and Sun 1 August 2027, one calendar day each: 3 h = 1.5 + 1.5, the tie to July.
  check_parts(
      split_hours(3, ymd(2027, 7, 31), ymd(2027, 8, 1), Period::month),
      {{"2027-07", ymd(2027, 7, 31), ymd(2027, 7, 31), 0, 2}, {"2027-08", ymd(2027, 8, 1), ymd(2027, 8, 1), 0, 1}});
  // Sat 30, Sun 31 December 2028 and Mon 1 January 2029, a holiday: 10 x 2/3 = 6 + 2/3, 10 x 1/3 = 3 + 1/3.
  check_parts(split_hours(10, ymd(2028, 12, 30), ymd(2029, 1, 1), Period::year),
              {{"2028", ymd(2028, 12, 30), ymd(2028, 12, 31), 0, 7}, {"2029", ymd(2029, 1, 1), ymd(2029, 1, 1), 0, 3}});
}

TEST_CASE("split_hours: the fraction goes to the last part even when it has no working day") {
  // Mon 26 .. Fri 30 April 2027 (5 working days), then Sat 1 May (a holiday on a Saturday, 0).
  check_parts(
      split_hours(10.5, ymd(2027, 4, 26), ymd(2027, 5, 1), Period::month),
      {{"2027-04", ymd(2027, 4, 26), ymd(2027, 4, 30), 5, 10}, {"2027-05", ymd(2027, 5, 1), ymd(2027, 5, 1), 0, 0.5}});
}

TEST_CASE("split_hours: outside the preconditions, nothing") {
  CHECK(split_hours(10, ymd(2027, 1, 2), ymd(2027, 1, 1), Period::month).empty());
  CHECK(split_hours(-1, ymd(2027, 1, 1), ymd(2027, 1, 2), Period::month).empty());
  CHECK(split_hours(std::numeric_limits<double>::quiet_NaN(), ymd(2027, 1, 1), ymd(2027, 1, 2), Period::month).empty());
  CHECK(split_hours(std::numeric_limits<double>::infinity(), ymd(2027, 1, 1), ymd(2027, 1, 2), Period::month).empty());
  CHECK(split_hours(10, Date(), ymd(2027, 1, 2), Period::month).empty());
}

TEST_CASE("split_hours: the largest total allowed, 2^53 hours") {
  // 2^53 = 9007199254740992; x 252 = 506 x 4485798838329505 + 454; x 254 = 506 x 4521400416411486 + 52.
  check_parts(split_hours(9007199254740992.0, ymd(2026, 1, 1), ymd(2027, 12, 31), Period::year),
              {{"2026", ymd(2026, 1, 1), ymd(2026, 12, 31), 252, 4485798838329506.0},
               {"2027", ymd(2027, 1, 1), ymd(2027, 12, 31), 254, 4521400416411486.0}});
  CHECK(split_hours(9007199254740994.0, ymd(2026, 1, 1), ymd(2027, 12, 31), Period::year).empty());
}

TEST_CASE("split_hours: zero hours") {
  const auto parts = split_hours(0, ymd(2026, 11, 2), ymd(2027, 1, 15), Period::month);
  REQUIRE(parts.size() == 3);
  for (const SchedulePart& p : parts) CHECK(p.hours == 0);
}

TEST_CASE("split_hours: random periods add up exactly and stay within one hour of the quota") {
  std::mt19937 rng(833);
  std::uniform_int_distribution<long> start_offset(0, 40 * 365);
  std::uniform_int_distribution<long> span(0, 2500);
  std::uniform_int_distribution<int> whole_hours(0, 20000);
  std::uniform_real_distribution<double> any_hours(0, 1e6);
  for (int i = 0; i < 2000; ++i) {
    const Date start = ymd(2000, 1, 1) + boost::gregorian::days(start_offset(rng));
    const Date end = start + boost::gregorian::days(span(rng));
    // Whole hours, half hours (a rounding step of 0.5), and any double at all.
    double total = whole_hours(rng);
    if (i % 3 == 1) total += 0.5;
    if (i % 3 == 2) total = any_hours(rng);
    const Period period = i % 2 == 0 ? Period::month : Period::year;
    CAPTURE(i);
    CAPTURE(total);
    const auto parts = split_hours(total, start, end, period);
    REQUIRE(!parts.empty());
    REQUIRE(sum_hours(parts) == total);
    REQUIRE(parts.front().first == start);
    REQUIRE(parts.back().last == end);
    const int all_days = working_days(start, end);
    int days_seen = 0;
    // The extra hours must go to the largest remainders, earlier first on a tie: every part that got one
    // ranks above every part that did not, ranking by (remainder, earlier).
    const long long whole = static_cast<long long>(std::floor(total));
    bool any_given = false, any_not_given = false;
    long long lowest_given_rem = 0, highest_other_rem = -1;
    std::size_t lowest_given_at = 0, highest_other_at = 0;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const SchedulePart& p = parts[k];
      REQUIRE(p.first <= p.last);
      if (k > 0) REQUIRE(p.first == parts[k - 1].last + boost::gregorian::days(1));
      REQUIRE(p.first.year() == p.last.year());
      if (period == Period::month) REQUIRE(p.first.month() == p.last.month());
      REQUIRE(p.working_days == working_days(p.first, p.last));
      days_seen += p.working_days;
      // Whole hours, and at most one away from the exact quota of floor(total).
      const double hours = k + 1 == parts.size() ? p.hours - (total - std::floor(total)) : p.hours;
      REQUIRE(hours == std::floor(hours));
      if (all_days > 0) {
        const long long floor_quota = whole * p.working_days / all_days;
        const long long remainder = whole * p.working_days % all_days;
        const double extra = hours - static_cast<double>(floor_quota);
        REQUIRE((extra == 0 || extra == 1));
        if (extra == 1 && (!any_given || remainder <= lowest_given_rem)) {
          any_given = true;
          lowest_given_rem = remainder;
          lowest_given_at = k;
        }
        if (extra == 0 && (!any_not_given || remainder > highest_other_rem)) {
          any_not_given = true;
          highest_other_rem = remainder;
          highest_other_at = k;
        }
      }
    }
    REQUIRE(days_seen == all_days);
    if (any_given && any_not_given) {
      REQUIRE(lowest_given_rem >= highest_other_rem);
      if (lowest_given_rem == highest_other_rem) REQUIRE(lowest_given_at < highest_other_at);
    }
  }
}

TEST_CASE("split_hours: labels") {
  const auto parts = split_hours(10, ymd(2026, 8, 30), ymd(2026, 10, 2), Period::month);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0].label == "2026-08");
  CHECK(parts[1].label == "2026-09");
  CHECK(parts[2].label == "2026-10");
  const auto years = split_hours(10, ymd(2099, 12, 31), ymd(2101, 1, 1), Period::year);
  REQUIRE(years.size() == 3);
  CHECK(years[0].label == "2099");
  CHECK(years[1].label == "2100");
  CHECK(years[2].label == "2101");
  // The last day Boost can hold ends the loop without stepping past it.
  CHECK(split_hours(10, ymd(9999, 12, 1), ymd(9999, 12, 31), Period::month).size() == 1);
}

TEST_CASE("expected_hours") {
  const Date start = ymd(2026, 11, 2);
  const Date end = ymd(2027, 10, 29);
  CHECK(expected_hours(833, start, end, ymd(2026, 11, 1)) == 0);
  CHECK(expected_hours(833, start, end, ymd(2000, 1, 1)) == 0);
  CHECK(expected_hours(833, start, end, end) == 833);
  CHECK(expected_hours(833, start, end, ymd(2027, 11, 1)) == 833);
  // Mon 2 Nov alone: 1 of 253 working days.
  CHECK(expected_hours(833, start, end, start) == doctest::Approx(833.0 / 253.0));
  // End of November: its 20 working days.
  CHECK(expected_hours(833, start, end, ymd(2026, 11, 30)) == doctest::Approx(833.0 * 20 / 253));
  // Wed 11 Nov is a holiday: still the 7 working days of 2-6 and 9-10 November.
  CHECK(expected_hours(833, start, end, ymd(2026, 11, 11)) == doctest::Approx(833.0 * 7 / 253));
  // Sunday 28 Feb 2027: November 20 + December 22 + January 20 + February 20 = 82.
  CHECK(expected_hours(833, start, end, ymd(2027, 2, 28)) == doctest::Approx(833.0 * 82 / 253));
  // The days after as_of are all off: it is total, exactly (0.11 x 5 / 5 is not 0.11 in doubles).
  CHECK(expected_hours(0.11, ymd(2026, 11, 2), ymd(2026, 11, 8), ymd(2026, 11, 6)) == 0.11);
  // No working day at all: calendar days, Sat 31 July is 1 of 2.
  CHECK(expected_hours(3, ymd(2027, 7, 31), ymd(2027, 8, 1), ymd(2027, 7, 31)) == 1.5);
  CHECK(expected_hours(833, Date(), end, start) == 0);
}
