#include "clausier/track/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>
#include <memory>
#include <utility>

#include "clausier/core/names.hpp"
#include "clausier/io/csv.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/table.hpp"
#include "clausier/io/temp_file.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/catalogue.hpp"
#include "clausier/track/due.hpp"
#include "clausier/track/forms.hpp"
#include "clausier/track/render.hpp"
#include "clausier/track/template.hpp"

namespace clausier::track {

namespace {

constexpr std::pair<std::string_view, StatusFormat> status_formats[] = {
    {"text", StatusFormat::text}, {"json", StatusFormat::json}, {"csv", StatusFormat::csv}};
constexpr std::pair<std::string_view, TemplateFormat> template_formats[] = {{"csv", TemplateFormat::csv},
                                                                            {"xlsx", TemplateFormat::xlsx}};
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
std::optional<TemplateFormat> template_format(std::string_view name) {
  return value_named<TemplateFormat>(template_formats, name);
}

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
      case StatusFormat::json: render_json(status->tracking, tender, *rules, status->op.diagnostics, write); break;
      case StatusFormat::csv: render_csv(status->tracking, tender, write); break;
      case StatusFormat::text: render_text(status->tracking, tender, write); break;
    }
  };
  return out;
}

Outcome run_template(const TemplateJob& job, const rules::RuleSet& rules) {
  Outcome out;
  if (job.format == TemplateFormat::xlsx && (job.output.empty() || job.output == "-")) {
    out.usage_error = "--format xlsx écrit un classeur Excel : indiquez-le avec -o FICHIER.xlsx";
    return out;
  }
  StatementTemplate t{job.lot, "Entreprise titulaire", Month::of(job.as_of), job.as_of};
  if (!job.operation.empty()) {
    hours::Batch batch = hours::compute_files({job.operation}, rules, {});
    if (batch.results.empty()) {
      for (const auto& f : batch.failures)
        for (const auto& d : f.diagnostics) out.report(d, batch.source_of(d.path));
      return out;
    }
    const tender::Tender& tender = *batch.results.front().tender;
    std::vector<std::string> ids;
    for (const auto& l : tender.lots) ids.push_back(l.id.value);
    std::optional<std::size_t> found = find_lot(ids, job.lot);  // "1" names lot "01" (formats.md 5.2)
    const tender::Lot* lot = found ? &tender.lots[*found] : nullptr;
    if (lot == nullptr || !lot->has_clause()) {
      out.usage_error = fmt::format("le lot {} n'existe pas ou n'a pas de clause dans {}", job.lot, job.operation);
      return out;
    }
    t.lot = lot->id.value;
    if (lot->award && lot->award->contractor) t.employer = lot->award->contractor->name;
  }
  if (job.format == TemplateFormat::csv) {
    out.output = statement_template_csv(t);
    return out;
  }
  try {
    out.output = statement_template_xlsx(t);
  } catch (const std::runtime_error& e) {
    out.report(io::unwritten_workbook(job.output, e.what()), nullptr);
  }
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
  // A CSV's lines are shown as the reader decoded them; a workbook's positions are cells.
  SourceText source(job.file, io::table_format_of(job.file) == io::TableFormat::csv ? io::csv_text(*read.text) : "");
  {
    // One person's rows of one month over the legal maximum, in this file (formats.md 5.3).
    Participants none;
    Diagnostics over = over_maximum_warnings(file, none);
    diags.insert(diags.end(), over.begin(), over.end());
  }
  std::size_t refused = 0;
  if (job.operation) {
    OperationInputs inputs = *job.operation;
    inputs.statements = {job.file};
    Operation op = load_operation(inputs, rules);
    // The operation's own problems (no participants file...) come first: they explain the findings below.
    Diagnostics own;
    std::copy_if(op.diagnostics.begin(), op.diagnostics.end(), std::back_inserter(own),
                 [&](const Diagnostic& d) {
                   // A note (a sheet passed over in the participants workbook) stops nothing.
                   return op.result() == nullptr || (d.path != job.file && d.category != Category::finding);
                 });
    if (!own.empty()) {
      report_all(out, own, op);
      return out;
    }
    match_refs(file, op.participants);
    Count count = count_rows(*op.result(), op.participants, file, job.as_of);
    for (const NotCounted& n : count.not_counted) {
      const std::string& sheet = file.sheets[count.file_index(n)];
      diags.push_back(make_diagnostic(rule("not-counted"), count.file(n), {count.line(n), sheet.empty() ? 1 : 0},
                                      fmt::format("{} : {}", french_label(n.reason), count.detail(n)),
                                      "corrigez la ligne, ou demandez au facilitateur (participant à valider, lot, mois)"));
      diags.back().sheet = sheet;
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
