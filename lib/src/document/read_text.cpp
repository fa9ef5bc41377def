// The plain-text reader: paragraphs separated by blank lines, headings underlined with "===" or "---",
// bulleted items, and tables with aligned columns, as clausier's own writer (write_text) and people
// write them.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace clausier::document::detail {
namespace {

// Calls f(position, character) for each character (UTF-8 sequence) of a line.
template <typename F>
void for_each_character(std::string_view line, F f) {
  std::size_t position = 0;
  for (std::size_t i = 0; i < line.size(); ++position) {
    const std::size_t n = std::clamp<std::size_t>(utf8_length(static_cast<unsigned char>(line[i])), 1, line.size() - i);
    f(position, line.substr(i, n));
    i += n;
  }
}

// More columns than this is no table a person wrote (and would cost memory out of proportion).
constexpr std::size_t max_text_columns = 64;

struct TextCell {
  int row, column;
  std::string_view text;  // a view into the line
};

// A table as render_text_table writes it: columns aligned, two spaces or more between them. Columns
// are the character positions that are blank on every line; a block is a table when at least two
// lines, and half of them, have text in two columns or more (so a paragraph with one double space
// is not one). Empty when the block is no table.
std::vector<TextCell> text_table(const std::vector<std::string_view>& block) {
  if (block.size() < 2) return {};
  std::vector<bool> blank;
  std::size_t first_text = std::string_view::npos;
  for (std::string_view line : block) {
    for_each_character(line, [&](std::size_t p, std::string_view ch) {
      if (p >= blank.size()) blank.resize(p + 1, true);
      if (ch == " ") return;
      blank[p] = false;
      first_text = std::min(first_text, p);
    });
  }
  const std::size_t width = blank.size();
  if (first_text >= width) return {};
  // Column starts: after each run of two blank positions or more inside the text.
  std::vector<std::size_t> starts{first_text};
  for (std::size_t p = first_text; p < width;) {
    if (!blank[p]) {
      ++p;
      continue;
    }
    std::size_t end = p;
    while (end < width && blank[end]) ++end;
    if (end - p >= 2 && end < width) starts.push_back(end);
    p = end;
  }
  if (starts.size() < 2 || starts.size() > max_text_columns) return {};
  std::vector<TextCell> cells;
  std::size_t spanning = 0;
  for (std::size_t r = 0; r < block.size(); ++r) {
    // The characters of a column are one stretch of the line: [begin, end) in bytes.
    std::vector<std::pair<std::size_t, std::size_t>> texts(starts.size(), {std::string_view::npos, 0});
    const std::string_view line = block[r];
    for_each_character(line, [&](std::size_t p, std::string_view ch) {
      const auto next = std::upper_bound(starts.begin(), starts.end(), p);
      if (next == starts.begin()) return;
      auto& [begin, end] = texts[static_cast<std::size_t>(next - starts.begin()) - 1];
      const std::size_t at = offset_in(line, ch);
      begin = std::min(begin, at);
      end = at + ch.size();
    });
    int filled = 0;
    for (std::size_t c = 0; c < texts.size(); ++c) {
      const auto [begin, end] = texts[c];
      if (begin == std::string_view::npos) continue;
      const std::string_view trimmed = trim_spaces(line.substr(begin, end - begin));
      if (trimmed.empty()) continue;
      ++filled;
      cells.push_back({static_cast<int>(r) + 1, static_cast<int>(c) + 1, trimmed});
    }
    if (filled >= 2) ++spanning;
  }
  if (spanning < 2 || 2 * spanning < block.size()) return {};
  return cells;
}

class PlainTextReader {
 public:
  explicit PlainTextReader(std::string_view source) : source_(source), sink_(source) {}

  std::vector<Paragraph> read() {
    const std::vector<std::string_view> lines = split_lines(source_);
    std::size_t i = 0;
    while (i < lines.size()) {
      if (trim_spaces(lines[i]).empty()) {
        ++i;
        continue;
      }
      std::size_t end = i;
      std::vector<std::string_view> block;
      while (end < lines.size() && !trim_spaces(lines[end]).empty()) {
        std::string_view line = lines[end];
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        block.push_back(line);
        ++end;
      }
      if (!table(block, static_cast<int>(i) + 1)) paragraphs(block, static_cast<int>(i) + 1);
      i = end;
    }
    return sink_.take();
  }

 private:
  // `text` is a view into the source: it keeps its place there.
  MappedText mapped(std::string_view text) const {
    MappedText out;
    out.copy(text, offset_in(source_, text));
    return out;
  }

  bool table(const std::vector<std::string_view>& block, int first_line) {
    if (list_item_start(trim_spaces(block.front()), false) != std::string_view::npos) return false;
    for (std::string_view line : block)
      if (underline_level(trim_spaces(line)) > 0) return false;
    const std::vector<TextCell> cells = text_table(block);
    if (cells.empty()) return false;
    const int number = ++tables_;
    for (const TextCell& cell : cells)
      sink_.add(Block{mapped(cell.text), first_line + cell.row - 1, 0, number, cell.row, cell.column});
    return true;
  }

  // Lines joined into paragraphs; a line alone above "====" or "----" is a heading (write_text's
  // levels 1 and 2); a bullet starts an item of its own, its following lines continue it.
  void paragraphs(const std::vector<std::string_view>& block, int first_line) {
    Block current;
    int count = 0;
    bool item = false;
    auto flush = [&] {
      if (count > 0) sink_.add(current);
      current = {};
      count = 0;
      item = false;
    };
    for (std::size_t k = 0; k < block.size(); ++k) {
      const int line = first_line + static_cast<int>(k);
      const std::string_view text = trim_spaces(block[k]);
      if (const int level = underline_level(text); level > 0) {
        if (count == 1 && !item) current.heading_level = level;
        flush();
        continue;
      }
      if (const std::size_t start = list_item_start(text, false); start != std::string_view::npos) {
        flush();
        current = Block{mapped(text.substr(start)), line};
        count = 1;
        item = true;
        continue;
      }
      if (count == 0) {
        current = Block{mapped(text), line};
      } else {
        current.text.put(" ", offset_in(source_, text));
        current.text.copy(text, offset_in(source_, text));
      }
      ++count;
    }
    flush();
  }

  std::string_view source_;
  ParagraphSink sink_;
  int tables_ = 0;
};

}  // namespace

std::vector<Paragraph> read_plain_text(std::string_view text) { return PlainTextReader(text).read(); }

}  // namespace clausier::document::detail
