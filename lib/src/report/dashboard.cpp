// The facilitator's dashboard (report/dashboard.hpp).
#include "clausier/report/dashboard.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clausier/core/text.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"
#include "clausier/track/due.hpp"

namespace clausier::report {

namespace {

using track::LotStatus;

// A cell: the text shown, and the value a click sorts on (a number, or the text itself).
struct Cell {
  std::string text;
  std::string sort;
  bool number = false;  // sorted as a number
  bool right = false;   // right-aligned (figures)
};
Cell text_cell(std::string s) { return {s, s, false}; }
Cell hours_cell(double h) { return {text::format_number(h, 0), fmt::format("{:.6f}", h), true, true}; }
Cell count_cell(int n) { return {std::to_string(n), std::to_string(n), true, true}; }
Cell date_cell(io::Date d) { return {text::format_date_short(d), io::iso(d), false}; }

// Worst first: what needs a look comes at the top once sorted on the status.
int rank(std::optional<LotStatus> s) {
  if (!s) return 5;
  switch (*s) {
    case LotStatus::behind: return 0;
    case LotStatus::not_started: return 1;
    case LotStatus::on_track: return 2;
    case LotStatus::complete: return 3;
    case LotStatus::not_awarded: return 4;
  }
  return 5;
}
Cell status_cell(std::optional<LotStatus> s, std::string_view none = "sans heures à suivre") {
  std::string label = s ? std::string(track::french_label(*s)) : std::string(none);
  std::string css = s && *s == LotStatus::behind ? "late" : s && *s == LotStatus::complete ? "done" : "";
  return {css.empty() ? html_escaped(label) : fmt::format("<span class=\"{}\">{}</span>", css, html_escaped(label)),
          std::to_string(rank(s)), true};
}

std::string table(const std::string& id, const std::vector<std::string>& headers, const std::vector<std::vector<Cell>>& rows,
                  const std::string& empty) {
  if (rows.empty()) return "<p class=\"none\">" + html_escaped(empty) + "</p>\n";
  std::string out = fmt::format("<table id=\"{}\" class=\"sortable\">\n<thead><tr>", id);
  for (const std::string& h : headers) out += "<th title=\"Trier\">" + html_escaped(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const Cell& c : row) {
      // Status cells carry their own markup; every other text is escaped here.
      bool markup = c.text.starts_with("<span");
      out += fmt::format("<td{} data-v=\"{}\">{}</td>", c.right ? " class=\"n\"" : c.number ? " class=\"s\"" : "", html_escaped(c.sort),
                         markup ? c.text : html_escaped(c.text));
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

constexpr std::string_view style = R"(body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.5em;color:#222;font-size:14px}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.4em 0 .4em;border-bottom:2px solid #1f5fa8;color:#1f5fa8}
.kpi{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}.kpi div{border:1px solid #ccd;border-radius:6px;padding:.5em 1em;min-width:9em}
.kpi b{display:block;font-size:1.6em}.kpi .late b{color:#b3261e}
table{border-collapse:collapse;width:100%;margin:.3em 0}th,td{border:1px solid #bbc;padding:.25em .5em;text-align:left}
th{background:#e8eef8;cursor:pointer;user-select:none}th.asc:after{content:" ▲"}th.desc:after{content:" ▼"}
td:first-child,#lots td:last-child{white-space:nowrap}td.n{text-align:right}tr:nth-child(even) td{background:#f7f9fc}.late{color:#b3261e;font-weight:bold}.done{color:#1b7a3a}
.none{color:#666;font-style:italic}
@page{size:A4 landscape;margin:12mm}@media print{body{margin:0;font-size:11px}th{cursor:auto}tr{break-inside:avoid}h2{break-after:avoid}}
)";

// Sorts a table on a click of its header: numbers by value, texts in French order; a second click reverses.
constexpr std::string_view script = R"(document.querySelectorAll('table.sortable').forEach(function(t){
  t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
    var asc=!th.classList.contains('asc');t.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
    th.classList.add(asc?'asc':'desc');var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=a.cells[i],y=b.cells[i];var n=x.classList.contains('n')||x.classList.contains('s');
      var u=x.getAttribute('data-v'),v=y.getAttribute('data-v');
      var c=n?(parseFloat(u)-parseFloat(v)):u.localeCompare(v,'fr');return asc?c:-c;});
    rows.forEach(function(r){body.appendChild(r);});});});});
)";

}  // namespace

std::string render_dashboard(const track::TrackedPortfolio& p, io::Date as_of) {
  std::vector<std::vector<Cell>> operations, lots, late, this_month, agreements;
  int lots_tracked = 0, lots_behind = 0;
  track::Month month = track::Month::of(as_of);
  for (const auto& t : p.operations) {
    const tender::Tender& tender = t->tender();
    double target = 0, counted = 0, missing = 0;
    int tracked = 0, behind = 0;
    std::optional<LotStatus> worst;
    for (const track::LotTracking& l : t->tracking.lots) {
      const track::Agreement* a = p.agreement_of(tender.id.value, l.lot->lot->id.value);
      std::optional<LotStatus> status;
      if (l.tracked || l.status == LotStatus::not_awarded) status = l.status;
      if (l.tracked) {
        ++tracked;
        target += l.target_hours;
        counted += l.counted_hours;
        missing += l.missing_hours;
        if (l.status == LotStatus::behind) ++behind;
        if (!worst || rank(l.status) < rank(worst)) worst = l.status;
      }
      lots.push_back({text_cell(tender.id.value), text_cell(l.lot->lot->id.value), text_cell(l.lot->lot->title),
                      text_cell(l.contractor.empty() ? "—" : l.contractor), hours_cell(l.target_hours),
                      hours_cell(l.counted_hours), hours_cell(l.expected_hours), status_cell(status),
                      text_cell(a ? a->id.value : "")});
    }
    lots_tracked += tracked;
    lots_behind += behind;
    operations.push_back({text_cell(tender.id.value), text_cell(tender.title), text_cell(tender.buyer.name), count_cell(tracked),
                          hours_cell(target), hours_cell(counted), hours_cell(missing), count_cell(behind),
                          status_cell(worst, "aucun lot suivi")});
    for (const track::Reminder& r : track::due(t->op, as_of)) {
      std::vector<Cell> row{date_cell(r.date), text_cell(tender.id.value), text_cell(r.lot.empty() ? "—" : r.lot),
                            text_cell(r.message)};
      if (r.late) late.push_back(std::move(row));
      else if (track::Month::of(r.date) == month) this_month.push_back(std::move(row));
    }
  }
  for (const track::AgreementTracking& a : p.agreements)
    agreements.push_back({text_cell(a.agreement->id.value), text_cell(a.agreement->contractor), count_cell(static_cast<int>(a.lots.size())),
                          hours_cell(a.target_hours), hours_cell(a.counted_hours), hours_cell(a.missing_hours),
                          status_cell(a.status, "pas encore en vigueur"), {text::format_euros(a.penalty_exposure), fmt::format("{:.2f}", a.penalty_exposure), true, true}});

  std::string title = "Tableau de bord des clauses sociales";
  std::string out = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + " — " +
                    text::format_date_long(as_of) + "</title>\n<style>\n" + std::string(style) + "</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>{}</h1>\n<p>Situation au {} : {} opération{}, lus dans leurs dossiers ; les colonnes se trient "
                     "d'un clic sur leur titre.</p>\n",
                     title, text::format_date_long(as_of), p.operations.size(), p.operations.size() > 1 ? "s" : "");
  out += fmt::format("<div class=\"kpi\"><div>Opérations<b>{}</b></div><div>Lots suivis<b>{}</b></div>"
                     "<div class=\"late\">Lots en retard<b>{}</b></div><div class=\"late\">Échéances dépassées<b>{}</b></div>"
                     "<div>À faire en {}<b>{}</b></div></div>\n",
                     p.operations.size(), lots_tracked, lots_behind, late.size(), text::format_month(month.year, month.month),
                     this_month.size());
  out += "<h2>En retard</h2>\n" + table("late", {"Date", "Opération", "Lot", "Objet"}, late, "Rien n'est en retard.");
  out += "<h2>À faire en " + text::format_month(month.year, month.month) + "</h2>\n" +
         table("month", {"Date", "Opération", "Lot", "Objet"}, this_month, "Rien n'est dû ce mois-ci.");
  out += "<h2>Opérations</h2>\n" + table("operations", {"Opération", "Intitulé", "Acheteur", "Lots suivis", "Objectif (h)",
                                                        "Comptées (h)", "Manquantes (h)", "Lots en retard", "Statut"},
                                          operations, "Aucune opération lisible.");
  out += "<h2>Lots</h2>\n" + table("lots", {"Opération", "Lot", "Intitulé", "Titulaire", "Objectif (h)", "Comptées (h)",
                                             "Attendues (h)", "Statut", "Convention"},
                                    lots, "Aucun lot.");
  if (!agreements.empty())
    out += "<h2>Conventions de globalisation</h2>\n<p>Objectif et heures des lots réunis ; le manque est celui de la "
           "convention, une fois compensés les dépassements de ses lots.</p>\n" +
           table("pooling", {"Convention", "Titulaire", "Lots", "Objectif (h)", "Comptées (h)", "Manquantes (h)", "Statut",
                             "Pénalité possible"},
                 agreements, "");
  return out + "<script>\n" + std::string(script) + "</script>\n</body>\n</html>\n";
}

}  // namespace clausier::report
