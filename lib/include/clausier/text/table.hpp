#pragma once
// Tables for people (aligned text, Markdown) and for spreadsheets (CSV as French Excel reads it).
#include <string>
#include <string_view>
#include <vector>

namespace clausier::text {

struct Column {
  std::string header;
  bool right = false;  // numbers are right-aligned
};
using Row = std::vector<std::string>;

// Columns separated by two spaces, aligned on the display width (UTF-8 aware); no trailing spaces.
std::string render_text_table(const std::vector<Column>& columns, const std::vector<Row>& rows);
// A GitHub-flavoured Markdown table; "|" in cells is escaped.
std::string render_markdown_table(const std::vector<Column>& columns, const std::vector<Row>& rows);

// CSV for French spreadsheets: ";" separator, CRLF, fields quoted when they hold ";", '"' or a newline.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
std::string csv_row(const Row& fields);
// A number with a decimal comma, no thousands separator, trailing zeros trimmed (Excel reads it as a number).
std::string csv_number(double v, int max_decimals = 6);

}  // namespace clausier::text
