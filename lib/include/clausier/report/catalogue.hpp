#pragma once
// The rule ids of `clausier report`, and the one place where every catalogue of the library is listed:
// report is the top of the module graph (above track, hours, tender), so it sees them all.
#include <span>
#include <string_view>

#include "clausier/core/rule_info.hpp"

namespace clausier::report {

// report's own ids (no-participants, participant-not-found), documented in docs/report.md.
std::span<const RuleInfo> rule_catalogue();
// The row of a rule of this catalogue; throws std::logic_error for an id it does not list (a programming error).
const RuleInfo& rule(std::string_view id);

// A report is not written when an operation has a diagnostic that blocks it: an error about an input
// (io or input category) that refuses the whole input. An error confined to one row (Reach::row: a
// statement row that cannot be read) does not block: the row is reported and counts nothing, the
// others count (formats.md section 5). Findings never block. An id no catalogue lists blocks.
bool blocks_report(const Diagnostic& d);

}  // namespace clausier::report

namespace clausier {

struct Catalogue {
  std::string_view module;  // "check", "check-documents", "check-report", "draft", "track", "report"
  std::span<const RuleInfo> rules;
};
// Every catalogue of the library, in the order of the documentation: check's three (tender, documents,
// the document set), draft's, track's, report's. An id appears in one catalogue only.
std::span<const Catalogue> rule_catalogues();
// The row of `id` in any catalogue, or nullptr.
const RuleInfo* find_rule(std::string_view id);

}  // namespace clausier
