#include "clausier/report/job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <stdexcept>

#include "clausier/core/names.hpp"
#include "clausier/core/text.hpp"
#include "clausier/io/temp_file.hpp"
#include "clausier/report/buyers.hpp"
#include "clausier/report/catalogue.hpp"
#include "clausier/report/dashboard.hpp"
#include "clausier/track/portfolio.hpp"
#include "clausier/track/portfolio_commands.hpp"
#include "clausier/report/render.hpp"
#include "load.hpp"

namespace clausier::report {

namespace {

constexpr std::pair<std::string_view, Format> formats[] = {
    {"md", Format::md},     {"html", Format::html}, {"json", Format::json}, {"csv", Format::csv},
    {"xlsx", Format::xlsx}, {"decp", Format::decp}, {"flat", Format::flat}};

std::string_view name(Format f) { return name_of<Format>(formats, f); }

// The options that cannot go together, each with the sentence that says why; empty when fine.
std::string usage_problem(const Job& job) {
  if (job.operations.empty()) return "OPERATION est obligatoire : au moins un dossier d'opération";
  bool several = job.operations.size() > 1;
  if (!job.participant.empty()) {
    if (several || job.group_by)
      return "--participant : une fiche individuelle ne fait jamais partie d'un rapport consolidé ; "
             "donnez une seule opération, sans --group-by";
    if (job.format != Format::md && job.format != Format::html && job.format != Format::json)
      return fmt::format("--participant : la fiche individuelle s'écrit en md, html ou json, pas en {}", name(job.format));
  }
  if (job.group_by && (job.format == Format::decp || job.format == Format::flat))
    return fmt::format("--group-by : le format {} donne une ligne par lot, sans regroupement ; retirez --group-by",
                       name(job.format));
  if (several && (job.participants || !job.statements.empty()))
    return "--participants et --statements ne valent que pour une seule opération : pour plusieurs, chaque dossier "
           "apporte son participants.yaml et son dossier statements/";
  if (several && !job.options.declared_hours.empty())
    return "--declared-hours ne vaut que pour une seule opération (les lots de deux opérations peuvent porter le même "
           "identifiant)";
  if (job.year && !job.by_buyer) return "--year ne vaut qu'avec --by buyer : les indicateurs d'une année de notification";
  if (job.by_buyer && (!job.participant.empty() || job.group_by))
    return "--by buyer donne les indicateurs des acheteurs : il ne va ni avec --participant, ni avec --group-by";
  if (job.by_buyer && job.format != Format::md && job.format != Format::html && job.format != Format::json &&
      job.format != Format::xlsx)
    return fmt::format("--by buyer s'écrit en md, html, json ou xlsx, pas en {}", name(job.format));
  if (job.format == Format::xlsx) return binary_output_error("xlsx", "un classeur Excel", job.output, job.stdout_is_terminal);
  return {};
}

// libxlsxwriter only writes files (a temporary one, read back): its failures are the file system's.
template <class Report>
std::optional<std::string> xlsx(const Report& r, const Job& job, Outcome& out) {
  try {
    return render_xlsx(r);
  } catch (const std::runtime_error& e) {
    out.report(io::unwritten_workbook(job.output, e.what()), nullptr);
    return std::nullopt;
  }
}

template <class Report>
std::optional<std::string> render(const Report& r, const Job& job, Outcome& out) {
  switch (job.format) {
    case Format::json: return render_json(r);
    case Format::html: return render_html(r);
    case Format::csv: return render_csv(r);
    case Format::xlsx: return xlsx(r, job, out);
    default: return render_markdown(r);
  }
}

void open_data(const Job& job, const rules::RuleSet& rules, Outcome& out) {
  std::vector<OperationReport> reports;
  auto add = [&](const track::Operation& op) { reports.push_back(build_operation_report(op, rules, job.options)); };
  if (!detail::for_each_operation(job, rules, out, add)) return;
  out.output = job.format == Format::decp ? render_decp(reports) : render_flat(reports);
}

// The dashboard reads the operations as track does (an operation not started is tracked with no hours).
void dashboard(const Job& given, const rules::RuleSet& rules, Outcome& out) {
  track::PortfolioJob portfolio{given.operations, std::nullopt, given.options.as_of, given.threads, false};
  if (auto p = track::track_portfolio(portfolio, rules, out)) out.output = render_dashboard(*p, given.options.as_of);
}

void buyer_indicators(const Job& job, const rules::RuleSet& rules, Outcome& out) {
  BuyerCounter counter(job.year, rules, job.options);
  auto add = [&](const track::Operation& op) { counter.add(op); };
  if (!detail::for_each_operation(job, rules, out, add)) return;
  BuyerIndicators b = counter.finish();
  switch (job.format) {
    case Format::json: out.output = render_json(b); break;
    case Format::html: out.output = render_html(b); break;
    case Format::xlsx: out.output = xlsx(b, job, out); break;
    default: out.output = render_markdown(b);
  }
}

AgreementLine agreement_line(const track::AgreementTracking& t) {
  AgreementLine line{*t.agreement, t};
  line.tracking.agreement = nullptr;  // it points into the pooling file, which goes
  return line;
}

bool names_operation(const track::Pooling& pooling, const std::string& id) {
  for (const track::Agreement& a : pooling.agreements)
    for (const track::PooledLot& l : a.lots)
      if (l.operation == id) return true;
  return false;
}

// Each operation is dropped once added: memory holds the totals, not the statement rows. Those a pooling
// agreement names are kept, tracked, to judge the agreements as `clausier track` does (track::use_pooling);
// an error in the pooling file, like one in an operation, leaves the bilan unwritten.
void consolidation(const Job& job, const std::optional<std::string>& pooling_path, const rules::RuleSet& rules,
                   Outcome& out) {
  Consolidator consolidator(job.group_by.value_or(GroupBy::none), rules, job.options);
  track::PoolingFile pooling;
  if (pooling_path) pooling = track::load_pooling(*pooling_path);
  track::TrackedPortfolio pooled;  // the operations an agreement names
  auto add = [&](track::Operation& op) {
    if (!pooling.pooling || !names_operation(*pooling.pooling, op.result()->tender->id.value)) {
      consolidator.add(op);
      return;
    }
    auto& t = pooled.operations.emplace_back(std::make_unique<track::TrackedOperation>(track::TrackedOperation{std::move(op), {}}));
    t->tracking = track::track(*t->op.result(), t->op.participants, t->op.statements, {job.options.as_of, job.options.declared_hours});
    consolidator.add(t->op, t->tracking);
  };
  if (!detail::for_each_operation(job, rules, out, add)) return;
  if (pooling_path) {
    track::use_pooling(pooled, *pooling_path, std::move(pooling), job.options.as_of, out);
    if (!pooled.pooling) return;
  }
  Consolidation c = consolidator.finish();
  for (const track::AgreementTracking& a : pooled.agreements) c.agreements.push_back(agreement_line(a));
  out.output = render(c, job, out);
}

void participant_sheet(const track::Operation& op, const Job& job, const rules::RuleSet& rules, Outcome& out) {
  if (op.participants.find(job.participant) == nullptr) {
    out.report(make_diagnostic(rule("participant-not-found"), op.participants.path, {},
                               fmt::format("--participant {} : aucun participant de ce fichier (opération {}) "
                                           "n'a cette référence",
                                           quoted(job.participant), op.result()->tender->id.value),
                               "donnez une référence du fichier, telle qu'elle y est écrite (par exemple P-0001)"),
               nullptr);
    return;
  }
  ParticipantSheet sheet = build_participant_sheet(op, job.participant, rules, job.options);
  out.output = job.format == Format::json   ? render_json(sheet)
               : job.format == Format::html ? render_html(sheet)
                                            : render_markdown(sheet);
}

}  // namespace

std::optional<Format> format_named(std::string_view name) { return value_named<Format>(formats, name); }

std::optional<GroupBy> group_by_named(std::string_view text) {
  using enum GroupBy;
  return value_with_name({none, buyer, year, trade, route}, text);
}

Outcome run(const Job& given, const rules::RuleSet& rules) {
  Outcome out;
  track::PortfolioInputs portfolio = track::expand_portfolio(given.operations, std::nullopt, out.usage_error);
  if (!out.usage_error.empty()) return out;
  Job job = given;
  job.operations = portfolio.operations;
  out.usage_error = usage_problem(job);
  if (!out.usage_error.empty()) return out;
  if (job.format == Format::html && portfolio.portfolio && given.operations.size() == 1 && !job.group_by && !job.by_buyer) {
    dashboard(given, rules, out);
    return out;
  }
  for (const Diagnostic& d : portfolio.notes) out.report(d, nullptr);
  if (job.by_buyer) {
    buyer_indicators(job, rules, out);
  } else if (job.format == Format::decp || job.format == Format::flat) {
    open_data(job, rules, out);
  } else if (job.operations.size() > 1 || job.group_by) {
    consolidation(job, portfolio.pooling, rules, out);
  } else {
    track::Operation op = detail::read_operation(job.operations.front(), job, rules);
    if (!detail::report_operation(op, out)) return out;
    if (!job.participant.empty()) participant_sheet(op, job, rules, out);
    else out.output = render(build_operation_report(op, rules, job.options), job, out);
  }
  return out;
}

}  // namespace clausier::report
