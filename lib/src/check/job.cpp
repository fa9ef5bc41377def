#include "clausier/check/job.hpp"

#include <fmt/format.h>

#include <utility>

#include "clausier/core/names.hpp"
#include "clausier/tender/load.hpp"

namespace clausier::check {

namespace {

constexpr std::pair<std::string_view, Format> formats[] = {
    {"text", Format::text}, {"json", Format::json}, {"sarif", Format::sarif}, {"github", Format::github}};

}  // namespace

std::optional<Format> format_named(std::string_view name) { return value_named<Format>(formats, name); }

Outcome run(const Job& job, const rules::RuleSet& rules) {
  Outcome out;
  // Documents are compared with one consultation: with several, which one would they belong to?
  if (!job.documents.empty() && job.inputs.size() != 1) {
    out.usage_error = fmt::format("--doc ne s'emploie qu'avec un seul fichier de consultation ({} donnés) ; pour "
                                  "plusieurs opérations, placez les pièces dans le dossier dce/ de chacune",
                                  job.inputs.size());
    return out;
  }
  out.usage_error = tender::stdin_usage_error(job.inputs);
  if (!out.usage_error.empty()) return out;
  std::vector<FileResult> results;
  for (const auto& input : job.inputs) results.push_back(check_file(input, job.documents, rules));
  switch (job.format) {
    case Format::json: out.output = render_json(results, rules); break;
    case Format::sarif: out.output = render_sarif(results, rules); break;
    case Format::github: out.output = render_github(results); break;
    case Format::text: out.output = render_text(results, {.show_source = job.show_source, .errors_only = job.quiet}); break;
  }
  out.diagnostics = all_diagnostics(results);
  return out;
}

}  // namespace clausier::check
