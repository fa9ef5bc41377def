// The report as one self-contained HTML page (report/render.hpp): inline style with A4 print rules,
// inline SVG charts (svg.hpp), French text and numbers. A suppressed cell shows "masqué", never a figure.
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

namespace clausier::report {
namespace {

using text::format_hours;
using text::format_number;
using text::format_percent;

// Screen: a centred column; print: A4, 15 mm margins, tables and charts kept whole. System fonts only.
constexpr std::string_view page_style = R"(<style>
@page { size: A4; margin: 15mm; }
:root { --blue: #1f5fa8; --orange: #e07b00; --grey: #6b6b6b; --line: #c8ccd2; }
* { box-sizing: border-box; }
body { margin: 0; color: #1a1a1a; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto,
  "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.4; }
main { max-width: 190mm; margin: 0 auto; padding: 10mm 8mm 16mm; }
h1 { font-size: 19pt; line-height: 1.2; color: var(--blue); margin: 0 0 2pt; }
h2 { font-size: 13.5pt; color: var(--blue); border-bottom: 2px solid var(--blue); padding-bottom: 2pt; margin: 20pt 0 6pt; }
h3 { font-size: 11pt; margin: 14pt 0 4pt; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
.subtitle { font-size: 12pt; color: #333333; margin: 0 0 8pt; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 6pt 0 10pt; }
dl.meta dt { color: var(--grey); } dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9pt; }
caption { text-align: left; font-weight: 600; padding-bottom: 3pt; }
th, td { border: 1px solid var(--line); padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { background: #eef3f9; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.total td { font-weight: 600; background: #f4f5f7; }
.masked { color: var(--grey); font-style: italic; }
.small { font-size: 9pt; color: #444444; }
.over { color: #1d6b2f; font-weight: 600; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8.5pt; word-break: break-all; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin: 6pt 0 10pt; }
.figure { border: 1px solid var(--line); border-left: 4px solid var(--blue); padding: 5pt 8pt; }
.figure .value { display: block; font-size: 14pt; font-weight: 600; }
.figure .label { display: block; font-size: 9pt; color: #444444; }
.note { border-left: 4px solid var(--grey); background: #f4f5f7; padding: 5pt 8pt; margin: 6pt 0; }
.chart { margin: 4pt 0 12pt; }
.chart svg { display: block; width: 100%; height: auto; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 10pt; }
.signature { border: 1px solid #888888; padding: 6pt 8pt; }
.signature h3 { margin-top: 0; }
.signature .line { border-bottom: 1px solid #888888; height: 14pt; margin: 8pt 0 2pt; }
.signature .box { border: 1px dashed #aaaaaa; height: 24mm; margin-top: 4pt; }
table, .chart, .figures, .signatures, .signature, .note, dl.meta { break-inside: avoid; page-break-inside: avoid; }
table.long { break-inside: auto; page-break-inside: auto; }
h2 + p, h3 + p, p.small { break-after: avoid; page-break-after: avoid; }
@media print {
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .figure, th, tr.total td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
)";

std::string page(std::string_view title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escaped(title) + "</title>\n" + std::string(page_style) + "</head>\n<body>\n<main>\n" + body +
         "</main>\n</body>\n</html>\n";
}

// --- Small pieces ---

// French agreement: singular below 2 ("0 personne", "1 personne", "2 personnes").
std::string plural(double n, std::string_view one, std::string_view many) {
  return std::string(n < 2 && n > -2 ? one : many);
}
std::string people_word(long long n) { return plural(double(n), "personne", "personnes"); }
std::string masked_label(int min_cell) { return fmt::format("masqué (< {})", min_cell); }
std::string masked_html(int min_cell) { return "<span class=\"masked\">" + html_escaped(masked_label(min_cell)) + "</span>"; }
// The label of hidden bars: "masqué (< N)", or "masqué" when one of them was hidden only to protect another.
std::string bar_masked_label(const Breakdown& b, int min_cell) {
  for (const Cell& c : b.cells)
    if (c.secondary) return "masqué";
  return masked_label(min_cell);
}
std::string people_html(const Cell& c, int min_cell) {
  if (!c.suppressed) return html_escaped(format_number(c.people));
  return c.secondary ? "<span class=\"masked\">masqué</span>" : masked_html(min_cell);  // secondary: may hold min_cell or more
}
std::string achievement_text(const std::optional<double>& a) { return a ? format_percent(*a, 1) : "—"; }
std::string month_label(std::string_view month) {
  auto [year, m] = svg::parse_month(month);
  return year ? text::format_month(year, m) : std::string(month);
}

std::string gap_html(double target, double realised) {
  if (realised > target && target > 0)
    return "<span class=\"over\">" + html_escaped("dépassement : +" + format_hours(realised - target)) + "</span>";
  if (target > realised) return html_escaped("reste : " + format_hours(target - realised));
  return target > 0 ? "objectif atteint" : "—";
}

// --- Tables: cells are HTML already escaped ---

struct Column {
  std::string header;
  bool numeric = false;
};
struct Row {
  std::vector<std::string> cells;
  bool total = false;
};

constexpr std::size_t long_table_rows = 20;

std::string table(const std::vector<Column>& columns, const std::vector<Row>& rows, std::string_view caption = {}) {
  // A long table may break between rows (its header repeats); a short one stays whole.
  std::string out = rows.size() > long_table_rows ? "<table class=\"long\">\n" : "<table>\n";
  if (!caption.empty()) out += "<caption>" + html_escaped(caption) + "</caption>\n";
  out += "<thead><tr>";
  for (const Column& c : columns) out += (c.numeric ? "<th class=\"num\">" : "<th>") + html_escaped(c.header) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const Row& r : rows) {
    out += r.total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t i = 0; i < columns.size(); ++i)
      out += (columns[i].numeric ? "<td class=\"num\">" : "<td>") + (i < r.cells.size() ? r.cells[i] : "") + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string figure(std::string_view value_html, std::string_view label) {
  return "<div class=\"figure\"><span class=\"value\">" + std::string(value_html) + "</span><span class=\"label\">" +
         html_escaped(label) + "</span></div>\n";
}

std::string meta(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string out = "<dl class=\"meta\">\n";
  for (const auto& [term, value] : items)
    if (!value.empty()) out += "<dt>" + html_escaped(term) + "</dt><dd>" + html_escaped(value) + "</dd>\n";
  return out + "</dl>\n";
}

// Charts are numbered in page order: their ids (and hatch patterns) stay unique and stable.
class Charts {
 public:
  std::string next_id() { return "chart-" + std::to_string(++count_); }

 private:
  int count_ = 0;
};

std::string chart_block(const std::string& svg_text) {
  return svg_text.empty() ? std::string() : "<div class=\"chart\">\n" + svg_text + "</div>\n";
}

// A bar chart whose every value is masked or zero would only repeat the table: it is left out.
bool worth_drawing(const std::vector<svg::BarRow>& bars) {
  for (const svg::BarRow& row : bars)
    for (const svg::BarValue& v : row.values)
      if (v.value && *v.value > 0) return true;
  return false;
}

// --- Privacy ---

bool any_suppressed(const std::vector<Breakdown>& breakdowns) {
  for (const Breakdown& b : breakdowns) {
    if (b.population_suppressed) return true;
    for (const Cell& c : b.cells)
      if (c.suppressed) return true;
  }
  return false;
}

// Always states the threshold; the sentence of the brief whenever something is hidden.
std::string privacy_note(int min_cell, bool suppressed) {
  const std::string threshold = fmt::format("{} {}", min_cell, people_word(min_cell));
  if (suppressed)
    return "<p class=\"note privacy\">" + html_escaped("Les effectifs inférieurs à " + threshold +
                                                 " sont masqués (secret statistique) ; quand une seule case d'une répartition l'est, la plus "
                                                 "petite des autres est aussi « masqué », pour que la première ne se déduise pas du total.") +
           "</p>\n";
  return "<p class=\"note privacy\">" +
         html_escaped("Les effectifs inférieurs à " + threshold +
                " seraient masqués (secret statistique) ; aucun effectif de ce bilan n'est sous ce seuil.") +
         "</p>\n";
}

// --- Breakdowns ---

bool is_outcome(const Breakdown& b) { return b.id == "exit" || b.id == "follow_up"; }

std::string breakdown_section(const Breakdown& b, int min_cell, Charts& charts) {
  std::string out = "<h3>" + html_escaped(b.title) + "</h3>\n";
  std::string intro;
  if (!b.population_suppressed && b.population > 0)
    intro = fmt::format("Population : {} {}.", format_number(b.population), people_word(b.population));
  if (b.multiple) intro += (intro.empty() ? "" : " ") + std::string("Une personne peut relever de plusieurs lignes : les lignes ne s'additionnent pas.");
  if (!intro.empty()) out += "<p class=\"small\">" + html_escaped(intro) + "</p>\n";

  std::vector<Column> columns = {{"Catégorie"}, {"Personnes", true}, {"Part", true}};
  if (b.has_hours) columns.push_back({"Heures", true});
  std::vector<Row> rows;
  std::vector<svg::BarRow> bars;
  for (const Cell& c : b.cells) {
    Row r;
    r.cells.push_back(html_escaped(c.label));
    if (c.suppressed) {
      r.cells.push_back(people_html(c, min_cell));
      r.cells.push_back("—");
      if (b.has_hours) r.cells.push_back(people_html(c, min_cell));
      bars.push_back({c.label, {{std::nullopt, {}}}});
    } else {
      r.cells.push_back(html_escaped(format_number(c.people)));
      r.cells.push_back(b.population > 0 && !b.population_suppressed ? html_escaped(format_percent(double(c.people) / b.population, 1)) : "—");
      if (b.has_hours) r.cells.push_back(html_escaped(format_number(c.hours)));
      bars.push_back({c.label, {{double(c.people), format_number(c.people)}}});
    }
    rows.push_back(std::move(r));
  }
  out += table(columns, rows);
  if (worth_drawing(bars))
    out += chart_block(svg::bar_chart(charts.next_id(), b.title + " (personnes)",
                                      {{"Personnes", svg::realised_colour}}, bars, bar_masked_label(b, min_cell)));
  return out;
}

// Outcomes at exit and six months later, side by side: one table, one chart with two bars per category.
std::string outcomes_section(const std::vector<Breakdown>& breakdowns, int min_cell, Charts& charts) {
  const Breakdown* exit = nullptr;
  const Breakdown* follow_up = nullptr;
  for (const Breakdown& b : breakdowns) {
    if (b.id == "exit") exit = &b;
    if (b.id == "follow_up") follow_up = &b;
  }
  if (!exit && !follow_up) return {};
  const Breakdown& first = exit ? *exit : *follow_up;
  auto find = [](const Breakdown* b, const std::string& key) -> const Cell* {
    if (!b) return nullptr;
    for (const Cell& c : b->cells)
      if (c.key == key) return &c;
    return nullptr;
  };
  auto cell_html = [&](const Cell* c) { return c ? people_html(*c, min_cell) : std::string("—"); };
  auto bar = [&](const Cell* c) -> svg::BarValue {
    if (!c) return {0.0, "—"};
    if (c->suppressed) return {std::nullopt, {}};
    return {double(c->people), format_number(c->people)};
  };
  std::vector<Row> rows;
  std::vector<svg::BarRow> bars;
  for (const Cell& c : first.cells) {
    const Cell* at_exit = find(exit, c.key);
    const Cell* later = find(follow_up, c.key);
    rows.push_back({{html_escaped(c.label), cell_html(at_exit), cell_html(later)}});
    bars.push_back({c.label, {bar(at_exit), bar(later)}});
  }
  std::string out = "<h2>Situation à la sortie et six mois après</h2>\n";
  out += "<p class=\"small\">" +
         html_escaped("Catégories de la typologie des sorties de l'insertion par l'activité économique ; « non renseignée » : "
                "pas de situation connue à la date du bilan.") +
         "</p>\n";
  out += table({{"Situation"}, {"À la sortie (personnes)", true}, {"Six mois après (personnes)", true}}, rows);
  if (worth_drawing(bars))
    out += chart_block(svg::bar_chart(charts.next_id(), "Situation à la sortie et six mois après (personnes)",
                                      {{"À la sortie", svg::realised_colour}, {"Six mois après", svg::follow_up_colour}},
                                      bars,
                                      (exit && bar_masked_label(*exit, min_cell) == "masqué") ||
                                              (follow_up && bar_masked_label(*follow_up, min_cell) == "masqué")
                                          ? std::string("masqué")
                                          : masked_label(min_cell)));
  return out;
}

std::string breakdowns_html(const std::vector<Breakdown>& breakdowns, int min_cell, Charts& charts) {
  std::string out;
  for (const Breakdown& b : breakdowns)
    if (!is_outcome(b)) out += breakdown_section(b, min_cell, charts);
  return out;
}

// --- Counting rules ---

std::string counting_html(const CountingInfo& c, bool with_counting) {
  std::vector<std::pair<std::string, std::string>> items;
  if (with_counting) {
    if (c.training_hours == "all") items.emplace_back("Heures de formation", "comptées pour tous les contrats");
    else if (c.training_hours == "none") items.emplace_back("Heures de formation", "jamais comptées");
    else items.emplace_back("Heures de formation", "comptées pour les contrats d'apprentissage et de professionnalisation");
    items.emplace_back("Validité de l'éligibilité",
                       c.validity_months ? fmt::format("{} mois à compter du mois de la validation", *c.validity_months)
                                         : "sans limite de durée");
    items.emplace_back("Tolérance avant retard",
                       c.tolerance > 0 ? format_percent(c.tolerance) +
                                             " (un lot est « en retard » quand ses heures comptées restent en deçà "
                                             "des heures attendues de plus de cette part)"
                                       : "aucune");
  }
  items.emplace_back("Tables de référence", "version " + c.rules_version);
  std::string out = meta(items);
  if (!c.rules_sha256.empty()) out += "<p class=\"small\">Empreinte SHA-256 des tables : <code>" + html_escaped(c.rules_sha256) + "</code></p>\n";
  return out;
}

// --- Operation report ---

std::string lots_html(const OperationReport& r) {
  std::vector<Row> rows;
  for (const LotReport& lot : r.lots) {
    std::string name = "<strong>" + html_escaped(lot.id) + "</strong>";
    if (!lot.title.empty()) name += "<br><span class=\"small\">" + html_escaped(lot.title) + "</span>";
    const bool tracked = lot.tracking_status.has_value();
    rows.push_back({{name, lot.contractor.empty() ? "—" : html_escaped(lot.contractor),
                     html_escaped(format_number(lot.target_hours)), html_escaped(format_number(lot.realised_hours)),
                     html_escaped(achievement_text(lot.achievement)),
                     tracked ? gap_html(lot.target_hours, lot.realised_hours) : "—",
                     people_html(lot.participants, r.min_cell), html_escaped(lot_status(lot))}});
  }
  rows.push_back({{"Ensemble des lots suivis", "", html_escaped(format_number(r.target_hours)),
                   html_escaped(format_number(r.realised_hours)), html_escaped(achievement_text(r.achievement)),
                   gap_html(r.target_hours, r.realised_hours), people_html(r.participants, r.min_cell), ""},
                  true});
  std::string out = "<h2>Résultats par lot</h2>\n";
  out += table({{"Lot"}, {"Titulaire"}, {"Objectif (h)", true}, {"Réalisé (h)", true}, {"Atteinte", true},
                {"Écart à l'objectif"}, {"Personnes", true}, {"Suivi"}},
               rows);
  std::vector<Row> contractors;
  for (const ContractorReport& c : r.contractors)
    contractors.push_back({{html_escaped(c.name), html_escaped(join(c.lots, ", ")), html_escaped(format_number(c.target_hours)),
                            html_escaped(format_number(c.realised_hours)), html_escaped(achievement_text(c.achievement)),
                            gap_html(c.target_hours, c.realised_hours)}});
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

bool any_suppressed(const OperationReport& r) {
  if (r.participants.suppressed || any_suppressed(r.breakdowns)) return true;
  for (const LotReport& lot : r.lots) {
    if (lot.participants.suppressed) return true;
    for (const LotReport::Year& y : lot.years)
      if (y.participants.suppressed) return true;
  }
  return false;
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
           html_escaped(format_number(g.realised_hours)), html_escaped(format_number(double(g.fte))), people_html(g.participants, min_cell),
           people_html(published_work_contracts(g.work_contracts, g.participants), min_cell)},
          total};
}

// --- Participant sheet ---

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

std::string render_html(const OperationReport& r) {
  Charts charts;
  std::string body = "<header>\n<h1>Bilan de la clause sociale d'insertion</h1>\n";
  body += "<p class=\"subtitle\">" + html_escaped(r.id + (r.title.empty() ? "" : " — " + r.title)) + "</p>\n";
  body += meta({{"Opération", r.id},
                {"Intitulé", r.title},
                {"Acheteur", r.buyer},
                {"Bilan arrêté au", text::format_date_long(r.as_of)}});
  body += privacy_note(r.min_cell, any_suppressed(r));
  body += "</header>\n";

  body += "<h2>En bref</h2>\n<div class=\"figures\">\n";
  body += figure(html_escaped(format_hours(r.realised_hours)), "réalisées sur les lots suivis");
  body += figure(html_escaped(format_hours(r.target_hours)), "objectif des lots suivis");
  body += figure(html_escaped(achievement_text(r.achievement)), "taux d'atteinte de l'objectif");
  body += figure(r.participants.suppressed ? masked_html(r.min_cell) : html_escaped(format_number(r.participants.people)),
                 plural(r.participants.suppressed ? 2 : r.participants.people, "personne ayant des heures comptées",
                        "personnes ayant des heures comptées"));
  body += figure(html_escaped(format_number(r.validated_participants)), plural(r.validated_participants, "personne dont l'éligibilité est validée",
                        "personnes dont l'éligibilité est validée"));
  body += figure(people_html(published_work_contracts(r.work_contracts, r.participants), r.min_cell), plural(r.participants.suppressed ? 2 : r.work_contracts, "contrat de travail (personne, employeur, contrat)",
                        "contrats de travail (personne, employeur, contrat)"));
  body += "</div>\n";
  if (r.realised_hours > r.target_hours && r.target_hours > 0)
    body += "<p>" + html_escaped("L'objectif est dépassé : dépassement : +" + format_hours(r.realised_hours - r.target_hours) + ".") +
            "</p>\n";

  body += lots_html(r);
  body += months_html(r, charts);
  body += years_html(r);

  body += "<h2>Les personnes en parcours</h2>\n";
  body += "<p>" + html_escaped("Personnes ayant des heures comptées : ") +
          (r.participants.suppressed ? masked_html(r.min_cell) : html_escaped(format_number(r.participants.people))) +
          html_escaped(" ; personnes dont l'éligibilité est validée dans le fichier des participants : " +
                 format_number(r.validated_participants) + ".") +
          "</p>\n";
  body += breakdowns_html(r.breakdowns, r.min_cell, charts);
  body += outcomes_section(r.breakdowns, r.min_cell, charts);
  body += not_counted_html(r);
  body += "<h2>Règles de décompte</h2>\n" + counting_html(r.counting, true);
  return page("Bilan de la clause sociale d'insertion — " + r.id, body);
}

std::string render_html(const Consolidation& c) {
  Charts charts;
  const GroupReport& t = c.total;
  bool suppressed = t.participants.suppressed || any_suppressed(t.breakdowns);
  for (const GroupReport& g : c.groups) suppressed = suppressed || g.participants.suppressed;

  std::string body = "<header>\n<h1>Bilan consolidé des clauses sociales d'insertion</h1>\n";
  body += "<p class=\"subtitle\">" +
          html_escaped(fmt::format("{} {}", format_number(double(c.operations.size())),
                             c.operations.size() > 1 ? "opérations" : "opération")) +
          "</p>\n";
  body += meta({{"Bilan arrêté au", text::format_date_long(c.as_of)},
                {"Regroupement", c.group_by == GroupBy::none ? "" : "par " + std::string(group_label(c.group_by))}});
  body += privacy_note(c.min_cell, suppressed);
  body += "</header>\n";

  body += "<h2>Chiffres clés</h2>\n<p class=\"small\">" +
          html_escaped("Dans les termes du réseau national : un équivalent temps plein vaut " + format_hours(network_fte_hours) +
                 " ; une personne présente dans plusieurs opérations est comptée une fois.") +
          "</p>\n<div class=\"figures\">\n";
  body += figure(html_escaped(format_number(t.contracts_with_clause)), plural(t.contracts_with_clause, "marché comportant une clause sociale",
                        "marchés comportant une clause sociale"));
  body += figure(html_escaped(format_hours(t.realised_hours)), "d'insertion réalisées");
  body += figure(html_escaped(format_number(double(t.fte))), plural(double(t.fte), "équivalent", "équivalents") + " temps plein (" + format_hours(network_fte_hours) + ")");
  body += figure(people_html(t.participants, c.min_cell), plural(t.participants.suppressed ? 2 : t.participants.people, "personne en parcours, comptée une fois",
                        "personnes en parcours, comptées une fois"));
  body += figure(people_html(published_work_contracts(t.work_contracts, t.participants), c.min_cell), plural(t.participants.suppressed ? 2 : t.work_contracts, "contrat de travail", "contrats de travail"));
  body += figure(html_escaped(format_hours(t.target_hours)), "d'insertion prévues");
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
  body += outcomes_section(t.breakdowns, c.min_cell, charts);

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
  body += "<h2>Règles de décompte</h2>\n" + counting_html(c.counting, false);
  return page("Bilan consolidé des clauses sociales d'insertion", body);
}

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
