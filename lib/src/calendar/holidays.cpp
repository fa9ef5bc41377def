#include "clausier/calendar/holidays.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

namespace clausier::calendar {
namespace {

using boost::gregorian::days;

Date make_date(int year, int month, int day) {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

// A fixed buffer rather than a vector: working_days builds one per year of a span, thousands of times.
struct YearHolidays {
  std::array<Date, 11> dates;
  std::size_t count = 0;
  const Date* begin() const { return dates.data(); }
  const Date* end() const { return dates.data() + count; }
};

YearHolidays holidays_of(int year) {
  const Date easter = easter_sunday(year);
  YearHolidays h{{make_date(year, 1, 1), easter + days(1), make_date(year, 5, 1), make_date(year, 5, 8),
                  easter + days(39), easter + days(50), make_date(year, 7, 14), make_date(year, 8, 15),
                  make_date(year, 11, 1), make_date(year, 11, 11), make_date(year, 12, 25)},
                 0};
  // Ascension moves between 30 April and 3 June, so it can land on 1 or 8 May; sorting also places it.
  std::sort(h.dates.begin(), h.dates.end());
  h.count = static_cast<std::size_t>(std::unique(h.dates.begin(), h.dates.end()) - h.dates.begin());
  return h;
}

bool is_weekday(Date d) {
  const int wd = d.day_of_week().as_number();  // 0 is Sunday
  return wd != 0 && wd != 6;
}

// Monday..Friday in [first, last], first <= last: five per whole week, then at most six days by hand.
long weekdays_between(Date first, Date last) {
  const long span = (last - first).days() + 1;
  const long first_weekday = first.day_of_week().as_number();
  long count = span / 7 * 5;
  for (long i = 0; i < span % 7; ++i) {
    const long wd = (first_weekday + i) % 7;
    if (wd != 0 && wd != 6) ++count;
  }
  return count;
}

// The public holidays of first's year that fall on a weekday of [first, last] (both in that year).
long weekday_holidays(Date first, Date last) {
  long count = 0;
  for (const Date& holiday : holidays_of(first.year()))
    if (first <= holiday && holiday <= last && is_weekday(holiday)) ++count;
  return count;
}

// Boost's dates run from 1400 to 9999. before[y - first_year] is the number of weekday holidays in the
// whole years [first_year, y): built once (about 8 600 years, a millisecond), it makes working_days over
// centuries cost two look-ups. Issue 17: lots from 1900 to 9999 made a report count the holidays of eight
// thousand years again for every month, about 3 s per lot.
constexpr int first_year = 1400;
constexpr int last_year = 9999;

const std::vector<long>& weekday_holidays_before() {
  static const std::vector<long> before = [] {
    std::vector<long> out{0};
    for (int year = first_year; year <= last_year; ++year)
      out.push_back(out.back() + weekday_holidays(make_date(year, 1, 1), make_date(year, 12, 31)));
    return out;
  }();
  return before;
}

}  // namespace

Date easter_sunday(int year) {
  // Meeus, Astronomical Algorithms, ch. 8: exact for every Gregorian year, no table needed.
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int n = h + l - 7 * m + 114;
  return make_date(year, n / 31, n % 31 + 1);
}

std::vector<Date> public_holidays(int year) {
  const YearHolidays h = holidays_of(year);
  return {h.begin(), h.end()};
}

bool is_public_holiday(Date d) {
  if (d.is_special()) return false;
  const YearHolidays h = holidays_of(d.year());
  return std::binary_search(h.begin(), h.end(), d);
}

bool is_working_day(Date d) { return !d.is_special() && is_weekday(d) && !is_public_holiday(d); }

int working_days(Date first, Date last) {
  if (first.is_special() || last.is_special() || last < first) return 0;
  long count = weekdays_between(first, last);
  // Holidays on a weekend were never counted, so only the weekday ones inside the range come off: those
  // of the first and the last year by hand, those of the whole years between from the table.
  const int y0 = first.year();
  const int y1 = last.year();
  if (y0 == y1) return static_cast<int>(count - weekday_holidays(first, last));
  const std::vector<long>& before = weekday_holidays_before();
  count -= weekday_holidays(first, make_date(y0, 12, 31)) + weekday_holidays(make_date(y1, 1, 1), last);
  count -= before[static_cast<std::size_t>(y1 - first_year)] - before[static_cast<std::size_t>(y0 + 1 - first_year)];
  return static_cast<int>(count);
}

}  // namespace clausier::calendar
