#pragma once
// `clausier check` in one call: every tender file or operation folder checked (with its documents),
// rendered in one format. The findings are the output (standard output, so that `| grep` works).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/check/report.hpp"
#include "clausier/core/outcome.hpp"

namespace clausier::check {

enum class Format { text, json, sarif, github };
std::optional<Format> format_named(std::string_view name);  // "text", "json", "sarif", "github"

struct Job {
  std::vector<std::string> inputs;     // tender files or operation folders
  std::vector<std::string> documents;  // --doc: with one input only, instead of its dce/ folder
  Format format = Format::text;
  bool show_source = true;             // text: the offending line under each diagnostic
  bool quiet = false;                  // text: the errors only, no summary line (--quiet); other formats unchanged
};

// Documents belong to one consultation: documents with several inputs are a usage error. Otherwise the
// output is always set, and `diagnostics` holds every diagnostic of the files and their documents.
Outcome run(const Job& job, const rules::RuleSet& rules);

}  // namespace clausier::check
