#pragma once
// `clausier hours` in one call: every file computed on its own (what-if overrides applied), rendered.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/outcome.hpp"
#include "clausier/hours/render.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::hours {

enum class Format { text, json, csv, md };
std::optional<Format> format_named(std::string_view name);               // "text", "json", "csv", "md"
std::optional<calendar::Period> period_named(std::string_view name);  // "month", "year"

struct Job {
  std::vector<std::string> inputs;     // tender files or operation folders
  Format format = Format::text;
  RenderOptions render;                // --explain, --schedule
  std::vector<std::string> overrides;  // --set texts: "key=value" or "lot.ID.key=value"
  std::string as_of;                   // --as-of AAAA-MM-JJ: the hours due at that date (lot events); empty: none
};

// An override or an --as-of date that cannot be read is a usage error. The diagnostics of the files that fail are reported
// and the others still computed; with every file failed there is no output, except in JSON (its
// "failures" say why).
Outcome run(const Job& job, const rules::RuleSet& rules);

}  // namespace clausier::hours
