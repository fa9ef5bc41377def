#include <doctest/doctest.h>

#include "clausier/text/french.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <array>
#include <clocale>
#include <limits>
#include <locale>
#include <stdexcept>
#include <string>

using boost::gregorian::date;
namespace t = clausier::text;

namespace {
// The narrow no-break space, spelled out in expectations as "\u202F".
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_value = std::numeric_limits<double>::infinity();
}  // namespace

TEST_SUITE("text/french") {

TEST_CASE("narrow_nbsp is U+202F in UTF-8") {
  CHECK(t::narrow_nbsp == "\xE2\x80\xAF");
  CHECK(t::narrow_nbsp == "\u202F");
}

TEST_CASE("format_decimal: grouping, decimal comma, fixed decimals") {
  CHECK(t::format_decimal(1250000.5, 2) == "1\u202F250\u202F000,50");
  CHECK(t::format_decimal(0, 2) == "0,00");
  CHECK(t::format_decimal(0, 0) == "0");
  CHECK(t::format_decimal(7, 0) == "7");
  CHECK(t::format_decimal(7, 3) == "7,000");
  CHECK(t::format_decimal(999, 0) == "999");
  CHECK(t::format_decimal(1000, 0) == "1\u202F000");
  CHECK(t::format_decimal(12345, 0) == "12\u202F345");
  CHECK(t::format_decimal(123456, 0) == "123\u202F456");
  CHECK(t::format_decimal(1234567, 0) == "1\u202F234\u202F567");
  CHECK(t::format_decimal(0.5, 2) == "0,50");
  CHECK(t::format_decimal(0.05, 2) == "0,05");
  CHECK(t::format_decimal(0.123456789, 9) == "0,123456789");
  CHECK(t::format_decimal(1e-10, 9) == "0,000000000");
  CHECK(t::format_decimal(2500.0 / 3.0, 2) == "833,33");
  CHECK(t::format_decimal(2500.0 / 3.0, 4) == "833,3333");
}

TEST_CASE("format_decimal: the group separator is a parameter") {
  CHECK(t::format_decimal(1250000.5, 2, "") == "1250000,50");
  CHECK(t::format_decimal(1250000.5, 2, " ") == "1 250 000,50");
  CHECK(t::format_decimal(1250000.5, 2, ".") == "1.250.000,50");
  CHECK(t::format_decimal(1250000.5, 2, "\u00A0") == "1\u00A0250\u00A0000,50");
  CHECK(t::format_decimal(-1250000.5, 1, " ") == "-1 250 000,5");
}

TEST_CASE("format_decimal: negatives and no negative zero") {
  CHECK(t::format_decimal(-1250000.5, 2) == "-1\u202F250\u202F000,50");
  CHECK(t::format_decimal(-12.5, 2) == "-12,50");
  CHECK(t::format_decimal(-0.5, 2) == "-0,50");
  CHECK(t::format_decimal(-0.0, 2) == "0,00");
  CHECK(t::format_decimal(-0.0, 0) == "0");
  CHECK(t::format_decimal(-0.004, 2) == "0,00");
  CHECK(t::format_decimal(-0.4, 0) == "0");
  CHECK(t::format_decimal(-0.005, 2) == "-0,01");
  CHECK(t::format_decimal(-1e-12, 9) == "0,000000000");
}

TEST_CASE("format_decimal: rounding half away from zero on the decimal value") {
  // Decimal literals whose binary value lies just below the half: the 15-significant-digit
  // reading recovers the written decimal, then half rounds away from zero.
  CHECK(t::format_decimal(2.675, 2) == "2,68");
  CHECK(t::format_decimal(-2.675, 2) == "-2,68");
  CHECK(t::format_decimal(1.005, 2) == "1,01");
  CHECK(t::format_decimal(1.015, 2) == "1,02");
  CHECK(t::format_decimal(0.115, 2) == "0,12");
  CHECK(t::format_decimal(1.0049999, 2) == "1,00");
  CHECK(t::format_decimal(8.345, 2) == "8,35");
  CHECK(t::format_decimal(0.285, 2) == "0,29");
  CHECK(t::format_decimal(1234.5675, 3) == "1\u202F234,568");
  // Exact binary halves.
  CHECK(t::format_decimal(0.125, 2) == "0,13");
  CHECK(t::format_decimal(-0.125, 2) == "-0,13");
  CHECK(t::format_decimal(0.5, 0) == "1");
  CHECK(t::format_decimal(1.5, 0) == "2");
  CHECK(t::format_decimal(2.5, 0) == "3");
  CHECK(t::format_decimal(-2.5, 0) == "-3");
  CHECK(t::format_decimal(1.4999, 0) == "1");
  // Arithmetic noise disappears.
  CHECK(t::format_decimal(0.1 + 0.2, 2) == "0,30");
  CHECK(t::format_decimal(0.1 + 0.2, 9) == "0,300000000");
  CHECK(t::format_decimal(1.1 * 3.0, 9) == "3,300000000");
  // Carries through every digit and into a new group.
  CHECK(t::format_decimal(9.995, 2) == "10,00");
  CHECK(t::format_decimal(99.5, 0) == "100");
  CHECK(t::format_decimal(999.5, 0) == "1\u202F000");
  CHECK(t::format_decimal(-999.5, 0) == "-1\u202F000");
  CHECK(t::format_decimal(0.9999999999, 9) == "1,000000000");
}

TEST_CASE("format_decimal: large values") {
  CHECK(t::format_decimal(999999999.99, 2) == "999\u202F999\u202F999,99");
  CHECK(t::format_decimal(-999999999.99, 2) == "-999\u202F999\u202F999,99");
  CHECK(t::format_decimal(999999999.995, 2) == "1\u202F000\u202F000\u202F000,00");
  CHECK(t::format_decimal(123456789012.34, 2) == "123\u202F456\u202F789\u202F012,34");
  CHECK(t::format_decimal(1e12, 0) == "1\u202F000\u202F000\u202F000\u202F000");
  CHECK(t::format_decimal(999999999999999.0, 0) == "999\u202F999\u202F999\u202F999\u202F999");
  CHECK(t::format_decimal(99999999999999.9, 1) == "99\u202F999\u202F999\u202F999\u202F999,9");
}

TEST_CASE("format_decimal: invalid arguments") {
  CHECK_THROWS_AS(t::format_decimal(nan_value, 2), std::invalid_argument);
  CHECK_THROWS_AS(t::format_decimal(inf_value, 2), std::invalid_argument);
  CHECK_THROWS_AS(t::format_decimal(-inf_value, 2), std::invalid_argument);
  CHECK_THROWS_AS(t::format_decimal(1.0, -1), std::invalid_argument);
  CHECK_THROWS_AS(t::format_decimal(1.0, 10), std::invalid_argument);
  CHECK_NOTHROW(t::format_decimal(1.0, 9));
}

// Any finite double is written (issue 17: a tender of 10^15 € stopped `check`). From 10^15 on, a double
// has no fractional digit left: the digits are its 15 significant ones, then zeros.
TEST_CASE("format_decimal: every finite double, however large or small") {
  CHECK(t::format_decimal(1e15, 0) == "1\u202F000\u202F000\u202F000\u202F000\u202F000");
  CHECK(t::format_decimal(-1e15, 2) == "-1\u202F000\u202F000\u202F000\u202F000\u202F000,00");
  CHECK(t::format_decimal(1999999999999998.0, 2) == "2\u202F000\u202F000\u202F000\u202F000\u202F000,00");
  CHECK(t::format_decimal(123456789012345678.0, 0) ==
        "123\u202F456\u202F789\u202F012\u202F346\u202F000");
  const std::string huge = t::format_decimal(std::numeric_limits<double>::max(), 2, "");
  CHECK(huge == "179769313486232" + std::string(294, '0') + ",00");
  CHECK(t::format_decimal(-std::numeric_limits<double>::max(), 0, "").size() == 310);
  CHECK(t::format_decimal(std::numeric_limits<double>::denorm_min(), 9) == "0,000000000");
  CHECK(t::format_decimal(-std::numeric_limits<double>::denorm_min(), 2) == "0,00");
  CHECK(t::format_decimal(1e-300, 2) == "0,00");
}

TEST_CASE("format_number: trailing zeros trimmed") {
  CHECK(t::format_number(833) == "833");
  CHECK(t::format_number(833.3333) == "833,33");
  CHECK(t::format_number(0.5) == "0,5");
  CHECK(t::format_number(0) == "0");
  CHECK(t::format_number(-0.0) == "0");
  CHECK(t::format_number(-0.001) == "0");
  CHECK(t::format_number(1.10) == "1,1");
  CHECK(t::format_number(1.999) == "2");
  CHECK(t::format_number(2.675) == "2,68");
  CHECK(t::format_number(-1.5) == "-1,5");
  CHECK(t::format_number(1250) == "1\u202F250");
  CHECK(t::format_number(1250000.5) == "1\u202F250\u202F000,5");
  CHECK(t::format_number(1e9) == "1\u202F000\u202F000\u202F000");
  CHECK(t::format_number(999999999.99) == "999\u202F999\u202F999,99");
  CHECK(t::format_number(833.3333, 0) == "833");
  CHECK(t::format_number(833.3333, 4) == "833,3333");
  CHECK(t::format_number(833.30, 4) == "833,3");
  CHECK(t::format_number(0.1 + 0.2, 9) == "0,3");
  CHECK(t::format_number(1250, 2, "") == "1250");
  CHECK(t::format_number(1250.25, 2, " ") == "1 250,25");
  CHECK_THROWS_AS(t::format_number(nan_value), std::invalid_argument);
  CHECK_THROWS_AS(t::format_number(1.0, 10), std::invalid_argument);
}

TEST_CASE("format_euros") {
  CHECK(t::format_euros(1250000) == "1\u202F250\u202F000,00\u202F€");
  CHECK(t::format_euros(1250000.5) == "1\u202F250\u202F000,50\u202F€");
  CHECK(t::format_euros(0) == "0,00\u202F€");
  CHECK(t::format_euros(-0.001) == "0,00\u202F€");
  CHECK(t::format_euros(-12.5) == "-12,50\u202F€");
  CHECK(t::format_euros(0.005) == "0,01\u202F€");
  CHECK(t::format_euros(2.675) == "2,68\u202F€");
  CHECK(t::format_euros(999999999.99) == "999\u202F999\u202F999,99\u202F€");
  CHECK(t::format_euros(1250000, 0) == "1\u202F250\u202F000\u202F€");
  CHECK(t::format_euros(1250000.4, 0) == "1\u202F250\u202F000\u202F€");
  CHECK(t::format_euros(42.1, 3) == "42,100\u202F€");
  // The space before € stays U+202F whatever the group separator.
  CHECK(t::format_euros(1250.5, 2, " ") == "1 250,50\u202F€");
  CHECK(t::format_euros(1250.5, 2, "") == "1250,50\u202F€");
  CHECK_THROWS_AS(t::format_euros(inf_value), std::invalid_argument);
  CHECK(t::format_euros(1e16) == "10\u202F000\u202F000\u202F000\u202F000\u202F000,00\u202F€");
  CHECK(t::format_euros(1999999999999998.0) == "2\u202F000\u202F000\u202F000\u202F000\u202F000,00\u202F€");
}

TEST_CASE("format_percent") {
  CHECK(t::format_percent(0.05) == "5\u202F%");
  CHECK(t::format_percent(0.075) == "7,5\u202F%");
  CHECK(t::format_percent(0.0025) == "0,25\u202F%");
  CHECK(t::format_percent(0) == "0\u202F%");
  CHECK(t::format_percent(-0.0) == "0\u202F%");
  CHECK(t::format_percent(1) == "100\u202F%");
  CHECK(t::format_percent(0.1) == "10\u202F%");
  CHECK(t::format_percent(0.07) == "7\u202F%");     // 0.07 * 100 == 7.000000000000001
  CHECK(t::format_percent(0.29) == "29\u202F%");    // 0.29 * 100 == 28.999999999999996
  CHECK(t::format_percent(0.57) == "57\u202F%");
  CHECK(t::format_percent(1.0 / 3.0) == "33,33\u202F%");
  CHECK(t::format_percent(1.0 / 3.0, 0) == "33\u202F%");
  CHECK(t::format_percent(2.0 / 3.0, 1) == "66,7\u202F%");
  CHECK(t::format_percent(0.00125) == "0,13\u202F%");
  CHECK(t::format_percent(0.00004) == "0\u202F%");
  CHECK(t::format_percent(12.5) == "1\u202F250\u202F%");
  CHECK(t::format_percent(-0.05) == "-5\u202F%");
  CHECK(t::format_percent(-0.075) == "-7,5\u202F%");
  CHECK_THROWS_AS(t::format_percent(nan_value), std::invalid_argument);
  CHECK_THROWS_AS(t::format_percent(0.5, -1), std::invalid_argument);
  CHECK(t::format_percent(1e13) == "1\u202F000\u202F000\u202F000\u202F000\u202F000\u202F%");
  // Scaled by moving the decimal point, not by multiplying: the largest double is still a percentage.
  std::string percent = t::format_percent(std::numeric_limits<double>::max(), 0);
  std::string digits;
  for (char c : percent)
    if (c >= '0' && c <= '9') digits += c;
  CHECK(digits == "179769313486232" + std::string(296, '0'));
  CHECK(percent.ends_with("000\u202F%"));
}

TEST_CASE("format_hours: singular below 2") {
  CHECK(t::format_hours(833) == "833\u202Fheures");
  CHECK(t::format_hours(1) == "1\u202Fheure");
  CHECK(t::format_hours(1.5) == "1,5\u202Fheure");
  CHECK(t::format_hours(0) == "0\u202Fheure");
  CHECK(t::format_hours(-0.0) == "0\u202Fheure");
  CHECK(t::format_hours(0.5) == "0,5\u202Fheure");
  CHECK(t::format_hours(1.99) == "1,99\u202Fheure");
  CHECK(t::format_hours(1.994) == "1,99\u202Fheure");
  CHECK(t::format_hours(1.995) == "2\u202Fheures");  // written as 2
  CHECK(t::format_hours(1.5, 0) == "2\u202Fheures");
  CHECK(t::format_hours(2) == "2\u202Fheures");
  CHECK(t::format_hours(2.5) == "2,5\u202Fheures");
  CHECK(t::format_hours(10) == "10\u202Fheures");
  CHECK(t::format_hours(35) == "35\u202Fheures");
  CHECK(t::format_hours(833.3333) == "833,33\u202Fheures");
  CHECK(t::format_hours(833.3333, 1) == "833,3\u202Fheures");
  CHECK(t::format_hours(1250) == "1\u202F250\u202Fheures");
  CHECK(t::format_hours(1607) == "1\u202F607\u202Fheures");
  CHECK(t::format_hours(1000000) == "1\u202F000\u202F000\u202Fheures");
  CHECK(t::format_hours(-1) == "-1\u202Fheure");
  CHECK(t::format_hours(-3) == "-3\u202Fheures");
  CHECK_THROWS_AS(t::format_hours(nan_value), std::invalid_argument);
  CHECK_THROWS_AS(t::format_hours(1, 12), std::invalid_argument);
}

TEST_CASE("month_name: every month") {
  const std::array<const char*, 12> expected = {
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  for (int m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(t::month_name(m) == expected[static_cast<std::size_t>(m - 1)]);
  }
  CHECK_THROWS_AS(t::month_name(0), std::out_of_range);
  CHECK_THROWS_AS(t::month_name(13), std::out_of_range);
  CHECK_THROWS_AS(t::month_name(-1), std::out_of_range);
}

TEST_CASE("format_month") {
  CHECK(t::format_month(2026, 11) == "novembre 2026");
  CHECK(t::format_month(2027, 1) == "janvier 2027");
  CHECK(t::format_month(2027, 2) == "février 2027");
  CHECK(t::format_month(2027, 8) == "août 2027");
  CHECK(t::format_month(2030, 12) == "décembre 2030");
  CHECK(t::format_month(12026, 3) == "mars 12026");  // years are never grouped
  CHECK_THROWS_AS(t::format_month(2026, 0), std::out_of_range);
  CHECK_THROWS_AS(t::format_month(2026, 13), std::out_of_range);
}

TEST_CASE("format_date_long: 1er and every month") {
  CHECK(t::format_date_long(date(2026, 9, 15)) == "15 septembre 2026");
  CHECK(t::format_date_long(date(2027, 1, 1)) == "1er janvier 2027");
  CHECK(t::format_date_long(date(2026, 5, 2)) == "2 mai 2026");
  CHECK(t::format_date_long(date(2026, 12, 31)) == "31 décembre 2026");
  CHECK(t::format_date_long(date(2028, 2, 29)) == "29 février 2028");
  CHECK(t::format_date_long(date(2026, 8, 11)) == "11 août 2026");
  CHECK(t::format_date_long(date(2026, 6, 21)) == "21 juin 2026");

  const std::array<const char*, 12> firsts = {
      "1er janvier 2027", "1er février 2027", "1er mars 2027",      "1er avril 2027",
      "1er mai 2027",     "1er juin 2027",    "1er juillet 2027",   "1er août 2027",
      "1er septembre 2027", "1er octobre 2027", "1er novembre 2027", "1er décembre 2027"};
  for (unsigned short m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(t::format_date_long(date(2027, m, 1)) == firsts[m - 1u]);
  }
  const std::array<const char*, 12> tenths = {
      "10 janvier 2026", "10 février 2026", "10 mars 2026",      "10 avril 2026",
      "10 mai 2026",     "10 juin 2026",    "10 juillet 2026",   "10 août 2026",
      "10 septembre 2026", "10 octobre 2026", "10 novembre 2026", "10 décembre 2026"};
  for (unsigned short m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(t::format_date_long(date(2026, m, 10)) == tenths[m - 1u]);
  }
}

TEST_CASE("format_date_short") {
  CHECK(t::format_date_short(date(2026, 9, 15)) == "15/09/2026");
  CHECK(t::format_date_short(date(2027, 1, 1)) == "01/01/2027");
  CHECK(t::format_date_short(date(2026, 3, 5)) == "05/03/2026");
  CHECK(t::format_date_short(date(2026, 12, 31)) == "31/12/2026");
  CHECK(t::format_date_short(date(2028, 2, 29)) == "29/02/2028");
  CHECK(t::format_date_short(date(1400, 10, 10)) == "10/10/1400");
}

TEST_CASE("dates: special values are rejected") {
  CHECK_THROWS_AS(t::format_date_long(date()), std::invalid_argument);
  CHECK_THROWS_AS(t::format_date_short(date()), std::invalid_argument);
  CHECK_THROWS_AS(t::format_date_long(date(boost::date_time::pos_infin)), std::invalid_argument);
  CHECK_THROWS_AS(t::format_date_short(date(boost::date_time::neg_infin)), std::invalid_argument);
}

namespace {
// A locale whose numbers look nothing like French ones: decimal '.' -> '!', groups of 2 by '#'.
struct OddPunct : std::numpunct<char> {
  char do_decimal_point() const override { return '!'; }
  char do_thousands_sep() const override { return '#'; }
  std::string do_grouping() const override { return "\2"; }
};
}  // namespace

TEST_CASE("independent of the global locale") {
  const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new OddPunct));
  std::string c_previous;
  if (const char* c_name = std::setlocale(LC_ALL, nullptr)) c_previous = c_name;
  std::setlocale(LC_ALL, "C.UTF-8");  // may fail; harmless

  const std::string decimal = t::format_decimal(1250000.5, 2);
  const std::string euros = t::format_euros(-2.675);
  const std::string percent = t::format_percent(0.075);
  const std::string hours = t::format_hours(1250);
  const std::string day = t::format_date_long(date(2026, 9, 15));
  const std::string month = t::format_month(2026, 11);

  std::locale::global(previous);
  if (!c_previous.empty()) std::setlocale(LC_ALL, c_previous.c_str());

  CHECK(decimal == "1\u202F250\u202F000,50");
  CHECK(euros == "-2,68\u202F€");
  CHECK(percent == "7,5\u202F%");
  CHECK(hours == "1\u202F250\u202Fheures");
  CHECK(day == "15 septembre 2026");
  CHECK(month == "novembre 2026");
}

}  // TEST_SUITE

TEST_CASE("format_siret: SIREN by three, then the NIC, narrow no-break spaces") {
  CHECK(t::format_siret("48215093500021") == "482\u202F150\u202F935\u202F00021");
  CHECK(t::format_siret("00000000000000") == "000\u202F000\u202F000\u202F00000");
  CHECK(t::format_siret("4821509350002") == "4821509350002");  // not 14 digits: as it is
  CHECK(t::format_siret("4821509350002A") == "4821509350002A");
  CHECK(t::format_siret("") == "");
}
