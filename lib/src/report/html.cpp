// The report as one self-contained HTML page (report/render.hpp): inline style with A4 print rules,
// inline SVG charts (svg.hpp), French text and numbers. A suppressed cell shows « < 5 » or « masqué » (masking.hpp),
// never a figure.
// Here the operation report and the consolidation; the participant sheet is html_sheet.cpp, the page
// and its building blocks html_parts.cpp.
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
#include "masking.hpp"

namespace clausier::report {

using namespace detail;

namespace {

using text::format_hours;
using text::format_number;
using text::format_percent;

// --- Operation report ---

std::string lots_html(const OperationReport& r) {
  std::vector<Row> rows;
  for (const LotReport& lot : r.lots) {
    std::string name = "<strong>" + html_escaped(lot.id) + "</strong>";
    if (!lot.title.empty()) name += "<br><span class=\"small\">" + html_escaped(lot.title) + "</span>";
    const bool tracked = lot.tracking_status.has_value() && lot.has_target;
    rows.push_back({{name, lot.contractor.empty() ? "—" : html_escaped(lot.contractor),
                     lot.has_target ? html_escaped(format_number(lot.target_hours)) : "—",
                     html_escaped(format_number(lot.realised_hours)), html_escaped(achievement_text(lot.achievement)),
                     tracked ? gap_html({lot.missing_hours, lot.over_hours}, lot.target_hours) : "—",
                     people_html(lot.participants, r.min_cell), html_escaped(lot_status(lot))}});
  }
  rows.push_back({{"Ensemble des lots suivis", "", html_escaped(format_number(r.target_hours)),
                   html_escaped(format_number(r.realised_hours)), html_escaped(achievement_text(r.achievement)),
                   gap_html(r.shortfall, r.target_hours), people_html(r.participants, r.min_cell), ""},
                  true});
  std::string out = "<h2>Résultats par lot</h2>\n";
  out += table({{"Lot"}, {"Titulaire"}, {"Objectif (h)", true}, {"Réalisé (h)", true}, {"Atteinte", true},
                {"Écart à l'objectif"}, {"Personnes", true}, {"Suivi"}},
               rows);
  std::vector<Row> contractors;
  for (const ContractorReport& c : r.contractors)
    contractors.push_back({{html_escaped(c.name), html_escaped(join(c.lots, ", ")), html_escaped(format_number(c.target_hours)),
                            html_escaped(format_number(c.realised_hours)), html_escaped(achievement_text(c.achievement)),
                            gap_html(c.shortfall, c.target_hours)}});
  if (!contractors.empty()) {
    out += "<h2>Résultats par titulaire</h2>\n";
    out += table({{"Titulaire"}, {"Lots"}, {"Objectif (h)", true}, {"Réalisé (h)", true}, {"Atteinte", true},
                  {"Écart à l'objectif"}},
                 contractors);
  }
  return out;
}

std::string years_html(const OperationReport& r) {
  std::vector<Row> rows;
  for (const LotReport& lot : r.lots)
    for (const LotReport::Year& y : lot.years)
      rows.push_back({{html_escaped(lot.id), std::to_string(y.year), html_escaped(format_number(y.target_hours)),
                       html_escaped(format_number(y.realised_hours)), people_html(y.participants, r.min_cell)}});
  if (rows.empty()) return {};
  return "<h3>Par lot et par année</h3>\n<p class=\"small\">" +
         html_escaped("Objectif de l'année : l'objectif du lot réparti sur sa période d'exécution.") + "</p>\n" +
         table({{"Lot"}, {"Année"}, {"Objectif de l'année (h)", true}, {"Réalisé (h)", true}, {"Personnes", true}}, rows);
}

std::string months_html(const OperationReport& r, Charts& charts) {
  std::string out = "<h2>Heures réalisées par mois</h2>\n";
  if (r.months.empty()) return out + "<p>Aucun mois à présenter : aucun lot suivi n'a commencé.</p>\n";
  const std::string as_of_month = io::iso(r.as_of).substr(0, 7);
  std::vector<std::string> labels;
  svg::Series realised{"Heures réalisées (cumul)", svg::realised_colour, false, {}};
  svg::Series schedule{"Échéancier attendu (cumul)", svg::schedule_colour, true, {}};
  std::vector<Row> rows;
  for (const MonthRow& m : r.months) {
    labels.push_back(m.month);
    schedule.values.push_back(m.expected_cumulative);
    const bool past = m.month <= as_of_month;
    if (past) realised.values.push_back(m.cumulative);
    rows.push_back({{html_escaped(month_label(m.month)), past ? html_escaped(format_number(m.realised)) : "—",
                     past ? html_escaped(format_number(m.cumulative)) : "—", html_escaped(format_number(m.expected_cumulative))}});
  }
  out += "<p class=\"small\">" +
         html_escaped("Cumul des heures comptées, mois par mois, au regard du cumul attendu selon l'échéancier des lots suivis "
                "(objectif réparti sur les jours ouvrés de la période d'exécution). Les heures réalisées s'arrêtent au "
                "mois du bilan.") +
         "</p>\n";
  out += chart_block(svg::line_chart(charts.next_id(), "Heures réalisées cumulées et échéancier attendu, par mois",
                                     labels, {realised, schedule}));
  out += table({{"Mois"}, {"Heures du mois", true}, {"Cumul réalisé", true}, {"Cumul attendu", true}}, rows);
  return out;
}

std::string not_counted_html(const OperationReport& r) {
  std::string out = "<h2>Heures non comptées</h2>\n";
  if (r.not_counted.empty()) return out + "<p>Toutes les lignes des relevés d'heures ont été comptées.</p>\n";
  out += "<p class=\"small\">" +
         html_escaped("Lignes des relevés qui ne comptent aucune heure, par motif, avec les heures qu'elles déclaraient.") +
         "</p>\n";
  std::vector<Row> rows;
  for (const NotCountedTotal& n : r.not_counted)
    rows.push_back({{html_escaped(n.label.empty() ? std::string(track::reason_label(n.reason)) : n.label),
                     html_escaped(format_number(n.rows)), html_escaped(format_number(n.hours))}});
  rows.push_back({{"Total", html_escaped(format_number(r.not_counted_rows)), html_escaped(format_number(r.not_counted_hours))}, true});
  return out + table({{"Motif"}, {"Lignes", true}, {"Heures déclarées", true}}, rows);
}

// --- Consolidation ---

std::string_view group_label(GroupBy g) {
  switch (g) {
    case GroupBy::buyer: return "acheteur";
    case GroupBy::year: return "année";
    case GroupBy::trade: return "métier";
    case GroupBy::route: return "modalité d'insertion";
    case GroupBy::none: break;
  }
  return "";
}

Row group_row(const GroupReport& g, int min_cell, bool total) {
  return {{html_escaped(total ? std::string("Ensemble") : g.label.empty() ? g.key : g.label), html_escaped(format_number(g.operations)),
           html_escaped(format_number(g.contracts_with_clause)), g.has_target ? html_escaped(format_number(g.target_hours)) : "—",
           g.hours_suppressed ? protective_html() : html_escaped(format_number(g.realised_hours)),
           g.hours_suppressed ? protective_html() : html_escaped(format_number(double(g.fte))), people_html(g.participants, min_cell),
           people_html(published_work_contracts(g.work_contracts, g.participants), min_cell)},
          total};
}

// The pooling agreements, judged as `clausier track` judges them, then each pooled lot with its agreement.
std::string agreements_html(const std::vector<AgreementLine>& agreements) {
  if (agreements.empty()) return "";
  std::vector<Row> rows, lots;
  auto hours = [](double h) { return html_escaped(format_number(h)); };
  for (const AgreementLine& a : agreements) {
    rows.push_back({{html_escaped(a.agreement.id.value), html_escaped(a.agreement.contractor), html_escaped(text::format_date_short(a.agreement.signed_on.value)),
                     hours(static_cast<double>(a.tracking.lots.size())), hours(a.tracking.target_hours), hours(a.tracking.counted_hours),
                     hours(a.tracking.missing_hours), html_escaped(agreement_status(a)), html_escaped(text::format_euros(a.tracking.penalty_exposure))}});
    for (const auto& l : a.tracking.lots)
      lots.push_back({{html_escaped(l.operation), html_escaped(l.lot), html_escaped(a.agreement.id.value), hours(l.target_hours),
                       hours(l.counted_hours), hours(l.missing_hours), html_escaped(text::format_euros(l.penalty_exposure))}});
  }
  return "<h2>Conventions de globalisation</h2>\n<p>" +
         html_escaped("En vigueur, une convention réunit les objectifs et les heures de ses lots : le dépassement de l'un "
                      "comble le manque d'un autre, et la part du manque de chaque lot est au prorata de son objectif ; avant sa "
                      "signature, chaque lot garde son propre manque.") +
         "</p>\n" +
         table({{"Convention"}, {"Titulaire"}, {"Signée le"}, {"Lots", true}, {"Prévues (h)", true}, {"Réalisées (h)", true},
                {"Manquantes (h)", true}, {"Statut"}, {"Pénalité possible", true}},
               rows) +
         table({{"Opération"}, {"Lot"}, {"Convention"}, {"Prévues (h)", true}, {"Réalisées (h)", true},
                {"Part du manque (h)", true}, {"Part de la pénalité", true}},
               lots);
}

}  // namespace

std::string render_html(const OperationReport& r) {
  Charts charts;
  std::string body = "<header>\n<h1>Bilan de la clause sociale d'insertion</h1>\n";
  body += "<p class=\"subtitle\">" + html_escaped(r.id + (r.title.empty() ? "" : " — " + r.title)) + "</p>\n";
  body += meta({{"Opération", r.id},
                {"Intitulé", r.title},
                {"Acheteur", r.buyer},
                {"Bilan arrêté au", text::format_date_long(r.as_of)}});
  body += privacy_note_html(r.min_cell, anything_hidden(r));
  body += "</header>\n";

  body += "<h2>En bref</h2>\n<div class=\"figures\">\n";
  body += figure(html_escaped(format_hours(r.realised_hours)), "réalisées sur les lots suivis");
  body += figure(html_escaped(format_hours(r.target_hours)), "objectif des lots suivis");
  body += figure(html_escaped(achievement_text(r.achievement)), "taux d'atteinte de l'objectif");
  body += figure(people_html(r.participants, r.min_cell),
                 plural(r.participants.suppressed ? 2 : r.participants.people, "personne ayant des heures comptées",
                        "personnes ayant des heures comptées"));
  body += figure(people_html(r.validated_participants, r.min_cell), plural(r.validated_participants.suppressed ? 2 : r.validated_participants.people, "personne dont l'éligibilité est validée",
                        "personnes dont l'éligibilité est validée"));
  body += figure(people_html(published_work_contracts(r.work_contracts, r.participants), r.min_cell), plural(r.participants.suppressed ? 2 : r.work_contracts, "contrat de travail (personne, employeur, contrat)",
                        "contrats de travail (personne, employeur, contrat)"));
  body += "</div>\n";
  const auto lots_over = std::count_if(r.lots.begin(), r.lots.end(), [](const LotReport& l) { return l.over_hours > 0; });
  const std::string over = lots_over == 1 ? "Un lot dépasse son objectif de " + format_hours(r.shortfall.over)
                                          : "Des lots dépassent leur objectif de " + format_hours(r.shortfall.over) + " en tout";
  if (r.shortfall.over > 0 && r.shortfall.missing > 0)
    body += "<p>" + html_escaped(over + " ; il manque " + format_hours(r.shortfall.missing) +
                                 " sur les autres : un excédent ne comble pas un manque.") +
            "</p>\n";
  else if (r.shortfall.over > 0)
    body += "<p>" + html_escaped("L'objectif est dépassé de " + format_hours(r.shortfall.over) + ".") + "</p>\n";

  body += lots_html(r);
  body += months_html(r, charts);
  body += years_html(r);

  body += "<h2>Les personnes en parcours</h2>\n";
  body += "<p>" + html_escaped("Personnes ayant des heures comptées : ") +
          people_html(r.participants, r.min_cell) +
          html_escaped(" ; personnes dont l'éligibilité est validée dans le fichier des participants : ") +
          people_html(r.validated_participants, r.min_cell) + html_escaped(".") +
          "</p>\n";
  body += breakdowns_html(r.breakdowns, r.min_cell, charts);
  body += outcomes_html(r.breakdowns, r.min_cell, charts);
  body += not_counted_html(r);
  body += "<h2>Règles de décompte</h2>\n" + counting_html(r.counting, true);
  return page("Bilan de la clause sociale d'insertion — " + r.id, body);
}

std::string render_html(const Consolidation& c) {
  Charts charts;
  const GroupReport& t = c.total;

  std::string body = "<header>\n<h1>Bilan consolidé des clauses sociales d'insertion</h1>\n";
  body += "<p class=\"subtitle\">" +
          html_escaped(fmt::format("{} {}", format_number(double(c.operations.size())),
                             c.operations.size() > 1 ? "opérations" : "opération")) +
          "</p>\n";
  body += meta({{"Bilan arrêté au", text::format_date_long(c.as_of)},
                {"Regroupement", c.group_by == GroupBy::none ? "" : "par " + std::string(group_label(c.group_by))}});
  body += privacy_note_html(c.min_cell, anything_hidden(c));
  body += "</header>\n";

  body += "<h2>Chiffres clés</h2>\n<p class=\"small\">" +
          html_escaped("Un équivalent temps plein vaut " + format_hours(fte_hours) + " (douze mois de " +
                       format_hours(hours::full_time_month_hours) + ", comme la méthode fte ; le réseau national compte " +
                       format_hours(network_fte_hours) +
                       " travaillées) ; une personne présente dans plusieurs opérations est comptée une fois.") +
          "</p>\n<div class=\"figures\">\n";
  body += figure(html_escaped(format_number(t.contracts_with_clause)), plural(t.contracts_with_clause, "marché comportant une clause sociale",
                        "marchés comportant une clause sociale"));
  body += figure(html_escaped(format_hours(t.realised_hours)), "d'insertion réalisées");
  body += figure(html_escaped(format_number(double(t.fte))), plural(double(t.fte), "équivalent", "équivalents") + " temps plein (" + format_hours(fte_hours) + ")");
  body += figure(people_html(t.participants, c.min_cell), plural(t.participants.suppressed ? 2 : t.participants.people, "personne en parcours, comptée une fois",
                        "personnes en parcours, comptées une fois"));
  body += figure(people_html(published_work_contracts(t.work_contracts, t.participants), c.min_cell), plural(t.participants.suppressed ? 2 : t.work_contracts, "contrat de travail", "contrats de travail"));
  body += figure(html_escaped(format_hours(t.target_hours)), "d'insertion prévues");
  body += figure(html_escaped(format_hours(t.shortfall.missing)), "manquantes (somme des manques de chaque lot)");
  body += figure(html_escaped(format_hours(t.shortfall.over)), "au-delà des objectifs (somme des excédents de chaque lot)");
  body += "</div>\n";

  const std::vector<Column> group_columns = {{"Groupe"},           {"Opérations", true}, {"Marchés avec clause", true},
                                             {"Prévues (h)", true}, {"Réalisées (h)", true}, {"ETP", true},
                                             {"Personnes", true},  {"Contrats de travail", true}};
  if (c.group_by != GroupBy::none) {
    body += "<h2>Par " + html_escaped(group_label(c.group_by)) + "</h2>\n";
    std::vector<Row> rows;
    for (const GroupReport& g : c.groups) rows.push_back(group_row(g, c.min_cell, false));
    rows.push_back(group_row(t, c.min_cell, true));
    body += "<p class=\"small\">" +
            html_escaped("Une personne présente dans plusieurs groupes est comptée dans chacun ; la ligne « Ensemble » la compte "
                   "une fois.") +
            "</p>\n" + table(group_columns, rows);
  }

  body += "<h2>Les personnes en parcours</h2>\n";
  body += breakdowns_html(t.breakdowns, c.min_cell, charts);
  body += outcomes_html(t.breakdowns, c.min_cell, charts);

  body += "<h2>Opérations consolidées</h2>\n";
  std::vector<Row> rows;
  double target = 0, realised = 0;
  int lots = 0;
  for (const OperationLine& o : c.operations) {
    rows.push_back({{html_escaped(o.id), html_escaped(o.title), html_escaped(o.buyer), html_escaped(format_number(o.lots_with_clause)),
                     html_escaped(format_number(o.target_hours)), html_escaped(format_number(o.realised_hours))}});
    target += o.target_hours;
    realised += o.realised_hours;
    lots += o.lots_with_clause;
  }
  rows.push_back({{"Total", "", "", html_escaped(format_number(lots)), html_escaped(format_number(target)),
                   html_escaped(format_number(realised))},
                  true});
  body += table({{"Opération"}, {"Intitulé"}, {"Acheteur"}, {"Lots avec clause", true}, {"Prévues (h)", true},
                 {"Réalisées (h)", true}},
                rows);
  body += agreements_html(c.agreements);
  body += "<h2>Règles de décompte</h2>\n" + counting_html(c.counting, false);
  return page("Bilan consolidé des clauses sociales d'insertion", body);
}

}  // namespace clausier::report
