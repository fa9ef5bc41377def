#pragma once
// A facilitator's portfolio: several operations at once. The arguments of track, track due and report are
// operation folders (or tender files) or portfolio folders — a folder without tender.yaml whose sub-folders
// are operations, with an optional pooling.yaml (formats.md section 8). Operations load on a few threads;
// one broken operation is reported and the others go on.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/operation.hpp"

namespace clausier::track {

struct PortfolioInputs {
  std::vector<std::string> operations;  // operation folders (or tender files), in argument order, each
                                        // portfolio's sub-folders in name order
  std::optional<std::string> pooling;   // --pooling FILE, else the pooling.yaml of the (one) portfolio folder
  Diagnostics notes;                    // portfolio-folder-ignored: sub-folders without tender.yaml
  bool portfolio = false;               // a portfolio folder was given, or several operations
};

// What the arguments name. A folder is a portfolio when it has no tender.yaml and at least one of its
// sub-folders has one; hidden sub-folders (.git…) are skipped, the others without tender.yaml get a note.
// A portfolio's pooling.yaml is used only when `pooling` is not given; two portfolio folders with one each
// is a usage error (the message is returned in `usage_error`).
PortfolioInputs expand_portfolio(const std::vector<std::string>& arguments, const std::optional<std::string>& pooling,
                                 std::string& usage_error);

// Loads every path with `load`, up to `threads` at once (0: two per core, at most 16; one on one core),
// and hands each operation to `use` in path order, on the calling thread, as soon as it and those before
// it are loaded: at most `threads` operations wait in memory. The rule tables are parsed before any
// thread starts, so `load` may share `rules`.
void load_each(const std::vector<std::string>& paths, unsigned threads, const rules::RuleSet& rules,
               const std::function<Operation(const std::string&)>& load, const std::function<void(Operation&)>& use);

}  // namespace clausier::track
