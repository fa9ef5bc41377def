// The participant sheet as one self-contained HTML page, to print and sign (report/render.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/report/render.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/text/french.hpp"
#include "clausier/track/render.hpp"
#include "clausier/track/statements.hpp"
#include "clausier/track/status.hpp"
#include "svg.hpp"
#include "html_parts.hpp"

namespace clausier::report {

using namespace detail;

namespace {

using text::format_hours;
using text::format_number;
using text::format_percent;

// French national nomenclature of qualification levels (2019).
std::string education_label(int level) {
  static constexpr std::string_view details[] = {"savoirs de base", "activités simples", "CAP, BEP", "baccalauréat",
                                                 "bac + 2",         "licence",           "master",   "doctorat"};
  if (level >= 1 && level <= 8) return fmt::format("niveau {} ({})", level, details[level - 1]);
  return fmt::format("niveau {}", level);
}

Row situation_row(std::string_view moment, const std::optional<KnownSituation>& s) {
  if (!s) return {{html_escaped(moment), "—", "non renseignée", "—"}};
  const rules::Outcome* o = rules::RuleSet::builtin().outcome(s->code);
  return {{html_escaped(moment), html_escaped(text::format_date_long(s->date)), html_escaped(o ? o->label : s->code),
           html_escaped(label(s->category))}};
}

std::string signature_block(std::string_view who) {
  return "<div class=\"signature\">\n<h3>" + html_escaped(who) +
         "</h3>\n<p class=\"small\">Nom et qualité du signataire</p><div class=\"line\"></div>\n"
         "<p class=\"small\">Date</p><div class=\"line\"></div>\n"
         "<p class=\"small\">Signature</p><div class=\"box\"></div>\n</div>\n";
}

}  // namespace

std::string render_html(const ParticipantSheet& s) {
  std::string body = "<header>\n<h1>Fiche individuelle de parcours</h1>\n";
  body += "<p class=\"subtitle\">" + html_escaped(s.operation_id + (s.operation_title.empty() ? "" : " — " + s.operation_title)) +
          "</p>\n";
  body += meta({{"Référence", s.ref}, {"Opération", s.operation_id}, {"Acheteur", s.buyer}});
  body += "<p class=\"note\">" +
          html_escaped("Fiche pseudonyme : la correspondance entre la référence et la personne est conservée par le "
                 "facilitateur, hors de ce document.") +
          "</p>\n</header>\n";

  body += "<h2>La personne</h2>\n";
  body += meta({{"Sexe", text::capitalised(label(s.sex))},
                {"Année de naissance", s.birth_year ? std::to_string(s.birth_year) : ""},
                {"Âge à la validation", fmt::format("{} ans ({})", s.age_at_validation, label(s.age_band))},
                {"Niveau de formation", s.education_level ? education_label(*s.education_level) : "non renseigné"}});

  body += "<h2>Éligibilité à l'entrée</h2>\n";
  std::vector<std::pair<std::string, std::string>> eligibility = {
      {"Validée le", text::format_date_long(s.validated_on)}};
  if (s.validity_end) eligibility.emplace_back("Valable jusqu'au", text::format_date_long(*s.validity_end));
  body += meta(eligibility);
  std::vector<Row> criteria;
  for (const std::string& code : s.criteria) {
    const rules::EligibilityCriterion* c = rules::RuleSet::builtin().criterion(code);
    criteria.push_back({{"<code>" + html_escaped(code) + "</code>", html_escaped(c ? c->label : code)}});
  }
  body += table({{"Code"}, {"Critère d'éligibilité"}}, criteria);

  body += "<h2>Parcours</h2>\n";
  std::string period = s.first_month.empty() ? "aucune heure comptée"
                       : s.first_month == s.last_month
                           ? month_label(s.first_month)
                           : "de " + month_label(s.first_month) + " à " + month_label(s.last_month);
  std::vector<std::string> routes, contracts;
  for (track::Route r : s.routes) routes.emplace_back(track::french_label(r));
  for (track::Contract c : s.contracts) contracts.emplace_back(track::french_label(c));
  body += meta({{"Période des heures comptées", period},
                {"Lots", join(s.lots, ", ")},
                {"Modalités", join(routes, ", ")},
                {"Contrats", join(contracts, ", ")},
                {"Employeurs", join(s.employers, ", ")}});

  body += "<h3>Heures par mois</h3>\n";
  std::vector<Row> rows;
  for (const SheetMonth& m : s.months)
    rows.push_back({{html_escaped(month_label(m.month)), html_escaped(m.lot), html_escaped(track::french_label(m.route)),
                     html_escaped(track::french_label(m.contract)), html_escaped(m.employer), html_escaped(format_number(m.work_hours)),
                     html_escaped(format_number(m.training_hours)), html_escaped(format_number(m.counted_hours)),
                     m.not_counted_reason.empty() ? "" : html_escaped(track::reason_label(m.not_counted_reason))}});
  rows.push_back({{"Total", "", "", "", "", html_escaped(format_number(s.work_hours)), html_escaped(format_number(s.training_hours)),
                   html_escaped(format_number(s.counted_hours)), ""},
                  true});
  body += table({{"Mois"}, {"Lot"}, {"Modalité"}, {"Contrat"}, {"Employeur"}, {"Travail (h)", true},
                 {"Formation (h)", true}, {"Comptées (h)", true}, {"Motif si non comptées"}},
                rows);
  body += "<p>" + html_escaped("Heures comptées au titre de la clause : " + format_hours(s.counted_hours) + ".") + "</p>\n";

  body += "<h2>Situation à la sortie et six mois après</h2>\n";
  body += table({{"Moment"}, {"Date"}, {"Situation"}, {"Catégorie"}},
                {situation_row("À la sortie", s.exit), situation_row("Six mois après la sortie", s.follow_up)});

  body += "<h2>Signatures</h2>\n<div class=\"signatures\">\n" + signature_block("Pour le titulaire") +
          signature_block("Pour le facilitateur") + "</div>\n";
  return page("Fiche individuelle de parcours — " + s.ref, body);
}


}  // namespace clausier::report
