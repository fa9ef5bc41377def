#include "clausier/text/french.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clausier::text {
namespace {

// A non-negative decimal number already rounded: integer digits (no leading zero unless
// the number is below 1) and exactly the requested number of fraction digits.
struct Rounded {
  bool negative = false;
  std::string integer;
  std::string fraction;
};

constexpr int max_decimals_allowed = 9;

void check_decimals(int decimals, const char* function) {
  if (decimals < 0 || decimals > max_decimals_allowed) {
    throw std::invalid_argument(
        fmt::format("{}: number of decimals must be between 0 and {}, got {}", function,
                    max_decimals_allowed, decimals));
  }
}

// See the rounding rule in french.hpp. The value written is value × 10^shift: format_percent moves
// the decimal point instead of multiplying, so no finite double overflows on the way.
Rounded round_decimal(double value, int decimals, const char* function, int shift = 0) {
  check_decimals(decimals, function);
  if (!std::isfinite(value)) {
    throw std::invalid_argument(fmt::format("{}: the value is not a finite number", function));
  }
  const double magnitude = std::fabs(value);

  // 15 significant digits, correctly rounded by fmt, locale-free: "d.dddddddddddddde±XX".
  const std::string sci = fmt::format("{:.14e}", magnitude);
  const std::size_t e_pos = sci.find('e');
  std::string digits;
  digits.reserve(15);
  for (std::size_t i = 0; i < e_pos; ++i) {
    if (sci[i] != '.') digits.push_back(sci[i]);
  }
  int exponent = 0;
  for (std::size_t i = e_pos + 2; i < sci.size(); ++i) exponent = exponent * 10 + (sci[i] - '0');
  if (sci[e_pos + 1] == '-') exponent = -exponent;

  // The value is 0.<digits> x 10^point. From 10^15 on, the integer part is the 15 digits then zeros.
  const int point = exponent + 1 + shift;
  const int n_digits = static_cast<int>(digits.size());
  Rounded r;
  if (point <= 0) {
    r.integer = "0";
    r.fraction = std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (point >= n_digits) {
    r.integer = digits + std::string(static_cast<std::size_t>(point - n_digits), '0');
  } else {
    r.integer = digits.substr(0, static_cast<std::size_t>(point));
    r.fraction = digits.substr(static_cast<std::size_t>(point));
  }

  const auto wanted = static_cast<std::size_t>(decimals);
  if (r.fraction.size() > wanted) {
    const bool round_up = r.fraction[wanted] >= '5';  // half away from zero on the magnitude
    r.fraction.resize(wanted);
    if (round_up) {
      bool carry = true;
      for (auto it = r.fraction.rbegin(); carry && it != r.fraction.rend(); ++it) {
        if (*it == '9') {
          *it = '0';
        } else {
          ++*it;
          carry = false;
        }
      }
      for (auto it = r.integer.rbegin(); carry && it != r.integer.rend(); ++it) {
        if (*it == '9') {
          *it = '0';
        } else {
          ++*it;
          carry = false;
        }
      }
      if (carry) r.integer.insert(r.integer.begin(), '1');
    }
  } else {
    r.fraction.append(wanted - r.fraction.size(), '0');
  }

  const std::size_t first = r.integer.find_first_not_of('0');
  r.integer.erase(0, first == std::string::npos ? r.integer.size() - 1 : first);

  const bool is_zero = r.integer == "0" && r.fraction.find_first_not_of('0') == std::string::npos;
  r.negative = value < 0 && !is_zero;
  return r;
}

void trim_fraction(Rounded& r) {
  const std::size_t last = r.fraction.find_last_not_of('0');
  r.fraction.resize(last == std::string::npos ? 0 : last + 1);
}

std::string render(const Rounded& r, std::string_view group) {
  std::string out;
  out.reserve(r.integer.size() * (1 + group.size()) + r.fraction.size() + 2);
  if (r.negative) out.push_back('-');
  const std::size_t n = r.integer.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0 && (n - i) % 3 == 0) out.append(group);
    out.push_back(r.integer[i]);
  }
  if (!r.fraction.empty()) {
    out.push_back(',');
    out.append(r.fraction);
  }
  return out;
}

constexpr std::array<std::string_view, 12> months = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

struct DayMonthYear {
  int day;
  int month;
  int year;
};

DayMonthYear split(boost::gregorian::date d, const char* function) {
  if (d.is_special()) {
    throw std::invalid_argument(fmt::format("{}: not a calendar date", function));
  }
  const auto ymd = d.year_month_day();
  return {static_cast<int>(ymd.day.as_number()), static_cast<int>(ymd.month.as_number()),
          static_cast<int>(ymd.year)};
}

}  // namespace

std::string format_decimal(double value, int decimals, std::string_view group) {
  return render(round_decimal(value, decimals, "format_decimal"), group);
}

std::string format_number(double value, int max_decimals, std::string_view group) {
  Rounded r = round_decimal(value, max_decimals, "format_number");
  trim_fraction(r);
  return render(r, group);
}

std::string format_euros(double value, int decimals, std::string_view group) {
  std::string out = render(round_decimal(value, decimals, "format_euros"), group);
  out.append(narrow_nbsp);
  out.append("€");
  return out;
}

std::string format_percent(double fraction, int max_decimals) {
  Rounded r = round_decimal(fraction, max_decimals, "format_percent", 2);
  trim_fraction(r);
  std::string out = render(r, narrow_nbsp);
  out.append(narrow_nbsp);
  out.push_back('%');
  return out;
}

std::string format_hours(double hours, int max_decimals) {
  Rounded r = round_decimal(hours, max_decimals, "format_hours");
  trim_fraction(r);
  const bool plural = r.integer.size() > 1 || r.integer[0] >= '2';
  std::string out = render(r, narrow_nbsp);
  out.append(narrow_nbsp);
  out.append(plural ? "heures" : "heure");
  return out;
}

std::string format_date_long(boost::gregorian::date d) {
  const DayMonthYear dmy = split(d, "format_date_long");
  const std::string_view month = months[static_cast<std::size_t>(dmy.month - 1)];
  if (dmy.day == 1) return fmt::format("1er {} {}", month, dmy.year);
  return fmt::format("{} {} {}", dmy.day, month, dmy.year);
}

std::string format_date_short(boost::gregorian::date d) {
  const DayMonthYear dmy = split(d, "format_date_short");
  return fmt::format("{:02}/{:02}/{:04}", dmy.day, dmy.month, dmy.year);
}

std::string format_siret(std::string_view digits) {
  if (digits.size() != 14 || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::string(digits);
  std::string out;
  for (std::size_t at : {0, 3, 6, 9}) {
    if (at > 0) out += narrow_nbsp;
    out += digits.substr(at, at == 9 ? 5 : 3);
  }
  return out;
}

std::string month_name(int month) {
  if (month < 1 || month > 12) {
    throw std::out_of_range(fmt::format("month_name: month must be between 1 and 12, got {}", month));
  }
  return std::string(months[static_cast<std::size_t>(month - 1)]);
}

std::string format_month(int year, int month) {
  return fmt::format("{} {}", month_name(month), year);
}

std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  } else if (out.size() >= 2 && static_cast<unsigned char>(out[0]) == 0xC3) {
    // Latin-1 lower-case letters U+00E0..U+00FE (but ÷) are their capitals + 0x20.
    const auto c = static_cast<unsigned char>(out[1]);
    if (c >= 0xA0 && c <= 0xBE && c != 0xB7) out[1] = static_cast<char>(c - 0x20);
  }
  return out;
}

}  // namespace clausier::text
