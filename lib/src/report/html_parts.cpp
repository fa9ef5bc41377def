// The HTML report's page and building blocks (html_parts.hpp).
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
#include "html_parts.hpp"
#include "masking.hpp"
#include "svg.hpp"

namespace clausier::report::detail {

using text::format_hours;
using text::format_number;
using text::format_percent;

namespace {

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

bool is_outcome(const Breakdown& b) { return b.id == "exit" || b.id == "follow_up"; }

std::string breakdown_section(const Breakdown& b, int min_cell, Charts& charts) {
  std::string out = "<h3>" + html_escaped(b.title) + "</h3>\n";
  std::string intro;
  if (b.population_suppressed || b.population > 0) intro = "Effectif : " + population_text(b, min_cell) + ".";
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
      r.cells.push_back(hidden_html(c, min_cell));
      r.cells.push_back("—");
      if (b.has_hours) r.cells.push_back(protective_html());  // its hours would give it back
      bars.push_back({c.label, {{std::nullopt, hidden_text(c, min_cell)}}});
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
                                      {{"Personnes", svg::realised_colour}}, bars));
  return out;
}

// Outcomes at exit and six months later, side by side: one table, one chart with two bars per category.
}  // namespace

std::string outcomes_html(const std::vector<Breakdown>& breakdowns, int min_cell, Charts& charts) {
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
    if (c->suppressed) return {std::nullopt, hidden_text(*c, min_cell)};
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
                                      bars));
  return out;
}


std::string page(std::string_view title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         html_escaped(title) + "</title>\n" + std::string(page_style) + "</head>\n<body>\n<main>\n" + body +
         "</main>\n</body>\n</html>\n";
}

std::string plural(double n, std::string_view one, std::string_view many) {
  return std::string(n < 2 && n > -2 ? one : many);
}
namespace {
std::string masked_span(std::string_view text) { return "<span class=\"masked\">" + html_escaped(text) + "</span>"; }
}  // namespace
std::string hidden_html(const Cell& c, int min_cell) { return masked_span(hidden_text(c, min_cell)); }
std::string protective_html() { return masked_span(protective_text); }
std::string people_html(const Cell& c, int min_cell) {
  return c.suppressed ? hidden_html(c, min_cell) : html_escaped(format_number(c.people));
}
std::string achievement_text(const std::optional<double>& a) { return a ? format_percent(*a, 1) : "—"; }
std::string month_label(std::string_view month) {
  auto [year, m] = svg::parse_month(month);
  return year ? text::format_month(year, m) : std::string(month);
}

// A shortfall and a surplus side by side, never netted (formats.md section 7).
std::string gap_html(const Shortfall& s, double target) {
  std::string missing = s.missing > 0 ? html_escaped("il manque " + format_hours(s.missing)) : "";
  std::string over =
      s.over > 0 ? "<span class=\"over\">" + html_escaped("dépassement : +" + format_hours(s.over)) + "</span>" : "";
  if (!missing.empty() && !over.empty()) return missing + " ; " + over;
  if (!missing.empty() || !over.empty()) return missing + over;
  return target > 0 ? "objectif atteint" : "—";
}

constexpr std::size_t long_table_rows = 20;

std::string table(const std::vector<Column>& columns, const std::vector<Row>& rows, std::string_view caption) {
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

std::string chart_block(const std::string& svg_text) {
  return svg_text.empty() ? std::string() : "<div class=\"chart\">\n" + svg_text + "</div>\n";
}

bool worth_drawing(const std::vector<svg::BarRow>& bars) {
  for (const svg::BarRow& row : bars)
    for (const svg::BarValue& v : row.values)
      if (v.value && *v.value > 0) return true;
  return false;
}

std::string privacy_note_html(int min_cell, bool suppressed) {
  return "<p class=\"note privacy\">" +
         html_escaped(privacy_note(min_cell, suppressed)) + "</p>\n";
}

std::string breakdowns_html(const std::vector<Breakdown>& breakdowns, int min_cell, Charts& charts) {
  std::string out;
  for (const Breakdown& b : breakdowns)
    if (!is_outcome(b)) out += breakdown_section(b, min_cell, charts);
  return out;
}

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

}  // namespace clausier::report::detail
