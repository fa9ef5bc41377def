#pragma once
// Private to the HTML report: the page and its building blocks (html_parts.cpp), shared by the
// operation report and the consolidation (html.cpp) and the participant sheet (html_sheet.cpp).
// Every function returns HTML: text given to it is escaped, except table cells, which are HTML.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/report/model.hpp"
#include "svg.hpp"

namespace clausier::report::detail {

// The whole page: head, inline style (screen and A4 print), the body in a centred column.
std::string page(std::string_view title, const std::string& body);

// French agreement: singular below 2 ("0 personne", "1 personne", "2 personnes").
std::string plural(double n, std::string_view one, std::string_view many);
// A hidden figure, greyed, in the words of masking.hpp: « < 5 » or « masqué » for a people cell,
// « masqué » for hidden hours (a hidden cell's, a route group's).
std::string hidden_html(const Cell& c, int min_cell);
std::string protective_html();
std::string people_html(const Cell& c, int min_cell);  // "1 250", or hidden_html
std::string achievement_text(const std::optional<double>& a);  // "81,5 %", "—"
std::string month_label(std::string_view month);                // "2027-03" -> "mars 2027"
std::string gap_html(const Shortfall& s, double target);  // "il manque 120 heures ; dépassement : +5 heures", never netted

struct Column {
  std::string header;
  bool numeric = false;
};
struct Row {
  std::vector<std::string> cells;
  bool total = false;
};

std::string table(const std::vector<Column>& columns, const std::vector<Row>& rows, std::string_view caption = {});
std::string figure(std::string_view value_html, std::string_view label);
std::string meta(const std::vector<std::pair<std::string, std::string>>& items);  // empty values left out

// Charts are numbered in page order: their ids (and hatch patterns) stay unique and stable.
class Charts {
 public:
  std::string next_id() { return "chart-" + std::to_string(++count_); }

 private:
  int count_ = 0;
};

std::string chart_block(const std::string& svg_text);
// A bar chart whose every value is masked or zero would only repeat the table: it is left out.
bool worth_drawing(const std::vector<svg::BarRow>& bars);

// Always states the threshold; the sentence of the brief whenever something is hidden.
std::string privacy_note_html(int min_cell, bool suppressed);
// Every breakdown but the outcomes (exit, follow-up), each a table and a chart.
std::string breakdowns_html(const std::vector<Breakdown>& breakdowns, int min_cell, Charts& charts);
// The outcomes at exit and six months after, side by side.
std::string outcomes_html(const std::vector<Breakdown>& breakdowns, int min_cell, Charts& charts);
// The counting rules (with_counting) and the rule tables' version and hash.
std::string counting_html(const CountingInfo& c, bool with_counting);

}  // namespace clausier::report::detail
