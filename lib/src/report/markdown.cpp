// The bilan in Markdown (French): what a facilitator pastes into a report to the buyer, or converts.
// A hidden count is written « < N » or « masqué » (masking.hpp): its value never reaches the text.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/report/render.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/render.hpp"
#include "clausier/track/status.hpp"
#include "masking.hpp"

namespace clausier::report {

namespace {

using text::format_hours;
using text::format_number;

using detail::people;
using detail::privacy_note;
using detail::protective_text;
// The hours of a hidden cell would give it back: hidden with it, whatever they are.
std::string cell_hours(const Cell& c) { return c.suppressed ? std::string(protective_text) : format_number(c.hours); }
std::string percent(const std::optional<double>& fraction) {
  return fraction ? text::format_percent(*fraction, 1) : "—";
}
std::optional<double> ratio(double part, double whole) {
  return whole > 0 ? std::optional<double>(part / whole) : std::nullopt;
}

// "mars 2027" for "2027-03"; the code itself if it is not of that form.
std::string month_label(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return month;
  const int m = std::stoi(month.substr(5, 2));
  return m >= 1 && m <= 12 ? text::format_month(std::stoi(month.substr(0, 4)), m) : month;
}


std::string period(const LotReport& l) {
  if (l.start && l.end) return text::format_date_short(*l.start) + " – " + text::format_date_short(*l.end);
  return "";
}

std::string breakdown_table(const Breakdown& b, int min_cell) {
  std::string out = fmt::format("### {}\n\n", b.title);
  out += "Effectif : " + detail::population_text(b, min_cell) + ".";
  if (b.multiple) out += " Une personne peut relever de plusieurs catégories : les effectifs ne s'additionnent pas.";
  out += "\n\n";
  std::vector<text::Column> cols{{"Catégorie"}, {"Personnes", true}, {"Part", true}};
  if (b.has_hours) cols.push_back({"Heures", true});
  std::vector<text::Row> rows;
  for (const Cell& c : b.cells) {
    // A share would give the hidden count back from the population, or the hidden population back.
    const bool hidden = c.suppressed || b.population_suppressed;
    text::Row row{c.label, people(c, min_cell), hidden ? "—" : percent(ratio(c.people, b.population))};
    if (b.has_hours) row.push_back(cell_hours(c));
    rows.push_back(std::move(row));
  }
  return out + text::render_markdown_table(cols, rows) + "\n";
}

bool is_outcome(const Breakdown& b) { return b.id == "exit" || b.id == "follow_up"; }
bool is_pathway(const Breakdown& b) { return b.id == "route" || b.id == "contract" || b.id == "training"; }

std::string breakdown_section(const std::vector<Breakdown>& list, bool (*pick)(const Breakdown&), int min_cell) {
  std::string out;
  for (const Breakdown& b : list)
    if (pick(b)) out += breakdown_table(b, min_cell);
  return out;
}

std::string training_rule(const std::string& code) {
  if (code == "all") return "décomptées pour tous les contrats";
  if (code == "none") return "non décomptées";
  return "décomptées pour les contrats d'apprentissage et de professionnalisation";
}

std::string rules_line(const CountingInfo& c) {
  return fmt::format("- Tables de règles : version {}, empreinte SHA-256 {}\n", c.rules_version, c.rules_sha256);
}

std::string summary(const OperationReport& r) {
  std::string out = "## Synthèse\n\n";
  out += fmt::format("- Heures d'insertion prévues : {}\n", format_hours(r.target_hours));
  out += fmt::format("- Heures d'insertion réalisées : {}", format_hours(r.realised_hours));
  if (r.achievement) out += fmt::format(", soit {} de l'objectif", percent(r.achievement));
  // Each lot's shortfall and surplus, never netted (formats.md section 7).
  if (const std::string g = shortfall_label(r.shortfall, r.target_hours); !g.empty()) out += " (" + g + ")";
  out += "\n";
  out += fmt::format("- Participants ayant des heures décomptées : {}\n", people(r.participants, r.min_cell));
  out += fmt::format("- Participants dont l'éligibilité est validée : {}\n", people(r.validated_participants, r.min_cell));
  out += fmt::format("- Contrats de travail : {}\n", people(published_work_contracts(r.work_contracts, r.participants), r.min_cell));
  if (r.not_counted_rows > 0)
    out += fmt::format("- Lignes de relevés non décomptées : {} ({} déclarées)\n", r.not_counted_rows,
                       format_hours(r.not_counted_hours));
  return out + "\n";
}

std::string lots_section(const OperationReport& r) {
  std::string out = "## Lots\n\n";
  std::vector<text::Row> rows;
  for (const LotReport& l : r.lots)
    rows.push_back({l.id, l.title, l.contractor, std::string(tender::short_label(l.clause)), period(l),
                    l.has_target ? format_number(l.target_hours) : "—", format_number(l.realised_hours),
                    percent(l.achievement), shortfall_label({l.missing_hours, l.over_hours}, l.target_hours),
                    people(l.participants, r.min_cell), lot_status(l)});
  out += text::render_markdown_table({{"Lot"},
                                      {"Intitulé"},
                                      {"Titulaire"},
                                      {"Clause"},
                                      {"Exécution"},
                                      {"Heures prévues", true},
                                      {"Heures réalisées", true},
                                      {"Taux d'atteinte", true},
                                      {"Écart"},
                                      {"Participants", true},
                                      {"Statut"}},
                                     rows);
  std::vector<text::Row> years;
  for (const LotReport& l : r.lots)
    for (const LotReport::Year& y : l.years)
      years.push_back({l.id, std::to_string(y.year), format_number(y.target_hours), format_number(y.realised_hours),
                       people(y.participants, r.min_cell)});
  if (!years.empty()) {
    out += "\n### Par année\n\n";
    out += text::render_markdown_table(
        {{"Lot"}, {"Année"}, {"Heures prévues", true}, {"Heures réalisées", true}, {"Participants", true}}, years);
  }
  return out + "\n";
}

std::string contractors_section(const OperationReport& r) {
  if (r.contractors.empty()) return "";
  std::vector<text::Row> rows;
  for (const ContractorReport& c : r.contractors)
    rows.push_back({c.name, join(c.lots, ", "), format_number(c.target_hours), format_number(c.realised_hours),
                    percent(c.achievement), shortfall_label(c.shortfall, c.target_hours)});
  return "## Titulaires\n\n" +
         text::render_markdown_table({{"Titulaire"},
                                      {"Lots"},
                                      {"Heures prévues", true},
                                      {"Heures réalisées", true},
                                      {"Taux d'atteinte", true},
                                      {"Écart"}},
                                     rows) +
         "\n";
}

std::string months_section(const OperationReport& r) {
  if (r.months.empty()) return "";
  std::vector<text::Row> rows;
  for (const MonthRow& m : r.months)
    rows.push_back({month_label(m.month), format_number(m.realised), format_number(m.cumulative),
                    format_number(m.expected_cumulative)});
  return "## Heures par mois\n\n" +
         text::render_markdown_table(
             {{"Mois"}, {"Heures réalisées", true}, {"Cumul réalisé", true}, {"Cumul attendu", true}}, rows) +
         "\n";
}

std::string not_counted_section(const OperationReport& r) {
  std::string out = "## Lignes non décomptées\n\n";
  if (r.not_counted.empty()) return out + "Toutes les lignes des relevés d'heures sont décomptées.\n\n";
  std::vector<text::Row> rows;
  for (const NotCountedTotal& n : r.not_counted)
    rows.push_back({n.label, format_number(n.rows), format_number(n.hours)});
  rows.push_back({"**Total**", fmt::format("**{}**", r.not_counted_rows),
                  fmt::format("**{}**", format_number(r.not_counted_hours))});
  return out + text::render_markdown_table({{"Motif"}, {"Lignes", true}, {"Heures déclarées", true}}, rows) + "\n";
}

std::string counting_section(const CountingInfo& c, bool with_tolerance) {
  std::string out = "## Règles de décompte\n\n";
  out += fmt::format("- Heures de formation : {}\n", training_rule(c.training_hours));
  if (c.validity_months)
    out += fmt::format("- Validité de l'éligibilité : {} mois après la validation\n", *c.validity_months);
  else
    out += "- Validité de l'éligibilité : sans limite\n";
  if (with_tolerance)
    out += fmt::format("- Tolérance avant retard : {}\n",
                       c.tolerance > 0 ? text::format_percent(c.tolerance) : std::string("aucune"));
  return out + rules_line(c);
}

std::string group_heading(GroupBy g) {
  switch (g) {
    case GroupBy::buyer: return "Acheteur";
    case GroupBy::year: return "Année";
    case GroupBy::trade: return "Métier";
    case GroupBy::route: return "Modalité";
    case GroupBy::none: break;
  }
  return "Groupe";
}

std::string group_noun(GroupBy g) {
  switch (g) {
    case GroupBy::buyer: return "acheteur";
    case GroupBy::year: return "année";
    case GroupBy::trade: return "métier";
    case GroupBy::route: return "modalité de mise en œuvre";
    case GroupBy::none: break;
  }
  return "";
}

text::Row group_row(const GroupReport& g, const std::string& label, int min_cell) {
  return {label,
          format_number(g.operations),
          format_number(g.contracts_with_clause),
          g.has_target ? format_number(g.target_hours) : "—",
          g.hours_suppressed ? std::string(protective_text) : format_number(g.realised_hours),
          g.has_target ? format_number(g.shortfall.missing) : "—",
          g.has_target ? format_number(g.shortfall.over) : "—",
          g.hours_suppressed ? std::string(protective_text) : format_number(static_cast<double>(g.fte)),
          people(g.participants, min_cell),
          people(published_work_contracts(g.work_contracts, g.participants), min_cell)};
}

std::string groups_section(const Consolidation& c) {
  std::vector<text::Row> rows;
  for (const GroupReport& g : c.groups) rows.push_back(group_row(g, g.label, c.min_cell));
  text::Row total = group_row(c.total, "Ensemble", c.min_cell);
  for (std::string& cell : total) cell = "**" + cell + "**";
  rows.push_back(std::move(total));
  return fmt::format("## Par {}\n\n", group_noun(c.group_by)) +
         text::render_markdown_table({{group_heading(c.group_by)},
                                      {"Opérations", true},
                                      {"Marchés avec clause", true},
                                      {"Heures prévues", true},
                                      {"Heures réalisées", true},
                                      {"Heures manquantes", true},
                                      {"Dépassement (heures)", true},
                                      {"ETP", true},
                                      {"Participants", true},
                                      {"Contrats de travail", true}},
                                     rows) +
         "\n";
}

std::string operations_section(const std::vector<OperationLine>& operations) {
  if (operations.empty()) return "## Opérations\n\nAucune opération.\n\n";
  std::vector<text::Row> rows;
  for (const OperationLine& o : operations)
    rows.push_back({o.id, o.title, o.buyer, format_number(o.lots_with_clause), format_number(o.target_hours),
                    format_number(o.realised_hours), percent(ratio(o.realised_hours, o.target_hours)),
                    shortfall_label(o.shortfall, o.target_hours)});
  return "## Opérations\n\n" +
         text::render_markdown_table({{"Opération"},
                                      {"Intitulé"},
                                      {"Acheteur"},
                                      {"Lots avec clause", true},
                                      {"Heures prévues", true},
                                      {"Heures réalisées", true},
                                      {"Taux d'atteinte", true},
                                      {"Écart"}},
                                     rows) +
         "\n";
}

// The pooling agreements, judged as `clausier track` judges them, then each pooled lot with its agreement.
std::string agreements_section(const std::vector<AgreementLine>& agreements) {
  if (agreements.empty()) return "";
  std::vector<text::Row> rows, lots;
  for (const AgreementLine& a : agreements) {
    rows.push_back({a.agreement.id.value, a.agreement.contractor, text::format_date_short(a.agreement.signed_on.value), format_number(static_cast<double>(a.tracking.lots.size())),
                    format_number(a.tracking.target_hours), format_number(a.tracking.counted_hours), format_number(a.tracking.missing_hours),
                    agreement_status(a), text::format_euros(a.tracking.penalty_exposure)});
    for (const auto& l : a.tracking.lots)
      lots.push_back({l.operation, l.lot, a.agreement.id.value, format_number(l.target_hours), format_number(l.counted_hours),
                      format_number(l.missing_hours), text::format_euros(l.penalty_exposure)});
  }
  return "## Conventions de globalisation\n\n"
         "En vigueur, une convention réunit les objectifs et les heures de ses lots : le dépassement de l'un comble "
         "le manque d'un autre, et la part du manque de chaque lot est au prorata de son objectif ; avant sa signature, "
         "chaque lot garde son propre manque.\n\n" +
         text::render_markdown_table({{"Convention"},
                                      {"Titulaire"},
                                      {"Signée le"},
                                      {"Lots", true},
                                      {"Heures prévues", true},
                                      {"Heures réalisées", true},
                                      {"Heures manquantes", true},
                                      {"Statut"},
                                      {"Pénalité possible", true}},
                                     rows) +
         "\n" +
         text::render_markdown_table({{"Opération"},
                                      {"Lot"},
                                      {"Convention"},
                                      {"Heures prévues", true},
                                      {"Heures réalisées", true},
                                      {"Part du manque", true},
                                      {"Part de la pénalité", true}},
                                     lots) +
         "\n";
}

// Labels of the built-in tables: a user rule file may rename them, the codes stay.
std::string criterion_label(const std::string& code) {
  const rules::EligibilityCriterion* c = rules::RuleSet::builtin().criterion(code);
  return c ? c->label : code;
}

std::string situation_line(std::string_view when, const std::optional<KnownSituation>& s) {
  if (!s) return fmt::format("- {} : non renseignée\n", when);
  const rules::Outcome* o = rules::RuleSet::builtin().outcome(s->code);
  return fmt::format("- {} ({}) : {} — {}\n", when, text::format_date_long(s->date), o ? o->label : s->code,
                     label(s->category));
}

std::string observation(const SheetMonth& m) {
  if (m.not_counted_reason.empty()) return "";
  return "non décomptée : " + std::string(track::reason_label(m.not_counted_reason));
}

// The French labels of codes: criteria by code, routes and contracts by their enum.
template <class Code, class Label>
std::vector<std::string> labels(const std::vector<Code>& codes, Label label) {
  std::vector<std::string> out;
  for (const auto& c : codes) out.push_back(std::string(label(c)));
  return out;
}

}  // namespace

std::string render_markdown(const OperationReport& r) {
  std::string out = "# Bilan de la clause sociale d'insertion\n\n";
  out += fmt::format("- Opération : {} — {}\n", r.id, r.title);
  if (!r.buyer.empty()) out += fmt::format("- Acheteur : {}\n", r.buyer);
  out += fmt::format("- Situation au {}\n\n", text::format_date_long(r.as_of));
  out += privacy_note(r.min_cell, detail::anything_hidden(r)) + "\n\n";
  out += summary(r);
  out += lots_section(r);
  out += contractors_section(r);
  out += "## Participants\n\n" + breakdown_section(r.breakdowns, [](const Breakdown& b) {
    return !is_outcome(b) && !is_pathway(b);
  }, r.min_cell);
  if (const std::string s = breakdown_section(r.breakdowns, is_pathway, r.min_cell); !s.empty())
    out += "## Modalités, contrats et formation\n\n" + s;
  if (const std::string s = breakdown_section(r.breakdowns, is_outcome, r.min_cell); !s.empty())
    out += "## Devenir des participants (à la sortie et six mois après)\n\n" + s;
  out += months_section(r);
  out += not_counted_section(r);
  out += counting_section(r.counting, true);
  return out;
}

std::string render_markdown(const Consolidation& c) {
  std::string out = "# Bilan consolidé des clauses sociales d'insertion\n\n";
  out += fmt::format("- Situation au {}\n", text::format_date_long(c.as_of));
  out += fmt::format("- Opérations : {}\n", format_number(static_cast<double>(c.operations.size())));
  out += "- Regroupement : " + (c.group_by == GroupBy::none ? std::string("aucun") : "par " + group_noun(c.group_by)) +
         "\n\n";
  out += privacy_note(c.min_cell, detail::anything_hidden(c)) + "\n\n";

  const GroupReport& t = c.total;
  out += "## Chiffres clés (indicateurs du réseau national)\n\n";
  out += text::render_markdown_table(
      {{"Indicateur"}, {"Valeur", true}},
      {{"Marchés avec une clause sociale", format_number(t.contracts_with_clause)},
       {"Heures d'insertion prévues", format_number(t.target_hours)},
       {"Heures d'insertion réalisées", format_number(t.realised_hours)},
       {"Taux d'atteinte", percent(ratio(t.realised_hours, t.target_hours))},
       {"Heures manquantes (somme des manques de chaque lot)", format_number(t.shortfall.missing)},
       {"Dépassement (somme des excédents de chaque lot)", format_number(t.shortfall.over)},
       {fmt::format("Équivalents temps plein ({})", format_hours(fte_hours)), format_number(static_cast<double>(t.fte))},
       {"Participants (chacun compté une fois)", people(t.participants, c.min_cell)},
       {"Contrats de travail", people(published_work_contracts(t.work_contracts, t.participants), c.min_cell)}});
  out += "\n";

  if (c.group_by != GroupBy::none) out += groups_section(c);
  out += "## Répartitions\n\n" + breakdown_section(t.breakdowns, [](const Breakdown&) { return true; }, c.min_cell);

  out += operations_section(c.operations);
  out += agreements_section(c.agreements);
  out += "## Règles\n\n";
  out += fmt::format("- Un équivalent temps plein compte {} : douze mois de {}, comme la méthode fte (le réseau "
                     "national des facilitateurs compte {} travaillées)\n",
                     format_hours(fte_hours), format_hours(hours::full_time_month_hours), format_hours(network_fte_hours));
  return out + rules_line(c.counting);
}

std::string render_markdown(const ParticipantSheet& s) {
  std::string out = fmt::format("# Fiche individuelle de parcours — {}\n\n", s.ref);
  out += fmt::format("- Opération : {} — {}\n", s.operation_id, s.operation_title);
  if (!s.buyer.empty()) out += fmt::format("- Acheteur : {}\n", s.buyer);
  out += fmt::format("- Situation au {}\n", text::format_date_long(s.as_of));
  out += fmt::format("- Participant : {} ({})\n", s.ref, label(s.sex));
  out += fmt::format("- Année de naissance : {} ({} ans à la validation, tranche {})\n", s.birth_year,
                     s.age_at_validation, label(s.age_band));
  out += "- Niveau de formation : " +
         (s.education_level ? std::to_string(*s.education_level) : std::string("non renseigné")) + "\n";
  out += fmt::format("- Éligibilité validée le {}", text::format_date_long(s.validated_on));
  if (s.validity_end) out += fmt::format(", valable jusqu'au {}", text::format_date_long(*s.validity_end));
  out += "\n- Critères d'éligibilité : " + join(labels(s.criteria, criterion_label), " ; ") + "\n\n";

  out += "## Parcours\n\n";
  if (s.first_month.empty())
    out += "- Aucune heure décomptée\n";
  else if (s.first_month == s.last_month)
    out += fmt::format("- Heures décomptées en {}\n", month_label(s.first_month));
  else
    out += fmt::format("- Heures décomptées de {} à {}\n", month_label(s.first_month), month_label(s.last_month));
  out += fmt::format("- Heures de travail : {} ; heures de formation : {} ; heures décomptées : {}\n",
                     format_hours(s.work_hours), format_hours(s.training_hours), format_hours(s.counted_hours));
  // Lots and employers are the company's words from its statement: shown inert (printable), since a
  // statement may hold terminal escapes and this page goes to standard output (issue 17).
  if (!s.lots.empty()) out += "- Lots : " + printable(join(s.lots, ", ")) + "\n";
  if (!s.routes.empty()) out += "- Modalités : " + join(labels(s.routes, [](track::Route r) { return track::french_label(r); }), ", ") + "\n";
  if (!s.contracts.empty()) out += "- Contrats : " + join(labels(s.contracts, [](track::Contract c) { return track::french_label(c); }), ", ") + "\n";
  if (!s.employers.empty()) out += "- Employeurs : " + printable(join(s.employers, ", ")) + "\n";
  out += "\n";

  if (!s.months.empty()) {
    out += "## Heures par mois\n\n";
    std::vector<text::Row> rows;
    for (const SheetMonth& m : s.months)
      rows.push_back({month_label(m.month), printable(m.lot), std::string(track::french_label(m.route)), std::string(track::french_label(m.contract)), printable(m.employer),
                      format_number(m.work_hours), format_number(m.training_hours), format_number(m.counted_hours),
                      observation(m)});
    rows.push_back({"**Total**", "", "", "", "", fmt::format("**{}**", format_number(s.work_hours)),
                    fmt::format("**{}**", format_number(s.training_hours)),
                    fmt::format("**{}**", format_number(s.counted_hours)), ""});
    out += text::render_markdown_table({{"Mois"},
                                        {"Lot"},
                                        {"Modalité"},
                                        {"Contrat"},
                                        {"Employeur"},
                                        {"Travail", true},
                                        {"Formation", true},
                                        {"Décomptées", true},
                                        {"Observation"}},
                                       rows);
    out += "\n";
  }

  out += "## Situation\n\n";
  out += situation_line("À la sortie", s.exit);
  out += situation_line("Six mois après la sortie", s.follow_up);
  out += "\n" + counting_section(s.counting, false);
  out += "\n## Signatures\n\n";
  return out + text::render_markdown_table({{"Le titulaire"}, {"Le facilitateur de la clause sociale"}},
                                           {{"Nom et qualité :", "Nom :"}, {"Date :", "Date :"},
                                            {"Signature :", "Signature :"}});
}

}  // namespace clausier::report
