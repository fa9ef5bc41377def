#pragma once
// Numbers, amounts and dates written the way French public buyers write them.
//
// Every function is independent of the process locale (no std::locale, no printf):
// digits are built from fmt's locale-free formatting. Output is UTF-8.
//
// Rounding rule (all number functions): the double is first read as the decimal number
// with 15 significant digits nearest to it (DBL_DIG: every decimal written with at most
// 15 significant digits, such as 2.675 or 999999999.99, is recovered exactly, and the
// last-bit noise of arithmetic such as 0.1 + 0.2 disappears); that decimal is then
// rounded to the requested number of decimals, half away from zero.
// So 2.675 -> "2,68", 1.005 -> "1,01", -2.5 at 0 decimals -> "-3".
//
// Every finite double is written: from 10^15 on a double has no fractional digit left, so
// its integer part is its 15 significant digits followed by zeros (1e300 gives 301 digits).
// Errors: a value that is NaN or infinite, or a number of decimals outside 0..9, throws
// std::invalid_argument.
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <string>
#include <string_view>

namespace clausier::text {

// U+202F NARROW NO-BREAK SPACE, the "espace fine insécable" of French typography.
// Every no-break space this module writes is this character.
inline constexpr std::string_view narrow_nbsp = "\u202F";

// Fixed number of decimals: format_decimal(1250000.5, 2) == "1 250 000,50" (U+202F between
// groups). Digits of the integer part are grouped by three from the right and separated
// by `group` (pass "" for no grouping); the decimal separator is a comma; negative values
// start with "-" (U+002D); a value that rounds to zero is written without sign ("0,00").
std::string format_decimal(double value, int decimals, std::string_view group = narrow_nbsp);

// Like format_decimal with at most `max_decimals` decimals, trailing zeros (and the comma)
// removed: 833 -> "833", 833.3333 -> "833,33", 0.5 -> "0,5", 1250 -> "1 250".
std::string format_number(double value, int max_decimals = 2, std::string_view group = narrow_nbsp);

// Euros with a fixed number of decimals: 1250000 -> "1 250 000,00 €". The space before "€"
// is always U+202F, whatever `group` is.
std::string format_euros(double value, int decimals = 2, std::string_view group = narrow_nbsp);

// A fraction as a percentage, trailing zeros removed, U+202F before "%":
// 0.05 -> "5 %", 0.075 -> "7,5 %", 0.0025 -> "0,25 %".
std::string format_percent(double fraction, int max_decimals = 2);

// Hours, trailing zeros removed, U+202F for grouping and before the unit. The unit is
// singular when the magnitude of the number as written is below 2 (French rule):
// 0 -> "0 heure", 1 -> "1 heure", 1.5 -> "1,5 heure", 2 -> "2 heures",
// 1.999 -> "2 heures" (written as 2), 1250 -> "1 250 heures", -1 -> "-1 heure".
std::string format_hours(double hours, int max_decimals = 2);

// "15 septembre 2026", "1er janvier 2027" (ordinal "1er" for the first day, plain ASCII
// spaces between day, month and year). Throws std::invalid_argument for a special date
// (not_a_date_time, ±infinity).
std::string format_date_long(boost::gregorian::date d);

// "15/09/2026" (dd/mm/yyyy). Throws std::invalid_argument for a special date.
std::string format_date_short(boost::gregorian::date d);

// A SIRET as INSEE writes it, the SIREN in groups of three then the NIC, U+202F between them:
// "48215093500021" -> "482 150 935 00021". Anything but 14 digits is returned as it is.
std::string format_siret(std::string_view digits);

// 1 -> "janvier" ... 12 -> "décembre" (lower case, as inside a French sentence).
// Throws std::out_of_range outside 1..12.
std::string month_name(int month);

// The text with its first letter in capitals, for a label that starts a table cell or a line:
// "embauche directe" -> "Embauche directe", "écart" -> "Écart" (ASCII and Latin-1 letters).
std::string capitalised(std::string_view s);

// "novembre 2026" (the year is not grouped). Throws std::out_of_range for a month outside 1..12.
std::string format_month(int year, int month);

}  // namespace clausier::text
