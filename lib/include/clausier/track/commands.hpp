#pragma once
// The commands of `clausier track`, one entry point each: where the lots of an operation stand, a blank
// statement for a contractor, the check of a statement received from one, and the reminders. Each takes
// a plain options struct and returns an Outcome (core/outcome.hpp): nothing is printed here.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "clausier/core/outcome.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/operation.hpp"

namespace clausier::track {

enum class StatusFormat { text, json, csv };
std::optional<StatusFormat> status_format(std::string_view name);  // "text", "json", "csv"

struct StatusJob {
  OperationInputs inputs;
  Date as_of;
  std::map<std::string, double> declared_hours;  // --declared-hours LOT=HOURS
  StatusFormat format = StatusFormat::text;
  bool fail_on_behind = false;                   // --fail-on behind
};
// Every diagnostic of the operation: unreadable statement rows are reported and the others still count.
// No operation is a usage error; no output when the tender cannot be used; `failed` when fail_on_behind and a tracked lot is behind.
Outcome run_status(const StatusJob& job, const rules::RuleSet& rules);

struct TemplateJob {
  std::string lot;
  std::string operation;  // optional: the lot must exist and have a clause; its contractor fills the example row
  Date as_of;             // the month of the example row
};
// A blank statement file (UTF-8 with BOM, ';', CRLF): the header and one commented example row.
Outcome run_template(const TemplateJob& job, const rules::RuleSet& rules);

struct ValidateJob {
  std::string file;
  // When set, the rows are also counted against this operation (its own statements are ignored: the
  // file is the only one); `as_of` is then the date of the count.
  std::optional<OperationInputs> operation;
  Date as_of;
  bool quiet = false;  // --quiet: no summary line
};
// The problems of one statement file, row by row (with the operation: not-counted findings), sorted;
// the output is the one-line summary "FILE : N ligne(s), N illisible(s)[, N qui ne compte(nt) pas]",
// absent when quiet.
Outcome run_validate(const ValidateJob& job, const rules::RuleSet& rules);

enum class DueFormat { text, csv, ics };
std::optional<DueFormat> due_format(std::string_view name);  // "text", "csv", "ics"

struct DueJob {
  OperationInputs inputs;
  Date as_of;
  DueFormat format = DueFormat::text;
};
Outcome run_due(const DueJob& job, const rules::RuleSet& rules);

}  // namespace clausier::track
