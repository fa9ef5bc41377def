#include "clausier/core/source.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clausier/core/text.hpp"

namespace clausier {

SourceText::SourceText(std::string path, std::string text, LineEnds ends)
    : path_(std::move(path)), text_(std::move(text)), ends_(ends) {}
SourceText::SourceText(std::string path, std::string bytes, Decoder decode)
    : path_(std::move(path)), text_(std::move(bytes)), decode_(decode) {}

void SourceText::decoded() const {
  if (decode_ == nullptr) return;
  text_ = decode_(text_);
  decode_ = nullptr;
}

std::size_t SourceText::next_line(std::size_t begin) const {
  if (ends_ == LineEnds::any) return next_line_start(text_, begin);
  const std::size_t lf = text_.find('\n', begin);
  return lf == std::string::npos ? text_.size() : lf + 1;
}

std::string_view SourceText::line(int n) const {
  decoded();
  std::size_t index = static_cast<std::size_t>(n - 1);
  if (!kept_.empty()) {
    auto it = std::lower_bound(kept_.begin(), kept_.end(), n);
    if (it == kept_.end() || *it != n) return {};
    index = static_cast<std::size_t>(it - kept_.begin());
  } else if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (std::size_t start = next_line(0); start < text_.size(); start = next_line(start)) line_starts_.push_back(start);
  }
  if (n < 1 || index >= line_starts_.size()) return {};
  std::size_t begin = line_starts_[index];
  std::size_t end = next_line(begin);
  if (end > begin && text_[end - 1] == '\n') --end;
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

void SourceText::keep_lines(std::vector<int> lines) {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string text;
  std::vector<std::size_t> starts;
  std::vector<int> kept;
  for (int n : lines) {
    std::string_view l = line(n);
    if (l.empty()) continue;  // out of range: line() says so without it
    kept.push_back(n);
    starts.push_back(text.size());
    text.append(l);
    text += '\n';
  }
  text_ = std::move(text);
  line_starts_ = std::move(starts);
  kept_ = std::move(kept);
}

namespace {

constexpr std::size_t max_message_chars = 1000;
constexpr std::size_t line_window = 1000;  // characters of a long line shown around its column: a paragraph stays whole

std::string shown(std::string_view text) {
  std::string out = printable(text);
  if (utf8_width(out) > max_message_chars) {
    out.resize(utf8_offset(out, static_cast<int>(max_message_chars)));
    out += "…";
  }
  return out;
}

// The source line with its caret line: the characters before the column become spaces (tabs stay
// tabs, so the caret lines up whatever the tab width), a long line is cut around the column.
std::string quoted_line(std::string_view raw, int line_number, int column) {
  std::string line = printable(raw);
  if (line.empty()) return {};
  std::size_t width = utf8_width(line);
  std::size_t caret = column > 1 ? static_cast<std::size_t>(column - 1) : 0;
  std::string before, after;
  if (width > line_window) {
    std::size_t first = caret > line_window / 2 ? std::min(caret - line_window / 2, width - line_window) : 0;
    std::size_t begin = utf8_offset(line, static_cast<int>(first));
    std::size_t end = utf8_offset(line, static_cast<int>(first + line_window));
    if (first > 0) before = "…";
    if (end < line.size()) after = "…";
    line = before + line.substr(begin, end - begin) + after;
    caret = caret - first + (before.empty() ? 0 : 1);
  }
  std::string pad;
  std::string_view prefix = std::string_view(line).substr(0, utf8_offset(line, static_cast<int>(caret)));
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if ((static_cast<unsigned char>(prefix[i]) & 0xC0) != 0x80) pad += prefix[i] == '\t' ? '\t' : ' ';
  std::string number = std::to_string(line_number);
  return fmt::format(" {} | {}\n {} | {}^\n", number, line, std::string(number.size(), ' '), pad);
}

}  // namespace

std::string sheet_cell_name(std::string_view sheet, Position pos) {
  std::string cell;
  for (int column = pos.column; column > 0; column = (column - 1) / 26)
    cell.insert(cell.begin(), static_cast<char>('A' + (column - 1) % 26));
  if (pos.line > 0) cell += std::to_string(pos.line);
  return cell.empty() ? std::string(sheet) : fmt::format("{}!{}", sheet, cell);
}

bool shows_line(const Diagnostic& d) {
  // A line holding personal data is not repeated on screen or in logs.
  return d.sheet.empty() && d.pos.line > 0 && !d.hide_line;
}

std::string render_diagnostic(const Diagnostic& d, const SourceText* source) {
  std::string out = printable(d.path);
  if (!d.sheet.empty()) out += ":" + printable(sheet_cell_name(d.sheet, d.pos));
  else if (d.pos.line > 0) out += fmt::format(":{}:{}", d.pos.line, d.pos.column);
  out += fmt::format(": {}: {}", severity_name(d.severity), shown(d.message));
  if (!d.rule.empty()) out += fmt::format(" [{}]", printable(d.rule));
  out += '\n';
  if (source != nullptr && shows_line(d)) out += quoted_line(source->line(d.pos.line), d.pos.line, d.pos.column);
  if (!d.hint.empty()) out += fmt::format("  aide : {}\n", shown(d.hint));
  return out;
}

}  // namespace clausier
