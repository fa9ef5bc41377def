// The Markdown reader: the subset clausier's own writers use and people write (headings, paragraphs,
// list items, pipe tables, fenced code, quotations, comments), as a reader of the rendered page sees
// it: emphasis marks, backticks, link targets and backslash escapes removed.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/doc/blocks.hpp"
#include "text.hpp"

namespace clausier::document::detail {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
// Any byte of a multi-byte UTF-8 character counts as a letter: "é_" is inside a word.
bool is_word_byte(char c) { return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }
bool is_ascii_punctuation(char c) { return c > ' ' && c < 0x7F && !is_alnum(c); }

// ---- Inline marks ---------------------------------------------------------------------------------

// A run of literal text, or a run of "*" / "_" that may open or close emphasis.
struct Piece {
  MappedText text;
  char mark = 0;
  int count = 0;
  bool opens = false, closes = false;
};

// Searches for the end of a code span or of a link stop this far away: Markdown written by people closes
// them on the same line, and a bound keeps a hostile file of a million "[" linear.
constexpr std::size_t max_span_search = 2000;
// Links nest in links' text this deep at most; deeper brackets stay as written.
constexpr int max_link_depth = 4;
// A closing "*" or "_" looks this far back for its opener (the same bound, for the same reason).
constexpr std::size_t max_opener_search = 64;

// The index just past the "]" that closes the "[" at `open`, or npos.
std::size_t closing_bracket(std::string_view s, std::size_t open) {
  int depth = 0;
  const std::size_t end = std::min(s.size(), open + max_span_search);
  for (std::size_t i = open; i < end; ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '[') {
      ++depth;
    } else if (s[i] == ']' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// s.find(what, from), looking no further than max_span_search bytes.
std::size_t find_near(std::string_view s, std::string_view what, std::size_t from) {
  return s.substr(0, std::min(s.size(), from + max_span_search)).find(what, from);
}

// Text as a reader of the rendered Markdown sees it: emphasis marks, code backticks, link targets and
// backslash escapes removed. A "*" between spaces ("2 * 3") or a "_" inside a word stays. What is kept
// keeps its place in the source.
MappedText strip_inline(const MappedText& in, int depth = 0) {
  const std::string_view s = in.text();
  std::vector<Piece> pieces;
  auto literal = [&pieces](const MappedText& from, std::size_t begin, std::size_t end) {
    if (pieces.empty() || pieces.back().mark != 0) pieces.emplace_back();
    pieces.back().text.append(from, begin, end);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punctuation(s[i + 1])) {
      literal(in, i + 1, i + 2);
      i += 2;
    } else if (c == '`') {
      std::size_t n = 0;
      while (i + n < s.size() && s[i + n] == '`') ++n;
      const std::string_view fence = s.substr(i, n);
      std::size_t close = find_near(s, fence, i + n);
      while (close != std::string_view::npos && close + n < s.size() && s[close + n] == '`')
        close = find_near(s, fence, close + n + 1);
      if (close == std::string_view::npos) {
        literal(in, i, i + n);
        i += n;
      } else {
        literal(in, i + n, close);
        i = close + n;
      }
    } else if ((c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) && depth < max_link_depth) {
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t end = closing_bracket(s, open);
      const std::size_t paren = end != std::string_view::npos && end < s.size() && s[end] == '(' ? find_near(s, ")", end) : end;
      if (paren == std::string_view::npos || end == std::string_view::npos || paren == end) {
        literal(in, i, i + 1);
        ++i;
      } else {
        const MappedText text = strip_inline(in.slice(open + 1, end - 1), depth + 1);
        literal(text, 0, text.size());
        i = paren + 1;
      }
    } else if (c == '*' || c == '_') {
      std::size_t n = 0;
      while (i + n < s.size() && s[i + n] == c) ++n;
      const char before = i > 0 ? s[i - 1] : ' ';
      const char after = i + n < s.size() ? s[i + n] : ' ';
      Piece piece{in.slice(i, i + n), c, static_cast<int>(n), !is_ascii_space(after), !is_ascii_space(before)};
      if (c == '_' && is_word_byte(before) && is_word_byte(after)) piece.opens = piece.closes = false;
      if (piece.opens || piece.closes)
        pieces.push_back(std::move(piece));
      else
        literal(in, i, i + n);
      i += n;
    } else {
      literal(in, i, i + 1);
      ++i;
    }
  }
  // Each closing run takes the nearest opening run of the same mark; what stays unmatched is text.
  std::vector<std::size_t> openers;
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    Piece& p = pieces[k];
    if (p.mark == 0) continue;
    if (p.closes) {
      const std::size_t bottom = openers.size() > max_opener_search ? openers.size() - max_opener_search : 0;
      for (std::size_t j = openers.size(); j-- > bottom;) {
        Piece& o = pieces[openers[j]];
        if (o.mark != p.mark) continue;
        const int n = std::min(o.count, p.count);
        o.count -= n;
        p.count -= n;
        openers.resize(o.count > 0 ? j + 1 : j);
        break;
      }
    }
    if (p.count > 0 && p.opens) openers.push_back(k);
  }
  MappedText out;
  for (const Piece& p : pieces)
    out.append(p.text, 0, p.mark == 0 ? p.text.size() : static_cast<std::size_t>(p.count));
  return out;
}

// ---- Blocks ---------------------------------------------------------------------------------------

// "## Titre ##" -> {2, "Titre"}; level 0 when the line is no heading.
std::pair<int, std::string_view> atx_heading(std::string_view line) {
  std::size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return {0, {}};
  if (hashes < line.size() && line[hashes] != ' ' && line[hashes] != '\t') return {0, {}};
  std::string_view text = trim_spaces(line.substr(hashes));
  const std::size_t closing = text.find_last_not_of('#');
  if (closing == std::string_view::npos)
    text = {};
  else if (closing + 1 < text.size() && (text[closing] == ' ' || text[closing] == '\t'))
    text = trim_spaces(text.substr(0, closing + 1));
  return {static_cast<int>(hashes), text};
}

// "---", "***", "* * *". A line of "___" is text here, unlike CommonMark: clausier's drafts write one
// as the line to sign on.
bool is_thematic_break(std::string_view line) {
  std::string compact;
  for (char c : line)
    if (c != ' ' && c != '\t') compact += c;
  return compact.size() >= 3 && (compact.find_first_not_of('*') == std::string::npos ||
                                 compact.find_first_not_of('-') == std::string::npos);
}

class MarkdownReader {
 public:
  explicit MarkdownReader(std::string_view source) : source_(source), sink_(source) {}

  std::vector<Paragraph> read() {
    const std::vector<std::string_view> lines = split_lines(source_);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const int number = static_cast<int>(i) + 1;
      std::string_view line = trim_spaces(lines[i]);
      if (kind_ == Kind::fence) {
        if (line.starts_with(fence_))
          flush();
        else if (!line.empty())  // a blank line of code adds no text (fuzzing: it left an empty anchor)
          append(number, line);
        continue;
      }
      if (comment_) {
        comment_ = line.find("-->") == std::string_view::npos;
        continue;
      }
      line = unquoted(line);
      if (line.empty() || line == "\f") {
        flush();
        continue;
      }
      if (line.starts_with("<!--")) {
        flush();
        comment_ = line.find("-->") == std::string_view::npos;
        continue;
      }
      if (line.starts_with("```") || line.starts_with("~~~")) {
        flush();
        kind_ = Kind::fence;
        fence_ = line.substr(0, 3);
        continue;
      }
      if (const auto [level, heading] = atx_heading(line); level > 0) {
        flush();
        start(Kind::paragraph, number, heading, level);
        flush();
        continue;
      }
      if (const int level = underline_level(line); level > 0 && kind_ == Kind::paragraph && lines_ == 1) {
        block_.heading_level = level;
        flush();
        continue;
      }
      if (is_thematic_break(line)) {
        flush();
        continue;
      }
      if (line.starts_with('|') && i + 1 < lines.size() && doc::is_table_separator(unquoted(lines[i + 1]))) {
        flush();
        i = table(lines, i) - 1;  // table() reads lines[i] as this loop does, so it always moves on
        continue;
      }
      if (const std::size_t start_of_text = list_item_start(line, true); start_of_text != std::string_view::npos) {
        flush();
        start(Kind::item, number, line.substr(start_of_text));
        continue;
      }
      append(number, line);
    }
    flush();
    return sink_.take();
  }

 private:
  enum class Kind { none, paragraph, item, fence };

  // A line without its spaces and its quotation marks: a quotation reads as its text, a quoted table
  // as a table (issue 17: a table seen through the marks and then read without them never ended).
  static std::string_view unquoted(std::string_view line) {
    line = trim_spaces(line);
    while (line.starts_with('>')) line = trim_spaces(line.substr(1));
    return line;
  }

  // `text` is a view into the source: it keeps its place there.
  MappedText mapped(std::string_view text) const {
    MappedText out;
    out.copy(text, offset_in(source_, text));
    return out;
  }

  void start(Kind kind, int line, std::string_view text, int level = 0) {
    kind_ = kind;
    block_ = Block{mapped(text), line, level};
    lines_ = 1;
  }
  void append(int line, std::string_view text) {
    if (kind_ == Kind::none) {
      start(Kind::paragraph, line, text);
      return;
    }
    if (block_.line == 0) block_.line = line;  // a fenced block starts at its first line of text
    block_.text.put(" ", offset_in(source_, text));
    block_.text.copy(text, offset_in(source_, text));
    ++lines_;
  }
  void flush() {
    if (kind_ != Kind::none) {
      if (kind_ != Kind::fence) block_.text = strip_inline(block_.text);
      sink_.add(block_);
    }
    kind_ = Kind::none;
    block_ = {};
    lines_ = 0;
  }

  // A cell of a pipe table, as doc::table_cells finds it, with "\|" read as "|".
  MappedText cell_text(std::string_view cell) const {
    MappedText out;
    const std::size_t base = offset_in(source_, cell);
    std::size_t from = 0;
    for (std::size_t at = cell.find("\\|"); at != std::string_view::npos; at = cell.find("\\|", from)) {
      out.copy(cell.substr(from, at - from), base + from);
      from = at + 1;  // the pipe, without its backslash
    }
    out.copy(cell.substr(from), base + from);
    return out;
  }

  // The table whose header is lines[first]; returns the index of the first line after it.
  std::size_t table(const std::vector<std::string_view>& lines, std::size_t first) {
    const int number = ++tables_;
    int row = 0;
    for (std::size_t i = first; i < lines.size(); ++i) {
      const std::string_view line = unquoted(lines[i]);
      if (!line.starts_with('|')) return i;
      if (i == first + 1) continue;  // the separator row
      ++row;
      const std::vector<std::string_view> cells = doc::table_cells(line);
      for (std::size_t c = 0; c < cells.size(); ++c)
        sink_.add(Block{strip_inline(cell_text(cells[c])), static_cast<int>(i) + 1, 0, number, row,
                        static_cast<int>(c) + 1});
    }
    return lines.size();
  }

  std::string_view source_;
  ParagraphSink sink_;
  Kind kind_ = Kind::none;
  Block block_;
  int lines_ = 0;
  int tables_ = 0;
  bool comment_ = false;
  std::string_view fence_;
};

}  // namespace

std::vector<Paragraph> read_markdown(std::string_view text) { return MarkdownReader(text).read(); }

}  // namespace clausier::document::detail
