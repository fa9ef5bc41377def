// The paragraph sink every reader feeds, and the readers of the text formats: Markdown, plain text
// (as clausier's own writers and people write them) and HTML (a small tolerant tokenizer).
#include "text.hpp"

#include "clausier/doc/blocks.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"

namespace clausier::document::detail {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Any byte of a multi-byte UTF-8 character counts as a letter: "é_" is inside a word.
bool is_word_byte(char c) { return is_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }
bool is_ascii_punctuation(char c) { return c > ' ' && c < 0x7F && !is_alnum(c); }

void append_utf8(std::string& out, std::uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
}

// ---- Markdown inline marks ----------------------------------------------------------------------

// A run of literal text, or a run of "*" / "_" that may open or close emphasis.
struct Piece {
  std::string text;
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
// backslash escapes removed. A "*" between spaces ("2 * 3") or a "_" inside a word stays.
std::string strip_inline(std::string_view s, int depth = 0) {
  std::vector<Piece> pieces;
  auto literal = [&pieces](std::string_view text) {
    if (pieces.empty() || pieces.back().mark != 0) pieces.emplace_back();
    pieces.back().text += text;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punctuation(s[i + 1])) {
      literal(s.substr(i + 1, 1));
      i += 2;
    } else if (c == '`') {
      std::size_t n = 0;
      while (i + n < s.size() && s[i + n] == '`') ++n;
      const std::string_view fence = s.substr(i, n);
      std::size_t close = find_near(s, fence, i + n);
      while (close != std::string_view::npos && close + n < s.size() && s[close + n] == '`')
        close = find_near(s, fence, close + n + 1);
      if (close == std::string_view::npos) {
        literal(fence);
        i += n;
      } else {
        literal(s.substr(i + n, close - i - n));
        i = close + n;
      }
    } else if ((c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) && depth < max_link_depth) {
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t end = closing_bracket(s, open);
      const std::size_t paren = end != std::string_view::npos && end < s.size() && s[end] == '(' ? find_near(s, ")", end) : end;
      if (paren == std::string_view::npos || end == std::string_view::npos || paren == end) {
        literal(s.substr(i, 1));
        ++i;
      } else {
        literal(strip_inline(s.substr(open + 1, end - open - 2), depth + 1));
        i = paren + 1;
      }
    } else if (c == '*' || c == '_') {
      std::size_t n = 0;
      while (i + n < s.size() && s[i + n] == c) ++n;
      const char before = i > 0 ? s[i - 1] : ' ';
      const char after = i + n < s.size() ? s[i + n] : ' ';
      Piece piece{std::string(n, c), c, static_cast<int>(n), !is_ascii_space(after), !is_ascii_space(before)};
      if (c == '_' && is_word_byte(before) && is_word_byte(after)) piece.opens = piece.closes = false;
      if (piece.opens || piece.closes)
        pieces.push_back(std::move(piece));
      else
        literal(piece.text);
      i += n;
    } else {
      literal(s.substr(i, 1));
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
  std::string out;
  for (const Piece& p : pieces) out += p.mark == 0 ? p.text : std::string(static_cast<std::size_t>(p.count), p.mark);
  return out;
}

// ---- Markdown -------------------------------------------------------------------------------------

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

// A line of three or more "=" (level 1) or "-" (level 2) and nothing else; 0 otherwise.
int underline_level(std::string_view line) {
  if (line.size() < 3) return 0;
  if (line.find_first_not_of('=') == std::string_view::npos) return 1;
  if (line.find_first_not_of('-') == std::string_view::npos) return 2;
  return 0;
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

// The text of a list item without its bullet ("- ", "* ", "+ "); an ordered item keeps its number
// ("1. Objet"), which the reader of the rendered page sees. npos when the line is no list item.
std::size_t list_item_start(std::string_view line, bool markdown) {
  if (line.size() == 1 && (line[0] == '-' || line[0] == '*' || (markdown && line[0] == '+'))) return 1;
  if (line.size() >= 2 && (line[1] == ' ' || line[1] == '\t') &&
      (line[0] == '-' || line[0] == '*' || (markdown && line[0] == '+')))
    return 2;
  if (!markdown && line.starts_with("\u2022 ")) return std::string_view("\u2022 ").size();
  if (!markdown) return std::string_view::npos;
  std::size_t digits = 0;
  while (digits < line.size() && digits < 9 && is_digit(line[digits])) ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      (line[digits + 1] == ' ' || line[digits + 1] == '\t'))
    return 0;
  return std::string_view::npos;
}


class MarkdownReader {
 public:
  std::vector<Paragraph> read(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const int number = static_cast<int>(i) + 1;
      std::string_view line = trim_spaces(lines[i]);
      if (kind_ == Kind::fence) {
        if (line.starts_with(fence_))
          flush();
        else
          append(number, line);
        continue;
      }
      if (comment_) {
        comment_ = line.find("-->") == std::string_view::npos;
        continue;
      }
      while (line.starts_with('>')) line = trim_spaces(line.substr(1));  // a quotation reads as its text
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
      if (line.starts_with('|') && i + 1 < lines.size() && doc::is_table_separator(trim_spaces(lines[i + 1]))) {
        flush();
        i = table(lines, i) - 1;
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

  void start(Kind kind, int line, std::string_view text, int level = 0) {
    kind_ = kind;
    block_ = Block{std::string(text), line, level};
    lines_ = 1;
  }
  void append(int line, std::string_view text) {
    if (kind_ == Kind::none) {
      start(Kind::paragraph, line, text);
      return;
    }
    if (block_.line == 0) block_.line = line;  // a fenced block starts at its first line of text
    block_.text += ' ';
    block_.text += text;
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

  // The table whose header is lines[first]; returns the index of the first line after it.
  std::size_t table(const std::vector<std::string_view>& lines, std::size_t first) {
    const int number = ++tables_;
    int row = 0;
    for (std::size_t i = first; i < lines.size(); ++i) {
      const std::string_view line = trim_spaces(lines[i]);
      if (!line.starts_with('|')) return i;
      if (i == first + 1) continue;  // the separator row
      ++row;
      const std::vector<std::string> cells = doc::split_table_row(line);
      for (std::size_t c = 0; c < cells.size(); ++c)
        sink_.add(Block{strip_inline(cells[c]), static_cast<int>(i) + 1, 0, number, row, static_cast<int>(c) + 1});
    }
    return lines.size();
  }

  ParagraphSink sink_;
  Kind kind_ = Kind::none;
  Block block_;
  int lines_ = 0;
  int tables_ = 0;
  bool comment_ = false;
  std::string_view fence_;
};

// ---- Plain text -----------------------------------------------------------------------------------

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
  std::string text;
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
    std::vector<std::string> texts(starts.size());
    for_each_character(block[r], [&](std::size_t p, std::string_view ch) {
      const auto next = std::upper_bound(starts.begin(), starts.end(), p);
      if (next != starts.begin()) texts[static_cast<std::size_t>(next - starts.begin()) - 1] += ch;
    });
    int filled = 0;
    for (std::size_t c = 0; c < texts.size(); ++c) {
      const std::string_view trimmed = trim_spaces(texts[c]);
      if (trimmed.empty()) continue;
      ++filled;
      cells.push_back({static_cast<int>(r) + 1, static_cast<int>(c) + 1, std::string(trimmed)});
    }
    if (filled >= 2) ++spanning;
  }
  if (spanning < 2 || 2 * spanning < block.size()) return {};
  return cells;
}

class PlainTextReader {
 public:
  std::vector<Paragraph> read(std::string_view text) {
    const std::vector<std::string_view> lines = split_lines(text);
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
  bool table(const std::vector<std::string_view>& block, int first_line) {
    if (list_item_start(trim_spaces(block.front()), false) != std::string_view::npos) return false;
    for (std::string_view line : block)
      if (underline_level(trim_spaces(line)) > 0) return false;
    const std::vector<TextCell> cells = text_table(block);
    if (cells.empty()) return false;
    const int number = ++tables_;
    for (const TextCell& cell : cells) sink_.add(Block{cell.text, first_line + cell.row - 1, 0, number, cell.row, cell.column});
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
        current = Block{std::string(text.substr(start)), line};
        count = 1;
        item = true;
        continue;
      }
      if (count == 0) {
        current = Block{std::string(text), line};
      } else {
        current.text += ' ';
        current.text += text;
      }
      ++count;
    }
    flush();
  }

  ParagraphSink sink_;
  int tables_ = 0;
};

// ---- HTML -----------------------------------------------------------------------------------------

struct NamedEntity {
  std::string_view name;
  std::uint32_t code;
};

// The predefined five and the ones French text uses; anything else is left as written.
constexpr std::array<NamedEntity, 52> named_entities{{
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
    {"nbsp", 0xA0},     {"nnbsp", 0x202F},   {"thinsp", 0x2009},  {"ensp", 0x2002},    {"emsp", 0x2003},
    {"eacute", 0xE9},   {"Eacute", 0xC9},    {"egrave", 0xE8},    {"Egrave", 0xC8},    {"ecirc", 0xEA},
    {"Ecirc", 0xCA},    {"euml", 0xEB},      {"agrave", 0xE0},    {"Agrave", 0xC0},    {"acirc", 0xE2},
    {"Acirc", 0xC2},    {"ccedil", 0xE7},    {"Ccedil", 0xC7},    {"icirc", 0xEE},     {"iuml", 0xEF},
    {"ocirc", 0xF4},    {"Ocirc", 0xD4},     {"ugrave", 0xF9},    {"ucirc", 0xFB},     {"uuml", 0xFC},
    {"oelig", 0x153},   {"OElig", 0x152},    {"aelig", 0xE6},     {"laquo", 0xAB},     {"raquo", 0xBB},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},   {"ldquo", 0x201C},   {"rdquo", 0x201D},   {"hellip", 0x2026},
    {"ndash", 0x2013},  {"mdash", 0x2014},   {"euro", 0x20AC},    {"deg", 0xB0},       {"sect", 0xA7},
    {"ordm", 0xBA},     {"middot", 0xB7},    {"bull", 0x2022},    {"shy", 0xAD},       {"copy", 0xA9},
    {"times", 0xD7},    {"percnt", '%'},
}};

// "&amp;", "&#233;", "&#xE9;" and the named entities above decoded; an unknown or unterminated one kept.
std::string decode_entities(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(s.substr(i, amp - i));
    i = amp + 1;
    const std::size_t semi = s.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out += '&';
      continue;
    }
    const std::string_view name = s.substr(amp + 1, semi - amp - 1);
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t code = 0;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size()) {
        append_utf8(out, code);
        i = semi + 1;
        continue;
      }
    }
    const auto* found = std::find_if(named_entities.begin(), named_entities.end(),
                                     [name](const NamedEntity& e) { return e.name == name; });
    if (found != named_entities.end()) {
      append_utf8(out, found->code);
      i = semi + 1;
      continue;
    }
    out += '&';
  }
  out.append(s.substr(std::min(i, s.size())));
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The value of one attribute in the text between a tag's name and its ">" ("" when absent).
std::string attribute(std::string_view attributes, std::string_view wanted) {
  std::size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (is_ascii_space(attributes[i]) || attributes[i] == '/')) ++i;
    const std::size_t name_start = i;
    while (i < attributes.size() && !is_ascii_space(attributes[i]) && attributes[i] != '=' && attributes[i] != '/') ++i;
    const std::string name = lower(attributes.substr(name_start, i - name_start));
    while (i < attributes.size() && is_ascii_space(attributes[i])) ++i;
    std::string_view value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      while (i < attributes.size() && is_ascii_space(attributes[i])) ++i;
      if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
        const char quote = attributes[i];
        const std::size_t close = std::min(attributes.find(quote, i + 1), attributes.size());
        value = attributes.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        const std::size_t start = i;
        while (i < attributes.size() && !is_ascii_space(attributes[i])) ++i;
        value = attributes.substr(start, i - start);
      }
    }
    if (name == wanted) return decode_entities(value);
    if (i == name_start) ++i;  // a stray character: step over it
  }
  return {};
}

// Elements whose content is not text for the reader.
bool is_skipped(std::string_view name) {
  return name == "script" || name == "style" || name == "title" || name == "template" || name == "svg" ||
         name == "noscript" || name == "textarea" || name == "math";
}

// Elements that end the paragraph before them and start another.
bool is_block(std::string_view name) {
  static constexpr std::array<std::string_view, 35> blocks{
      "p",     "div",   "li",      "ul",     "ol",      "dl",         "dt",     "dd",     "table",
      "thead", "tbody", "tfoot",   "tr",     "td",      "th",         "caption", "blockquote", "pre",
      "section", "article", "header", "footer", "nav", "aside",   "main",       "hr",     "body",
      "html",  "form",  "fieldset", "figure", "figcaption", "address", "details", "summary"};
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return true;
  return std::find(blocks.begin(), blocks.end(), name) != blocks.end();
}

class HtmlReader {
 public:
  explicit HtmlReader(std::string_view s) : s_(s) {}

  std::vector<Paragraph> read() {
    while (pos_ < s_.size()) {
      const std::size_t lt = s_.find('<', pos_);
      const std::size_t end = lt == std::string_view::npos ? s_.size() : lt;
      text(end);
      if (end < s_.size()) tag();
    }
    flush();
    return sink_.take();
  }

 private:
  struct Table {
    int number = 0;
    int row = 0;
    int next_column = 1;
    int column = 0;  // of the open cell, 0 between cells
  };

  void move_to(std::size_t next) {
    next = std::min(next, s_.size());
    line_ += static_cast<int>(std::count(s_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                         s_.begin() + static_cast<std::ptrdiff_t>(next), '\n'));
    pos_ = next;
  }

  void text(std::size_t end) {
    const std::string_view chunk = s_.substr(pos_, end - pos_);
    if (block_.line == 0) {
      std::size_t first = 0;
      while (first < chunk.size() && is_ascii_space(chunk[first])) ++first;
      if (first < chunk.size())
        block_.line = line_ + static_cast<int>(std::count(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(first), '\n'));
    }
    block_.text += decode_entities(chunk);
    move_to(end);
  }

  void space() { block_.text += ' '; }

  bool in_cell() const { return !tables_.empty() && tables_.back().column > 0; }

  void flush() {
    if (in_cell()) {
      const Table& t = tables_.back();
      block_.table = t.number;
      block_.row = t.row;
      block_.column = t.column;
      block_.heading_level = 0;
    }
    sink_.add(block_);
    block_ = Block{};
  }

  // At "<": a comment, a declaration, a tag, or a "<" that is text.
  void tag() {
    const std::string_view rest = s_.substr(pos_);
    if (rest.starts_with("<!--")) {
      const std::size_t close = s_.find("-->", pos_ + 4);
      move_to(close == std::string_view::npos ? s_.size() : close + 3);
      return;
    }
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      const std::size_t close = s_.find('>', pos_);
      move_to(close == std::string_view::npos ? s_.size() : close + 1);
      return;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    std::size_t i = closing ? 2 : 1;
    const std::size_t name_start = i;
    while (i < rest.size() && (is_alnum(rest[i]) || rest[i] == '-')) ++i;
    if (i == name_start || !is_alnum(rest[name_start])) {  // "a < b": text
      text(pos_ + 1);
      return;
    }
    const std::string name = lower(rest.substr(name_start, i - name_start));
    // The tag ends at the first ">" outside quotes.
    std::size_t end = i;
    char quote = 0;
    for (; end < rest.size(); ++end) {
      if (quote != 0) {
        if (rest[end] == quote) quote = 0;
      } else if (rest[end] == '"' || rest[end] == '\'') {
        quote = rest[end];
      } else if (rest[end] == '>') {
        break;
      }
    }
    const std::string_view attributes = rest.substr(i, end - i);
    const bool self_closing = attributes.ends_with('/');
    move_to(pos_ + std::min(end + 1, rest.size()));
    if (!closing && !self_closing && is_skipped(name)) {
      skip_to_end_of(name);
      return;
    }
    if (closing)
      close(name);
    else
      open(name, attributes);
  }

  // Past "</name>" (any case), or to the end of the text when it never comes.
  void skip_to_end_of(const std::string& name) {
    const std::string needle = "</" + name;
    std::size_t at = pos_;
    while (true) {
      const std::size_t lt = s_.find("</", at);
      if (lt == std::string_view::npos) {
        move_to(s_.size());
        return;
      }
      if (lower(s_.substr(lt, needle.size())) == needle) {
        const std::size_t gt = s_.find('>', lt);
        move_to(gt == std::string_view::npos ? s_.size() : gt + 1);
        return;
      }
      at = lt + 2;
    }
  }

  void open(const std::string& name, std::string_view attributes) {
    if (name == "br") {
      space();
      return;
    }
    if (name == "table") {
      flush();
      tables_.push_back(Table{++table_count_});
      return;
    }
    if (name == "tr" && !tables_.empty()) {
      flush();
      Table& t = tables_.back();
      ++t.row;
      t.next_column = 1;
      t.column = 0;
      return;
    }
    if ((name == "td" || name == "th") && !tables_.empty()) {
      flush();
      Table& t = tables_.back();
      if (t.row == 0) t.row = 1;
      t.column = t.next_column;
      int span = 1;
      const std::string text = attribute(attributes, "colspan");
      std::from_chars(text.data(), text.data() + text.size(), span);
      t.next_column += std::clamp(span, 1, 1000);  // browsers cap a span at 1000
      return;
    }
    if (!is_block(name)) return;
    if (in_cell()) {  // the paragraphs of a cell make one text, as in a Word table
      space();
      return;
    }
    flush();
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') block_.heading_level = name[1] - '0';
  }

  void close(const std::string& name) {
    if (name == "table" && !tables_.empty()) {
      flush();
      tables_.pop_back();
      return;
    }
    if ((name == "td" || name == "th" || name == "tr") && !tables_.empty()) {
      flush();
      tables_.back().column = 0;
      return;
    }
    if (!is_block(name)) return;
    if (in_cell()) {
      space();
      return;
    }
    flush();
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int line_ = 1;
  Block block_;
  std::vector<Table> tables_;
  int table_count_ = 0;
  ParagraphSink sink_;
};

}  // namespace

// ---- Shared ---------------------------------------------------------------------------------------

void ParagraphSink::add(const Block& block) {
  Paragraph p;
  p.text = normalise_text(block.text);
  if (p.text.empty()) return;
  p.number = static_cast<int>(paragraphs_.size()) + 1;
  p.line = block.line;
  p.heading_level = std::clamp(block.heading_level, 0, 9);
  p.table = block.table;
  p.row = block.row;
  p.column = block.column;
  // The open headings form a path (levels 1, 2, ... down to the last one seen); the nearest heading
  // above a paragraph is the deepest of them, the parent of a heading the deepest above its level.
  const std::size_t depth = p.heading_level > 0 ? static_cast<std::size_t>(p.heading_level) - 1 : headings_.size();
  for (std::size_t level = depth; level-- > 0;) {
    if (!headings_[level].empty()) {
      p.heading = headings_[level];
      break;
    }
  }
  if (p.heading_level > 0) {
    headings_[depth] = p.text;
    for (std::size_t level = depth + 1; level < headings_.size(); ++level) headings_[level].clear();
  }
  paragraphs_.push_back(std::move(p));
}

std::string normalise_text(std::string_view raw) {
  const std::string clean = sanitize_utf8(raw);
  std::string out;
  out.reserve(clean.size());
  bool pending_space = false;
  for (char c : clean) {
    if (is_ascii_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::optional<Diagnostic> check_utf8(std::string_view text, const std::string& path) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
    return Diagnostic{"encoding", Severity::error, Category::input, path, {1, 1},
                      "le fichier est encodé en UTF-16, pas en UTF-8",
                      "enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8)"};
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = utf8_length(c);
    if (len == 0 || i + len > text.size() || !is_valid_utf8(text.substr(i, len)))
      return Diagnostic{"encoding", Severity::error, Category::input, path,
                        {line, static_cast<int>(utf8_width(text.substr(line_start, i - line_start))) + 1},
                        "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)",
                        "enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8)"};
    i += len;
    if (c == '\n') {
      ++line;
      line_start = i;
    }
  }
  return std::nullopt;
}

std::string_view skip_bom(std::string_view text) {
  if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
  return text;
}



std::vector<Paragraph> read_markdown(std::string_view text) { return MarkdownReader().read(text); }
std::vector<Paragraph> read_plain_text(std::string_view text) { return PlainTextReader().read(text); }
std::vector<Paragraph> read_html(std::string_view text) { return HtmlReader(text).read(); }

}  // namespace clausier::document::detail
