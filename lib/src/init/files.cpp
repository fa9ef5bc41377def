// The files of a new operation folder (init/job.hpp): a tender.yaml that explains every section, a
// participants file with one commented example, a blank statement, and a page that says what comes next.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "clausier/init/job.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/text/french.hpp"
#include "clausier/track/commands.hpp"

namespace clausier::init {

namespace {

using boost::gregorian::months;
using boost::gregorian::days;

// The example's calendar, from the day the folder is made: the notice goes out today, the lots run for
// two years from the first day of the month after next.
struct Dates {
  Date notice, start, end, validated, exit, follow_up, awarded;
  explicit Dates(Date today)
      : notice(today),
        start(Date(today.year(), today.month(), 1) + months(2)),
        end(start + months(24) - days(1)),
        validated(start + days(11)),
        exit(start + months(6) - days(1)),
        follow_up(exit + months(6)),
        awarded(start - days(15)) {}
};

// The folder's name when it is an identifier (formats.md: [A-Za-z0-9][A-Za-z0-9._-]*), else a neutral one.
std::string operation_id(const std::string& folder) {
  std::string name = std::filesystem::path(folder).filename().string();
  if (name.empty()) name = std::filesystem::path(folder).parent_path().filename().string();
  auto ok = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'; };
  bool valid = !name.empty() && name.size() <= 64 && std::isalnum(static_cast<unsigned char>(name[0])) &&
               std::all_of(name.begin(), name.end(), ok);
  return valid ? name : "NOUVELLE-OPERATION";
}

// Items separated by `separator`, cut into comment lines of at most `width` bytes after `prefix`: the
// codes of the rule tables, so that a comment lists what the loader knows.
template <class Rows, class Item>
std::string code_lines(const Rows& rows, Item text, std::string_view prefix, std::string_view separator = ",",
                       std::size_t width = 100) {
  std::string out, line(prefix);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string item = text(rows[i]) + (i + 1 < rows.size() ? std::string(separator) : "");
    if (line.size() > prefix.size() && line.size() + 1 + item.size() > width) {
      out += line + "\n";
      line = std::string(prefix);
    }
    line += (line.size() > prefix.size() ? " " : "") + item;
  }
  return out + line + "\n";
}

std::string tender_yaml(const Job& job, const Dates& d, const rules::RuleSet& rules) {
  return fmt::format(
      R"(# yaml-language-server: $schema={schema}
#
# Fichier de consultation de l'opération (format clausier/tender/1), créé par « clausier init ».
# Remplacez les valeurs d'exemple par celles de votre consultation, puis vérifiez le fichier :
#   clausier check DOSSIER
# Montants en euros hors taxes ; taux et parts en fraction (0.05) ou en pourcentage ("5 %") ; dates
# AAAA-MM-JJ. Une clé inconnue est une erreur, sauf si son nom commence par « x- » (vos notes).
# Une ligne qui commence par « # » est un commentaire : enlevez le « # » pour utiliser un exemple.
# Toutes les clés, leur sens et leurs limites : docs/tender-format.md.

format: clausier/tender/1
# Référence de l'opération, reprise dans tous les résultats (lettres, chiffres, . _ -) :
id: "{id}"
title: Intitulé de l'opération   # par exemple : Réhabilitation de 120 logements

# L'acheteur. kind : central (services centraux de l'État), local (collectivités, établissements
# publics locaux, bailleurs sociaux publics) ou network (entités adjudicatrices) ; le seuil européen
# des fournitures et services en dépend.
buyer:
  name: Nom de l'acheteur
  kind: local
  # siret: "21310914300015"      # 14 chiffres entre guillemets ; la clé de Luhn est vérifiée

# Le ou la facilitatrice : dès qu'un lot a une clause, le CCAG 2021 veut ses coordonnées dans les
# pièces du marché (au moins le nom, et l'adresse électronique ou le téléphone).
facilitator:
  name: Nom du facilitateur
  organisation: Structure porteuse (PLIE, Maison de l'emploi, collectivité)
  email: clauses@example.org
  # phone: "04 00 00 00 00"      # entre guillemets

# works (travaux), supplies (fournitures) ou services : fixe le seuil européen applicable.
nature: works

# Date d'envoi de l'avis de publicité : elle décide des règles en vigueur (seuils européens ; depuis
# le 22 août 2026, loi Climat et résilience : au-delà du seuil, chaque lot porte une considération
# sociale ou une dérogation motivée). Remplacez-la par la date prévue.
notice_date: {notice}

# Opération financée par l'ANRU : anru-investment (taux d'au moins 5 %) ou anru-gup (au moins 10 %).
# programme: anru-investment

# Valeurs par défaut de tous les lots ; un lot peut remplacer chacune d'elles.
parameters:
  hourly_cost: 30       # coût horaire chargé de la main-d'œuvre, € (25 à 35 €/h dans le bâtiment)
  rate: 0.05            # taux d'insertion : part des heures de main-d'œuvre réservée (5 à 10 %)
  rounding: nearest     # arrondi : nearest (au plus proche), up (par excès), down (par défaut)
  rounding_step: 1      # pas d'arrondi, en heures
  minimum_hours: 35     # en dessous, le lot ne reçoit pas de clause (statut below-minimum)
  # labour_share: 0.50  # part de main-d'œuvre des lots dont le métier n'est pas dans les tables

# Pénalités de la clause : reprises dans le CCAP (clausier draft) et dans le suivi (clausier track).
penalties:
  per_missing_hour: 60            # € par heure d'insertion non réalisée
  condition: best-efforts         # best-efforts : si le titulaire ne justifie pas de ses efforts ;
                                  # strict : dès qu'une heure manque
  cap_share: 0.10                 # plafond des pénalités, en part du montant du lot
  late_report_per_day: 50         # € par jour de retard d'un état mensuel des heures
  late_final_report_per_day: 150  # € par jour de retard du bilan final

# Comment comptent les heures déclarées par les titulaires (clausier track, clausier report).
counting:
  training_hours: work-contracts  # heures de formation comptées : work-contracts (apprentissage et
                                  # professionnalisation), all (tous les contrats) ou none (jamais)
  eligibility_validity_months: 24 # validité de l'éligibilité d'un participant, en mois
  tolerance: 0.10                 # un lot est en retard sous les heures attendues × (1 − tolérance)

# Les lots : chacun a un id unique, un titre et une clause :
#   execution (condition d'exécution, L2112-2), reserved-siae (marché réservé aux SIAE, L2113-13),
#   reserved-disability (EA et ESAT, L2113-12), reserved-both (L2113-14), integration-object
#   (marché d'insertion, R2123-1) ou none (pas de clause).
# Heures d'un lot (méthode labour-cost, par défaut) = montant × part de main-d'œuvre × taux
# ÷ coût horaire. Autres méthodes (method) : fixed (avec hours), fte (fte, months), percent-of-hours
# (percent), cleaning-pact (amount, months).
# Métiers des tables (trade) et leur part de main-d'œuvre :
{trades}lots:
  - id: "1"
    title: Gros œuvre
    # cpv: "45210000-2"          # code CPV, entre guillemets
    trade: masonry               # métier : sa part de main-d'œuvre vient des tables (ci-dessus) ;
                                 # pour un autre métier, donnez labour_share
    amount: 800000               # montant estimé, € HT : 800 000 × 0,50 × 0,05 ÷ 30 = 667 heures
    clause: execution
    start: {start}            # période d'exécution : le suivi des heures en a besoin
    end: {end}
    # Critère d'attribution sur l'insertion, en plus de la clause (R2152-7) :
    # award_criterion: {{ weight: 0.10, description: Heures faites par des personnes en insertion }}
    # Une fois le lot notifié, son titulaire (le suivi ne compte les heures que d'un lot attribué) :
    # award:
    #   contractor: {{ name: Nom du titulaire, siret: "48215093500021" }}
    #   notified: {awarded}
  - id: "2"
    title: Peinture
    trade: painting
    rate: 0.07                   # remplace parameters.rate pour ce lot
    amount: 200000               # 200 000 × 0,70 × 0,07 ÷ 30 = 327 heures
    clause: execution
    start: {start}
    end: {end}
  # D'autres formes de lot, à adapter (enlevez les « # ») :
  #
  # Tranche ferme et tranches optionnelles, calculées et arrondies tranche par tranche :
  # - id: "3"
  #   title: Voirie et réseaux divers
  #   labour_share: 0.35         # hors des tables : notez d'où vient la valeur
  #   tranches:
  #     - {{ id: TF, kind: firm, amount: 600000 }}
  #     - {{ id: TO1, kind: optional, amount: 200000, title: Aménagement du square }}
  #   clause: execution
  #
  # Accord-cadre à bons de commande : heures sur le minimum (min), le maximum (max) ou l'estimation
  # (estimate, qui demande amount) :
  # - id: "4"
  #   title: Entretien des espaces verts
  #   labour_share: 0.60
  #   framework: {{ min: 80000, max: 320000, basis: min }}
  #   clause: execution
  #
  # Nombre d'heures fixé :
  # - id: "5"
  #   title: Charpente métallique
  #   method: fixed
  #   hours: 300
  #   clause: execution
  #
  # Lot sans clause : au-delà du seuil européen, la loi Climat et résilience (art. 35) demande une
  # dérogation motivée.
  # - id: "6"
  #   title: Fourniture de mobilier
  #   amount: 90000
  #   clause: none
  #   derogation: Fourniture sur catalogue, sans main-d'œuvre sur le territoire
)",
      fmt::arg("schema", job.schema), fmt::arg("id", operation_id(job.folder)), fmt::arg("notice", io::iso(d.notice)),
      fmt::arg("start", io::iso(d.start)), fmt::arg("end", io::iso(d.end)), fmt::arg("awarded", io::iso(d.awarded)),
      fmt::arg("trades", code_lines(
                             rules.labour_shares(),
                             [](const rules::LabourShare& t) {
                               return fmt::format("{} {}", t.trade, text::format_decimal(t.share, 2, ""));
                             },
                             "#   ", " ;")));
}

std::string participants_yaml(const Dates& d, const rules::RuleSet& rules) {
  using rules::EligibilityCriterion;
  std::string criteria =
      code_lines(rules.eligibility_criteria(), [](const EligibilityCriterion& c) { return c.code; }, "#   ");
  std::string situations =
      code_lines(rules.outcomes(), [](const rules::Outcome& o) { return o.situation; }, "#   ");
  return fmt::format(
      R"(# Participants de l'opération (format clausier/participants/1), lus par clausier track et report.
# Des références pseudonymes seulement (P-0001, P-0002…) : jamais de nom, d'adresse électronique,
# de numéro de téléphone ou de sécurité sociale ; Clausier refuse les valeurs qui leur ressemblent.
# La table de correspondance (nom, coordonnées) reste chez le facilitateur, hors de Clausier.
format: clausier/participants/1
participants: []
# Pour ajouter des participants, remplacez « [] » ci-dessus par la liste, comme dans cet exemple :
# participants:
#   - ref: P-0001                 # référence pseudonyme choisie par le facilitateur
#     sex: F                      # F, M ou X
#     birth_year: 1990
#     criteria: [deld, qpv]       # critères d'éligibilité, au moins un (liste ci-dessous)
#     validated_on: {validated}    # date de validation de l'éligibilité par le facilitateur
#     education_level: 3          # facultatif : niveau de formation, de 1 à 8
#     exit:                       # facultatif : situation à la sortie de la clause
#       date: {exit}
#       situation: cdd-6m-plus
#     follow_up:                  # facultatif : situation six mois après la sortie
#       date: {follow_up}
#       situation: cdi
#
# Critères d'éligibilité (other-validated demande une note, « note: ») :
{criteria}#
# Situations à la sortie et au suivi :
{situations})",
      fmt::arg("validated", io::iso(d.validated)), fmt::arg("exit", io::iso(d.exit)),
      fmt::arg("follow_up", io::iso(d.follow_up)), fmt::arg("criteria", criteria), fmt::arg("situations", situations));
}

// The folder as the user would type it again in a shell.
std::string shell_word(const std::string& s) {
  bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("._/-+=:,@").find(c) != std::string_view::npos;
  });
  if (plain) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string readme(const Job& job, const Dates& d) {
  std::string dir = shell_word(job.folder);
  return fmt::format(
      R"(# Opération {id}

Dossier créé par `clausier init` le {date}. Les outils de Clausier le lisent tel quel :

| Fichier | Contenu |
|---|---|
| `tender.yaml` | la consultation et ses lots : à compléter en premier, chaque rubrique y est expliquée |
| `participants.yaml` | les participants à la clause, sous une référence pseudonyme |
| `statements/` | les états mensuels des heures envoyés par les titulaires (.csv, .xlsx, .ods) ; `modele-lot-1.csv` en montre la forme |
| `dce/` | à créer au besoin : les pièces du dossier de consultation à vérifier (CCAP, RC, acte d'engagement en .docx, .odt, .md, .txt ou .html) |

Ensuite :

```sh
# vérifier tender.yaml (et les pièces de dce/), les heures de chaque lot et leur calcul :
clausier check {dir}
clausier hours {dir} --explain
# rédiger la clause pour le CCAP, le RC, l'acte d'engagement et l'avis :
clausier draft {dir} --format docx -o clause.docx
# l'état des heures à envoyer au titulaire du lot 1, puis le suivi, une fois les lots attribués :
clausier track template 1 --operation {dir} -o etat-lot-1.csv
clausier track {dir}
# le bilan :
clausier report {dir} --format html -o bilan.html
```

Chaque commande a son aide (`clausier check --help`) et sa page de manuel (`man clausier-check`).
)",
      fmt::arg("id", operation_id(job.folder)), fmt::arg("date", text::format_date_long(d.notice)),
      fmt::arg("dir", dir));
}

}  // namespace

std::vector<File> folder_files(const Job& job, const rules::RuleSet& rules) {
  Dates dates(job.today);
  // The statement the contractor of lot 1 fills in, exactly as `clausier track template 1` writes it.
  Outcome statement = track::run_template({"1", "", dates.start}, rules);
  return {{"tender.yaml", tender_yaml(job, dates, rules)},
          {"participants.yaml", participants_yaml(dates, rules)},
          {"statements/modele-lot-1.csv", statement.output.value_or("")},
          {"LISEZ-MOI.md", readme(job, dates)}};
}

}  // namespace clausier::init
