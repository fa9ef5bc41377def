#pragma once
// `clausier report` in one call: load the operations (several at once, on a few threads), decide what a
// bilan may be written from, build the operation report, the participant's sheet or the consolidation,
// and render it. The tool parses its options into a Job, calls run and writes the Outcome.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/outcome.hpp"
#include "clausier/report/model.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::report {

enum class Format { md, html, json, csv, xlsx, decp, flat };
std::optional<Format> format_named(std::string_view name);  // "md", "html", "json", "csv", "xlsx", "decp", "flat"
std::optional<GroupBy> group_by_named(std::string_view name);  // the names of name(GroupBy)

struct Job {
  // Operation folders (or tender files), in argument order, or portfolio folders (track/portfolio.hpp): a
  // portfolio is read as its operations; alone and in html, it gives the dashboard (report/dashboard.hpp).
  std::vector<std::string> operations;
  std::optional<std::string> participants;  // --participants: one operation only
  std::vector<std::string> statements;      // --statements: one operation only
  Format format = Format::md;
  std::string output;                       // -o FILE; empty or "-": standard output (xlsx: -o FILE, or -o - redirected)
  std::string participant;                  // --participant REF: the individual sheet of one operation
  std::optional<GroupBy> group_by;          // --group-by: a consolidation, even of one operation
  bool by_buyer = false;                    // --by buyer: the buyer's yearly indicators (report/buyers.hpp)
  std::optional<int> year;                  // --year YYYY: with --by buyer, that year of notification only
  ReportOptions options;                    // as_of, min_cell, declared_hours (one operation only)
  unsigned threads = 0;                     // loading threads; 0: two per core, at most 16, one on one core
  bool stdout_is_terminal = false;          // xlsx is not written on a terminal (binary_output_error)
};

// Options that cannot go together give `usage_error`. Then every operation's diagnostics are reported,
// in argument order (an operation not started yet, with neither participants nor statements, gets the
// note no-participants). The output is set only when no operation has a diagnostic that blocks_report;
// an unknown --participant is the error participant-not-found; an .xlsx that cannot be made is an io
// error. The output does not depend on the number of threads.
Outcome run(const Job& job, const rules::RuleSet& rules);

}  // namespace clausier::report
