#include "clausier/text/table.hpp"

#include <algorithm>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"

namespace clausier::text {

std::string render_text_table(const std::vector<Column>& columns, const std::vector<Row>& rows) {
  std::vector<std::size_t> width(columns.size());
  for (std::size_t c = 0; c < columns.size(); ++c) width[c] = utf8_width(columns[c].header);
  for (const Row& row : rows)
    for (std::size_t c = 0; c < row.size() && c < columns.size(); ++c) width[c] = std::max(width[c], utf8_width(row[c]));
  auto line = [&](const Row& cells) {
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string_view cell = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
      std::string pad(width[c] - utf8_width(cell), ' ');
      if (c > 0) out += "  ";
      out += columns[c].right ? pad + std::string(cell) : std::string(cell) + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  Row header;
  for (const auto& col : columns) header.push_back(col.header);
  std::string out = line(header);
  for (const Row& row : rows) out += line(row);
  return out;
}

std::string render_markdown_table(const std::vector<Column>& columns, const std::vector<Row>& rows) {
  auto cell = [](std::string s) {
    std::string out;
    for (char ch : s) out += ch == '|' ? std::string("\\|") : std::string(1, ch);
    return out;
  };
  std::string out = "|";
  for (const auto& col : columns) out += " " + cell(col.header) + " |";
  out += "\n|";
  for (const auto& col : columns) out += col.right ? "---:|" : "---|";
  out += "\n";
  for (const Row& row : rows) {
    out += "|";
    for (std::size_t c = 0; c < columns.size(); ++c) out += " " + (c < row.size() ? cell(row[c]) : std::string()) + " |";
    out += "\n";
  }
  return out;
}

std::string csv_row(const Row& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ';';
    const std::string& f = fields[i];
    if (f.find_first_of(";\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char ch : f) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    out += '"';
  }
  return out + "\r\n";
}

std::string csv_number(double v, int max_decimals) { return format_number(v, max_decimals, ""); }

}  // namespace clausier::text
