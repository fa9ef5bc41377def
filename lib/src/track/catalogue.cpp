#include "clausier/track/catalogue.hpp"

#include <iterator>

#include "clausier/track/statements.hpp"

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
    {"sheet-xls", Severity::error, Category::input,
     "un classeur Excel 97-2003 (.xls), que Clausier ne lit pas : l'enregistrer au format .xlsx"},
    {"sheet-encrypted", Severity::error, Category::input, "un classeur protégé par un mot de passe"},
    {"sheet-content-mismatch", Severity::error, Category::input,
     "un fichier dont le contenu n'est pas ce que dit son extension (un CSV ou un PDF nommé .xlsx…)"},
    {"sheet-archive", Severity::error, Category::input, "un classeur dont l'archive zip est abîmée ou incomplète"},
    {"sheet-xml", Severity::error, Category::input, "un classeur dont une partie XML est mal formée"},
    {"sheet-too-large", Severity::error, Category::input,
     "un classeur au-delà des limites de lecture (taille, nombre de cellules, taux de compression)"},
    {"sheet-no-header", Severity::note, Category::finding,
     "une feuille sans en-tête parmi ses dix premières lignes (mode d'emploi, page de garde) : nommée, non lue"},
    {"sheet-no-table", Severity::error, Category::input, "un classeur dont aucune feuille n'a l'en-tête attendu"},
    {"statement-not-read", Severity::note, Category::finding,
     "un fichier du dossier statements/ qui n'est pas un état des heures (.pdf, .docx…) : nommé, non lu"},
    {"statement-total", Severity::note, Category::finding, "une ligne de totaux d'un état des heures : nommée, non lue"},
    {"over-legal-maximum", Severity::error, Category::input,
     "une ligne dont les heures dépassent le maximum légal d'une personne dans le mois : elle ne compte pas",
     Reach::row},
    {"hours-over-legal-maximum", Severity::warning, Category::finding,
     "les lignes d'une personne dans un mois dépassent ensemble le maximum légal : elles comptent, à vérifier"},
    {"not-counted", Severity::error, Category::finding,
     "une ligne d'un état reçu qui ne compte pas (lot, participant, période, doublon) : clausier track validate"},
};

constexpr ReasonInfo reasons[] = {
    {Reason::unknown_lot, "unknown-lot", "lot inconnu"},
    {Reason::lot_without_clause, "lot-without-clause", "lot sans clause"},
    {Reason::lot_not_awarded, "lot-not-awarded", "lot non attribué"},
    {Reason::unknown_participant, "unknown-participant", "participant inconnu"},
    {Reason::before_validation, "before-validation", "avant la validation de l'éligibilité"},
    {Reason::after_validity, "after-validity", "après la fin de validité de l'éligibilité"},
    {Reason::outside_execution, "outside-execution", "hors de la période d'exécution du lot"},
    {Reason::duplicate, "duplicate", "ligne en double"},
    {Reason::after_as_of, "after-as-of", "après la date du suivi"},
    {Reason::invalid_row, "invalid-row", "ligne illisible"},
    {Reason::over_legal_maximum, "over-legal-maximum", "au-delà du maximum légal"},
    {Reason::personal_data, "personal-data", "donnée personnelle refusée"},
};
// The enum lists the reasons in the same order: a reason's row is at its value (name(Reason), french_label).
static_assert([] {
  for (std::size_t i = 0; i < std::size(reasons); ++i)
    if (static_cast<std::size_t>(reasons[i].reason) != i) return false;
  return static_cast<std::size_t>(Reason::personal_data) + 1 == std::size(reasons);
}());

}  // namespace

std::span<const ReasonInfo> not_counted_reasons() { return reasons; }

std::string_view reason_label(std::string_view reason) {
  for (const ReasonInfo& r : reasons)
    if (r.code == reason) return r.label;
  return reason;
}

std::span<const RuleInfo> rule_catalogue() { return catalogue; }

const RuleInfo& rule(std::string_view id) { return catalogued(catalogue, id); }

}  // namespace clausier::track
