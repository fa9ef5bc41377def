#include "clausier/core/source.hpp"

#include <fmt/format.h>

#include "clausier/core/text.hpp"

namespace clausier {

SourceText::SourceText(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

std::string_view SourceText::line(int n) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i)
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (n < 1 || static_cast<std::size_t>(n) > line_starts_.size()) return {};
  std::size_t begin = line_starts_[static_cast<std::size_t>(n - 1)];
  std::size_t end = text_.find('\n', begin);
  if (end == std::string::npos) end = text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

std::string sheet_cell_name(std::string_view sheet, Position pos) {
  std::string cell;
  for (int column = pos.column; column > 0; column = (column - 1) / 26)
    cell.insert(cell.begin(), static_cast<char>('A' + (column - 1) % 26));
  if (pos.line > 0) cell += std::to_string(pos.line);
  return cell.empty() ? std::string(sheet) : fmt::format("{}!{}", sheet, cell);
}

std::string render_diagnostic(const Diagnostic& d, const SourceText* source) {
  std::string out = d.path;
  if (!d.sheet.empty()) out += ":" + sheet_cell_name(d.sheet, d.pos);
  else if (d.pos.line > 0) out += fmt::format(":{}:{}", d.pos.line, d.pos.column);
  out += fmt::format(": {}: {}", severity_name(d.severity), d.message);
  if (!d.rule.empty()) out += fmt::format(" [{}]", d.rule);
  out += '\n';
  // A line holding personal data is not repeated on screen or in logs.
  if (source != nullptr && d.sheet.empty() && d.pos.line > 0 && d.rule != personal_data_rule) {
    std::string line = sanitize_utf8(source->line(d.pos.line));
    if (!line.empty()) {
      std::string number = std::to_string(d.pos.line);
      out += fmt::format(" {} | {}\n", number, line);
      // The caret sits under the column counted in characters, not bytes (accents are common).
      std::size_t width = utf8_width(std::string_view(line).substr(0, utf8_offset(line, d.pos.column - 1)));
      out += fmt::format(" {} | {}^\n", std::string(number.size(), ' '), std::string(width, ' '));
    }
  }
  if (!d.hint.empty()) out += fmt::format("  aide : {}\n", d.hint);
  return out;
}

}  // namespace clausier
