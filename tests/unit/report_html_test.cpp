#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "clausier/report/render.hpp"
#include "clausier/text/french.hpp"
#include "printers.hpp"

using namespace clausier;
using namespace clausier::report;

namespace {

const std::string nb(text::narrow_nbsp);  // U+202F, between digit groups and before units

std::size_t count(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The points of every <polyline>, in page order, each as its list of "x,y" pairs.
std::vector<std::vector<std::string>> polylines(const std::string& html) {
  std::vector<std::vector<std::string>> out;
  for (std::size_t at = html.find("<polyline"); at != std::string::npos; at = html.find("<polyline", at + 1)) {
    const std::size_t begin = html.find("points=\"", at) + 8;
    const std::string points = html.substr(begin, html.find('"', begin) - begin);
    std::vector<std::string> pairs;
    for (std::size_t p = 0; p < points.size();) {
      const std::size_t space = points.find(' ', p);
      pairs.push_back(points.substr(p, space == std::string::npos ? std::string::npos : space - p));
      p = space == std::string::npos ? points.size() : space + 1;
    }
    out.push_back(pairs);
  }
  return out;
}

// The table row whose first cell is `first` (the first one in the page).
std::string row(const std::string& html, std::string_view first) {
  const std::size_t at = html.find("<tr><td>" + std::string(first) + "</td>");
  if (at == std::string::npos) return "(no row " + std::string(first) + ")";
  return html.substr(at, html.find("</tr>", at) + 5 - at);
}

// Nothing the browser would fetch: no URL scheme, no src, no script, no stylesheet link, only url(#local).
void check_self_contained(const std::string& html) {
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"));
  CHECK(html.ends_with("</html>\n"));
  CHECK(count(html, "http:") == 0);
  CHECK(count(html, "https:") == 0);
  CHECK(count(html, "src=") == 0);
  CHECK(count(html, "<script") == 0);
  CHECK(count(html, "<link") == 0);
  CHECK(count(html, "@import") == 0);
  CHECK(count(html, "url(") == count(html, "url(#"));
  CHECK(count(html, "@page { size: A4; margin: 15mm; }") == 1);
  CHECK(count(html, "@media print") == 1);
}

Cell cell(std::string key, std::string label, int people, double hours = 0, bool suppressed = false) {
  Cell c;
  c.key = std::move(key);
  c.label = std::move(label);
  c.people = people;
  c.hours = hours;
  c.suppressed = suppressed;
  return c;
}

// A cell hidden only to protect another (secondary suppression): it may hold 5 people or more.
Cell secondary(Cell c) {
  c.suppressed = c.secondary = true;
  return c;
}

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

GroupReport group(std::string key, int operations, int contracts, double target, double realised, long long fte,
                  Cell participants, int work_contracts) {
  GroupReport g;
  g.key = key;
  g.label = std::move(key);
  g.operations = operations;
  g.contracts_with_clause = contracts;
  g.target_hours = target;
  g.realised_hours = realised;
  g.fte = fte;
  g.participants = std::move(participants);
  g.work_contracts = work_contracts;
  return g;
}

// A two-lot operation at 30 April 2027, threshold 5 people. Lot 1: target 600 h, realised 850 h
// (over-achievement 850 − 600 = 250 h); lot 2: target 1 000 h, realised 400 h (600 h to go).
// Whole operation: 1 250 h of 1 600 h = 0.78125 → "78,1 %".
OperationReport sample_report() {
  OperationReport r;
  r.path = "operations/SCV";
  r.id = "SCV-2026-EV-02";
  r.title = "Parcs <nord> & \"sud\"";
  r.buyer = "Ville de Saint-Clair-de-Garonne";
  r.as_of = Date(2027, 4, 30);
  r.min_cell = 5;
  LotReport lot1;
  lot1.id = "1";
  lot1.title = "Entretien des parcs";
  lot1.clause = tender::Clause::execution;
  lot1.hours_status = hours::Status::ok;
  lot1.tracking_status = track::LotStatus::complete;
  lot1.contractor = "Jardins du Comminges";
  lot1.target_hours = 600;
  lot1.realised_hours = 850;
  lot1.achievement = 850.0 / 600;
  lot1.over_hours = 250;
  lot1.participants = cell("participants", "Personnes", 8);
  lot1.years = {{2027, 600, 850, cell("participants", "Personnes", 8)}};
  LotReport lot2 = lot1;
  lot2.id = "2";
  lot2.title = "Cimetières";
  lot2.tracking_status = track::LotStatus::behind;
  lot2.contractor = "Verdalia Paysages";
  lot2.target_hours = 1000;
  lot2.realised_hours = 400;
  lot2.achievement = 0.4;
  lot2.over_hours = 0;
  lot2.missing_hours = 600;
  lot2.participants = cell("participants", "Personnes", 4, 0, true);
  lot2.years = {{2027, 1000, 400, cell("participants", "Personnes", 4, 0, true)}};
  LotReport lot3;
  lot3.id = "3";
  lot3.title = "Fauchage";
  lot3.clause = tender::Clause::none;
  lot3.hours_status = hours::Status::no_clause;
  r.lots = {lot1, lot2, lot3};
  r.contractors = {{"Jardins du Comminges", {"1"}, 600, 850, 850.0 / 600, {0, 250}},
                   {"Verdalia Paysages", {"2"}, 1000, 400, 0.4, {600, 0}}};
  r.target_hours = 1600;
  r.realised_hours = 1250;
  r.achievement = 0.78125;
  r.shortfall = {600, 250};  // lot 2's 600 missing, lot 1's 250 over: never netted into 350
  r.participants = cell("participants", "Personnes", 12);
  r.validated_participants = {"validated_participants", "Participants dont l'éligibilité est validée", 14};
  r.work_contracts = 13;
  // Sex: M has 3 people (< 5, suppressed), so the smallest other non-zero cell, F (9), is suppressed too; X = 0 is shown.
  Breakdown sex = breakdown("sex", "Sexe", false, false, 12,
                            {secondary(cell("F", "Femmes", 9)), cell("M", "Hommes", 3, 0, true),
                             cell("X", "Autre ou non précisé", 0)});
  // Routes: ETTI (3 people, 123,25 h) suppressed, then GEIQ (6 people, 226,75 h) as the smallest other.
  Breakdown route = breakdown("route", "Modalité d'insertion", true, true, 12,
                              {cell("direct", "Embauche directe", 7, 900),
                               cell("etti", "Intérim d'insertion (ETTI)", 3, 123.25, true),
                               cell("ai", "Association intermédiaire", 0), secondary(cell("geiq", "GEIQ", 6, 226.75))});
  Breakdown exit = breakdown("exit", "Situation à la sortie", false, false, 12,
                             {cell("durable", "Emploi durable", 6), cell("transition", "Emploi de transition", 2, 0, true),
                              cell("positive", "Sortie positive", 0), cell("other", "Autre situation", 0),
                              cell("none", "Non renseignée", 4, 0, true)});
  Breakdown follow_up = breakdown("follow_up", "Situation six mois après la sortie", false, false, 12,
                                  {cell("durable", "Emploi durable", 5), cell("transition", "Emploi de transition", 0),
                                   cell("positive", "Sortie positive", 0), cell("other", "Autre situation", 0),
                                   cell("none", "Non renseignée", 7)});
  r.breakdowns = {sex, route, exit, follow_up};
  // Realised by month 150, 300, 400, 400: cumulative 150, 450, 850, 1 250. The schedule runs to June.
  r.months = {{"2027-01", 150, 150, 250},  {"2027-02", 300, 450, 500},  {"2027-03", 400, 850, 800},
              {"2027-04", 400, 1250, 1050}, {"2027-05", 0, 1250, 1300}, {"2027-06", 0, 1250, 1600}};
  r.not_counted = {{"before-validation", "avant la validation de l'éligibilité", 2, 14},
                   {"duplicate", "ligne en double", 1, 7.5}};
  r.not_counted_rows = 3;
  r.not_counted_hours = 21.5;
  r.counting = {"work-contracts", 6, 0.15, "2026-11-22", "ab12cd34"};
  return r;
}

}  // namespace

TEST_CASE("report html: operation report is self-contained, French and deterministic") {
  const OperationReport r = sample_report();
  const std::string html = render_html(r);
  check_self_contained(html);
  CHECK(html == render_html(r));  // byte-identical

  CHECK(count(html, "<h1>Bilan de la clause sociale d'insertion</h1>") == 1);
  CHECK(count(html, "<dt>Bilan arrêté au</dt><dd>30 avril 2027</dd>") == 1);
  CHECK(count(html, "<dt>Acheteur</dt><dd>Ville de Saint-Clair-de-Garonne</dd>") == 1);
  // Escaping in the subtitle and the header.
  CHECK(count(html, "Parcs &lt;nord&gt; &amp; &quot;sud&quot;") == 2);
  CHECK(count(html, "<nord>") == 0);

  // Key figures: 1 250 heures realised of 1 600, 78,1 %.
  CHECK(count(html, "<span class=\"value\">1" + nb + "250" + nb + "heures</span>") == 1);
  CHECK(count(html, "<span class=\"value\">78,1" + nb + "%</span>") == 1);
  // Lot rows: 850 ÷ 600 = 141,67 % → "141,7 %", over-achievement shown as such; lot 2: 40 %, 600 h to go,
  // its 4 people masked; lot 3 without clause is listed, not tracked.
  CHECK(row(html, "<strong>1</strong><br><span class=\"small\">Entretien des parcs</span>") ==
        "<tr><td><strong>1</strong><br><span class=\"small\">Entretien des parcs</span></td><td>Jardins du Comminges</td>"
        "<td class=\"num\">600</td><td class=\"num\">850</td><td class=\"num\">141,7" + nb + "%</td>"
        "<td><span class=\"over\">dépassement : +250" + nb + "heures</span></td><td class=\"num\">8</td><td>atteint</td></tr>");
  CHECK(row(html, "<strong>2</strong><br><span class=\"small\">Cimetières</span>") ==
        "<tr><td><strong>2</strong><br><span class=\"small\">Cimetières</span></td><td>Verdalia Paysages</td>"
        "<td class=\"num\">1" + nb + "000</td><td class=\"num\">400</td><td class=\"num\">40" + nb + "%</td>"
        "<td>il manque 600" + nb + "heures</td><td class=\"num\"><span class=\"masked\">&lt; 5</span></td>"
        "<td>en retard</td></tr>");
  // All the lots together: lot 2's 600 missing hours and lot 1's 250 over, side by side, never netted into 350.
  CHECK(count(html,
              "<tr class=\"total\"><td>Ensemble des lots suivis</td><td></td><td class=\"num\">1" + nb + "600</td>"
        "<td class=\"num\">1" + nb + "250</td><td class=\"num\">78,1" + nb + "%</td><td>il manque 600" + nb +
        "heures ; <span class=\"over\">dépassement : +250" + nb + "heures</span></td><td class=\"num\">12</td><td></td></tr>") == 1);
  CHECK(count(html, "<p>Un lot dépasse son objectif de 250" + nb + "heures ; il manque 600" + nb +
                        "heures sur les autres : un excédent ne comble pas un manque.</p>") == 1);
  CHECK(count(html, "<td>non suivi (sans clause)</td>") == 1);
  CHECK(row(html, "Verdalia Paysages") ==
        "<tr><td>Verdalia Paysages</td><td>2</td><td class=\"num\">1" + nb + "000</td><td class=\"num\">400</td>"
        "<td class=\"num\">40" + nb + "%</td><td>il manque 600" + nb + "heures</td></tr>");

  // Privacy: the sentence, and no suppressed figure anywhere (123,25 h and 226,75 h are the hidden hours).
  CHECK(count(html, "Les effectifs inférieurs à 5 personnes sont masqués (secret statistique) ; quand une seule case") == 1);
  CHECK(count(html, "123,25") == 0);
  CHECK(count(html, "226,75") == 0);
  // Hidden counts read « < 5 » when they are small, « masqué » when they protect another (they may be larger);
  // a hidden cell's hours are « masqué » whatever the cell reads: « < 5 » hours would be false.
  const std::string small = "<td class=\"num\"><span class=\"masked\">&lt; 5</span></td>";
  const std::string masked = "<td class=\"num\"><span class=\"masked\">masqué</span></td>";
  const std::string none = "<td class=\"num\">—</td>";
  CHECK(row(html, "Hommes") == "<tr><td>Hommes</td>" + small + none + "</tr>");
  CHECK(row(html, "Femmes") == "<tr><td>Femmes</td>" + masked + none + "</tr>");
  CHECK(row(html, "Intérim d&#39;insertion (ETTI)") == "<tr><td>Intérim d&#39;insertion (ETTI)</td>" + small + none + masked + "</tr>");
  CHECK(row(html, "GEIQ") == "<tr><td>GEIQ</td>" + masked + none + masked + "</tr>");
  // 7 of 12 = 58,33 % → "58,3 %"; 900 h.
  CHECK(row(html, "Embauche directe") ==
        "<tr><td>Embauche directe</td><td class=\"num\">7</td><td class=\"num\">58,3" + nb + "%</td>"
        "<td class=\"num\">900</td></tr>");
  CHECK(row(html, "Emploi de transition") == "<tr><td>Emploi de transition</td>" + small + "<td class=\"num\">0</td></tr>");
  CHECK(row(html, "Non renseignée") == "<tr><td>Non renseignée</td>" + small + "<td class=\"num\">7</td></tr>");

  // Charts: the month line chart, bars for route and for outcomes = 3 SVGs; sex has no chart, its figures
  // being all masked or zero. Suppressed bars are hatched: route 2, outcomes 2 (exit transition and none) = 4.
  CHECK(count(html, "<svg ") == 3);
  CHECK(count(html, "viewBox=\"0 0 720 ") == 3);
  CHECK(count(html, "<rect class=\"masked\"") == 4);
  // Each labelled as its table cell reads: ETTI, exit transition and none « < 5 »; GEIQ « masqué ».
  CHECK(count(html, ">&lt; 5</text>") == 3);
  CHECK(count(html, ">masqué</text>") == 1);
  CHECK(count(html, "<title id=\"chart-2-title\">Modalité d&#39;insertion (personnes)</title>") == 1);
  // Line chart: realised up to April (4 points), the schedule over 6 months. Scale: max 1 600 → step 500,
  // top 2 000; x = 70 + 630 × i ÷ 5; y = 262 − 214 × v ÷ 2 000: June 1 600 h → (700, 90.8); April 1 250 h →
  // (448, 128.25), a tie at one decimal, so only its x is checked.
  const auto lines = polylines(html);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].size() == 4);
  CHECK(lines[1].size() == 6);
  CHECK(lines[0][0].starts_with("70,"));
  CHECK(lines[0][3].starts_with("448,"));  // 70 + 630 × 3 ÷ 5
  CHECK(lines[1][5] == "700,90.8");
  CHECK(count(html, ">2" + nb + "000</text>") == 1);  // top of the hour scale
  CHECK(count(html, "Heures réalisées (cumul)") == 1);
  CHECK(count(html, "Échéancier attendu (cumul)") == 1);
  // Month table: after April realised hours are not shown.
  CHECK(row(html, "avril 2027") ==
        "<tr><td>avril 2027</td><td class=\"num\">400</td><td class=\"num\">1" + nb + "250</td><td class=\"num\">1" + nb +
            "050</td></tr>");
  CHECK(row(html, "juin 2027") ==
        "<tr><td>juin 2027</td><td class=\"num\">—</td><td class=\"num\">—</td><td class=\"num\">1" + nb + "600</td></tr>");

  // What did not count, and the counting rules.
  CHECK(row(html, "ligne en double") == "<tr><td>ligne en double</td><td class=\"num\">1</td><td class=\"num\">7,5</td></tr>");
  CHECK(count(html, "<tr class=\"total\"><td>Total</td><td class=\"num\">3</td><td class=\"num\">21,5</td></tr>") == 1);
  CHECK(count(html, "<dt>Validité de l&#39;éligibilité</dt><dd>6 mois à compter du mois de la validation</dd>") == 1);
  CHECK(count(html, "<dt>Tables de référence</dt><dd>version 2026-11-22</dd>") == 1);
  CHECK(count(html, "<code>ab12cd34</code>") == 1);
}

TEST_CASE("report html: the threshold is stated even when nothing is hidden") {
  OperationReport r = sample_report();
  r.min_cell = 1;
  r.breakdowns.clear();
  r.lots[1].participants.suppressed = false;
  r.lots[1].years[0].participants.suppressed = false;
  const std::string html = render_html(r);
  CHECK(count(html, "class=\"masked\"") == 0);
  CHECK(count(html, "Les effectifs inférieurs à 1 personne seraient masqués (secret statistique) ; aucun effectif de ce "
                    "bilan n&#39;est sous ce seuil.") == 1);
  CHECK(count(html, "<svg ") == 1);  // the month chart only
  // The Markdown bilan says the same, not that something is hidden.
  const std::string md = render_markdown(r);
  CHECK(count(md, "Les effectifs inférieurs à 1 personne seraient masqués (secret statistique) ; aucun effectif de ce "
                  "bilan n'est sous ce seuil.") == 1);
  CHECK(count(md, "sont masqués") == 0);
}

TEST_CASE("report html: consolidation in the network's terms, without participant data") {
  Consolidation c;
  c.group_by = GroupBy::buyer;
  c.as_of = Date(2027, 12, 31);
  c.min_cell = 5;
  c.operations = {{"a/op1", "OP-1", "Voirie", "Ville A", 2, 1000, 1200, {0, 200}},
                  {"b/op2", "OP-2", "Écoles", "Ville B", 1, 600, 400, {200, 0}}};
  const GroupReport a = group("Ville A", 1, 2, 1000, 1200, 1, cell("participants", "Personnes", 12), 7);
  const GroupReport b = group("Ville B", 1, 1, 600, 400, 0, cell("participants", "Personnes", 3, 0, true), 3);
  c.groups = {a, b};
  // 1 600 h realised = 1 FTE (1 600 ÷ 1 600); one person worked for both buyers: 14 people, not 15.
  c.total = group("", 2, 3, 1600, 1600, 1, cell("participants", "Personnes", 14), 10);
  c.total.label = "Ensemble";
  // Under 26: 3 people, suppressed; the smallest other non-zero cell, 50 or over (5), is suppressed too.
  c.total.breakdowns = {breakdown("age_band", "Tranche d'âge à la validation", false, false, 14,
                                  {cell("under-26", "Moins de 26 ans", 3, 0, true), cell("26-49", "26 à 49 ans", 6),
                                   cell("50-plus", "50 ans ou plus", 5, 0, true)})};
  c.counting.rules_version = "2026-11-22";
  c.counting.rules_sha256 = "ff00";
  const std::string html = render_html(c);
  check_self_contained(html);
  CHECK(html == render_html(c));
  CHECK(count(html, "<h1>Bilan consolidé des clauses sociales d'insertion</h1>") == 1);
  CHECK(count(html, "<dt>Regroupement</dt><dd>par acheteur</dd>") == 1);
  CHECK(row(html, "Ville A") ==
        "<tr><td>Ville A</td><td class=\"num\">1</td><td class=\"num\">2</td><td class=\"num\">1" + nb + "000</td>"
        "<td class=\"num\">1" + nb + "200</td><td class=\"num\">1</td><td class=\"num\">12</td><td class=\"num\">7</td></tr>");
  CHECK(row(html, "Ville B") ==
        "<tr><td>Ville B</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">600</td>"
        "<td class=\"num\">400</td><td class=\"num\">0</td><td class=\"num\"><span class=\"masked\">&lt; 5</span></td>"
        "<td class=\"num\"><span class=\"masked\">&lt; 5</span></td></tr>");  // work contracts hide with their people
  CHECK(count(html, "<tr class=\"total\"><td>Ensemble</td><td class=\"num\">2</td><td class=\"num\">3</td>") == 1);
  CHECK(count(html, "<span class=\"value\">1" + nb + "600" + nb + "heures</span><span class=\"label\">d&#39;insertion réalisées") == 1);
  CHECK(count(html, "<span class=\"label\">équivalent temps plein (1" + nb + "820" + nb + "heures)</span>") == 1);
  CHECK(row(html, "OP-2") ==
        "<tr><td>OP-2</td><td>Écoles</td><td>Ville B</td><td class=\"num\">1</td><td class=\"num\">600</td>"
        "<td class=\"num\">400</td></tr>");
  CHECK(count(html, "Les effectifs inférieurs à 5 personnes sont masqués (secret statistique) ; quand une seule case") == 1);
  CHECK(count(html, "<svg ") == 1);  // the age bars; no month chart, no outcome chart
  // 6 of 14 = 42,86 % → "42,9 %".
  CHECK(row(html, "26 à 49 ans") ==
        "<tr><td>26 à 49 ans</td><td class=\"num\">6</td><td class=\"num\">42,9" + nb + "%</td></tr>");
  CHECK(count(html, "<rect class=\"masked\"") == 2);
  CHECK(count(html, "Fiche") == 0);
  CHECK(count(html, "Signature") == 0);
}

TEST_CASE("report html: participant sheet with hours by month and signature blocks") {
  ParticipantSheet s;
  s.operation_id = "SCV-2026-EV-02";
  s.operation_title = "Entretien des parcs";
  s.buyer = "Ville de Saint-Clair-de-Garonne";
  s.ref = "P-0002";
  s.sex = Sex::female;
  s.birth_year = 2004;
  s.age_at_validation = 22;
  s.age_band = AgeBand::under_26;
  s.education_level = 3;
  s.criteria = {"young", "deld"};
  s.validated_on = Date(2026, 12, 15);
  s.validity_end = Date(2027, 6, 30);
  s.first_month = "2027-01";
  s.last_month = "2027-02";
  // Apprenticeship: training hours count (work-contracts rule); the November row predates validation.
  s.months = {{"2026-11", "1", track::Route::direct, track::Contract::apprenticeship, "Jardins & Cie", 7, 0, 0, "before-validation"},
              {"2027-01", "1", track::Route::direct, track::Contract::apprenticeship, "Jardins & Cie", 105, 35, 140, ""},
              {"2027-02", "1", track::Route::direct, track::Contract::apprenticeship, "Jardins & Cie", 105, 35, 140, ""}};
  s.work_hours = 217;       // 7 + 105 + 105
  s.training_hours = 70;    // 35 + 35
  s.counted_hours = 280;    // 140 + 140
  s.lots = {"1"};
  s.routes = {track::Route::direct};
  s.contracts = {track::Contract::apprenticeship};
  s.employers = {"Jardins & Cie"};
  s.exit = KnownSituation{Date(2027, 6, 30), "cdd-6m-plus", OutcomeCategory::durable};
  const std::string html = render_html(s);
  check_self_contained(html);
  CHECK(html == render_html(s));
  CHECK(count(html, "<h1>Fiche individuelle de parcours</h1>") == 1);
  CHECK(count(html, "<dt>Référence</dt><dd>P-0002</dd>") == 1);
  CHECK(count(html, "<dt>Âge à la validation</dt><dd>22 ans (moins de 26 ans)</dd>") == 1);
  CHECK(count(html, "<dt>Validée le</dt><dd>15 décembre 2026</dd>") == 1);
  CHECK(count(html, "<dt>Période des heures comptées</dt><dd>de janvier 2027 à février 2027</dd>") == 1);
  CHECK(row(html, "<code>deld</code>") ==
        "<tr><td><code>deld</code></td><td>Demandeur d&#39;emploi de longue durée (12 mois ou plus)</td></tr>");
  CHECK(row(html, "novembre 2026") ==
        "<tr><td>novembre 2026</td><td>1</td><td>embauche directe</td><td>apprentissage</td><td>Jardins &amp; Cie</td>"
        "<td class=\"num\">7</td><td class=\"num\">0</td><td class=\"num\">0</td>"
        "<td>avant la validation de l&#39;éligibilité</td></tr>");
  CHECK(count(html, "<tr class=\"total\"><td>Total</td><td></td><td></td><td></td><td></td><td class=\"num\">217</td>"
                    "<td class=\"num\">70</td><td class=\"num\">280</td><td></td></tr>") == 1);
  CHECK(count(html, "Heures comptées au titre de la clause : 280" + nb + "heures.") == 1);
  CHECK(row(html, "À la sortie") ==
        "<tr><td>À la sortie</td><td>30 juin 2027</td><td>CDD de plus de six mois</td><td>emploi durable</td></tr>");
  CHECK(row(html, "Six mois après la sortie") ==
        "<tr><td>Six mois après la sortie</td><td>—</td><td>non renseignée</td><td>—</td></tr>");
  CHECK(count(html, "<h3>Pour le titulaire</h3>") == 1);
  CHECK(count(html, "<h3>Pour le facilitateur</h3>") == 1);
  CHECK(count(html, "<div class=\"box\"></div>") == 2);
}
