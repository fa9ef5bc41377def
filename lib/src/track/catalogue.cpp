#include "clausier/track/catalogue.hpp"

namespace clausier::track {

namespace {

// In the order of docs/track.md. The participants file and the statement files also give the schema-…,
// yaml-…, encoding and io diagnostics of check's catalogue.
constexpr RuleInfo catalogue[] = {
    {"personal-data", Severity::error, Category::input,
     "une donnée personnelle (nom, e-mail, téléphone, numéro de sécurité sociale) à la place d'une référence pseudonyme"},
    {"participant-dates", Severity::error, Category::input,
     "les dates d'un participant ne se suivent pas (naissance, validation, sortie, suivi à six mois)"},
    {"participant-criterion", Severity::error, Category::input,
     "un critère d'éligibilité lié à l'âge (young, senior) que l'âge du participant contredit"},
    {"participant-duplicate", Severity::error, Category::input, "un participant décrit deux fois"},
    {"csv-syntax", Severity::error, Category::input, "un fichier CSV mal formé (guillemet jamais fermé, ligne illisible)"},
    {"csv-empty", Severity::error, Category::input, "un fichier CSV vide, sans ligne d'en-tête"},
    {"statement-header", Severity::error, Category::input,
     "l'en-tête d'un état des heures ne nomme pas une colonne obligatoire"},
    {"statement-row", Severity::error, Category::input,
     "une ligne d'état des heures illisible : elle ne compte pas, les autres lignes comptent", Reach::row},
    {"not-counted", Severity::error, Category::finding,
     "une ligne d'un état reçu qui ne compte pas (lot, participant, période, doublon) : clausier track validate"},
};

}  // namespace

std::span<const RuleInfo> rule_catalogue() { return catalogue; }

const RuleInfo& rule(std::string_view id) { return catalogued(catalogue, id); }

}  // namespace clausier::track
