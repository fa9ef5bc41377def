#include <doctest/doctest.h>

#include "clausier/calendar/holidays.hpp"

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace clausier::calendar;

namespace {

Date ymd(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

std::string iso(Date d) {
  const auto t = d.year_month_day();
  return std::to_string(t.year) + "-" + std::to_string(t.month.as_number()) + "-" + std::to_string(t.day.as_number());
}

// The obvious way, one day at a time, to check the week-counting shortcut against.
int naive_working_days(Date first, Date last) {
  int n = 0;
  for (Date d = first; d <= last; d += boost::gregorian::days(1))
    if (is_working_day(d)) ++n;
  return n;
}

}  // namespace

TEST_CASE("easter_sunday: known dates") {
  CHECK(easter_sunday(2024) == ymd(2024, 3, 31));
  CHECK(easter_sunday(2025) == ymd(2025, 4, 20));
  CHECK(easter_sunday(2026) == ymd(2026, 4, 5));
  CHECK(easter_sunday(2027) == ymd(2027, 3, 28));
  CHECK(easter_sunday(2028) == ymd(2028, 4, 16));
  CHECK(easter_sunday(2000) == ymd(2000, 4, 23));
  CHECK(easter_sunday(2008) == ymd(2008, 3, 23));
  CHECK(easter_sunday(2011) == ymd(2011, 4, 24));
  CHECK(easter_sunday(1583) == ymd(1583, 4, 10));  // first Gregorian Easter
  CHECK(easter_sunday(9999) == ymd(9999, 3, 28));  // last year Boost can hold
}

TEST_CASE("easter_sunday: earliest (22 March) and latest (25 April) possible dates") {
  CHECK(easter_sunday(1818) == ymd(1818, 3, 22));
  CHECK(easter_sunday(2285) == ymd(2285, 3, 22));
  CHECK(easter_sunday(1943) == ymd(1943, 4, 25));
  CHECK(easter_sunday(2038) == ymd(2038, 4, 25));
}

TEST_CASE("easter_sunday: always a Sunday between 22 March and 25 April") {
  for (int y = 1583; y <= 9999; ++y) {
    const Date e = easter_sunday(y);
    REQUIRE(e.day_of_week().as_number() == 0);
    REQUIRE(e >= ymd(y, 3, 22));
    REQUIRE(e <= ymd(y, 4, 25));
  }
}

TEST_CASE("public_holidays: 2026 written out") {
  // Easter 5 April: Monday 6 April, Ascension 14 May, Whit Monday 25 May.
  const std::vector<Date> expected{ymd(2026, 1, 1),  ymd(2026, 4, 6),   ymd(2026, 5, 1),  ymd(2026, 5, 8),
                                   ymd(2026, 5, 14), ymd(2026, 5, 25),  ymd(2026, 7, 14), ymd(2026, 8, 15),
                                   ymd(2026, 11, 1), ymd(2026, 11, 11), ymd(2026, 12, 25)};
  CHECK(public_holidays(2026) == expected);
}

TEST_CASE("public_holidays: 2027 written out") {
  // Easter 28 March: Monday 29 March, Ascension 6 May (before 8 May), Whit Monday 17 May.
  const std::vector<Date> expected{ymd(2027, 1, 1),  ymd(2027, 3, 29),  ymd(2027, 5, 1),  ymd(2027, 5, 6),
                                   ymd(2027, 5, 8),  ymd(2027, 5, 17),  ymd(2027, 7, 14), ymd(2027, 8, 15),
                                   ymd(2027, 11, 1), ymd(2027, 11, 11), ymd(2027, 12, 25)};
  CHECK(public_holidays(2027) == expected);
}

TEST_CASE("public_holidays: Ascension on 1 May counts once (2008)") {
  // Easter 23 March 2008: Monday 24 March, Ascension 1 May, Whit Monday 12 May.
  const std::vector<Date> expected{ymd(2008, 1, 1),   ymd(2008, 3, 24), ymd(2008, 5, 1),  ymd(2008, 5, 8),
                                   ymd(2008, 5, 12),  ymd(2008, 7, 14), ymd(2008, 8, 15), ymd(2008, 11, 1),
                                   ymd(2008, 11, 11), ymd(2008, 12, 25)};
  CHECK(public_holidays(2008) == expected);
}

TEST_CASE("public_holidays: sorted, distinct, 10 or 11, and what is_public_holiday says") {
  for (int y = 1990; y <= 2110; ++y) {
    const std::vector<Date> list = public_holidays(y);
    REQUIRE((list.size() == 10 || list.size() == 11));
    for (std::size_t i = 1; i < list.size(); ++i) REQUIRE(list[i - 1] < list[i]);
    int found = 0;
    for (Date d = ymd(y, 1, 1); d <= ymd(y, 12, 31); d += boost::gregorian::days(1))
      if (is_public_holiday(d)) ++found;
    REQUIRE(found == static_cast<int>(list.size()));
    for (const Date& d : list) REQUIRE(is_public_holiday(d));
  }
}

TEST_CASE("is_working_day") {
  CHECK(is_working_day(ymd(2026, 11, 10)));        // Tuesday
  CHECK_FALSE(is_working_day(ymd(2026, 11, 11)));  // Wednesday, Armistice
  CHECK_FALSE(is_working_day(ymd(2026, 11, 7)));   // Saturday
  CHECK_FALSE(is_working_day(ymd(2026, 11, 8)));   // Sunday
  CHECK_FALSE(is_working_day(ymd(2026, 5, 25)));   // Whit Monday
  CHECK_FALSE(is_working_day(Date()));             // not_a_date_time
  CHECK_FALSE(is_public_holiday(Date()));
}

TEST_CASE("working_days: hand-counted spans") {
  // November 2026: the 1st is a Sunday, so 21 weekdays (2-6, 9-13, 16-20, 23-27, 30); the 11th is a Wednesday.
  CHECK(working_days(ymd(2026, 11, 1), ymd(2026, 11, 30)) == 20);
  // May 2026: 21 weekdays (1, 4-8, 11-15, 18-22, 25-29) less Fri 1, Fri 8, Thu 14 (Ascension), Mon 25.
  CHECK(working_days(ymd(2026, 5, 1), ymd(2026, 5, 31)) == 17);
  // 2027 starts on a Friday: 52 weeks + that Friday = 261 weekdays, less 7 holidays on weekdays
  // (1 Jan, 29 Mar, 6 May, 17 May, 14 Jul, 1 Nov, 11 Nov; 1 May, 8 May, 25 Dec are Saturdays, 15 Aug a Sunday).
  CHECK(working_days(ymd(2027, 1, 1), ymd(2027, 12, 31)) == 254);
  // 2026 starts on a Thursday: 261 weekdays, less 9 (all but 15 Aug, a Saturday, and 1 Nov, a Sunday).
  CHECK(working_days(ymd(2026, 1, 1), ymd(2026, 12, 31)) == 252);
  CHECK(working_days(ymd(2026, 1, 1), ymd(2027, 12, 31)) == 252 + 254);
  CHECK(working_days(ymd(2026, 11, 7), ymd(2026, 11, 7)) == 0);    // a Saturday
  CHECK(working_days(ymd(2026, 11, 11), ymd(2026, 11, 11)) == 0);  // a holiday on a Wednesday
  CHECK(working_days(ymd(2026, 11, 10), ymd(2026, 11, 10)) == 1);  // an ordinary Tuesday
  CHECK(working_days(ymd(2026, 11, 7), ymd(2026, 11, 8)) == 0);    // a weekend
  CHECK(working_days(ymd(2026, 11, 30), ymd(2026, 11, 2)) == 0);   // last < first
  CHECK(working_days(Date(), ymd(2026, 11, 2)) == 0);
  CHECK(working_days(ymd(2026, 11, 2), Date()) == 0);
}

TEST_CASE("working_days: same as a day-by-day count on random ranges") {
  std::mt19937 rng(20261102);
  const Date base = ymd(1990, 1, 1);
  std::uniform_int_distribution<long> start_offset(0, 120 * 365);
  std::uniform_int_distribution<long> short_span(0, 40);
  std::uniform_int_distribution<long> long_span(0, 1200);
  for (int i = 0; i < 2000; ++i) {
    const Date first = base + boost::gregorian::days(start_offset(rng));
    const long span = i % 2 == 0 ? short_span(rng) : long_span(rng);
    const Date last = first + boost::gregorian::days(span);
    const std::string range = iso(first) + " .. " + iso(last);
    CAPTURE(range);
    REQUIRE(working_days(first, last) == naive_working_days(first, last));
  }
  // Across 1900 and 2100, century years that are not leap years, and 2000, which is.
  CHECK(working_days(ymd(1896, 3, 4), ymd(1904, 2, 29)) == naive_working_days(ymd(1896, 3, 4), ymd(1904, 2, 29)));
  CHECK(working_days(ymd(1995, 6, 1), ymd(2105, 5, 31)) == naive_working_days(ymd(1995, 6, 1), ymd(2105, 5, 31)));
  CHECK(working_days(ymd(9990, 1, 1), ymd(9999, 12, 31)) == naive_working_days(ymd(9990, 1, 1), ymd(9999, 12, 31)));
}

// Issue 17, item 6: the holidays of whole years come from a table, so its ends and the years next to the
// first and the last are checked against the day-by-day count. (The hostile suite times a report whose
// lots run from 1900 to 9999.)
TEST_CASE("working_days: the whole range Boost allows, and the years at its ends") {
  for (const auto& [first, last] : std::vector<std::pair<Date, Date>>{
           {ymd(1400, 1, 1), ymd(1400, 12, 31)}, {ymd(1400, 1, 1), ymd(1401, 1, 1)},
           {ymd(1400, 12, 31), ymd(1402, 1, 1)}, {ymd(1899, 7, 14), ymd(1901, 7, 14)},
           {ymd(9998, 12, 31), ymd(9999, 12, 31)}, {ymd(9997, 1, 1), ymd(9999, 12, 30)}}) {
    const std::string range = iso(first) + " .. " + iso(last);
    CAPTURE(range);
    CHECK(working_days(first, last) == naive_working_days(first, last));
  }
  CHECK(working_days(ymd(1900, 1, 1), ymd(9999, 12, 31)) == naive_working_days(ymd(1900, 1, 1), ymd(9999, 12, 31)));
}
