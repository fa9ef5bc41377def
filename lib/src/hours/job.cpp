#include "clausier/hours/job.hpp"

#include <fmt/format.h>

#include <utility>

#include "clausier/core/names.hpp"
#include "clausier/hours/batch.hpp"
#include "clausier/io/values.hpp"
#include "clausier/tender/load.hpp"

namespace clausier::hours {

namespace {

constexpr std::pair<std::string_view, Format> formats[] = {
    {"text", Format::text}, {"json", Format::json}, {"csv", Format::csv}, {"md", Format::md}};
constexpr std::pair<std::string_view, calendar::Period> periods[] = {{"month", calendar::Period::month},
                                                                    {"year", calendar::Period::year}};

}  // namespace

std::optional<Format> format_named(std::string_view name) { return value_named<Format>(formats, name); }
std::optional<calendar::Period> period_named(std::string_view name) {
  return value_named<calendar::Period>(periods, name);
}

Outcome run(const Job& job, const rules::RuleSet& rules) {
  Outcome out;
  out.usage_error = tender::stdin_usage_error(job.inputs);
  if (!out.usage_error.empty()) return out;
  std::vector<tender::Override> overrides;
  for (const auto& text : job.overrides) {
    std::string error;
    auto o = tender::parse_override(text, error);
    if (!o) {
      out.usage_error = "--set " + error;
      return out;
    }
    overrides.push_back(*o);
  }
  RenderOptions render = job.render;
  if (!job.as_of.empty()) {
    render.as_of = io::parse_iso_date(job.as_of);
    if (!render.as_of) {
      out.usage_error = fmt::format("--as-of {} : une date AAAA-MM-JJ est attendue", job.as_of);
      return out;
    }
  }
  Batch batch = compute_files(job.inputs, rules, overrides);
  for (const auto& failure : batch.failures)
    for (const auto& d : failure.diagnostics) out.report(d, batch.source_of(d.path));
  // Nothing computed (every file failed): no empty table, no file written.
  if (batch.results.empty() && job.format != Format::json) return out;
  switch (job.format) {
    case Format::json: out.output = render_json(batch.results, batch.failures, rules, render); break;
    case Format::csv: out.output = render_csv(batch.results, render); break;
    case Format::md: out.output = render_markdown(batch.results, render); break;
    case Format::text: out.output = render_text(batch.results, render); break;
  }
  return out;
}

}  // namespace clausier::hours
