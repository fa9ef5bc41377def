#pragma once
// Where each value a lot's calculation uses comes from (formats.md section 2): the lot itself, the
// method's own default, the tender's `parameters`, a rule table row, a --set override, or the built-in
// default. Every value keeps its origin so `hours --explain` can say it.
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/tender/model.hpp"

namespace clausier::tender {

enum class Source { lot, method_default, tender_parameters, rule_table, user_rules, override_value, builtin_default };
std::string_view name(Source s);  // "lot", "method-default", "parameters", "rule-table", "user-rules", "override", "default"

template <class T>
struct Param {
  T value{};
  Source source = Source::builtin_default;
  Position pos;        // where it was written (lot or parameters), if anywhere
  std::string detail;  // rule row source, user file path, or the --set text
  bool verified = true;  // false for a rule row marked "verified: false"
};

// A what-if value from the command line: `rate=0.07` (every lot) or `lot.2.rate=0.07` (one lot).
struct Override {
  std::string lot;  // empty: every lot
  std::string key;  // hourly_cost, rate, labour_share, percent, rounding, rounding_step, minimum_hours
  std::string value;
  std::string text;  // as typed, for messages
};
// Parses "key=value" or "lot.ID.key=value"; nullopt and a message when it cannot.
std::optional<Override> parse_override(std::string_view text, std::string& error);

struct ResolvedLot {
  const Lot* lot = nullptr;
  std::optional<Param<double>> hourly_cost, rate, labour_share;  // present when the method uses them
  Param<Rounding> rounding;
  Param<double> rounding_step;
  Param<double> minimum_hours;
  std::vector<std::string> overridden;  // keys a --set changed for this lot
};

struct Resolution {
  std::vector<ResolvedLot> lots;  // same order as tender.lots
  Diagnostics diagnostics;        // input errors: trade-unknown, parameter-missing, override-*
  bool ok() const { return !has_category(diagnostics, Category::input); }
};

Resolution resolve(const Tender& t, const rules::RuleSet& rules, const std::vector<Override>& overrides = {});

}  // namespace clausier::tender
