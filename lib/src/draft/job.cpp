#include "clausier/draft/job.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <utility>
#include <vector>

#include "clausier/core/names.hpp"
#include "clausier/doc/blocks.hpp"
#include "clausier/hours/batch.hpp"

namespace clausier::draft {

namespace {

constexpr std::pair<std::string_view, Format> formats[] = {
    {"md", Format::md}, {"txt", Format::txt}, {"html", Format::html}, {"docx", Format::docx}};

std::string variable_list() {
  std::string out;
  for (const auto& v : variables()) out += fmt::format("{:<34}{}\n", v.name, v.description);
  return out;
}

// The lots of --lot that the tender does not have: a usage error naming the lots it has.
std::string unknown_lot(const tender::Tender& tender, const std::vector<std::string>& lots) {
  for (const auto& id : lots) {
    if (tender.find_lot(id) != nullptr) continue;
    std::vector<std::string> ids;
    for (const auto& lot : tender.lots) ids.push_back(lot.id.value);
    return fmt::format("--lot {} : la consultation n'a pas ce lot ; lots : {}", id, fmt::join(ids, ", "));
  }
  return {};
}

std::string write(const doc::Document& document, Format format) {
  switch (format) {
    case Format::docx: return doc::write_docx(document);
    case Format::html: return doc::write_html(document);
    case Format::txt: return doc::write_text(document);
    case Format::md: break;
  }
  return doc::write_markdown(document);
}

}  // namespace

std::optional<Format> format_named(std::string_view name) { return value_named<Format>(formats, name); }

std::optional<DocumentKind> kind_named(std::string_view text) {
  using enum DocumentKind;
  return value_with_name({ccap, rc, ae, notice, all}, text);
}

Outcome run(const Job& job, const rules::RuleSet& rules) {
  Outcome out;
  auto report_all = [&](const Diagnostics& diags) {
    for (const auto& d : diags) out.report(d, nullptr);
    return out;
  };
  TemplateSet templates = TemplateSet::builtin();
  if (!job.templates.empty())
    if (Diagnostics d = templates.override_from(job.templates); !d.empty()) return report_all(d);
  if (job.list_variables) {
    out.output = variable_list();
    return out;
  }
  if (!job.export_templates.empty()) {
    if (Diagnostics d = templates.export_to(job.export_templates); !d.empty()) return report_all(d);
    out.messages = fmt::format("{} modèles écrits dans {}\n", templates.all().size(), job.export_templates);
    return out;
  }
  if (job.format == Format::docx) {
    out.usage_error = binary_output_error("docx", "un fichier Word", job.output, job.stdout_is_terminal);
    if (!out.usage_error.empty()) return out;
  }
  hours::Batch batch = hours::compute_files({job.input}, rules, {});
  if (batch.results.empty()) {
    for (const auto& f : batch.failures)
      for (const auto& d : f.diagnostics) out.report(d, batch.source_of(d.path));
    return out;
  }
  const hours::TenderResult& result = batch.results.front();
  out.usage_error = unknown_lot(*result.tender, job.model.lots);
  if (!out.usage_error.empty()) return out;
  Rendered rendered = draft_markdown(result, rules, templates, job.kind, job.model);
  if (!rendered.diagnostics.empty()) return report_all(rendered.diagnostics);
  doc::Document document = doc::parse_markdown(rendered.text, fmt::format("{} — {}", title(job.kind), result.tender->title));
  document.header = "Consultation " + result.tender->id.value;  // Word's running header, beside each part's name
  out.output = write(document, job.format);
  return out;
}

}  // namespace clausier::draft
