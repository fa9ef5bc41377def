#include "clausier/draft/documents.hpp"

#include <fmt/format.h>

namespace clausier::draft {

std::string_view name(DocumentKind k) {
  switch (k) {
    case DocumentKind::ccap: return "ccap";
    case DocumentKind::rc: return "rc";
    case DocumentKind::ae: return "ae";
    case DocumentKind::notice: return "notice";
    case DocumentKind::all: return "all";
  }
  return "";
}

std::string_view title(DocumentKind k) {
  switch (k) {
    case DocumentKind::ccap: return "Cahier des clauses administratives particulières — clause sociale d'insertion";
    case DocumentKind::rc: return "Règlement de la consultation — clause sociale d'insertion";
    case DocumentKind::ae: return "Acte d'engagement — engagement d'insertion du titulaire";
    case DocumentKind::notice: return "Avis de publicité — mention de la clause sociale";
    case DocumentKind::all: return "Clause sociale d'insertion — pièces du dossier de consultation";
  }
  return "";
}

Rendered draft_markdown(const hours::TenderResult& result, const rules::RuleSet& rules, const TemplateSet& templates,
                        DocumentKind kind, const ModelOptions& options) {
  Rendered out;
  for (const auto& id : unavailable_references(rules))
    out.diagnostics.push_back({"reference-unavailable", Severity::error, Category::input, result.tender->path, {},
                               fmt::format("la référence juridique {} n'est pas en vigueur dans les tables de règles : "
                                           "les documents ne peuvent la citer",
                                           id),
                               "vérifiez votre fichier --rules (status: current), ou adaptez les modèles"});
  if (!out.diagnostics.empty()) return out;
  nlohmann::ordered_json model = build_model(result, rules, options);
  std::vector<DocumentKind> kinds = kind == DocumentKind::all
                                        ? std::vector<DocumentKind>{DocumentKind::ccap, DocumentKind::rc,
                                                                    DocumentKind::ae, DocumentKind::notice}
                                        : std::vector<DocumentKind>{kind};
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const Template* t = templates.find(fmt::format("{}.md.mustache", name(kinds[i])));
    if (t == nullptr) continue;  // the set always holds the four built-in names
    Rendered r = render(*t, model);
    out.diagnostics.insert(out.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    if (i > 0) out.text += "\n\f\n\n";
    out.text += r.text;
  }
  return out;
}

}  // namespace clausier::draft
