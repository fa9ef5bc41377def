#include "clausier/draft/catalogue.hpp"

namespace clausier::draft {

namespace {

constexpr RuleInfo catalogue[] = {
    {"template-unknown", Severity::error, Category::input,
     "un fichier de --templates ne porte le nom d'aucun modèle intégré"},
    {"template-syntax", Severity::error, Category::input, "un modèle Mustache mal formé (section non refermée…)"},
    {"template-variable", Severity::error, Category::input, "un modèle emploie une variable que le modèle de données n'a pas"},
    {"reference-unavailable", Severity::error, Category::input,
     "une référence juridique que citent les documents n'est pas en vigueur dans les tables de règles"},
};

}  // namespace

std::span<const RuleInfo> rule_catalogue() { return catalogue; }

}  // namespace clausier::draft
