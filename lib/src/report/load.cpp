#include "load.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <future>
#include <thread>

#include "clausier/report/catalogue.hpp"

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

// Reading and parsing files is most of a consolidation's time (the participants' YAML above all) and
// operations are independent: loading threads work ahead of `use`, one operation each, so at most that
// many operations are in memory at once. The rule tables are parsed before the threads start.
bool for_each_operation(const Job& job, const rules::RuleSet& rules, Outcome& out,
                        const std::function<void(const track::Operation&)>& use) {
  const auto& paths = job.operations;
  bool failed = false;
  auto handle = [&](const track::Operation& op) {
    if (!report_operation(op, out)) failed = true;
    else if (!failed) use(op);
  };
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t window = job.threads > 0 ? job.threads : cores == 1 ? 1 : std::min<std::size_t>(2 * cores, 16);
  if (paths.size() == 1 || window == 1) {
    for (const auto& path : paths) handle(read_operation(path, job, rules));
    return !failed;
  }
  rules.parse_all();  // before any loading thread: afterwards the rule set is only read
  std::deque<std::future<track::Operation>> pending;
  std::size_t next = 0;
  auto launch = [&] {
    const std::string& path = paths[next++];
    pending.push_back(std::async(std::launch::async, [&job, &rules, &path] { return read_operation(path, job, rules); }));
  };
  while (next < paths.size() && pending.size() < window) launch();
  while (!pending.empty()) {
    track::Operation op = pending.front().get();
    pending.pop_front();
    if (next < paths.size()) launch();
    handle(op);
  }
  return !failed;
}

}  // namespace clausier::report::detail
