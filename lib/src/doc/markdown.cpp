// The Markdown subset of blocks.hpp: its parser, and the two writers that are text (Markdown, plain text).
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/doc/blocks.hpp"
#include "clausier/text/table.hpp"

namespace clausier::doc {
namespace {

// Plain text is pasted into e-mails: lines stay within this many characters where words allow.
constexpr std::size_t text_line_width = 100;


std::vector<std::string_view> trimmed_lines(std::string_view text) {
  std::vector<std::string_view> lines = split_lines(text);
  for (std::string_view& line : lines) line = trim_spaces(line);
  return lines;
}

// "## Article" -> 2; 0 when the line is no heading. "#" alone is an empty heading, as in CommonMark,
// so that a paragraph written back on one line never starts like a heading.
int heading_level(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 3) return 0;
  if (hashes < line.size() && line[hashes] != ' ' && line[hashes] != '\t') return 0;
  return static_cast<int>(hashes);
}

// "- élément", or "-" alone (an empty item, for the same reason as "#").
bool is_bullet(std::string_view line) {
  return line == "-" || line.starts_with("- ") || line.starts_with("-\t");
}


Block text_block(Block::Kind kind, std::string_view text, int level = 0) {
  Block b;
  b.kind = kind;
  b.level = level;
  b.text = parse_inline(text);
  return b;
}

// The table whose header is lines[first]; returns the index of the first line after it. Every row gets as
// many cells as the widest line (header, separator or row), so ragged rows lose nothing.
std::size_t parse_table(const std::vector<std::string_view>& lines, std::size_t first, std::vector<Block>& blocks) {
  const std::vector<std::string> header = split_table_row(lines[first]);
  const std::vector<std::string> separator = split_table_row(lines[first + 1]);
  std::vector<std::vector<std::string>> rows;
  std::size_t next = first + 2;
  for (; next < lines.size() && lines[next].starts_with('|'); ++next) rows.push_back(split_table_row(lines[next]));

  std::size_t columns = std::max(header.size(), separator.size());
  for (const auto& row : rows) columns = std::max(columns, row.size());
  auto cells = [columns](const std::vector<std::string>& texts) {
    std::vector<Inline> out(columns);
    for (std::size_t c = 0; c < texts.size(); ++c) out[c] = parse_inline(texts[c]);
    return out;
  };
  Block b;
  b.kind = Block::Kind::table;
  b.table.header = cells(header);
  b.table.right_aligned.resize(columns);
  for (std::size_t c = 0; c < separator.size(); ++c) b.table.right_aligned[c] = separator[c].ends_with(':');
  for (const auto& row : rows) b.table.rows.push_back(cells(row));
  blocks.push_back(std::move(b));
  return next;
}

std::string plain(const Inline& text) {
  std::string out;
  for (const Span& span : text) out += span.text;
  return out;
}

// A line break inside a span (only a Document built by hand has one) would end the Markdown block.
std::string inline_markdown(const Inline& text) {
  std::string out;
  for (const Span& span : text) {
    std::string piece = span.text;
    for (char& ch : piece)
      if (ch == '\n' || ch == '\r') ch = ' ';
    out += span.bold && !piece.empty() ? "**" + piece + "**" : piece;
  }
  return out;
}

// "# " + text, or "#" alone when the text is empty (no trailing space).
std::string prefixed(std::string_view prefix, const std::string& text) {
  return text.empty() ? std::string(trim_spaces(prefix)) : std::string(prefix) + text;
}

// Blocks are separated by a blank line, except consecutive bullet items.
void separate(std::string& out, const Block*& previous, const Block& next) {
  if (previous && !(previous->kind == Block::Kind::bullet && next.kind == Block::Kind::bullet)) out += '\n';
  previous = &next;
}

std::string_view heading_marks(int level) {
  return level <= 1 ? "# " : level == 2 ? "## " : "### ";
}

// header.size() is the number of columns: rows are padded or cut to it.
std::vector<std::string> row_texts(const std::vector<Inline>& cells, std::size_t columns,
                                   std::string (*render)(const Inline&)) {
  std::vector<std::string> out(columns);
  for (std::size_t c = 0; c < columns && c < cells.size(); ++c) out[c] = render(cells[c]);
  return out;
}

std::string render_table(const Table& table, std::string (*render)(const Inline&), bool markdown) {
  const std::size_t columns = table.header.size();
  if (columns == 0) return {};
  std::vector<text::Column> cols;
  for (std::size_t c = 0; c < columns; ++c)
    cols.push_back({render(table.header[c]), c < table.right_aligned.size() && table.right_aligned[c]});
  std::vector<text::Row> rows;
  for (const auto& row : table.rows) rows.push_back(row_texts(row, columns, render));
  return markdown ? text::render_markdown_table(cols, rows) : text::render_text_table(cols, rows);
}

bool is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

// Greedy wrapping on ASCII white space only: U+00A0 and U+202F hold "1 250 000,00 €" together.
// Width is counted in characters; a word longer than the line stands alone, unbroken.
std::string wrap(std::string_view text, std::string_view first_prefix, std::string_view next_prefix) {
  std::string out;
  std::string line(first_prefix);
  std::size_t line_width = utf8_width(line);
  bool line_has_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    const std::size_t width = utf8_width(word);
    if (line_has_word && line_width + 1 + width > text_line_width) {
      out += line + '\n';
      line = std::string(next_prefix);
      line_width = utf8_width(line);
      line_has_word = false;
    }
    if (line_has_word) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += width;
    line_has_word = true;
    i = end;
  }
  if (!line_has_word) line = std::string(trim_spaces(line));
  return out + line + '\n';
}

}  // namespace

// The cells of "| a | b |": outer pipes dropped, "\|" is a pipe inside a cell, cells trimmed.
std::vector<std::string_view> table_cells(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = line.starts_with('|') ? 1 : 0;
  for (std::size_t i = start; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      ++i;
    } else if (line[i] == '|') {
      cells.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  }
  cells.push_back(line.substr(std::min(start, line.size())));
  if (cells.size() > 1 && trim_spaces(cells.back()).empty()) cells.pop_back();  // what follows the closing pipe
  for (std::string_view& cell : cells) cell = trim_spaces(cell);
  return cells;
}

std::vector<std::string> split_table_row(std::string_view line) {
  std::vector<std::string> out;
  for (std::string_view cell : table_cells(line)) {
    std::string& text = out.emplace_back();
    for (std::size_t i = 0; i < cell.size(); ++i) {
      if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '|') ++i;
      text += cell[i];
    }
  }
  return out;
}

// "|---|:---|---:|": dashes, with an optional colon at either end of each cell.
bool is_table_separator(std::string_view line) {
  if (!line.starts_with('|')) return false;
  for (const std::string& cell : split_table_row(line)) {
    std::string_view dashes = cell;
    if (dashes.starts_with(':')) dashes.remove_prefix(1);
    if (dashes.ends_with(':')) dashes.remove_suffix(1);
    if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos) return false;
  }
  return true;
}

Inline parse_inline(std::string_view text) {
  Inline out;
  auto add = [&out](std::string_view piece, bool bold) {
    if (piece.empty()) return;
    if (!out.empty() && out.back().bold == bold)
      out.back().text += piece;
    else
      out.push_back(Span{std::string(piece), bold});
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find("**", i);
    const std::size_t close = open == std::string_view::npos ? open : text.find("**", open + 2);
    if (close == std::string_view::npos) {  // no "**", or one never closed: literal text
      add(text.substr(i), false);
      break;
    }
    if (close == open + 2) {  // "****" holds no text: the first pair is literal
      add(text.substr(i, open + 2 - i), false);
      i = open + 2;
      continue;
    }
    add(text.substr(i, open - i), false);
    add(text.substr(open + 2, close - open - 2), true);
    i = close + 2;
  }
  return out;
}

Document parse_markdown(std::string_view text, std::string title) {
  const std::string clean = sanitize_utf8(text);
  const std::vector<std::string_view> lines = trimmed_lines(clean);
  Document doc;
  doc.title = sanitize_utf8(title);
  std::string paragraph;
  auto end_paragraph = [&] {
    if (paragraph.empty()) return;
    doc.blocks.push_back(text_block(Block::Kind::paragraph, paragraph));
    paragraph.clear();
  };
  std::size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = lines[i];
    const int level = heading_level(line);
    const bool table = line.starts_with('|') && i + 1 < lines.size() && is_table_separator(lines[i + 1]);
    if (line.empty() || line == "\f" || level > 0 || is_bullet(line) || table) end_paragraph();
    if (table) {
      i = parse_table(lines, i, doc.blocks);
      continue;
    }
    if (line == "\f") {
      Block page_break;
      page_break.kind = Block::Kind::page_break;
      doc.blocks.push_back(page_break);
    } else if (level > 0) {
      doc.blocks.push_back(text_block(Block::Kind::heading, trim_spaces(line.substr(static_cast<std::size_t>(level))), level));
    } else if (is_bullet(line)) {
      doc.blocks.push_back(text_block(Block::Kind::bullet, trim_spaces(line.substr(1))));
    } else if (!line.empty()) {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
    ++i;
  }
  end_paragraph();
  return doc;
}

std::string write_markdown(const Document& d) {
  std::string out;
  const Block* previous = nullptr;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::table && b.table.header.empty()) continue;
    if (b.kind == Block::Kind::paragraph && b.text.empty()) continue;
    separate(out, previous, b);
    switch (b.kind) {
      case Block::Kind::heading: out += prefixed(heading_marks(b.level), inline_markdown(b.text)) + '\n'; break;
      case Block::Kind::paragraph: out += inline_markdown(b.text) + '\n'; break;
      case Block::Kind::bullet: out += prefixed("- ", inline_markdown(b.text)) + '\n'; break;
      case Block::Kind::table: out += render_table(b.table, inline_markdown, true); break;
      case Block::Kind::page_break: out += "\f\n"; break;
    }
  }
  return out;
}

// A page break means nothing in an e-mail: it is left out.
std::string write_text(const Document& d) {
  std::string out;
  const Block* previous = nullptr;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::page_break) continue;
    if (b.kind == Block::Kind::table && b.table.header.empty()) continue;
    if (b.kind == Block::Kind::paragraph && b.text.empty()) continue;
    separate(out, previous, b);
    switch (b.kind) {
      case Block::Kind::heading: {
        const std::string text = plain(b.text);
        out += text + '\n';
        if (b.level <= 2) out += std::string(utf8_width(text), b.level <= 1 ? '=' : '-') + '\n';
        break;
      }
      case Block::Kind::paragraph: out += wrap(plain(b.text), "", ""); break;
      case Block::Kind::bullet: out += wrap(plain(b.text), "- ", "  "); break;
      case Block::Kind::table: out += render_table(b.table, plain, false); break;
      case Block::Kind::page_break: break;
    }
  }
  return out;
}

}  // namespace clausier::doc
