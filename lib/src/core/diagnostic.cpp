#include "clausier/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace clausier {

bool has_category(const Diagnostics& diags, Category c) {
  return std::any_of(diags.begin(), diags.end(), [c](const Diagnostic& d) { return d.category == c; });
}

int count_severity(const Diagnostics& diags, Severity s) {
  return static_cast<int>(
      std::count_if(diags.begin(), diags.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

bool is_error(const Diagnostic& d) {
  return d.severity == Severity::error || d.category == Category::io || d.category == Category::input;
}

int exit_code_for(const Diagnostics& diags) {
  if (has_category(diags, Category::io)) return 3;
  if (has_category(diags, Category::input)) return 2;
  bool failed = std::any_of(diags.begin(), diags.end(), [](const Diagnostic& d) {
    return d.category == Category::finding && d.severity == Severity::error;
  });
  return failed ? 1 : 0;
}

void sort_diagnostics(Diagnostics& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos.line, a.pos.column, a.rule) <
           std::tie(b.path, b.pos.line, b.pos.column, b.rule);
  });
}

}  // namespace clausier
