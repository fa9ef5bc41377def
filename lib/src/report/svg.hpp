#pragma once
// Small deterministic SVG charts for the HTML report (report/html.cpp): inline <svg> elements with a
// viewBox, drawn at 100 % of the column width so they scale on screen and in print. Coordinates are
// written with one decimal (locale-free); labels are escaped; nothing external (no xmlns URL, no font).
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausier::report::svg {

// The report's colours: realised hours and bars, the expected schedule, suppressed cells.
inline constexpr std::string_view realised_colour = "#1f5fa8";
inline constexpr std::string_view schedule_colour = "#e07b00";
inline constexpr std::string_view follow_up_colour = "#8db0dc";
inline constexpr std::string_view masked_colour = "#9e9e9e";

// "2027-03" -> {2027, 3}; {0, 0} when it is not a month.
std::pair<int, int> parse_month(std::string_view month);

struct Series {
  std::string label;           // legend
  std::string_view colour;
  bool dashed = false;
  std::vector<double> values;  // one per month from the first; may stop before the last month
};

// A line chart by month: `months` are "YYYY-MM"; every series is one <polyline> with one point per value.
// `id` must be unique in the page. Empty when there is no month.
std::string line_chart(std::string_view id, std::string_view title, const std::vector<std::string>& months,
                       const std::vector<Series>& series, std::string_view unit = "heures");

struct BarValue {
  std::optional<double> value;  // absent: suppressed (drawn hatched, with no figure)
  std::string text;             // written after the bar: "12", or the hidden cell's text (« < 5 », « masqué »)
};
struct BarRow {
  std::string label;
  std::vector<BarValue> values;  // one per legend entry
};
struct Legend {
  std::string label;
  std::string_view colour;
};

// Horizontal bars, one row per category and one bar per legend entry (the legend is drawn when there
// are several). Bars share one scale: the largest value shown. A suppressed value is a grey hatched bar
// of fixed width labelled with its text, as its table cell reads, so its length tells nothing.
std::string bar_chart(std::string_view id, std::string_view title, const std::vector<Legend>& legend,
                      const std::vector<BarRow>& rows);

}  // namespace clausier::report::svg
