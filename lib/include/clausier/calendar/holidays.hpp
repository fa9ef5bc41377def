#pragma once
// French public holidays and working-day counts, used to spread a lot's reserved hours over its
// execution period (schedule.hpp) and to tell how many hours should be done by a given day.
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <vector>

namespace clausier::calendar {

using Date = boost::gregorian::date;

// Gregorian Easter Sunday (anonymous Gregorian / Meeus-Jones-Butcher algorithm).
// Precondition: 1583 <= year <= 9999 (Boost itself rejects years outside 1400..9999 by throwing).
Date easter_sunday(int year);

// The public holidays of metropolitan France (Code du travail, L3133-1), sorted, each date once:
// 1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
// 11 November, 25 December. That is 11 dates, or 10 in a year where Ascension falls on 1 or 8 May
// (e.g. 2008), since a day off is a day off whatever the number of reasons.
// Alsace-Moselle's extra days (Good Friday, 26 December) are not included.
std::vector<Date> public_holidays(int year);

// False for a special date (not_a_date_time, infinities).
bool is_public_holiday(Date d);
// Monday to Friday and not a public holiday. False for a special date.
bool is_working_day(Date d);
// Working days in [first, last], both included; 0 when last < first or either date is special.
// Counts whole weeks arithmetically and the holidays of whole years from a table built once, so a span
// of centuries costs what a month does.
int working_days(Date first, Date last);

}  // namespace clausier::calendar
