#pragma once
// `clausier track` and `clausier track due` over a portfolio (several operations, or a portfolio folder
// with its pooling.yaml): one status table across operations, the pooling agreements judged together,
// `--fail-on behind` over all, and the reminders as messages ready to send. A single operation without
// pooling goes to run_status and run_due (commands.hpp), whose outputs stay as they are.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/outcome.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/commands.hpp"
#include "clausier/track/pooling.hpp"

namespace clausier::track {

struct PortfolioJob {
  std::vector<std::string> arguments;  // operation folders, tender files or portfolio folders
  std::optional<std::string> pooling;  // --pooling FILE
  Date as_of;
  unsigned threads = 0;                // loading threads (portfolio.hpp's load_each)
  bool single_operation_options = false;  // --participants, --statements or --declared-hours: a usage error here
};

// One operation of a portfolio with its tracking at the job's date (which points into it).
struct TrackedOperation {
  Operation op;
  Tracking tracking;
  const tender::Tender& tender() const { return *op.result()->tender; }
};

struct TrackedPortfolio {
  std::vector<std::unique_ptr<TrackedOperation>> operations;  // those whose tender could be used, in order
  std::optional<Pooling> pooling;               // absent without a file, or when it is in error
  std::vector<AgreementTracking> agreements;    // each agreement of `pooling` judged at the date
  // What is reported outside the operations tracked: an operation left out, the pooling file, the portfolio's notes.
  Diagnostics diagnostics;
  // The agreement a lot is pooled in, or null.
  const Agreement* agreement_of(std::string_view operation, std::string_view lot) const;
};

// Loads and tracks every operation of the job, reporting every diagnostic into `out` (an operation whose
// tender cannot be used is left out, the others go on), then the pooling file, checked against them.
// nullopt with out.usage_error set when the job cannot run as asked.
std::optional<TrackedPortfolio> track_portfolio(const PortfolioJob& job, const rules::RuleSet& rules, Outcome& out);

// The pooling file `path` (as load_pooling gave it) checked against the portfolio's operations: each of its
// diagnostics is reported into `out`, with its source line, and added to p.diagnostics; when there is none,
// p.pooling is the file's and p.agreements its agreements judged at `as_of` (track_agreement). A portfolio
// may hold only the operations the file names: any other is then an unknown operation.
void use_pooling(TrackedPortfolio& p, const std::string& path, PoolingFile file, Date as_of, Outcome& out);

// Whether the arguments make a portfolio (several operations, a portfolio folder, or --pooling).
bool is_portfolio(const std::vector<std::string>& arguments, const std::optional<std::string>& pooling);

struct PortfolioStatusJob : PortfolioJob {
  StatusFormat format = StatusFormat::text;
  bool fail_on_behind = false;
};
// Every operation's diagnostics are reported; an operation whose tender cannot be used is left out and the
// others go on. The pooling file's errors and its check against the operations are reported too (its
// agreements are then left out). `failed` when fail_on_behind and a tracked lot or an agreement in force is
// behind. JSON: format clausier/portfolio/1, `operations` (each the JSON of run_status, its pooled lots
// marked with `agreement`) and `pooling` (formats.md section 8).
Outcome run_portfolio_status(const PortfolioStatusJob& job, const rules::RuleSet& rules);

enum class PortfolioDueFormat { text, csv, ics, eml };
std::optional<PortfolioDueFormat> portfolio_due_format(std::string_view name);  // "text", "csv", "ics", "eml"

struct PortfolioDueJob : PortfolioJob {
  PortfolioDueFormat format = PortfolioDueFormat::text;
  std::string output;  // -o: a file (text, csv, ics); for eml, the folder the messages are written to
};
// text, csv and ics: the reminders of every operation, each named by its operation. eml: one message per
// contractor with an address written into `output` (created when missing), all or none (io::write_files_atomic:
// a failure leaves the folder as it was, and an io error, exit 3); the contractors
// without one are notes (reminder-no-address); `output` lists the files written.
Outcome run_portfolio_due(const PortfolioDueJob& job, const rules::RuleSet& rules);

// What `clausier track` runs: run_portfolio_status for a portfolio, else run_status on `single` (its format
// and fail_on_behind taken from `job`).
Outcome run_any_status(const PortfolioStatusJob& job, StatusJob single, const rules::RuleSet& rules);
// What `clausier track due` runs: run_portfolio_due for a portfolio or --format eml, else run_due on `single`.
Outcome run_any_due(const PortfolioDueJob& job, const DueJob& single, const rules::RuleSet& rules);

}  // namespace clausier::track
