#pragma once
// Reading typed values out of a YAML tree, reporting every problem as a diagnostic with its position.
// Used by every loader (tender, rules, participants) so all formats speak the same language.
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/io/yaml.hpp"

namespace clausier::io {

using Date = boost::gregorian::date;

// Where a value was read from, for later findings about it.
template <class T>
struct Located {
  T value{};
  Position pos;
};

struct Range {
  double min;
  bool min_inclusive;
  double max;
  bool max_inclusive;
};
inline constexpr Range positive{0, false, 1e15, true};
inline constexpr Range non_negative{0, true, 1e15, true};
// Amounts in euros: up to 10^13 € (ten thousand billion), far above any public contract, and small
// enough that sums of lots keep their cents in a double. Larger is a typing slip (docs/robustness.md).
inline constexpr double max_amount = 1e13;
inline constexpr Range amount{0, false, max_amount, true};
inline constexpr Range amount_or_zero{0, true, max_amount, true};
inline constexpr Range fraction_range{0, false, 1, true};

// Strict ISO date "YYYY-MM-DD" that exists in the calendar.
std::optional<Date> parse_iso_date(std::string_view s);
std::string iso(Date d);
// A plain YAML number (int or float, optional sign and exponent); nothing else.
std::optional<double> parse_number(std::string_view s);
// "5 %", "5%", "7,5 %" -> 0.05, 0.05, 0.075
std::optional<double> parse_percent(std::string_view s);
// An e-mail address as a message header may carry it: one addr-spec `local@domain.tld`, ASCII letters,
// digits and . _ % + - only (no space, no quote, no control character, no display name), at most 254 bytes.
bool plain_email_address(std::string_view s);
// [A-Za-z0-9][A-Za-z0-9._-]*: what Reader::identifier accepts.
bool is_identifier(std::string_view s);

class Reader {
 public:
  Reader(std::string path, Diagnostics& out) : path_(std::move(path)), out_(out) {}
  const std::string& path() const { return path_; }
  void error(std::string rule, Position pos, std::string message, std::string hint = {});
  // The "format: clausier/<kind>/<version>" line every Clausier file starts with.
  void format_version(const yaml::Node& n, std::string_view expected);
  std::size_t error_count() const { return out_.size(); }

  // Each reads one value named `field` (for messages) and reports why it cannot when it cannot.
  std::optional<double> number(const yaml::Node& n, std::string_view field, Range range, std::string_view unit = {});
  std::optional<double> fraction(const yaml::Node& n, std::string_view field, Range range = fraction_range);
  std::optional<int> integer(const yaml::Node& n, std::string_view field, int min, int max);
  std::optional<Date> date(const yaml::Node& n, std::string_view field);
  std::optional<std::string> string(const yaml::Node& n, std::string_view field);
  std::optional<bool> boolean(const yaml::Node& n, std::string_view field);
  // A list of texts, e.g. [execution, reserved-siae].
  std::optional<std::vector<std::string>> strings(const yaml::Node& n, std::string_view field);
  // Identifiers match [A-Za-z0-9][A-Za-z0-9._-]*; a plain integer is read as its text (1 and "1" are the same).
  std::optional<std::string> identifier(const yaml::Node& n, std::string_view field);
  std::optional<std::string> choice_text(const yaml::Node& n, std::string_view field,
                                         std::span<const std::string_view> allowed);
  template <class E>
  std::optional<E> choice(const yaml::Node& n, std::string_view field,
                          std::span<const std::pair<std::string_view, E>> table) {
    std::vector<std::string_view> names;
    for (const auto& [name, value] : table) names.push_back(name);
    auto text = choice_text(n, field, names);
    if (!text) return std::nullopt;
    for (const auto& [name, value] : table)
      if (name == *text) return value;
    return std::nullopt;
  }
  bool expect_kind(const yaml::Node& n, yaml::Kind kind, std::string_view field);

 private:
  bool scalar_or_report(const yaml::Node& n, std::string_view field, std::string_view expected);
  std::string path_;
  Diagnostics& out_;
};

// Walks one YAML mapping: the caller asks for each key it knows; `finish` then reports the keys
// nobody asked for (except "x-..." extension keys), with a suggestion for likely typos.
class MapReader {
 public:
  // `where` names the mapping in messages, e.g. "parameters", "le lot « 2 »".
  MapReader(Reader& reader, const yaml::Node& map, std::string where);
  const yaml::Node* get(std::string_view key);
  // Like get, but reports a missing key (schema-required) at the mapping's position.
  const yaml::Node* require(std::string_view key, std::string_view expected);
  void finish();
  const yaml::Node& node() const { return map_; }

 private:
  Reader& reader_;
  const yaml::Node& map_;
  std::string where_;
  std::vector<std::string> known_;
  std::vector<bool> used_;
};

}  // namespace clausier::io
