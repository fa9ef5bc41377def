#pragma once
// A rule id as a catalogue describes it. Every id a diagnostic carries is in one catalogue (check's,
// draft's, track's, report's); report/catalogue.hpp lists them all. A diagnostic takes its severity and
// category from its catalogue row, so the documentation and the output cannot disagree.
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "clausier/core/diagnostic.hpp"

namespace clausier {

// How much of its input an error makes unusable. Most errors refuse the whole input they are about
// (a tender, a participants file); an error about one row of a table leaves that row out and the rest
// is used (a statement row that cannot be read: formats.md section 5).
enum class Reach { input, row };

struct RuleInfo {
  std::string_view id;
  Severity severity;
  Category category;
  std::string_view summary;  // French, one line
  Reach reach = Reach::input;
};

// The row of `id` in `catalogue`, or nullptr.
inline const RuleInfo* find_rule(std::span<const RuleInfo> catalogue, std::string_view id) {
  for (const RuleInfo& r : catalogue)
    if (r.id == id) return &r;
  return nullptr;
}

// The row of `id` in `catalogue`; an id the catalogue does not list is a programming error (std::logic_error).
inline const RuleInfo& catalogued(std::span<const RuleInfo> catalogue, std::string_view id) {
  if (const RuleInfo* r = find_rule(catalogue, id)) return *r;
  throw std::logic_error("rule " + std::string(id) + " is not in its catalogue");
}

// A diagnostic of a catalogued rule: severity and category come from the catalogue.
inline Diagnostic make_diagnostic(const RuleInfo& rule, std::string path, Position pos, std::string message,
                                  std::string hint = {}) {
  return {std::string(rule.id), rule.severity, rule.category, std::move(path), pos, std::move(message), std::move(hint)};
}

}  // namespace clausier
