// The HTML reader: a small tolerant tokenizer, not a browser. Block elements end a paragraph, table
// cells become cells, headings headings; scripts, styles and comments are no text; entities are
// decoded (the five predefined, numeric ones, and the named ones French text uses).
#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"

namespace clausier::document::detail {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

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
// `s` stands at byte `base` of the source: a decoded entity stands for the place of its "&".
void decode_entities(std::string_view s, std::size_t base, MappedText& out) {
  std::size_t i = 0;
  std::string decoded;
  auto put = [&](std::uint32_t code, std::size_t amp) {
    decoded.clear();
    append_utf8(decoded, code);
    out.put(decoded, base + amp);
  };
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) break;
    out.copy(s.substr(i, amp - i), base + i);
    i = amp + 1;
    const std::size_t semi = s.find(';', amp);
    if (semi == std::string_view::npos || semi - amp > 12) {
      out.copy("&", base + amp);
      continue;
    }
    const std::string_view name = s.substr(amp + 1, semi - amp - 1);
    if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t code = 0;
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size()) {
        put(code, amp);
        i = semi + 1;
        continue;
      }
    }
    const auto* found = std::find_if(named_entities.begin(), named_entities.end(),
                                     [name](const NamedEntity& e) { return e.name == name; });
    if (found != named_entities.end()) {
      put(found->code, amp);
      i = semi + 1;
      continue;
    }
    out.copy("&", base + amp);
  }
  if (i < s.size()) out.copy(s.substr(i), base + i);
}

std::string decode_entities(std::string_view s) {
  MappedText out;
  decode_entities(s, 0, out);
  return out.text();
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
  explicit HtmlReader(std::string_view s) : s_(s), sink_(s) {}

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
    decode_entities(chunk, pos_, block_.text);
    move_to(end);
  }

  void space() { block_.text.put(" ", pos_); }

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
  ParagraphSink sink_;
  std::size_t pos_ = 0;
  int line_ = 1;
  Block block_;
  std::vector<Table> tables_;
  int table_count_ = 0;
};

}  // namespace

std::vector<Paragraph> read_html(std::string_view text) { return HtmlReader(text).read(); }

}  // namespace clausier::document::detail
