#include <doctest/doctest.h>
#include <zip.h>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <ctime>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clausier/report/buyers.hpp"
#include "clausier/report/render.hpp"
#include "clausier/text/table.hpp"
#include "printers.hpp"
#include "zip_files.hpp"

using namespace clausier;
using namespace clausier::report;

namespace {

// Suppressed cells hold sentinel values (7770 to 7779 people, 9991.5 hours) that no other figure uses:
// a renderer that printed a suppressed value would print one of them.
const std::vector<std::string> sentinels{"777", "9991", "9\u202F991"};

Cell cell(std::string key, std::string label, int people, double hours = 0, bool suppressed = false) {
  return {std::move(key), std::move(label), people, hours, suppressed};
}

// A breakdown whose population is shown (population_suppressed keeps its default).
Breakdown breakdown(std::string id, std::string title, bool has_hours, bool multiple, int population,
                    std::vector<Cell> cells) {
  Breakdown b;
  b.id = std::move(id);
  b.title = std::move(title);
  b.has_hours = has_hours;
  b.multiple = multiple;
  b.population = population;
  b.cells = std::move(cells);
  return b;
}

// Operation CARC-2027-003, at 31 December 2027, threshold 3 people.
// Lot 1: target 400 h, realised 450,5 h → 450,5 ÷ 400 = 112,625 % (shown 112,6 %), over by 50,5 h.
// Lot 2: target 300 h, realised 120 h → 40 %, 180 h missing; its 2 participants are suppressed (2 < 3).
// Lot 3: no clause. Operation: target 700, realised 570,5 → 81,5 %, 129,5 h missing.
OperationReport sample_operation() {
  OperationReport r;
  r.path = "examples/gymnase";
  r.id = "CARC-2027-003";
  r.title = "Rénovation du gymnase";
  r.buyer = "Ville de Carcassonne";
  r.as_of = Date(2027, 12, 31);
  r.min_cell = 3;

  LotReport l1;
  l1.id = "1";
  l1.title = "Gros œuvre";
  l1.trade = "gros-oeuvre";
  l1.clause = tender::Clause::execution;
  l1.hours_status = hours::Status::ok;
  l1.tracking_status = track::LotStatus::complete;
  l1.decp = "Clause sociale";
  l1.contractor = "BTP Sud";
  l1.start = Date(2027, 1, 4);
  l1.end = Date(2027, 6, 30);
  l1.target_hours = 400;
  l1.realised_hours = 450.5;
  l1.achievement = 450.5 / 400;
  l1.over_hours = 50.5;
  l1.participants = cell("participants", "Participants", 4);
  // Sex on lot 1: F 1 (suppressed), M 3 (secondary suppression), X 0.
  l1.breakdowns.push_back(breakdown("sex", "Sexe", false, false, 4,
                           {cell("F", "Femmes", 7771, 0, true), cell("M", "Hommes", 7772, 0, true), cell("X", "Non précisé", 0)}));
  l1.years.push_back({2027, 400, 450.5, cell("participants", "Participants", 4)});

  LotReport l2;
  l2.id = "2";
  l2.title = "Peinture ; sols";
  l2.clause = tender::Clause::reserved_siae;
  l2.hours_status = hours::Status::ok;
  l2.tracking_status = track::LotStatus::behind;
  l2.decp = "Clause sociale ; Marché réservé";
  l2.contractor = "Atelier Couleurs";
  l2.start = Date(2027, 3, 1);
  l2.end = Date(2028, 2, 29);
  l2.target_hours = 300;
  l2.realised_hours = 120;
  l2.achievement = 0.4;
  l2.missing_hours = 180;
  l2.participants = cell("participants", "Participants", 7773, 0, true);
  l2.years.push_back({2027, 250, 120, cell("participants", "Participants", 7774, 0, true)});
  l2.years.push_back({2028, 50, 0, cell("participants", "Participants", 0)});

  LotReport l3;
  l3.id = "3";
  l3.title = "Électricité";
  l3.clause = tender::Clause::none;
  l3.hours_status = hours::Status::no_clause;
  l3.decp = "Pas de considération sociale";
  l3.participants = cell("participants", "Participants", 0);
  r.lots = {l1, l2, l3};

  r.contractors = {{"Atelier Couleurs", {"2"}, 300, 120, 0.4, {180, 0}},
                   {"BTP Sud", {"1"}, 400, 450.5, 450.5 / 400, {0, 50.5}}};
  r.target_hours = 700;
  r.realised_hours = 570.5;
  r.achievement = 570.5 / 700;
  r.shortfall = {180, 50.5};  // lot 2 lacks 180 h, lot 1 is 50,5 h over: never netted into 129,5
  r.participants = cell("participants", "Participants", 6);
  r.validated_participants = {"validated_participants", "Participants dont l'éligibilité est validée", 7};
  r.work_contracts = 8;
  r.breakdowns.push_back(breakdown("sex", "Sexe", false, false, 6,
                          {cell("F", "Femmes", 7775, 0, true), cell("M", "Hommes", 7776, 0, true), cell("X", "Non précisé", 0)}));
  // Routes: 4 people direct (300,5 h), fewer than 3 through an ETTI; one person used both.
  r.breakdowns.push_back(breakdown("route", "Modalité de mise en œuvre", true, true, 6,
                          {cell("direct", "Embauche directe", 4, 300.5), cell("etti", "Intérim d'insertion (ETTI)", 7777, 9991.5, true),
                           cell("ai", "Association intermédiaire", 0, 0)}));
  // Exit: 3 people left, all into lasting jobs.
  r.breakdowns.push_back(breakdown("exit", "Situation à la sortie", false, false, 3,
                          {cell("durable", "Emploi durable", 3), cell("transition", "Emploi de transition", 0)}));
  // January: 50 h realised against 60,25 expected; February: 100 more, 150 in all, 130,5 expected.
  r.months = {{"2027-01", 50, 50, 60.25}, {"2027-02", 100, 150, 130.5}};
  // 2 rows before validation (14 h) and 1 duplicate (7,5 h): 3 rows, 21,5 h.
  r.not_counted = {{"before-validation", "avant la validation de l'éligibilité", 2, 14},
                   {"duplicate", "ligne en double", 1, 7.5}};
  r.not_counted_rows = 3;
  r.not_counted_hours = 21.5;
  r.counting = {"work-contracts", 24, 0.1, "2026-11-22", "ab12"};
  return r;
}

// Two operations grouped by buyer, at 31 December 2027, threshold 3 people.
// FTE = hours ÷ 1 600 rounded: Aude 1 200 → 0,75 → 1; Carcassonne 2 150,5 → 1,34 → 1; total 3 350,5 → 2,09 → 2.
// Participants counted once: 4 + 5 = 9 refs, one of them in both operations → 8.
Consolidation sample_consolidation() {
  Consolidation c;
  c.group_by = GroupBy::buyer;
  c.as_of = Date(2027, 12, 31);
  c.min_cell = 3;
  // The gymnase's two lots: one lacks 49,5 h, the other is 200 h over (2 150,5 − 2 000 = 200 − 49,5).
  c.operations = {{"examples/gymnase", "CARC-2027-003", "Rénovation du gymnase", "Ville de Carcassonne", 2, 2000, 2150.5,
                   {49.5, 200}},
                  {"examples/college", "AUDE-2027-010", "Collège ; extension", "Département de l'Aude", 1, 1000, 1200,
                   {0, 200}}};
  GroupReport aude;
  aude.key = aude.label = "Département de l'Aude";
  aude.operations = 1;
  aude.contracts_with_clause = 1;
  aude.target_hours = 1000;
  aude.realised_hours = 1200;
  aude.fte = 1;
  aude.shortfall = {0, 200};
  aude.participants = cell("participants", "Participants", 7778, 0, true);
  aude.work_contracts = 7776;  // hidden with its participants
  GroupReport carc;
  carc.key = carc.label = "Ville de Carcassonne";
  carc.operations = 1;
  carc.contracts_with_clause = 2;
  carc.target_hours = 2000;
  carc.realised_hours = 2150.5;
  carc.fte = 1;
  carc.shortfall = {49.5, 200};
  carc.participants = cell("participants", "Participants", 5);
  carc.work_contracts = 6;
  carc.breakdowns.push_back(breakdown("sex", "Sexe", false, false, 5,
                             {cell("F", "Femmes", 7779, 0, true), cell("M", "Hommes", 7770, 0, true)}));
  c.groups = {aude, carc};
  c.total.label = "Ensemble";
  c.total.operations = 2;
  c.total.contracts_with_clause = 3;
  c.total.target_hours = 3000;
  c.total.realised_hours = 3350.5;
  c.total.fte = 2;
  c.total.shortfall = {49.5, 400};  // the lots' own: 49,5 h missing, 200 + 200 h over
  c.total.participants = cell("participants", "Participants", 8);
  c.total.work_contracts = 11;
  // 8 people: 3 women, 5 men.
  c.total.breakdowns.push_back(breakdown("sex", "Sexe", false, false, 8, {cell("F", "Femmes", 3), cell("M", "Hommes", 5)}));
  c.counting.rules_version = "2026-11-22";
  c.counting.rules_sha256 = "ab12";
  return c;
}

// P-0007, validated on 1 February 2027: January's 21 h come before her validation and count nothing;
// February: 105,5 h of work and 35 h of training on a professionalisation contract, both counted
// (140,5 h); March: 147 h of temping.
// Work 21 + 105,5 + 147 = 273,5 h; training 35 h; counted 140,5 + 147 = 287,5 h.
ParticipantSheet sample_sheet() {
  ParticipantSheet s;
  s.operation_id = "CARC-2027-003";
  s.operation_title = "Rénovation du gymnase";
  s.buyer = "Ville de Carcassonne";
  s.ref = "P-0007";
  s.sex = Sex::female;
  s.birth_year = 1999;
  s.age_at_validation = 28;
  s.age_band = AgeBand::from_26_to_49;
  s.education_level = 3;
  s.criteria = {"deld", "qpv"};
  s.validated_on = Date(2027, 2, 1);
  s.validity_end = Date(2029, 2, 28);
  s.first_month = "2027-02";
  s.last_month = "2027-03";
  s.months = {{"2027-01", "1", track::Route::direct, track::Contract::cdd, "BTP Sud", 21, 0, 0, "before-validation"},
              {"2027-02", "1", track::Route::direct, track::Contract::professionalisation, "BTP Sud", 105.5, 35, 140.5, ""},
              {"2027-03", "1", track::Route::etti, track::Contract::interim, "Trajectoire Intérim", 147, 0, 147, ""}};
  s.work_hours = 273.5;
  s.training_hours = 35;
  s.counted_hours = 287.5;
  s.lots = {"1"};
  s.routes = {track::Route::direct, track::Route::etti};
  s.contracts = {track::Contract::cdd, track::Contract::interim, track::Contract::professionalisation};
  s.employers = {"BTP Sud", "Trajectoire Intérim"};
  s.exit = KnownSituation{Date(2027, 6, 30), "cdd-6m-plus", OutcomeCategory::durable};
  s.as_of = Date(2027, 12, 31);
  s.counting = {"work-contracts", 24, 0, "2026-11-22", "ab12"};
  return s;
}

// A workbook read back: sheet names in order, shared strings, and each sheet's cells by reference ("H2").
struct Workbook {
  std::vector<std::string> sheets;
  std::vector<std::string> strings;
  std::vector<std::map<std::string, pugi::xml_node>> cells;
  std::deque<pugi::xml_document> xml;  // the cells point into these documents
  std::string styles;

  explicit Workbook(const std::map<std::string, std::string>& parts) {
    auto load = [&](const std::string& name) -> pugi::xml_document& {
      pugi::xml_document& doc = xml.emplace_back();
      auto it = parts.find(name);
      REQUIRE_MESSAGE(it != parts.end(), "no part " << name);
      const pugi::xml_parse_result result = doc.load_buffer(it->second.data(), it->second.size());
      REQUIRE_MESSAGE(result, name << ": " << result.description());
      return doc;
    };
    for (pugi::xml_node s : load("xl/workbook.xml").child("workbook").child("sheets").children("sheet"))
      sheets.push_back(s.attribute("name").value());
    for (pugi::xml_node si : load("xl/sharedStrings.xml").child("sst").children("si"))
      strings.push_back(si.child("t").text().get());
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const pugi::xml_document& sheet = load("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml");
      std::map<std::string, pugi::xml_node> by_ref;
      for (pugi::xml_node row : sheet.child("worksheet").child("sheetData").children("row"))
        for (pugi::xml_node c : row.children("c")) by_ref[c.attribute("r").value()] = c;
      cells.push_back(std::move(by_ref));
    }
    styles = parts.at("xl/styles.xml");
  }

  pugi::xml_node cell(const std::string& sheet, const std::string& ref) const {
    for (std::size_t i = 0; i < sheets.size(); ++i)
      if (sheets[i] == sheet) {
        auto it = cells[i].find(ref);
        return it == cells[i].end() ? pugi::xml_node() : it->second;
      }
    FAIL("no sheet " << sheet);
    return {};
  }
  // A number cell: no t attribute, the value in <v>. Absent for a string or an empty cell.
  std::optional<double> number(const std::string& sheet, const std::string& ref) const {
    pugi::xml_node c = cell(sheet, ref);
    if (!c || c.attribute("t") || !c.child("v")) return std::nullopt;
    return c.child("v").text().as_double();
  }
  // A shared-string cell (t="s"): its text. Absent otherwise.
  std::optional<std::string> text(const std::string& sheet, const std::string& ref) const {
    pugi::xml_node c = cell(sheet, ref);
    if (!c || std::string(c.attribute("t").value()) != "s") return std::nullopt;
    return strings.at(c.child("v").text().as_uint());
  }
};

// Excel's serial number of a date: days since 1899-12-30 (for dates after February 1900).
double serial(Date d) { return static_cast<double>((d - Date(1899, 12, 30)).days()); }

}  // namespace

TEST_CASE("report render: Markdown bilan of an operation, suppressed cells written « < 3 »") {
  // Figures: see sample_operation(). Shares: route direct 4 ÷ 6 = 66,7 %; exit durable 3 ÷ 3 = 100 %.
  CHECK(render_markdown(sample_operation()) ==
      "# Bilan de la clause sociale d'insertion\n"
      "\n"
      "- Opération : CARC-2027-003 — Rénovation du gymnase\n"
      "- Acheteur : Ville de Carcassonne\n"
      "- Situation au 31 décembre 2027\n"
      "\n"
      "Les effectifs inférieurs à 3 personnes sont masqués (secret statistique) ; quand une seule case d'une "
      "répartition l'est, la plus petite des autres est aussi « masqué », pour que la première ne se déduise pas du "
      "total.\n"
      "\n"
      "## Synthèse\n"
      "\n"
      "- Heures d'insertion prévues : 700\u202Fheures\n"
      // Lot 2's 180 missing hours are not netted against lot 1's 50,5 over: never « il manque 129,5 heures ».
      "- Heures d'insertion réalisées : 570,5\u202Fheures, soit 81,5\u202F% de l'objectif (il manque 180\u202Fheures ; "
      "dépassement de 50,5\u202Fheures)\n"
      "- Participants ayant des heures décomptées : 6\n"
      "- Participants dont l'éligibilité est validée : 7\n"
      "- Contrats de travail : 8\n"
      "- Lignes de relevés non décomptées : 3 (21,5\u202Fheures déclarées)\n"
      "\n"
      "## Lots\n"
      "\n"
      "| Lot | Intitulé | Titulaire | Clause | Exécution | Heures prévues | Heures réalisées | Taux d'atteinte | Écart | Participants | Statut |\n"
      "|---|---|---|---|---|---:|---:|---:|---|---:|---|\n"
      "| 1 | Gros œuvre | BTP Sud | condition d'exécution | 04/01/2027 – 30/06/2027 | 400 | 450,5 | 112,6\u202F% | dépassement de 50,5\u202Fheures | 4 | atteint |\n"
      "| 2 | Peinture ; sols | Atelier Couleurs | marché réservé aux SIAE | 01/03/2027 – 29/02/2028 | 300 | 120 | 40\u202F% | il manque 180\u202Fheures | < 3 | en retard |\n"
      "| 3 | Électricité |  | sans clause |  | 0 | 0 | — |  | 0 | non suivi (sans clause) |\n"
      "\n"
      "### Par année\n"
      "\n"
      "| Lot | Année | Heures prévues | Heures réalisées | Participants |\n"
      "|---|---|---:|---:|---:|\n"
      "| 1 | 2027 | 400 | 450,5 | 4 |\n"
      "| 2 | 2027 | 250 | 120 | < 3 |\n"
      "| 2 | 2028 | 50 | 0 | 0 |\n"
      "\n"
      "## Titulaires\n"
      "\n"
      "| Titulaire | Lots | Heures prévues | Heures réalisées | Taux d'atteinte | Écart |\n"
      "|---|---|---:|---:|---:|---|\n"
      "| Atelier Couleurs | 2 | 300 | 120 | 40\u202F% | il manque 180\u202Fheures |\n"
      "| BTP Sud | 1 | 400 | 450,5 | 112,6\u202F% | dépassement de 50,5\u202Fheures |\n"
      "\n"
      "## Participants\n"
      "\n"
      "### Sexe\n"
      "\n"
      "Effectif : 6 personnes.\n"
      "\n"
      "| Catégorie | Personnes | Part |\n"
      "|---|---:|---:|\n"
      "| Femmes | < 3 | — |\n"
      "| Hommes | < 3 | — |\n"
      "| Non précisé | 0 | 0\u202F% |\n"
      "\n"
      "## Modalités, contrats et formation\n"
      "\n"
      "### Modalité de mise en œuvre\n"
      "\n"
      "Effectif : 6 personnes. Une personne peut relever de plusieurs catégories : les effectifs ne s'additionnent pas.\n"
      "\n"
      "| Catégorie | Personnes | Part | Heures |\n"
      "|---|---:|---:|---:|\n"
      "| Embauche directe | 4 | 66,7\u202F% | 300,5 |\n"
      "| Intérim d'insertion (ETTI) | < 3 | — | masqué |\n"
      "| Association intermédiaire | 0 | 0\u202F% | 0 |\n"
      "\n"
      "## Devenir des participants (à la sortie et six mois après)\n"
      "\n"
      "### Situation à la sortie\n"
      "\n"
      "Effectif : 3 personnes.\n"
      "\n"
      "| Catégorie | Personnes | Part |\n"
      "|---|---:|---:|\n"
      "| Emploi durable | 3 | 100\u202F% |\n"
      "| Emploi de transition | 0 | 0\u202F% |\n"
      "\n"
      "## Heures par mois\n"
      "\n"
      "| Mois | Heures réalisées | Cumul réalisé | Cumul attendu |\n"
      "|---|---:|---:|---:|\n"
      "| janvier 2027 | 50 | 50 | 60,25 |\n"
      "| février 2027 | 100 | 150 | 130,5 |\n"
      "\n"
      "## Lignes non décomptées\n"
      "\n"
      "| Motif | Lignes | Heures déclarées |\n"
      "|---|---:|---:|\n"
      "| avant la validation de l'éligibilité | 2 | 14 |\n"
      "| ligne en double | 1 | 7,5 |\n"
      "| **Total** | **3** | **21,5** |\n"
      "\n"
      "## Règles de décompte\n"
      "\n"
      "- Heures de formation : décomptées pour les contrats d'apprentissage et de professionnalisation\n"
      "- Validité de l'éligibilité : 24 mois après la validation\n"
      "- Tolérance avant retard : 10\u202F%\n"
      "- Tables de règles : version 2026-11-22, empreinte SHA-256 ab12\n");
}

TEST_CASE("report render: Markdown consolidation in the national network's terms") {
  // 3 350,5 ÷ 3 000 = 111,7 %; Carcassonne 2 150,5 ÷ 2 000 = 107,5 %; Aude 1 200 ÷ 1 000 = 120 %;
  // women 3 ÷ 8 = 37,5 %, men 5 ÷ 8 = 62,5 %. The Aude's participants are suppressed (< 3).
  CHECK(render_markdown(sample_consolidation()) ==
      "# Bilan consolidé des clauses sociales d'insertion\n"
      "\n"
      "- Situation au 31 décembre 2027\n"
      "- Opérations : 2\n"
      "- Regroupement : par acheteur\n"
      "\n"
      "Les effectifs inférieurs à 3 personnes sont masqués (secret statistique) ; quand une seule case d'une "
      "répartition l'est, la plus petite des autres est aussi « masqué », pour que la première ne se déduise pas du "
      "total.\n"
      "\n"
      "## Chiffres clés (indicateurs du réseau national)\n"
      "\n"
      "| Indicateur | Valeur |\n"
      "|---|---:|\n"
      "| Marchés avec une clause sociale | 3 |\n"
      "| Heures d'insertion prévues | 3\u202F000 |\n"
      "| Heures d'insertion réalisées | 3\u202F350,5 |\n"
      "| Taux d'atteinte | 111,7\u202F% |\n"
      "| Heures manquantes (somme des manques de chaque lot) | 49,5 |\n"
      "| Dépassement (somme des excédents de chaque lot) | 400 |\n"
      "| Équivalents temps plein (1\u202F820\u202Fheures) | 2 |\n"
      "| Participants (chacun compté une fois) | 8 |\n"
      "| Contrats de travail | 11 |\n"
      "\n"
      "## Par acheteur\n"
      "\n"
      "| Acheteur | Opérations | Marchés avec clause | Heures prévues | Heures réalisées | Heures manquantes | "
      "Dépassement (heures) | ETP | Participants | Contrats de travail |\n"
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
      "| Département de l'Aude | 1 | 1 | 1\u202F000 | 1\u202F200 | 0 | 200 | 1 | < 3 | < 3 |\n"
      "| Ville de Carcassonne | 1 | 2 | 2\u202F000 | 2\u202F150,5 | 49,5 | 200 | 1 | 5 | 6 |\n"
      "| **Ensemble** | **2** | **3** | **3\u202F000** | **3\u202F350,5** | **49,5** | **400** | **2** | **8** | **11** |\n"
      "\n"
      "## Répartitions\n"
      "\n"
      "### Sexe\n"
      "\n"
      "Effectif : 8 personnes.\n"
      "\n"
      "| Catégorie | Personnes | Part |\n"
      "|---|---:|---:|\n"
      "| Femmes | 3 | 37,5\u202F% |\n"
      "| Hommes | 5 | 62,5\u202F% |\n"
      "\n"
      "## Opérations\n"
      "\n"
      "| Opération | Intitulé | Acheteur | Lots avec clause | Heures prévues | Heures réalisées | Taux d'atteinte | Écart |\n"
      "|---|---|---|---:|---:|---:|---:|---|\n"
      "| CARC-2027-003 | Rénovation du gymnase | Ville de Carcassonne | 2 | 2\u202F000 | 2\u202F150,5 | 107,5\u202F% | "
      "il manque 49,5\u202Fheures ; dépassement de 200\u202Fheures |\n"
      "| AUDE-2027-010 | Collège ; extension | Département de l'Aude | 1 | 1\u202F000 | 1\u202F200 | 120\u202F% | "
      "dépassement de 200\u202Fheures |\n"
      "\n"
      "## Règles\n"
      "\n"
      "- Un équivalent temps plein compte 1\u202F820\u202Fheures : douze mois de 151,67\u202Fheures, comme la méthode fte "
      "(le réseau national des facilitateurs compte 1\u202F600\u202Fheures travaillées)\n"
      "- Tables de règles : version 2026-11-22, empreinte SHA-256 ab12\n");
}

TEST_CASE("report render: Markdown participant sheet with every month and signature lines") {
  CHECK(render_markdown(sample_sheet()) ==
      "# Fiche individuelle de parcours — P-0007\n"
      "\n"
      "- Opération : CARC-2027-003 — Rénovation du gymnase\n"
      "- Acheteur : Ville de Carcassonne\n"
      "- Situation au 31 décembre 2027\n"
      "- Participant : P-0007 (femme)\n"
      "- Année de naissance : 1999 (28 ans à la validation, tranche 26 à 49 ans)\n"
      "- Niveau de formation : 3\n"
      "- Éligibilité validée le 1er février 2027, valable jusqu'au 28 février 2029\n"
      "- Critères d'éligibilité : Demandeur d'emploi de longue durée (12 mois ou plus) ; Demandeur d'emploi résidant en QPV\n"
      "\n"
      "## Parcours\n"
      "\n"
      "- Heures décomptées de février 2027 à mars 2027\n"
      "- Heures de travail : 273,5\u202Fheures ; heures de formation : 35\u202Fheures ; heures décomptées : 287,5\u202Fheures\n"
      "- Lots : 1\n"
      "- Modalités : embauche directe, intérim d'insertion (ETTI)\n"
      "- Contrats : CDD, intérim, professionnalisation\n"
      "- Employeurs : BTP Sud, Trajectoire Intérim\n"
      "\n"
      "## Heures par mois\n"
      "\n"
      "| Mois | Lot | Modalité | Contrat | Employeur | Travail | Formation | Décomptées | Observation |\n"
      "|---|---|---|---|---|---:|---:|---:|---|\n"
      "| janvier 2027 | 1 | embauche directe | CDD | BTP Sud | 21 | 0 | 0 | non décomptée : avant la validation de l'éligibilité |\n"
      "| février 2027 | 1 | embauche directe | professionnalisation | BTP Sud | 105,5 | 35 | 140,5 |  |\n"
      "| mars 2027 | 1 | intérim d'insertion (ETTI) | intérim | Trajectoire Intérim | 147 | 0 | 147 |  |\n"
      "| **Total** |  |  |  |  | **273,5** | **35** | **287,5** |  |\n"
      "\n"
      "## Situation\n"
      "\n"
      "- À la sortie (30 juin 2027) : CDD de plus de six mois — emploi durable\n"
      "- Six mois après la sortie : non renseignée\n"
      "\n"
      "## Règles de décompte\n"
      "\n"
      "- Heures de formation : décomptées pour les contrats d'apprentissage et de professionnalisation\n"
      "- Validité de l'éligibilité : 24 mois après la validation\n"
      "- Tables de règles : version 2026-11-22, empreinte SHA-256 ab12\n"
      "\n"
      "## Signatures\n"
      "\n"
      "| Le titulaire | Le facilitateur de la clause sociale |\n"
      "|---|---|\n"
      "| Nom et qualité : | Nom : |\n"
      "| Date : | Date : |\n"
      "| Signature : | Signature : |\n");
}

TEST_CASE("report render: CSV long format of an operation, suppressed people and hours left empty") {
  CHECK(render_csv(sample_operation()) == std::string(text::utf8_bom) +
      "table;operation;lot;group;breakdown;key;label;people;hours;suppressed\r\n"
      "operation;CARC-2027-003;;;;target_hours;Heures d'insertion prévues;;700;\r\n"
      "operation;CARC-2027-003;;;;realised_hours;Heures d'insertion réalisées;;570,5;\r\n"
      "operation;CARC-2027-003;;;;missing_hours;Heures manquantes;;180;\r\n"
      "operation;CARC-2027-003;;;;over_hours;Heures au-delà de l'objectif;;50,5;\r\n"
      "operation;CARC-2027-003;;;;participants;Participants;6;;\r\n"
      "operation;CARC-2027-003;;;;validated_participants;Participants dont l'éligibilité est validée;7;;\r\n"
      "operation;CARC-2027-003;;;;work_contracts;Contrats de travail;8;;\r\n"
      "lot;CARC-2027-003;1;;;target_hours;Heures d'insertion prévues;;400;\r\n"
      "lot;CARC-2027-003;1;;;realised_hours;Heures d'insertion réalisées;;450,5;\r\n"
      "lot;CARC-2027-003;1;;;missing_hours;Heures manquantes;;0;\r\n"
      "lot;CARC-2027-003;1;;;over_hours;Heures au-delà de l'objectif;;50,5;\r\n"
      "lot;CARC-2027-003;1;;;participants;Participants;4;;\r\n"
      "lot_year;CARC-2027-003;1;2027;;target_hours;Heures d'insertion prévues;;400;\r\n"
      "lot_year;CARC-2027-003;1;2027;;realised_hours;Heures d'insertion réalisées;;450,5;\r\n"
      "lot_year;CARC-2027-003;1;2027;;participants;Participants;4;;\r\n"
      "lot;CARC-2027-003;2;;;target_hours;Heures d'insertion prévues;;300;\r\n"
      "lot;CARC-2027-003;2;;;realised_hours;Heures d'insertion réalisées;;120;\r\n"
      "lot;CARC-2027-003;2;;;missing_hours;Heures manquantes;;180;\r\n"
      "lot;CARC-2027-003;2;;;over_hours;Heures au-delà de l'objectif;;0;\r\n"
      "lot;CARC-2027-003;2;;;participants;Participants;;;oui\r\n"
      "lot_year;CARC-2027-003;2;2027;;target_hours;Heures d'insertion prévues;;250;\r\n"
      "lot_year;CARC-2027-003;2;2027;;realised_hours;Heures d'insertion réalisées;;120;\r\n"
      "lot_year;CARC-2027-003;2;2027;;participants;Participants;;;oui\r\n"
      "lot_year;CARC-2027-003;2;2028;;target_hours;Heures d'insertion prévues;;50;\r\n"
      "lot_year;CARC-2027-003;2;2028;;realised_hours;Heures d'insertion réalisées;;0;\r\n"
      "lot_year;CARC-2027-003;2;2028;;participants;Participants;0;;\r\n"
      "lot;CARC-2027-003;3;;;target_hours;Heures d'insertion prévues;;0;\r\n"
      "lot;CARC-2027-003;3;;;realised_hours;Heures d'insertion réalisées;;0;\r\n"
      "lot;CARC-2027-003;3;;;missing_hours;Heures manquantes;;0;\r\n"
      "lot;CARC-2027-003;3;;;over_hours;Heures au-delà de l'objectif;;0;\r\n"
      "lot;CARC-2027-003;3;;;participants;Participants;0;;\r\n"
      "contractor;CARC-2027-003;;Atelier Couleurs;;target_hours;Heures d'insertion prévues;;300;\r\n"
      "contractor;CARC-2027-003;;Atelier Couleurs;;realised_hours;Heures d'insertion réalisées;;120;\r\n"
      "contractor;CARC-2027-003;;Atelier Couleurs;;missing_hours;Heures manquantes;;180;\r\n"
      "contractor;CARC-2027-003;;Atelier Couleurs;;over_hours;Heures au-delà de l'objectif;;0;\r\n"
      "contractor;CARC-2027-003;;BTP Sud;;target_hours;Heures d'insertion prévues;;400;\r\n"
      "contractor;CARC-2027-003;;BTP Sud;;realised_hours;Heures d'insertion réalisées;;450,5;\r\n"
      "contractor;CARC-2027-003;;BTP Sud;;missing_hours;Heures manquantes;;0;\r\n"
      "contractor;CARC-2027-003;;BTP Sud;;over_hours;Heures au-delà de l'objectif;;50,5;\r\n"
      "breakdown;CARC-2027-003;;;sex;population;Effectif;6;;\r\n"
      "breakdown;CARC-2027-003;;;sex;F;Femmes;;;oui\r\n"
      "breakdown;CARC-2027-003;;;sex;M;Hommes;;;oui\r\n"
      "breakdown;CARC-2027-003;;;sex;X;Non précisé;0;;\r\n"
      "breakdown;CARC-2027-003;;;route;population;Effectif;6;;\r\n"
      "breakdown;CARC-2027-003;;;route;direct;Embauche directe;4;300,5;\r\n"
      "breakdown;CARC-2027-003;;;route;etti;Intérim d'insertion (ETTI);;;oui\r\n"
      "breakdown;CARC-2027-003;;;route;ai;Association intermédiaire;0;0;\r\n"
      "breakdown;CARC-2027-003;;;exit;population;Effectif;3;;\r\n"
      "breakdown;CARC-2027-003;;;exit;durable;Emploi durable;3;;\r\n"
      "breakdown;CARC-2027-003;;;exit;transition;Emploi de transition;0;;\r\n"
      "breakdown;CARC-2027-003;1;;sex;population;Effectif;4;;\r\n"
      "breakdown;CARC-2027-003;1;;sex;F;Femmes;;;oui\r\n"
      "breakdown;CARC-2027-003;1;;sex;M;Hommes;;;oui\r\n"
      "breakdown;CARC-2027-003;1;;sex;X;Non précisé;0;;\r\n"
      "month;CARC-2027-003;;2027-01;;realised;Heures réalisées;;50;\r\n"
      "month;CARC-2027-003;;2027-01;;cumulative;Cumul réalisé;;50;\r\n"
      "month;CARC-2027-003;;2027-01;;expected_cumulative;Cumul attendu;;60,25;\r\n"
      "month;CARC-2027-003;;2027-02;;realised;Heures réalisées;;100;\r\n"
      "month;CARC-2027-003;;2027-02;;cumulative;Cumul réalisé;;150;\r\n"
      "month;CARC-2027-003;;2027-02;;expected_cumulative;Cumul attendu;;130,5;\r\n"
      "not_counted;CARC-2027-003;;;;before-validation;avant la validation de l'éligibilité;2;14;\r\n"
      "not_counted;CARC-2027-003;;;;duplicate;ligne en double;1;7,5;\r\n");
}

TEST_CASE("report render: CSV long format of a consolidation") {
  CHECK(render_csv(sample_consolidation()) == std::string(text::utf8_bom) +
      "table;operation;lot;group;breakdown;key;label;people;hours;suppressed\r\n"
      "total;;;;;operations;Opérations;2;;\r\n"
      "total;;;;;contracts_with_clause;Marchés avec une clause sociale;3;;\r\n"
      "total;;;;;target_hours;Heures d'insertion prévues;;3000;\r\n"
      "total;;;;;realised_hours;Heures d'insertion réalisées;;3350,5;\r\n"
      "total;;;;;missing_hours;Heures manquantes;;49,5;\r\n"
      "total;;;;;over_hours;Heures au-delà de l'objectif;;400;\r\n"
      "total;;;;;fte;Équivalents temps plein (1\u202F820\u202Fheures);2;;\r\n"
      "total;;;;;participants;Participants;8;;\r\n"
      "total;;;;;work_contracts;Contrats de travail;11;;\r\n"
      "breakdown;;;;sex;population;Effectif;8;;\r\n"
      "breakdown;;;;sex;F;Femmes;3;;\r\n"
      "breakdown;;;;sex;M;Hommes;5;;\r\n"
      "group;;;Département de l'Aude;;operations;Opérations;1;;\r\n"
      "group;;;Département de l'Aude;;contracts_with_clause;Marchés avec une clause sociale;1;;\r\n"
      "group;;;Département de l'Aude;;target_hours;Heures d'insertion prévues;;1000;\r\n"
      "group;;;Département de l'Aude;;realised_hours;Heures d'insertion réalisées;;1200;\r\n"
      "group;;;Département de l'Aude;;missing_hours;Heures manquantes;;0;\r\n"
      "group;;;Département de l'Aude;;over_hours;Heures au-delà de l'objectif;;200;\r\n"
      "group;;;Département de l'Aude;;fte;Équivalents temps plein (1\u202F820\u202Fheures);1;;\r\n"
      "group;;;Département de l'Aude;;participants;Participants;;;oui\r\n"
      "group;;;Département de l'Aude;;work_contracts;Contrats de travail;;;oui\r\n"
      "group;;;Ville de Carcassonne;;operations;Opérations;1;;\r\n"
      "group;;;Ville de Carcassonne;;contracts_with_clause;Marchés avec une clause sociale;2;;\r\n"
      "group;;;Ville de Carcassonne;;target_hours;Heures d'insertion prévues;;2000;\r\n"
      "group;;;Ville de Carcassonne;;realised_hours;Heures d'insertion réalisées;;2150,5;\r\n"
      "group;;;Ville de Carcassonne;;missing_hours;Heures manquantes;;49,5;\r\n"
      "group;;;Ville de Carcassonne;;over_hours;Heures au-delà de l'objectif;;200;\r\n"
      "group;;;Ville de Carcassonne;;fte;Équivalents temps plein (1\u202F820\u202Fheures);1;;\r\n"
      "group;;;Ville de Carcassonne;;participants;Participants;5;;\r\n"
      "group;;;Ville de Carcassonne;;work_contracts;Contrats de travail;6;;\r\n"
      "breakdown;;;Ville de Carcassonne;sex;population;Effectif;5;;\r\n"
      "breakdown;;;Ville de Carcassonne;sex;F;Femmes;;;oui\r\n"
      "breakdown;;;Ville de Carcassonne;sex;M;Hommes;;;oui\r\n"
      "operation;CARC-2027-003;;;;lots_with_clause;Lots avec une clause sociale;2;;\r\n"
      "operation;CARC-2027-003;;;;target_hours;Heures d'insertion prévues;;2000;\r\n"
      "operation;CARC-2027-003;;;;realised_hours;Heures d'insertion réalisées;;2150,5;\r\n"
      "operation;CARC-2027-003;;;;missing_hours;Heures manquantes;;49,5;\r\n"
      "operation;CARC-2027-003;;;;over_hours;Heures au-delà de l'objectif;;200;\r\n"
      "operation;AUDE-2027-010;;;;lots_with_clause;Lots avec une clause sociale;1;;\r\n"
      "operation;AUDE-2027-010;;;;target_hours;Heures d'insertion prévues;;1000;\r\n"
      "operation;AUDE-2027-010;;;;realised_hours;Heures d'insertion réalisées;;1200;\r\n"
      "operation;AUDE-2027-010;;;;missing_hours;Heures manquantes;;0;\r\n"
      "operation;AUDE-2027-010;;;;over_hours;Heures au-delà de l'objectif;;200;\r\n");
}

TEST_CASE("report render: open data, DECP considerationsSociales per lot and a flat CSV per lot and year") {
  CHECK(render_decp({sample_operation()}) ==
      "{\n"
      "  \"format\": \"clausier/decp/1\",\n"
      "  \"marches\": [\n"
      "    {\n"
      "      \"operation\": \"CARC-2027-003\",\n"
      "      \"lot\": \"1\",\n"
      "      \"objet\": \"Gros œuvre\",\n"
      "      \"considerationsSociales\": {\n"
      "        \"considerationSociale\": [\n"
      "          \"Clause sociale\"\n"
      "        ]\n"
      "      }\n"
      "    },\n"
      "    {\n"
      "      \"operation\": \"CARC-2027-003\",\n"
      "      \"lot\": \"2\",\n"
      "      \"objet\": \"Peinture ; sols\",\n"
      "      \"considerationsSociales\": {\n"
      "        \"considerationSociale\": [\n"
      "          \"Clause sociale\",\n"
      "          \"Marché réservé\"\n"
      "        ]\n"
      "      }\n"
      "    },\n"
      "    {\n"
      "      \"operation\": \"CARC-2027-003\",\n"
      "      \"lot\": \"3\",\n"
      "      \"objet\": \"Électricité\",\n"
      "      \"considerationsSociales\": {\n"
      "        \"considerationSociale\": [\n"
      "          \"Pas de considération sociale\"\n"
      "        ]\n"
      "      }\n"
      "    }\n"
      "  ]\n"
      "}\n");
  // Lot 3 has no year (no execution period, no row): one row with its totals and an empty year.
  CHECK(render_flat({sample_operation()}) == std::string(text::utf8_bom) +
      "operation;buyer;lot;title;trade;clause;decp;year;target_hours;realised_hours;participants;suppressed\r\n"
      "CARC-2027-003;Ville de Carcassonne;1;Gros œuvre;gros-oeuvre;execution;Clause sociale;2027;400;450,5;4;\r\n"
      "CARC-2027-003;Ville de Carcassonne;2;\"Peinture ; sols\";;reserved-siae;\"Clause sociale ; Marché réservé\";2027;250;120;;oui\r\n"
      "CARC-2027-003;Ville de Carcassonne;2;\"Peinture ; sols\";;reserved-siae;\"Clause sociale ; Marché réservé\";2028;50;0;0;\r\n"
      "CARC-2027-003;Ville de Carcassonne;3;Électricité;;none;Pas de considération sociale;;0;0;0;\r\n");
  CHECK(render_decp({}) == "{\n  \"format\": \"clausier/decp/1\",\n  \"marches\": []\n}\n");
}

TEST_CASE("report render: xlsx of an operation, one sheet per table, figures as numbers, the same bytes twice") {
  const std::string bytes = render_xlsx(sample_operation());
  CHECK(render_xlsx(sample_operation()) == bytes);
  std::vector<std::time_t> mtimes;
  std::map<std::string, std::string> parts;
  for (clausier::test::ZipEntry& e : clausier::test::unzip(bytes)) {
    mtimes.push_back(e.mtime);
    parts[e.name] = std::move(e.bytes);
  }
  const Workbook w(parts);
  std::tm first_dos_date{};  // libzip reads the DOS date as local time, so the expected value is local too
  first_dos_date.tm_year = 80;
  first_dos_date.tm_mday = 1;
  first_dos_date.tm_isdst = -1;
  const std::time_t dos_epoch = std::mktime(&first_dos_date);
  for (std::time_t t : mtimes) CHECK(t == dos_epoch);
  CHECK(w.sheets == std::vector<std::string>{"Synthèse", "Lots", "Lots par année", "Titulaires", "Répartitions", "Mois",
                                             "Non décomptées", "Règles"});
  // Synthèse: label in A, value in B; row 5 is the date, then the hours.
  CHECK(w.text("Synthèse", "A1") == "Indicateur");
  CHECK(w.number("Synthèse", "B5") == serial(Date(2027, 12, 31)));  // 46 752
  CHECK(w.number("Synthèse", "B6") == 700);
  CHECK(w.number("Synthèse", "B7") == 570.5);
  CHECK(w.number("Synthèse", "B8") == doctest::Approx(0.815));  // 570,5 ÷ 700
  // Lot 1's 50,5 h over and lot 2's 180 h missing, each shown apart: never « 0 » and « 129,5 ».
  CHECK(w.text("Synthèse", "A9") == "Dépassement de l'objectif (heures, somme des excédents de chaque lot)");
  CHECK(w.number("Synthèse", "B9") == 50.5);
  CHECK(w.number("Synthèse", "B10") == 180);
  CHECK(w.number("Synthèse", "B11") == 6);
  CHECK(w.text("Synthèse", "A17") == "Notes");
  CHECK(w.text("Synthèse", "B17") ==
        "Les effectifs inférieurs à 3 personnes sont masqués (secret statistique) ; quand une seule case d'une "
        "répartition l'est, la plus petite des autres est aussi « masqué », pour que la première ne se déduise pas du "
        "total.");
  // Lots: H target, I realised, J achievement, K over, L missing, M participants.
  CHECK(w.text("Lots", "H1") == "Heures prévues");
  CHECK(w.text("Lots", "A2") == "1");  // a lot id stays text
  CHECK(w.number("Lots", "F2") == serial(Date(2027, 1, 4)));  // 46 391
  CHECK(w.number("Lots", "H2") == 400);
  CHECK(w.number("Lots", "I2") == 450.5);
  CHECK(w.number("Lots", "J2") == 1.12625);  // 450,5 ÷ 400
  CHECK(w.number("Lots", "K2") == 50.5);
  CHECK(w.number("Lots", "M2") == 4);
  CHECK(w.number("Lots", "L3") == 180);
  CHECK(w.text("Lots", "M3") == "< 3");  // as in every other document
  CHECK(!w.number("Lots", "J4"));  // lot 3: no target, no achievement
  CHECK(w.text("Lots", "A6") == "Notes");
  CHECK(w.number("Lots par année", "B3") == 2027);
  CHECK(w.text("Lots par année", "E3") == "< 3");
  CHECK(w.number("Titulaires", "E2") == 0.4);
  CHECK(w.number("Titulaires", "G2") == 180);   // Atelier Couleurs: missing
  CHECK(w.number("Titulaires", "F3") == 50.5);  // BTP Sud: over
  // Répartitions: sex of the operation first (F suppressed, population 6), then routes.
  CHECK(w.text("Répartitions", "C2") == "Femmes");
  CHECK(w.text("Répartitions", "E2") == "< 3");
  CHECK(!w.cell("Répartitions", "F2"));  // sex carries no hours
  CHECK(w.number("Répartitions", "G2") == 6);
  CHECK(w.number("Répartitions", "E5") == 4);  // route direct
  CHECK(w.number("Répartitions", "F5") == 300.5);
  CHECK(w.text("Répartitions", "F6") == "masqué");  // route etti: hours hidden too
  CHECK(w.number("Mois", "A2") == serial(Date(2027, 1, 1)));
  CHECK(w.number("Mois", "D3") == 130.5);
  CHECK(w.number("Non décomptées", "C4") == 3);  // total row
  CHECK(w.number("Non décomptées", "D4") == 21.5);
  CHECK(w.number("Règles", "B3") == 24);
  // Header cells are bold; number formats in Excel's neutral code, shown the French way by a French reader.
  CHECK(w.cell("Lots", "A1").attribute("s").as_int() != 0);
  for (const char* code : {"formatCode=\"#,##0\"", "formatCode=\"#,##0.0#\"", "formatCode=\"0.0%\"",
                           "formatCode=\"dd/mm/yyyy\"", "formatCode=\"mm/yyyy\""})
    CHECK(w.styles.find(code) != std::string::npos);
  // Another report, other bytes.
  OperationReport other = sample_operation();
  other.lots[0].realised_hours = 451;
  CHECK(render_xlsx(other) != bytes);
}

TEST_CASE("report render: a workbook whose only hidden cells are a lot's breakdown says they are hidden") {
  // Nothing hidden in the operation's own figures; lot 1's sex breakdown hides F and M.
  OperationReport r = sample_operation();
  r.breakdowns.clear();
  r.lots[1].participants = cell("participants", "Participants", 3);
  r.lots[1].years[0].participants = cell("participants", "Participants", 3);
  const Workbook w(clausier::test::unzip_by_name(render_xlsx(r)));
  CHECK(w.text("Répartitions", "A2") == "Lot 1");
  CHECK(w.text("Répartitions", "E2") == "< 3");  // Femmes
  const std::string hidden_note =
      "Les effectifs inférieurs à 3 personnes sont masqués (secret statistique) ; quand une seule case d'une "
      "répartition l'est, la plus petite des autres est aussi « masqué », pour que la première ne se déduise pas du "
      "total.";
  CHECK(w.text("Synthèse", "A17") == "Notes");
  CHECK(w.text("Synthèse", "B17") == hidden_note);  // not « aucun effectif de ce bilan n'est sous ce seuil »
  for (const std::string& s : w.strings) CHECK(s.find("aucun effectif") == std::string::npos);
  // The Markdown bilan shows no lot breakdown: nothing in it is hidden, and it says so.
  const std::string md = render_markdown(r);
  CHECK(md.find("< 3") == std::string::npos);
  CHECK(md.find("aucun effectif de ce bilan n'est sous ce seuil") != std::string::npos);
}

TEST_CASE("report render: xlsx of a consolidation") {
  const std::string bytes = render_xlsx(sample_consolidation());
  CHECK(render_xlsx(sample_consolidation()) == bytes);
  const Workbook w(clausier::test::unzip_by_name(bytes));
  CHECK(w.sheets == std::vector<std::string>{"Synthèse", "Groupes", "Opérations", "Répartitions", "Règles"});
  CHECK(w.number("Synthèse", "B4") == 2);  // operations
  CHECK(w.number("Synthèse", "B9") == 400);   // over: 200 + 200, each lot's own
  CHECK(w.number("Synthèse", "B10") == 49.5);  // missing: the gymnase's one lot short, not netted
  CHECK(w.number("Synthèse", "B11") == 2);  // FTE: 3 350,5 ÷ 1 600 = 2,09 → 2
  CHECK(w.number("Synthèse", "B12") == 8);
  CHECK(w.text("Groupes", "B2") == "Département de l'Aude");
  CHECK(w.number("Groupes", "F2") == 1200);
  CHECK(w.text("Groupes", "H2") == "< 3");
  CHECK(w.text("Groupes", "B4") == "Ensemble");
  CHECK(w.number("Groupes", "F4") == 3350.5);
  CHECK(w.number("Groupes", "G4") == 2);
  CHECK(w.number("Groupes", "J4") == 400);   // over, then missing, after the people
  CHECK(w.number("Groupes", "K4") == 49.5);
  CHECK(w.number("Opérations", "G3") == 1.2);  // 1 200 ÷ 1 000
  CHECK(w.number("Opérations", "H2") == 200);
  CHECK(w.number("Opérations", "I2") == 49.5);
  CHECK(w.text("Répartitions", "A4") == "Ville de Carcassonne");
  CHECK(w.text("Répartitions", "E4") == "< 3");
  CHECK(w.number("Règles", "B2") == 1820);
}

TEST_CASE("report render: a suppressed value is never written, in any format") {
  const OperationReport r = sample_operation();
  const Consolidation c = sample_consolidation();
  std::vector<std::pair<std::string, std::string>> outputs{
      {"md", render_markdown(r)},      {"csv", render_csv(r)},        {"decp", render_decp({r})},
      {"flat", render_flat({r})},      {"json", render_json(r)},      {"html", render_html(r)},
      {"md consolidation", render_markdown(c)}, {"csv consolidation", render_csv(c)},
      {"json consolidation", render_json(c)},   {"html consolidation", render_html(c)}};
  for (const auto& [name, part] : clausier::test::unzip_by_name(render_xlsx(r))) outputs.emplace_back("xlsx " + name, part);
  for (const auto& [name, part] : clausier::test::unzip_by_name(render_xlsx(c))) outputs.emplace_back("xlsx consolidation " + name, part);
  for (const auto& [name, text] : outputs)
    for (const std::string& sentinel : sentinels) {
      CAPTURE(name);
      CHECK(text.find(sentinel) == std::string::npos);
    }
}

TEST_CASE("report render: a breakdown whose population is hidden gives no share") {
  // One operation, two people only: with a threshold of 3, the population of the exit breakdown (2) is hidden,
  // and so is each non-zero cell; a share would give them back.
  Consolidation c;
  c.as_of = Date(2027, 12, 31);
  c.min_cell = 3;
  c.total.label = "Ensemble";
  c.total.participants = cell("participants", "Participants", 7771, 0, true);
  Breakdown exit = breakdown("exit", "Situation à la sortie", false, false, 7772,
                             {cell("durable", "Emploi durable", 7773, 0, true), cell("other", "Autre situation", 0)});
  exit.population_suppressed = true;
  c.total.breakdowns.push_back(exit);
  c.counting.rules_version = "2026-11-22";
  c.counting.rules_sha256 = "ab12";
  CHECK(render_markdown(c) ==
        "# Bilan consolidé des clauses sociales d'insertion\n"
        "\n"
        "- Situation au 31 décembre 2027\n"
        "- Opérations : 0\n"
        "- Regroupement : aucun\n"
        "\n"
        "Les effectifs inférieurs à 3 personnes sont masqués (secret statistique) ; quand une seule case d'une "
      "répartition l'est, la plus petite des autres est aussi « masqué », pour que la première ne se déduise pas du "
      "total.\n"
        "\n"
        "## Chiffres clés (indicateurs du réseau national)\n"
        "\n"
        "| Indicateur | Valeur |\n"
        "|---|---:|\n"
        "| Marchés avec une clause sociale | 0 |\n"
        "| Heures d'insertion prévues | 0 |\n"
        "| Heures d'insertion réalisées | 0 |\n"
        "| Taux d'atteinte | — |\n"
        "| Heures manquantes (somme des manques de chaque lot) | 0 |\n"
        "| Dépassement (somme des excédents de chaque lot) | 0 |\n"
        "| Équivalents temps plein (1\u202F820\u202Fheures) | 0 |\n"
        "| Participants (chacun compté une fois) | < 3 |\n"
        "| Contrats de travail | < 3 |\n"
        "\n"
        "## Répartitions\n"
        "\n"
        "### Situation à la sortie\n"
        "\n"
        "Effectif : < 3 personnes.\n"
        "\n"
        "| Catégorie | Personnes | Part |\n"
        "|---|---:|---:|\n"
        "| Emploi durable | < 3 | — |\n"
        "| Autre situation | 0 | — |\n"
        "\n"
        "## Opérations\n"
        "\n"
        "Aucune opération.\n"
        "\n"
        "## Règles\n"
        "\n"
        "- Un équivalent temps plein compte 1\u202F820\u202Fheures : douze mois de 151,67\u202Fheures, comme la méthode fte "
      "(le réseau national des facilitateurs compte 1\u202F600\u202Fheures travaillées)\n"
        "- Tables de règles : version 2026-11-22, empreinte SHA-256 ab12\n");
  CHECK(render_csv(c) == std::string(text::utf8_bom) +
        "table;operation;lot;group;breakdown;key;label;people;hours;suppressed\r\n"
        "total;;;;;operations;Opérations;0;;\r\n"
        "total;;;;;contracts_with_clause;Marchés avec une clause sociale;0;;\r\n"
        "total;;;;;target_hours;Heures d'insertion prévues;;0;\r\n"
        "total;;;;;realised_hours;Heures d'insertion réalisées;;0;\r\n"
        "total;;;;;missing_hours;Heures manquantes;;0;\r\n"
        "total;;;;;over_hours;Heures au-delà de l'objectif;;0;\r\n"
        "total;;;;;fte;Équivalents temps plein (1\u202F820\u202Fheures);0;;\r\n"
        "total;;;;;participants;Participants;;;oui\r\n"
        "total;;;;;work_contracts;Contrats de travail;;;oui\r\n"
        "breakdown;;;;exit;population;Effectif;;;oui\r\n"
        "breakdown;;;;exit;durable;Emploi durable;;;oui\r\n"
        "breakdown;;;;exit;other;Autre situation;0;;\r\n");
  for (const std::string& sentinel : sentinels) {
    CHECK(render_markdown(c).find(sentinel) == std::string::npos);
    CHECK(render_csv(c).find(sentinel) == std::string::npos);
  }
}

namespace {

// The cell of the row whose first cell is `first`, in the column headed `header`, of a Markdown table.
std::string markdown_cell(const std::string& md, const std::string& first, const std::string& header) {
  auto cells = [](const std::string& line) {
    std::vector<std::string> out;
    std::size_t at = 2;  // after "| "
    for (std::size_t bar; (bar = line.find(" |", at)) != std::string::npos; at = bar + 3) out.push_back(line.substr(at, bar - at));
    return out;
  };
  const std::size_t row = md.find("\n| " + first + " |");
  if (row == std::string::npos) return "(no row " + first + ")";
  const std::size_t rule = md.rfind("\n|---", row);
  const std::size_t head = md.rfind("\n| ", rule - 1);
  const std::vector<std::string> names = cells(md.substr(head + 1, rule - head - 1));
  const std::vector<std::string> values = cells(md.substr(row + 1, md.find('\n', row + 1) - row - 1));
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i)
    if (names[i] == header) return values[i];
  return "(no column " + header + ")";
}

// The same in an HTML table: the inside of the <td>, markup included.
std::string html_cell(const std::string& html, const std::string& first, const std::string& header) {
  auto cells = [](const std::string& row, const std::string& tag) {
    std::vector<std::string> out;
    for (std::size_t at = row.find("<" + tag); at != std::string::npos; at = row.find("<" + tag, at + 1)) {
      if (row[at + tag.size() + 1] != '>' && row[at + tag.size() + 1] != ' ') continue;  // <thead> is no <th>
      const std::size_t start = row.find('>', at) + 1;
      out.push_back(row.substr(start, row.find("</" + tag + ">", start) - start));
    }
    return out;
  };
  const std::size_t row = html.find("<tr><td>" + first + "</td>");
  if (row == std::string::npos) return "(no row " + first + ")";
  const std::size_t head = html.rfind("<thead>", row);
  const std::vector<std::string> names = cells(html.substr(head, html.find("</thead>", head) - head), "th");
  const std::vector<std::string> values = cells(html.substr(row, html.find("</tr>", row) - row), "td");
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i)
    if (names[i] == header) return values[i];
  return "(no column " + header + ")";
}

Cell hidden_secondary(int people) {
  Cell c = cell("participants", "Participants", people, 0, true);
  c.secondary = true;
  return c;
}

}  // namespace

// The same situation reads the same in every document: a count of 1 or 2 people (threshold 3) « < 3 »; a count
// hidden only so that another cannot be deduced (here: because one operation brings fewer than 3 people, whose own
// bilan hides them) « masqué », whatever it holds. The buyers' table and the consolidation by buyer must agree,
// cell for cell and format by format.
TEST_CASE("report render: the buyers' table and the consolidation write a hidden count the same way, in every format") {
  Consolidation c = sample_consolidation();  // Aude: 7778 people, small (« < 3 »)
  c.groups[1].participants = hidden_secondary(7774);  // Carcassonne: hidden to protect a small operation
  c.groups[1].work_contracts = 7775;
  BuyerIndicators b;
  b.as_of = c.as_of;
  b.min_cell = 3;
  b.national_target = 0.3;
  b.national_target_label = "PNAD";
  b.counting = c.counting;
  BuyerYear aude;
  aude.buyer = "Département de l'Aude";
  aude.year = 2027;
  aude.participants = cell("participants", "personnes", 7778, 0, true);
  BuyerYear carc;
  carc.buyer = "Ville de Carcassonne";
  carc.year = 2027;
  carc.participants = hidden_secondary(7774);
  b.rows = {aude, carc};
  b.suppressed_cells = 2;

  const std::string aude_html = "Département de l&#39;Aude";
  const std::string small_html = "<span class=\"masked\">&lt; 3</span>";
  const std::string secondary_html = "<span class=\"masked\">masqué</span>";

  // Markdown.
  const std::string md_c = render_markdown(c), md_b = render_markdown(b);
  CHECK(markdown_cell(md_c, "Département de l'Aude", "Participants") == "< 3");
  CHECK(markdown_cell(md_b, "Département de l'Aude", "Personnes") == "< 3");
  CHECK(markdown_cell(md_c, "Ville de Carcassonne", "Participants") == "masqué");
  CHECK(markdown_cell(md_b, "Ville de Carcassonne", "Personnes") == "masqué");
  // HTML.
  const std::string html_c = render_html(c), html_b = render_html(b);
  CHECK(html_cell(html_c, aude_html, "Personnes") == small_html);
  CHECK(html_cell(html_b, aude_html, "Personnes") == small_html);
  CHECK(html_cell(html_c, "Ville de Carcassonne", "Personnes") == secondary_html);
  CHECK(html_cell(html_b, "Ville de Carcassonne", "Personnes") == secondary_html);
  // The workbook: Groupes!H (participants), Acheteurs!M (people); rows 2 and 3.
  const Workbook w_c(clausier::test::unzip_by_name(render_xlsx(c)));
  const Workbook w_b(clausier::test::unzip_by_name(render_xlsx(b)));
  CHECK(w_c.text("Groupes", "H1") == "Participants");
  CHECK(w_b.text("Acheteurs", "M1") == "Personnes");
  CHECK(w_c.text("Groupes", "H2") == "< 3");
  CHECK(w_b.text("Acheteurs", "M2") == "< 3");
  CHECK(w_c.text("Groupes", "H3") == "masqué");
  CHECK(w_b.text("Acheteurs", "M3") == "masqué");
  // JSON: no text, null and suppressed for both.
  const nlohmann::json j_c = nlohmann::json::parse(render_json(c)), j_b = nlohmann::json::parse(render_json(b));
  const nlohmann::json hidden = {{"people", nullptr}, {"suppressed", true}};
  for (std::size_t i : {0, 1}) {
    CHECK(j_c["groups"][i]["participants"] == hidden);
    CHECK(j_b["buyers"][i]["participants"] == hidden);
  }
  // CSV (the consolidation only: the buyers' table has none): empty and « oui » for both.
  const std::string csv = render_csv(c);
  CHECK(csv.find("group;;;Département de l'Aude;;participants;Participants;;;oui\r\n") != std::string::npos);
  CHECK(csv.find("group;;;Ville de Carcassonne;;participants;Participants;;;oui\r\n") != std::string::npos);
  // And no hidden value anywhere.
  for (const std::string& text : {md_c, md_b, html_c, html_b, csv, j_c.dump(), j_b.dump()})
    for (const std::string& sentinel : sentinels) CHECK(text.find(sentinel) == std::string::npos);
}
