#include "clausier/track/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "clausier/core/names.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/catalogue.hpp"
#include "clausier/track/due.hpp"
#include "clausier/track/render.hpp"

namespace clausier::track {

namespace {

constexpr std::pair<std::string_view, StatusFormat> status_formats[] = {
    {"text", StatusFormat::text}, {"json", StatusFormat::json}, {"csv", StatusFormat::csv}};
constexpr std::pair<std::string_view, DueFormat> due_formats[] = {
    {"text", DueFormat::text}, {"csv", DueFormat::csv}, {"ics", DueFormat::ics}};

void report_all(Outcome& out, const Diagnostics& diags, const Operation& op) {
  for (const Diagnostic& d : diags) out.report(d, op.source_of(d.path));
}

// The operation, with its diagnostics reported; nullopt when its tender cannot be used.
std::optional<Operation> load(const OperationInputs& inputs, const rules::RuleSet& rules, Outcome& out) {
  Operation op = load_operation(inputs, rules);
  report_all(out, op.diagnostics, op);
  if (op.result() == nullptr) return std::nullopt;
  return op;
}

}  // namespace

std::optional<StatusFormat> status_format(std::string_view name) {
  return value_named<StatusFormat>(status_formats, name);
}

std::optional<DueFormat> due_format(std::string_view name) { return value_named<DueFormat>(due_formats, name); }

Outcome run_status(const StatusJob& job, const rules::RuleSet& rules) {
  Outcome out;
  if (job.inputs.operation.empty()) {
    out.usage_error = "OPERATION est obligatoire : le dossier de l'opération à suivre";
    return out;
  }
  auto op = load(job.inputs, rules, out);
  if (!op) return out;
  // The tracking points into the operation: both live as long as the stream that writes them.
  struct Status {
    Operation op;
    Tracking tracking;
  };
  auto status = std::make_shared<Status>(Status{std::move(*op), {}});
  status->tracking = track(*status->op.result(), status->op.participants, status->op.statements, {job.as_of, job.declared_hours});
  const Tracking& t = status->tracking;
  out.failed = job.fail_on_behind && std::any_of(t.lots.begin(), t.lots.end(), [](const LotTracking& l) {
                 return l.tracked && l.status == LotStatus::behind;
               });
  out.stream = [status, format = job.format, rules = &rules](const WritePiece& write) {
    const tender::Tender& tender = *status->op.result()->tender;
    switch (format) {
      case StatusFormat::json: render_json(status->tracking, tender, *rules, write); break;
      case StatusFormat::csv: render_csv(status->tracking, tender, write); break;
      case StatusFormat::text: render_text(status->tracking, tender, write); break;
    }
  };
  return out;
}

Outcome run_template(const TemplateJob& job, const rules::RuleSet& rules) {
  Outcome out;
  std::string employer = "Entreprise titulaire";
  if (!job.operation.empty()) {
    hours::Batch batch = hours::compute_files({job.operation}, rules, {});
    if (batch.results.empty()) {
      for (const auto& f : batch.failures)
        for (const auto& d : f.diagnostics) out.report(d, batch.source_of(d.path));
      return out;
    }
    const tender::Lot* lot = batch.results.front().tender->find_lot(job.lot);
    if (lot == nullptr || !lot->has_clause()) {
      out.usage_error = fmt::format("le lot {} n'existe pas ou n'a pas de clause dans {}", job.lot, job.operation);
      return out;
    }
    if (lot->award && lot->award->contractor) employer = lot->award->contractor->name;
  }
  std::string text(text::utf8_bom);
  text += std::string(statement_header) + "\r\n";
  // A commented example row: the reader skips lines whose first field starts with '#'.
  text += fmt::format("# {};P-0001;{};direct;cdi;{};140;0\r\n", job.lot, Month::of(job.as_of).iso(), employer);
  out.output = std::move(text);
  return out;
}

Outcome run_validate(const ValidateJob& job, const rules::RuleSet& rules) {
  Outcome out;
  io::ReadResult read = io::read_file(job.file, io::statements_file);
  if (!read.text) {
    out.report(read.error, nullptr);
    return out;
  }
  Statements file;
  Diagnostics diags = read_statements(*read.text, job.file, file);
  SourceText source(job.file, std::move(*read.text));
  std::size_t refused = 0;
  if (job.operation) {
    OperationInputs inputs = *job.operation;
    inputs.statements = {job.file};
    Operation op = load_operation(inputs, rules);
    // The operation's own problems (no participants file...) come first: they explain the findings below.
    Diagnostics own;
    std::copy_if(op.diagnostics.begin(), op.diagnostics.end(), std::back_inserter(own),
                 [&](const Diagnostic& d) { return op.result() == nullptr || d.path != job.file; });
    if (!own.empty()) {
      report_all(out, own, op);
      return out;
    }
    Count count = count_rows(*op.result(), op.participants, file, job.as_of);
    for (const NotCounted& n : count.not_counted) {
      diags.push_back(make_diagnostic(rule("not-counted"), count.file(n), {count.line(n), 1},
                                      fmt::format("{} : {}", french_label(n.reason), count.detail(n)),
                                      "corrigez la ligne, ou demandez au facilitateur (participant à valider, lot, mois)"));
      ++refused;
    }
  }
  sort_diagnostics(diags);
  for (const Diagnostic& d : diags) out.report(d, &source);
  if (job.quiet) return out;
  std::size_t rows = file.rows.size() + file.unreadable.size();
  out.output = fmt::format("{} : {} ligne(s), {} illisible(s){}\n", job.file, rows, file.unreadable.size(),
                           job.operation ? fmt::format(", {} qui ne compte(nt) pas", refused) : "");
  return out;
}

Outcome run_due(const DueJob& job, const rules::RuleSet& rules) {
  Outcome out;
  auto op = load(job.inputs, rules, out);
  if (!op) return out;
  std::vector<Reminder> reminders = due(*op, job.as_of);
  switch (job.format) {
    case DueFormat::csv: out.output = render_due_csv(reminders); break;
    case DueFormat::ics: out.output = render_due_ics(reminders, job.as_of, op->result()->tender->id.value); break;
    case DueFormat::text: out.output = render_due_text(reminders, job.as_of); break;
  }
  return out;
}

}  // namespace clausier::track
