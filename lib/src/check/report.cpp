#include "clausier/check/report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clausier/check/tender_checks.hpp"
#include "clausier/tender/load.hpp"
#include "clausier/tender/resolve.hpp"

namespace clausier::check {

FileResult check_file(const std::string& argument, const rules::RuleSet& rules) {
  tender::LoadedFile loaded = tender::load_tender(argument);
  FileResult r;
  r.path = tender::tender_path(argument);
  r.source = std::move(loaded.source);
  r.diagnostics = std::move(loaded.result.diagnostics);
  if (loaded.result.tender) {
    const tender::Tender& t = *loaded.result.tender;
    if (!t.id.value.empty()) r.tender_id = t.id.value;
    // Policy rules run on a partial tender too, so independent mistakes are all reported in one run.
    tender::Resolution res = tender::resolve(t, rules);
    std::optional<hours::TenderResult> computed;
    if (loaded.result.ok() && res.ok()) computed = hours::compute(t, res);
    Diagnostics findings = check_tender(t, res, rules, computed ? &*computed : nullptr);
    r.diagnostics.insert(r.diagnostics.end(), res.diagnostics.begin(), res.diagnostics.end());
    r.diagnostics.insert(r.diagnostics.end(), findings.begin(), findings.end());
  }
  sort_diagnostics(r.diagnostics);
  return r;
}

namespace {

std::string count(int n, std::string_view singular, std::string_view plural) {
  // French: 0 and 1 take the singular.
  return fmt::format("{} {}", n, n > 1 ? plural : singular);
}

Diagnostics all_diagnostics(const std::vector<FileResult>& files) {
  Diagnostics all;
  for (const auto& f : files) all.insert(all.end(), f.diagnostics.begin(), f.diagnostics.end());
  return all;
}

}  // namespace

std::string render_text(const std::vector<FileResult>& files, const RenderOptions& options) {
  std::string out;
  for (const auto& f : files)
    for (const auto& d : f.diagnostics)
      out += render_diagnostic(d, options.show_source && f.source ? &*f.source : nullptr);
  Diagnostics all = all_diagnostics(files);
  int n = static_cast<int>(files.size());
  out += fmt::format("{} {} : {}, {}, {}\n", count(n, "fichier", "fichiers"), n > 1 ? "vérifiés" : "vérifié",
                     count(count_severity(all, Severity::error), "erreur", "erreurs"),
                     count(count_severity(all, Severity::warning), "avertissement", "avertissements"),
                     count(count_severity(all, Severity::note), "remarque", "remarques"));
  return out;
}

std::string render_json(const std::vector<FileResult>& files, const rules::RuleSet& rules) {
  nlohmann::ordered_json doc;
  doc["format"] = "clausier/check/1";
  doc["rules"] = {{"version", rules.version()}, {"sha256", rules.sha256()}};
  doc["files"] = nlohmann::ordered_json::array();
  for (const auto& f : files) {
    nlohmann::ordered_json file;
    file["path"] = f.path;
    file["tender"] = f.tender_id ? nlohmann::ordered_json(*f.tender_id) : nlohmann::ordered_json(nullptr);
    file["findings"] = nlohmann::ordered_json::array();
    for (const auto& d : f.diagnostics) {
      file["findings"].push_back({{"rule", d.rule},
                                  {"severity", std::string(severity_name(d.severity))},
                                  {"path", d.path},
                                  {"line", d.pos.line},
                                  {"column", d.pos.column},
                                  {"message", d.message},
                                  {"hint", d.hint}});
    }
    doc["files"].push_back(std::move(file));
  }
  Diagnostics all = all_diagnostics(files);
  doc["summary"] = {{"files", files.size()},
                    {"errors", count_severity(all, Severity::error)},
                    {"warnings", count_severity(all, Severity::warning)},
                    {"notes", count_severity(all, Severity::note)},
                    {"exit_code", exit_code_for(all)}};
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int exit_code(const std::vector<FileResult>& files) { return exit_code_for(all_diagnostics(files)); }

}  // namespace clausier::check
