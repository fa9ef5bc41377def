#include "load.hpp"

#include <algorithm>
#include <filesystem>

#include "clausier/report/catalogue.hpp"
#include "clausier/track/portfolio.hpp"

namespace clausier::report::detail {

namespace {

// An operation not started yet has neither participants nor statements: that is not an error in a
// report (its lots show 0 hours), only a note. A missing participants file next to statement rows
// still is an error. When the tender itself cannot be read, the missing participants file is noise.
void tolerate_operation_not_started(track::Operation& op, const Job& job) {
  if (job.participants || !op.statements.rows.empty() || !op.statements.unreadable.empty() ||
      !op.participants.list.empty())
    return;
  auto missing_participants = [](const Diagnostic& d) {
    std::error_code ec;
    return d.category == Category::io && std::filesystem::path(d.path).filename() == "participants.yaml" &&
           !std::filesystem::exists(d.path, ec);
  };
  if (op.result() == nullptr) {
    std::erase_if(op.diagnostics, missing_participants);
    return;
  }
  for (Diagnostic& d : op.diagnostics)
    if (missing_participants(d))
      d = make_diagnostic(rule("no-participants"), d.path, d.pos,
                          "pas de fichier des participants ni d'état des heures : opération comptée sans participant",
                          "placez participants.yaml et statements/ dans le dossier quand les premières heures sont réalisées");
}

}  // namespace

track::Operation read_operation(const std::string& path, const Job& job, const rules::RuleSet& rules) {
  track::Operation op = track::load_operation({path, job.participants, job.statements}, rules);
  tolerate_operation_not_started(op, job);
  return op;
}

// A bilan must not miss a person: an operation whose tender cannot be used, or with an input in error (a
// participant left out, an unreadable file), gives no report. Only errors confined to a row (a statement
// row that cannot be read) let it go on: they are reported and the other rows still count.
bool report_operation(const track::Operation& op, Outcome& out) {
  for (const Diagnostic& d : op.diagnostics) out.report(d, op.source_of(d.path));
  return op.result() != nullptr && std::none_of(op.diagnostics.begin(), op.diagnostics.end(), blocks_report);
}

// Operations load on a few threads ahead of `use` (track::load_each), one operation each, so at most
// that many operations are in memory at once.
bool for_each_operation(const Job& job, const rules::RuleSet& rules, Outcome& out,
                        const std::function<void(track::Operation&)>& use) {
  bool failed = false;
  track::load_each(
      job.operations, job.threads, rules, [&](const std::string& path) { return read_operation(path, job, rules); },
      [&](track::Operation& op) {
        if (!report_operation(op, out)) failed = true;
        else if (!failed) use(op);
      });
  return !failed;
}

}  // namespace clausier::report::detail
