#include "clausier/io/csv.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <exception>

#include "clausier/core/text.hpp"
#include "clausier/io/files.hpp"

namespace clausier::io {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view replacement = "\uFFFD";

// ---- Encodings -------------------------------------------------------------------------------

// `bytes` converted to UTF-8 by glibc's iconv; a sequence it cannot convert becomes U+FFFD.
// `unit` is the width of one input code unit (skipped on error); `max_out` bounds the output size.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, const char* from, std::size_t unit,
                                         std::size_t max_out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) return std::nullopt;
  std::string out(max_out, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's prototype predates const; it does not write
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t to_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &to, &to_left) != static_cast<std::size_t>(-1)) break;
    if (errno != EILSEQ && errno != EINVAL) break;  // E2BIG cannot happen: max_out is the worst case
    std::size_t skip = std::min(unit, in_left);
    if (to_left < replacement.size()) break;
    std::memcpy(to, replacement.data(), replacement.size());
    to += replacement.size();
    to_left -= replacement.size();
    in += skip;
    in_left -= skip;
  }
  iconv_close(cd);
  out.resize(static_cast<std::size_t>(to - out.data()));
  return out;
}

// Windows-1252 to UTF-8 by a table (iconv, a call per buffer through gconv's modules, was 5 % of
// tracking a million rows): 0xA0-0xFF are Latin-1, 0x80-0x9F the 27 characters Windows adds, and the
// five bytes it leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD, as with iconv.
std::string windows_1252_to_utf8(std::string_view bytes) {
  static constexpr char16_t c1[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  const auto high = static_cast<std::size_t>(
      std::count_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  std::string out;
  out.resize(bytes.size() + 2 * high);  // each byte above 0x7F gives at most 3 bytes, the others one
  char* to = out.data();
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t run = ascii_run_end(bytes, i);  // ASCII copied in runs
    std::memcpy(to, bytes.data() + i, run - i);
    to += run - i;
    if (run == bytes.size()) break;
    auto c = static_cast<unsigned char>(bytes[run]);
    char32_t u = c >= 0xA0 ? c : c1[c - 0x80];
    if (u < 0x800) {
      *to++ = static_cast<char>(0xC0 | (u >> 6));
    } else {
      *to++ = static_cast<char>(0xE0 | (u >> 12));
      *to++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    }
    *to++ = static_cast<char>(0x80 | (u & 0x3F));
    i = run + 1;
  }
  out.resize(static_cast<std::size_t>(to - out.data()));
  return out;
}

struct Decoded {
  std::string_view text;  // UTF-8, into the input or into `storage`
  std::string storage;
  std::string encoding;
  std::optional<Diagnostic> error;
};

// UTF-16 without a BOM, which some exports write: the text is mostly ASCII, so one byte of each pair is
// NUL, always the same one (the second in little-endian). A CSV in UTF-8 or Windows-1252 has no NUL.
const char* utf16_without_bom(std::string_view bytes) {
  std::size_t n = std::min<std::size_t>(bytes.size(), 512) & ~std::size_t{1};
  if (n < 4) return nullptr;
  std::size_t nul[2] = {0, 0};
  for (std::size_t i = 0; i < n; ++i)
    if (bytes[i] == '\0') ++nul[i % 2];
  std::size_t pairs = n / 2;
  if (nul[1] * 4 >= pairs * 3 && nul[0] * 16 < pairs) return "UTF-16LE";
  if (nul[0] * 4 >= pairs * 3 && nul[1] * 16 < pairs) return "UTF-16BE";
  return nullptr;
}

void decode(std::string_view bytes, const std::string& path, Decoded& d) {
  auto failed = [&](std::string_view from) {
    d.error = io_error(path, fmt::format("impossible de convertir le fichier depuis {} : la conversion iconv manque", from),
                       "installez les modules de conversion de la glibc (paquet libc6 complet)");
  };
  if (bytes.starts_with(utf8_bom)) {
    bytes.remove_prefix(utf8_bom.size());
    d.encoding = "utf-8 (BOM)";
    if (is_valid_utf8(bytes)) {
      d.text = bytes;
    } else {
      d.storage = sanitize_utf8(bytes);
      d.text = d.storage;
    }
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    // Each 2-byte unit gives at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 4).
    d.encoding = "utf-16 (BOM)";
    auto text = iconv_to_utf8(bytes, "UTF-16", 2, bytes.size() / 2 * 3 + replacement.size());
    if (!text) return failed("UTF-16");
    d.storage = std::move(*text);
    if (std::string_view(d.storage).starts_with(utf8_bom)) d.storage.erase(0, utf8_bom.size());
    d.text = d.storage;
  } else if (const char* utf16 = utf16_without_bom(bytes)) {
    d.encoding = std::string_view(utf16) == "UTF-16LE" ? "utf-16le (sans BOM)" : "utf-16be (sans BOM)";
    auto text = iconv_to_utf8(bytes, utf16, 2, bytes.size() / 2 * 3 + replacement.size());
    if (!text) return failed(utf16);
    d.storage = std::move(*text);
    d.text = d.storage;
  } else if (is_valid_utf8(bytes)) {
    d.encoding = "utf-8";
    d.text = bytes;
  } else {
    d.encoding = "windows-1252";
    d.storage = windows_1252_to_utf8(bytes);
    d.text = d.storage;
  }
}

// ---- Lines and separator ---------------------------------------------------------------------

// What libcsv skips before a row begins: spaces, tabs (unless tab separates) and line ends.
bool is_blank(char c, char separator) {
  return c == ' ' || c == '\r' || c == '\n' || (c == '\t' && separator != '\t');
}

bool has_content(std::string_view line, char separator) {
  return std::any_of(line.begin(), line.end(), [&](char c) { return !is_blank(c, separator); });
}

// The separator of the header line: the first line with something else than blanks and candidate
// separators (spreadsheets export empty rows as ";;;;"). Counted outside quotes, so the header may
// hold a quoted name with a comma, or even a line break.
char detect_separator(std::string_view text) {
  constexpr std::string_view candidates = ";,\t";
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = next_line_start(text, pos);
    std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \r\n;,\t") != std::string_view::npos) break;
    pos = end;
  }
  std::array<int, candidates.size()> counts{};
  bool quoted = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '"') quoted = !quoted;  // "" inside a quoted field toggles twice
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (auto k = candidates.find(c); k != std::string_view::npos) ++counts[k];
  }
  auto best = std::max_element(counts.begin(), counts.end());  // the first of equals: ';' wins ties
  return candidates[static_cast<std::size_t>(best - counts.begin())];
}

// ---- Rows ------------------------------------------------------------------------------------

// Feeds libcsv one physical line at a time, so each row knows the line it starts on, and hands
// each data row to `on_row` in a CsvRow whose strings are reused from row to row.
class RowCollector {
 public:
  RowCollector(CsvTable& table, const CsvRowHandler& on_row, const FieldPeek* peek)
      : table_(table), on_row_(on_row), peek_(peek) {
    csv_init(&parser_, 0);
    csv_set_delim(&parser_, static_cast<unsigned char>(table.separator));
    row_.fields.reserve(16);
  }
  ~RowCollector() { csv_free(&parser_); }
  RowCollector(const RowCollector&) = delete;
  RowCollector& operator=(const RowCollector&) = delete;

  // Feeds one physical line; false when libcsv runs out of memory.
  bool feed(std::string_view line, int number, std::size_t offset) {
    if (!in_row_ && has_content(line, table_.separator)) {
      in_row_ = true;
      row_.line = number;
      row_.offset = offset;
      row_offset_ = offset;
    }
    bool whole = csv_parse(&parser_, line.data(), line.size(), on_field, on_row, this) == line.size();
    rethrow();
    return whole;
  }

  // Ends the input. False when a quoted field is still open: the line end fed here went into the
  // field instead of ending the row, so only csv_fini ends it (with -1).
  bool finish() {
    csv_parse(&parser_, "\n", 1, on_field, on_row, this);
    csv_fini(&parser_, on_field, on_row, this);
    rethrow();
    return !unterminated_;
  }

  bool has_header() const { return has_header_; }
  int row_line() const { return row_.line; }
  std::size_t row_offset() const { return row_offset_; }
  std::size_t fields_before_open_quote() const { return open_field_; }
  std::string error() { return csv_strerror(csv_error(&parser_)); }

 private:
  // libcsv is C: an exception must not cross it. The first one is kept, the rest of the input
  // ignored, and the exception rethrown once csv_parse has returned.
  template <class F>
  void guarded(F&& f) {
    if (failure_) return;
    try {
      f();
    } catch (...) {
      failure_ = std::current_exception();
    }
  }
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

  static void on_field(void* data, std::size_t len, void* self) {
    auto& c = *static_cast<RowCollector*>(self);
    c.guarded([&] {
      std::vector<std::string>& fields = c.row_.fields;
      const char* text = len == 0 ? "" : static_cast<const char*>(data);  // libcsv may pass null for ""
      if (c.used_ < fields.size())
        fields[c.used_].assign(text, len);
      else
        fields.emplace_back(text, len);
      if (c.used_ == c.peek_column_) c.peek_->seen(fields[c.used_]);
      ++c.used_;
    });
  }

  static void on_row(int end, void* self) {
    auto& c = *static_cast<RowCollector*>(self);
    c.guarded([&] {
      if (end == -1) {
        c.unterminated_ = true;
        c.open_field_ = c.used_ - 1;
      } else {
        c.end_row();
      }
      c.used_ = 0;
      c.in_row_ = false;
    });
  }

  void end_row() {
    std::vector<std::string>& fields = row_.fields;
    fields.resize(used_);
    if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); })) return;
    if (!has_header_) {
      table_.header = fields;
      table_.header_line = row_.line;
      has_header_ = true;
      if (peek_ != nullptr && peek_->column && peek_->seen) peek_column_ = peek_->column(table_.header);
      return;
    }
    on_row_(table_, row_);
    // The handler may have moved the fields out: one allocation then, none when it copied them.
    if (fields.capacity() < table_.header.size()) fields.reserve(table_.header.size());
  }

  csv_parser parser_{};
  CsvTable& table_;
  const CsvRowHandler& on_row_;
  const FieldPeek* peek_;
  std::size_t peek_column_ = std::string::npos;  // set with the header
  CsvRow row_;
  std::size_t used_ = 0;  // fields of the current row; row_.fields may hold more, kept for reuse
  bool in_row_ = false;
  bool has_header_ = false;
  bool unterminated_ = false;
  std::size_t row_offset_ = 0;
  std::size_t open_field_ = 0;
  std::exception_ptr failure_;
};

// Where field number `index` of the row starting at `row_offset` starts (its first character after
// blanks, the opening quote of a quoted field). Replays the row one byte at a time through a fresh
// parser, to find the separator ending the previous field; only runs on the error path.
Position locate_field(std::string_view text, std::size_t row_offset, int row_line, std::size_t index,
                      char separator) {
  csv_parser p{};
  csv_init(&p, 0);
  csv_set_delim(&p, static_cast<unsigned char>(separator));
  std::size_t fields = 0;
  auto count = [](void*, std::size_t, void* n) { ++*static_cast<std::size_t*>(n); };
  std::size_t pos = row_offset;
  while (fields < index && pos < text.size()) csv_parse(&p, text.data() + pos++, 1, count, nullptr, &fields);
  csv_free(&p);
  while (pos < text.size() && is_blank(text[pos], separator) && text[pos] != '\r' && text[pos] != '\n') ++pos;

  Position where{row_line, 1};
  std::size_t line_start = row_offset;
  for (std::size_t end = next_line_start(text, line_start); end <= pos && end < text.size();
       end = next_line_start(text, end)) {
    ++where.line;
    line_start = end;
  }
  where.column = static_cast<int>(utf8_width(text.substr(line_start, pos - line_start))) + 1;
  return where;
}

Diagnostic input_error(const std::string& path, std::string_view rule, Position pos, std::string message,
                     std::string hint) {
  return {std::string(rule), Severity::error, Category::input, path, pos, std::move(message), std::move(hint)};
}

}  // namespace

CsvResult for_each_csv_row(std::string_view bytes, const std::string& path, const CsvRowHandler& on_row,
                           const FieldPeek* peek) {
  CsvResult result;
  Decoded decoded;
  decode(bytes, path, decoded);
  if (decoded.error) {
    result.diagnostics.push_back(std::move(*decoded.error));
    return result;
  }
  std::string_view text = decoded.text;
  CsvTable table;
  table.encoding = std::move(decoded.encoding);
  table.separator = detect_separator(text);
  table.text = text;

  RowCollector rows(table, on_row, peek);
  int line = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = next_line_start(text, pos);
    if (!rows.feed(text.substr(pos, end - pos), ++line, pos)) {
      result.diagnostics.push_back(input_error(path, "csv-syntax", {line, 0},
                                             fmt::format("lecture interrompue à cette ligne : {}", rows.error()),
                                             "vérifiez que le fichier est bien un CSV exporté d'un tableur"));
      return result;
    }
    pos = end;
  }
  if (!rows.finish()) {
    Position quote =
        locate_field(text, rows.row_offset(), rows.row_line(), rows.fields_before_open_quote(), table.separator);
    result.diagnostics.push_back(
        input_error(path, "csv-syntax", quote, "ce guillemet ouvre un champ qui n'est jamais fermé",
                  "fermez le guillemet, ou doublez-le (\"\") s'il fait partie du texte"));
  } else if (!rows.has_header()) {
    result.diagnostics.push_back(input_error(path, "csv-empty", {}, "le fichier est vide : aucune ligne d'en-tête",
                                           "enregistrez la feuille au format CSV avec sa ligne d'en-tête"));
  }
  table.text = {};
  if (rows.has_header()) result.table = std::move(table);
  return result;
}

Position csv_field_position(const CsvTable& table, const CsvRow& row, std::size_t index) {
  if (table.text.empty() || row.offset >= table.text.size() || index >= row.fields.size()) return {row.line, 1};
  return locate_field(table.text, row.offset, row.line, index, table.separator);
}

std::string csv_text(std::string_view bytes) {
  Decoded decoded;
  decode(bytes, {}, decoded);
  if (decoded.error) return sanitize_utf8(bytes);  // no iconv: the bytes as they are, made printable
  return std::string(decoded.text);
}

CsvResult parse_csv(std::string_view bytes, const std::string& path) {
  // One row per line saves the copies of a growing vector; the cap keeps a file of blank lines
  // from reserving 32 bytes for each of its bytes.
  auto lines = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
  std::vector<CsvRow> rows;
  rows.reserve(std::min(lines, bytes.size() / 8));
  CsvResult result =
      for_each_csv_row(bytes, path, [&](const CsvTable&, CsvRow& row) { rows.push_back(std::move(row)); });
  if (result.table) result.table->rows = std::move(rows);
  return result;
}

// ---- Numbers and header keys -----------------------------------------------------------------

namespace {

// Byte length of a space that may group thousands at s[i] (space, U+00A0, U+202F), or 0.
std::size_t group_space(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return 1;
  if (s.substr(i, 2) == "\u00A0") return 2;
  if (s.substr(i, 3) == "\u202F") return 3;
  return 0;
}

std::string_view trim_blanks(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == '\t' || group_space(s, 0) > 0)) {
      s.remove_prefix(s.front() == '\t' ? 1 : group_space(s, 0));
    } else if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    } else if (s.ends_with("\u00A0")) {
      s.remove_suffix(2);
    } else if (s.ends_with("\u202F")) {
      s.remove_suffix(3);
    } else {
      return s;
    }
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<double> parse_decimal(std::string_view s) {
  s = trim_blanks(s);
  std::string plain;  // "-1234.5": what from_chars reads; short enough to stay off the heap
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    if (s[i] == '-') plain += '-';
    ++i;
  }
  std::size_t group = 0;  // digits in the current group
  bool grouped = false;
  for (; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      plain += s[i];
      ++group;
    } else if (std::size_t width = group_space(s, i)) {
      if (group == 0 || (grouped ? group != 3 : group > 3)) return std::nullopt;
      grouped = true;
      group = 0;
      i += width - 1;
    } else {
      break;
    }
  }
  if (group == 0 || (grouped && group != 3)) return std::nullopt;
  if (i < s.size() && (s[i] == ',' || s[i] == '.')) {
    plain += '.';
    std::size_t first = ++i;
    for (; i < s.size() && is_digit(s[i]); ++i) plain += s[i];
    if (i == first) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc{} || end != plain.data() + plain.size()) return std::nullopt;
  return value == 0 ? 0.0 : value;  // no "-0"
}

namespace {

// U+00C0 to U+00FF without their accents; "" for × and ÷, which separate words.
constexpr std::array<std::string_view, 64> latin1_letters = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

std::string_view ascii_letters(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return latin1_letters[cp - 0xC0];
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp == 0x178) return "y";
  return {};
}

}  // namespace

std::string header_key(std::string_view header) {
  std::string key;
  key.reserve(header.size());
  auto add = [&](char c) {
    if (c == '_' && (key.empty() || key.back() == '_')) return;
    key += c;
  };
  for (std::size_t i = 0; i < header.size();) {
    auto [cp, len] = code_point_at(header, i);
    i += len;
    if (cp >= 'A' && cp <= 'Z') {
      add(static_cast<char>(cp - 'A' + 'a'));
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      add(static_cast<char>(cp));
    } else if (std::string_view letters = ascii_letters(cp); !letters.empty()) {
      for (char c : letters) add(c);
    } else {
      add('_');
    }
  }
  if (!key.empty() && key.back() == '_') key.pop_back();
  return key;
}

}  // namespace clausier::io
