#include "clausier/track/forms.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "clausier/core/text.hpp"
#include "clausier/io/csv.hpp"

namespace clausier::track {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a run of 1 to `max` digits, or nullopt. Called for every row: no allocation.
std::optional<int> number(std::string_view s, std::size_t max = 4) {
  if (s.empty() || s.size() > max) return std::nullopt;
  int out = 0;
  for (char c : s) {
    if (!is_digit(c)) return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}

std::optional<Month> checked(std::optional<int> year, std::optional<int> month) {
  if (!year || !month || *month < 1 || *month > 12 || *year < first_statement_year || *year > last_statement_year) return std::nullopt;
  return Month{*year, *month};
}

// "2027-04", "2027-04-15", "2027-04-15T08:30:00" (a date cell with a time).
std::optional<Month> iso_month(std::string_view s) {
  if (s.size() > 10 && s[10] == 'T') s = s.substr(0, 10);
  if (s.size() == 7 && s[4] == '-') return checked(number(s.substr(0, 4)), number(s.substr(5, 2)));
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && number(s.substr(8, 2)))
    return checked(number(s.substr(0, 4)), number(s.substr(5, 2)));
  return std::nullopt;
}

// "04/2027", "4/2027", "15/04/2027", "1/4/2027".
std::optional<Month> slashed_month(std::string_view s) {
  std::size_t first = s.find('/');
  if (first == std::string_view::npos) return std::nullopt;
  std::size_t second = s.find('/', first + 1);
  if (second == std::string_view::npos) return checked(number(s.substr(first + 1), 4), number(s.substr(0, first), 2));
  if (s.substr(second + 1).size() != 4 || !number(s.substr(0, first), 2)) return std::nullopt;
  return checked(number(s.substr(second + 1)), number(s.substr(first + 1, second - first - 1), 2));
}

// "avril 2027", "avr. 2027", "avr-27", "avr.-27", "Janvier 2027", "Apr-27": letters, then a year of 2
// or 4 digits, with anything but letters and digits between them.
std::optional<Month> named_month(std::string_view s) {
  std::size_t digits = s.size();
  while (digits > 0 && is_digit(s[digits - 1])) --digits;
  std::string_view year_text = s.substr(digits);
  if (year_text.size() != 2 && year_text.size() != 4) return std::nullopt;
  std::string name = folded(s.substr(0, digits));
  if (name.empty()) return std::nullopt;
  for (const FormLabel& f : form_labels()) {
    if (f.kind != FormKind::month || folded(f.label) != name) continue;
    int year = *number(year_text);
    return checked(year_text.size() == 2 ? 2000 + year : year, number(f.code, 2));
  }
  return std::nullopt;
}

template <class E>
std::optional<E> named(FormKind kind, std::string_view text, std::optional<E> (*from_code)(std::string_view)) {
  if (auto e = from_code(text)) return e;  // the code as written: most rows, no allocation
  std::string key = folded(text);
  if (key.empty()) return std::nullopt;
  for (const FormLabel& f : form_labels())
    if (f.kind == kind && (folded(f.label) == key || folded(f.code) == key)) return from_code(f.code);
  return std::nullopt;
}

std::optional<Route> route_code(std::string_view s) {
  for (Route r : {Route::direct, Route::etti, Route::ai, Route::geiq, Route::siae_subcontract, Route::siae_cocontract,
                  Route::ea})
    if (name(r) == s) return r;
  return std::nullopt;
}

std::optional<Contract> contract_code(std::string_view s) {
  for (Contract c : {Contract::cdi, Contract::cdi_inclusion, Contract::cdd, Contract::cddi, Contract::cdd_usage,
                     Contract::interim, Contract::apprenticeship, Contract::professionalisation, Contract::other})
    if (name(c) == s) return c;
  return std::nullopt;
}

std::string_view first_label(FormKind kind, std::string_view code) {
  for (const FormLabel& f : form_labels())
    if (f.kind == kind && f.code == code) return f.label;
  return code;
}

}  // namespace

std::string folded(std::string_view text) {
  std::string key = io::header_key(text);
  std::erase(key, '_');
  return key;
}

std::string_view display_label(Route r) { return first_label(FormKind::route, name(r)); }
std::string_view display_label(Contract c) { return first_label(FormKind::contract, name(c)); }

std::optional<Route> route_named(std::string_view text) { return named<Route>(FormKind::route, text, route_code); }
std::optional<Contract> contract_named(std::string_view text) {
  return named<Contract>(FormKind::contract, text, contract_code);
}

UnknownCode unknown_code(FormKind kind, std::string_view text) {
  UnknownCode out;
  std::vector<std::string> keys;    // folded codes and labels, for the distance
  std::vector<std::string_view> shown;  // as the table writes them
  std::vector<std::string> accepted;
  std::string_view code;
  std::vector<std::string> labels;
  auto close_code = [&] {
    if (!code.empty()) accepted.push_back(fmt::format("{} ({})", code, join(labels, ", ")));
    labels.clear();
  };
  for (const FormLabel& f : form_labels()) {
    if (f.kind != kind) continue;
    if (f.code != code) {
      close_code();
      code = f.code;
      keys.push_back(folded(f.code));
      shown.push_back(f.code);
    }
    labels.emplace_back(f.label);
    keys.push_back(folded(f.label));
    shown.push_back(f.label);
  }
  close_code();
  out.accepted = join(accepted, ", ");
  std::string best = closest_match(folded(text), keys);
  if (!best.empty()) out.suggestion = shown[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), best) - keys.begin())];
  return out;
}

std::optional<Month> parse_month(std::string_view text) {
  std::string_view s = trim_spaces(text);
  if (s.empty()) return std::nullopt;
  if (is_digit(s.front())) {
    if (auto m = iso_month(s)) return m;
    return slashed_month(s);
  }
  return named_month(s);
}

std::optional<io::Date> parse_french_date(std::string_view text) {
  std::string_view s = trim_spaces(text);
  if (s.size() > 10 && s[4] == '-' && s[10] == 'T') s = s.substr(0, 10);
  if (auto d = io::parse_iso_date(s)) return d;
  if (s.size() != 10 || s[2] != '/' || s[5] != '/') return std::nullopt;
  std::string iso = fmt::format("{}-{}-{}", s.substr(6, 4), s.substr(3, 2), s.substr(0, 2));
  return io::parse_iso_date(iso);
}

bool is_totals_row(const std::vector<std::string>& fields) {
  // Asked of every row: the labels are folded once, not once per row (the table is fixed).
  static const std::vector<std::string> totals = [] {
    std::vector<std::string> out;
    for (const FormLabel& f : form_labels())
      if (f.kind == FormKind::total) out.push_back(folded(f.label));
    return out;
  }();
  // The first letter of each label, as folding leaves it: most rows start with a lot number, which no
  // label starts with, and need no folding at all.
  static const std::string initials = [] {
    std::string out;
    for (const std::string& total : totals)
      if (!total.empty() && out.find(total[0]) == std::string::npos) out += total[0];
    return out;
  }();
  auto first = std::find_if(fields.begin(), fields.end(), [](const std::string& f) { return !trim_spaces(f).empty(); });
  if (first == fields.end()) return false;
  // A letter or a digit is the folded text's first character (punctuation is dropped, an accent folded).
  if (char c = trim_spaces(*first).front(); std::isalnum(static_cast<unsigned char>(c)) &&
                                           initials.find(static_cast<char>(std::tolower(c))) == std::string::npos)
    return false;
  std::string key = folded(*first);
  return std::any_of(totals.begin(), totals.end(), [&](const std::string& total) { return key.starts_with(total); });
}

std::string ref_key(std::string_view ref) {
  std::string key(ref);
  for (char& c : key)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return key;
}

std::optional<std::size_t> find_lot(std::span<const std::string> ids, std::string_view text) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == text) return i;
  auto wanted = number(text, 9);
  if (!wanted) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (number(ids[i], 9) != wanted) continue;
    if (found) return std::nullopt;  // "1" and "01" both exist: "001" names neither
    found = i;
  }
  return found;
}

}  // namespace clausier::track
