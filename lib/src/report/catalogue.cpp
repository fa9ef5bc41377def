#include "clausier/report/catalogue.hpp"

#include "clausier/check/document_checks.hpp"
#include "clausier/check/report.hpp"
#include "clausier/check/tender_checks.hpp"
#include "clausier/draft/catalogue.hpp"
#include "clausier/track/catalogue.hpp"
#include "clausier/track/pooling.hpp"

namespace clausier {

namespace report {

namespace {

// In the order of docs/report.md. The operations themselves give track's and check's diagnostics.
constexpr RuleInfo catalogue[] = {
    {"no-participants", Severity::note, Category::finding,
     "une opération sans fichier des participants ni état des heures : comptée sans participant"},
    {"participant-not-found", Severity::error, Category::input,
     "--participant : la référence n'est pas dans le fichier des participants de l'opération"},
};

}  // namespace

std::span<const RuleInfo> rule_catalogue() { return catalogue; }

const RuleInfo& rule(std::string_view id) { return catalogued(catalogue, id); }

bool blocks_report(const Diagnostic& d) {
  if (d.severity != Severity::error || d.category == Category::finding) return false;
  const RuleInfo* r = clausier::find_rule(d.rule);
  return r == nullptr || r->reach != Reach::row;
}

}  // namespace report

std::span<const Catalogue> rule_catalogues() {
  static const Catalogue all[] = {{"check", check::rule_catalogue()},
                                  {"check-documents", check::document_rule_catalogue()},
                                  {"check-report", check::report_rule_catalogue()},
                                  {"draft", draft::rule_catalogue()},
                                  {"track", track::rule_catalogue()},
                                  {"portfolio", track::pooling_rule_catalogue()},
                                  {"report", report::rule_catalogue()}};
  return all;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const Catalogue& c : rule_catalogues())
    if (const RuleInfo* r = find_rule(c.rules, id)) return r;
  return nullptr;
}

}  // namespace clausier
