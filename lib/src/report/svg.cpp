// Inline SVG charts of the HTML report: a cumulative line chart by month and horizontal bar charts.
#include "svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"

namespace clausier::report::svg {
namespace {

constexpr double width = 720;     // viewBox width; the page scales it to the column
constexpr double char_width = 6;          // average advance of an 11-unit sans-serif character, for legends
constexpr double label_char_width = 6.6;  // a generous one, so a label left of the bars is never cut
constexpr std::string_view axis_colour = "#555555";
constexpr std::string_view grid_colour = "#dddddd";

// One decimal, no trailing ".0", classic locale: the same bytes on every machine.
std::string num(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

std::string open_svg(std::string_view id, std::string_view title, double height) {
  return fmt::format(
      "<svg id=\"{0}\" class=\"chart-svg\" viewBox=\"0 0 {1} {2}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" "
      "role=\"img\" aria-labelledby=\"{0}-title\" font-family=\"inherit\" font-size=\"11\">\n"
      "<title id=\"{0}-title\">{3}</title>\n",
      html_escaped(id), num(width), num(height), html_escaped(title));
}

// A step of 1, 2, 2.5 or 5 × 10^k giving at most about five intervals up to `max`; at least 1 (hours).
double nice_step(double max) {
  if (!(max > 0)) return 1;
  const double raw = max / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  return std::max(step, 1.0);
}

std::string_view month_abbreviation(int month) {
  static constexpr std::string_view names[] = {"janv.", "févr.", "mars", "avr.",  "mai",  "juin",
                                               "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
  return month >= 1 && month <= 12 ? names[month - 1] : std::string_view("?");
}

std::string truncated(std::string_view label, std::size_t max_chars) {
  if (utf8_width(label) <= max_chars) return std::string(label);
  return std::string(label.substr(0, utf8_offset(label, static_cast<int>(max_chars) - 1))) + "…";
}

std::string legend_entry(double x, double y, std::string_view colour, bool dashed, bool bar, std::string_view label) {
  std::string out;
  if (bar)
    out = fmt::format("<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"10\" fill=\"{}\"/>", num(x), num(y - 9), colour);
  else
    out = fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"{}/>", num(x),
                      num(y - 4), num(x + 22), num(y - 4), colour, dashed ? " stroke-dasharray=\"6 4\"" : "");
  return out + fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#222222\">{}</text>\n", num(x + (bar ? 22 : 28)), num(y),
                           html_escaped(label));
}

}  // namespace

std::pair<int, int> parse_month(std::string_view m) {
  if (m.size() != 7 || m[4] != '-') return {0, 0};
  int year = 0, month = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (m[i] < '0' || m[i] > '9') return {0, 0};
    year = year * 10 + (m[i] - '0');
  }
  for (std::size_t i = 5; i < 7; ++i) {
    if (m[i] < '0' || m[i] > '9') return {0, 0};
    month = month * 10 + (m[i] - '0');
  }
  return {year, month};
}

std::string line_chart(std::string_view id, std::string_view title, const std::vector<std::string>& months,
                       const std::vector<Series>& series, std::string_view unit) {
  if (months.empty()) return {};
  constexpr double height = 320, left = 70, right = 700, top = 48, bottom = 262;
  double max = 0;
  for (const Series& s : series)
    for (double v : s.values) max = std::max(max, v);
  const double step = nice_step(max);
  const double y_max = std::max(step, std::ceil(max / step - 1e-9) * step);
  const std::size_t n = months.size();
  auto x_of = [&](std::size_t i) { return n == 1 ? (left + right) / 2 : left + (right - left) * double(i) / double(n - 1); };
  auto y_of = [&](double v) { return bottom - (bottom - top) * v / y_max; };

  std::string out = open_svg(id, title, height);
  // Horizontal grid and the hour scale.
  for (double v = 0; v <= y_max + step / 2; v += step) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>", num(left),
                       num(y_of(v)), num(right), num(y_of(v)), v == 0 ? axis_colour : grid_colour);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>\n", num(left - 6),
                       num(y_of(v) + 4), axis_colour, html_escaped(text::format_number(v, 1)));
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", num(left - 6), num(top - 10), axis_colour,
                     html_escaped(unit));
  // Month ticks, and a label every `every` months (about twelve labels at most); the year under January
  // and under the first label.
  const std::size_t every = (n + 11) / 12;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = x_of(i);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1\"/>", num(x),
                       num(bottom), num(bottom + 4), axis_colour);
    if (i % every != 0) continue;
    auto [year, month] = parse_month(months[i]);
    if (year == 0) {
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n", num(x),
                         num(bottom + 17), axis_colour, html_escaped(months[i]));
      continue;
    }
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}", num(x), num(bottom + 17),
                       axis_colour, html_escaped(month_abbreviation(month)));
    if (i == 0 || std::size_t(month) <= every) out += fmt::format("<tspan x=\"{}\" dy=\"14\">{}</tspan>", num(x), year);
    out += "</text>\n";
  }
  // Legend, above the plot.
  double lx = left;
  for (const Series& s : series) {
    out += legend_entry(lx, 20, s.colour, s.dashed, false, s.label);
    lx += 28 + char_width * double(utf8_width(s.label)) + 24;
  }
  // The lines, and the last value of each at its end.
  for (const Series& s : series) {
    if (s.values.empty()) continue;
    std::string points;
    for (std::size_t i = 0; i < s.values.size() && i < n; ++i)
      points += (i ? " " : "") + num(x_of(i)) + "," + num(y_of(s.values[i]));
    out += fmt::format("<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
                       "stroke-linejoin=\"round\"{} points=\"{}\"/>\n",
                       s.colour, s.dashed ? " stroke-dasharray=\"6 4\"" : "", points);
    const std::size_t last = std::min(s.values.size(), n) - 1;
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"/>", num(x_of(last)),
                       num(y_of(s.values[last])), s.colour);
    const bool near_right = x_of(last) > right - 60;
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\" font-weight=\"bold\">{}</text>\n",
                       num(x_of(last) + (near_right ? -6 : 6)), num(y_of(s.values[last]) - 8),
                       near_right ? "end" : "start", s.colour, html_escaped(text::format_number(s.values[last], 0)));
  }
  return out + "</svg>\n";
}

std::string bar_chart(std::string_view id, std::string_view title, const std::vector<Legend>& legend,
                      const std::vector<BarRow>& rows) {
  if (rows.empty()) return {};
  constexpr double bar_height = 14, bar_gap = 3, row_padding = 9, masked_width = 36, value_room = 96, label_line = 15;
  // Short labels sit left of the bars; long ones (eligibility criteria) on a line of their own above them.
  constexpr std::size_t max_left_chars = 26, max_label_chars = 110;
  const std::size_t per_row = std::max<std::size_t>(1, legend.size());
  const double legend_height = legend.size() > 1 ? 26 : 4;

  std::size_t longest = 0;
  double max = 0;
  for (const BarRow& r : rows) {
    longest = std::max(longest, utf8_width(r.label));
    for (const BarValue& v : r.values)
      if (v.value) max = std::max(max, *v.value);
  }
  const bool above = longest > max_left_chars;
  const double bars_height = double(per_row) * bar_height + double(per_row - 1) * bar_gap;
  const double row_height = bars_height + row_padding + (above ? label_line : 0);
  const double x0 = above ? 4 : std::max(60.0, label_char_width * double(longest) + 14);
  const double plot_width = width - x0 - value_room;
  const double height = legend_height + row_height * double(rows.size()) + 6;

  std::string out = open_svg(id, title, height);
  out += fmt::format(
      "<defs><pattern id=\"{}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
      "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e6e6e6\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{}\" stroke-width=\"2\"/></pattern></defs>\n",
      html_escaped(id), masked_colour);
  if (legend.size() > 1) {
    double lx = x0;
    for (const Legend& l : legend) {
      out += legend_entry(lx, 16, l.colour, false, true, l.label);
      lx += 22 + char_width * double(utf8_width(l.label)) + 24;
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double top = legend_height + row_height * double(r) + row_padding / 2;
    const double y = top + (above ? label_line : 0);  // first bar
    if (above)
      out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#222222\">{}</text>\n", num(x0), num(top + 10),
                         html_escaped(truncated(rows[r].label, max_label_chars)));
    else
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#222222\">{}</text>\n", num(x0 - 8),
                         num(y + bars_height / 2 + 4), html_escaped(rows[r].label));
    for (std::size_t b = 0; b < rows[r].values.size() && b < per_row; ++b) {
      const BarValue& v = rows[r].values[b];
      const double by = y + double(b) * (bar_height + bar_gap);
      const std::string_view colour = b < legend.size() ? legend[b].colour : realised_colour;
      if (!v.value) {
        out += fmt::format("<rect class=\"masked\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{}-hatch)\" "
                           "stroke=\"{}\" stroke-width=\"0.5\"/>",
                           num(x0), num(by), num(masked_width), num(bar_height), html_escaped(id), masked_colour);
        out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#666666\" font-style=\"italic\">{}</text>\n",
                           num(x0 + masked_width + 6), num(by + bar_height - 3), html_escaped(v.text));
        continue;
      }
      const double w = max > 0 ? plot_width * *v.value / max : 0;
      out += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", num(x0),
                         num(by), num(w), num(bar_height), colour);
      out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#222222\">{}</text>\n", num(x0 + w + 6),
                         num(by + bar_height - 3), html_escaped(v.text));
    }
  }
  if (!above)
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1\"/>\n",
                       num(x0), num(legend_height), num(height - 4), axis_colour);
  return out + "</svg>\n";
}

}  // namespace clausier::report::svg
