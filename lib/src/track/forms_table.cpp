// The label table of formats.md section 5.2: every form a French company types for a code, as data.
// Compared folded (forms.hpp): case, accents, spaces, hyphens, apostrophes and dots do not matter,
// so "Contrat d'apprentissage", "CONTRAT D APPRENTISSAGE" and "contrat-d'apprentissage" are one row.
// For each code, the first label is the one shown in drop-down lists and templates.
#include "clausier/track/forms.hpp"

namespace clausier::track {

namespace {

using enum FormKind;

constexpr FormLabel table[] = {
    // Routes (formats.md section 5).
    {route, "direct", "embauche directe"},
    {route, "direct", "recrutement direct"},
    {route, "direct", "embauche"},
    {route, "etti", "ETTI"},
    {route, "etti", "entreprise de travail temporaire d'insertion"},
    {route, "etti", "intérim d'insertion"},
    {route, "ai", "association intermédiaire"},
    {route, "ai", "AI"},
    {route, "ai", "mise à disposition"},
    {route, "geiq", "GEIQ"},
    {route, "geiq", "groupement d'employeurs pour l'insertion et la qualification"},
    {route, "siae-subcontract", "sous-traitance SIAE"},
    {route, "siae-subcontract", "sous-traitance"},
    {route, "siae-subcontract", "sous-traitance à une SIAE"},
    {route, "siae-cocontract", "cotraitance SIAE"},
    {route, "siae-cocontract", "cotraitance"},
    {route, "siae-cocontract", "co-traitance"},
    {route, "siae-cocontract", "cotraitance avec une SIAE"},
    {route, "ea", "entreprise adaptée"},
    {route, "ea", "EA"},
    // Contracts.
    {contract, "cdi", "CDI"},
    {contract, "cdi", "contrat à durée indéterminée"},
    {contract, "cdi-inclusion", "CDI inclusion"},
    {contract, "cdi-inclusion", "CDI d'inclusion"},
    {contract, "cdd", "CDD"},
    {contract, "cdd", "contrat à durée déterminée"},
    {contract, "cddi", "CDDI"},
    {contract, "cddi", "CDD d'insertion"},
    {contract, "cdd-usage", "CDD d'usage"},
    {contract, "interim", "intérim"},
    {contract, "interim", "mission d'intérim"},
    {contract, "interim", "contrat de mission"},
    {contract, "interim", "travail temporaire"},
    {contract, "apprenticeship", "apprentissage"},
    {contract, "apprenticeship", "contrat d'apprentissage"},
    {contract, "professionalisation", "professionnalisation"},
    {contract, "professionalisation", "contrat de professionnalisation"},
    {contract, "professionalisation", "contrat pro"},
    {contract, "other", "autre"},
    // Months: French names and abbreviations (Excel's and Calc's "mmm" in French: janv., févr., mars,
    // avr., mai, juin, juil., août, sept., oct., nov., déc.), then the English abbreviations an
    // English Excel shows in "mmm-yy" ("mar" and "jun" are already there).
    {month, "1", "janvier"}, {month, "1", "janv"}, {month, "1", "jan"},
    {month, "2", "février"}, {month, "2", "févr"}, {month, "2", "fév"}, {month, "2", "feb"},
    {month, "3", "mars"}, {month, "3", "mar"},
    {month, "4", "avril"}, {month, "4", "avr"}, {month, "4", "apr"},
    {month, "5", "mai"}, {month, "5", "may"},
    {month, "6", "juin"}, {month, "6", "jun"},
    {month, "7", "juillet"}, {month, "7", "juil"}, {month, "7", "jul"},
    {month, "8", "août"}, {month, "8", "aug"},
    {month, "9", "septembre"}, {month, "9", "sept"}, {month, "9", "sep"},
    {month, "10", "octobre"}, {month, "10", "oct"},
    {month, "11", "novembre"}, {month, "11", "nov"},
    {month, "12", "décembre"}, {month, "12", "déc"}, {month, "12", "dec"},
    // Totals rows: a row whose first field begins with one of these.
    {total, "total", "total"},
    {total, "total", "totaux"},
    {total, "total", "sous-total"},
};

}  // namespace

std::span<const FormLabel> form_labels() { return table; }

}  // namespace clausier::track
