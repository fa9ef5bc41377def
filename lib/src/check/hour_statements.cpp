#include "hour_statements.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>
#include <map>
#include <set>

#include "clausier/core/text.hpp"
#include "clausier/text/words.hpp"
#include "clausier/track/statements.hpp"

namespace clausier::check::detail {
namespace {

// Pads a folded character to the byte length of the original; skipped by every matcher.
constexpr char filler = '\x01';

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_space(char c) { return c == ' ' || c == filler || c == '\t' || c == '\n' || c == '\r'; }

// The character ending just before byte i is a letter or a digit.
bool word_char_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  if (is_ascii_alnum(s[i - 1])) return true;
  return i >= 2 && letter_at(s, i - 2) == 2;
}
bool word_char_at(std::string_view s, std::size_t i) {
  return i < s.size() && (is_digit(s[i]) || letter_at(s, i) != 0);
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// `pattern` (folded) matches `folded` starting exactly at `at`: the end of the match, or npos.
// A space of the pattern matches one or more spaces; a pattern ending with "*" is a prefix.
std::size_t match_at(std::string_view folded, std::size_t at, std::string_view pattern) {
  bool prefix = !pattern.empty() && pattern.back() == '*';
  if (prefix) pattern.remove_suffix(1);
  if (pattern.empty()) return std::string_view::npos;
  std::size_t i = at, j = 0;
  while (j < pattern.size()) {
    if (pattern[j] == ' ') {
      std::size_t k = skip_spaces(folded, i);
      if (k == i) return std::string_view::npos;
      i = k;
      while (j < pattern.size() && pattern[j] == ' ') ++j;
      continue;
    }
    while (i < folded.size() && folded[i] == filler) ++i;
    if (i >= folded.size() || folded[i] != pattern[j]) return std::string_view::npos;
    ++i;
    ++j;
  }
  const char last = pattern.back();
  const bool word_end = is_ascii_alnum(last) || static_cast<unsigned char>(last) >= 0x80;
  if (!prefix && word_end && word_char_at(folded, i)) return std::string_view::npos;
  return i;
}

bool starts_with_any(std::string_view folded, std::size_t at, std::initializer_list<std::string_view> patterns,
                     std::size_t* end = nullptr) {
  for (std::string_view p : patterns) {
    std::size_t e = match_at(folded, at, p);
    if (e != std::string_view::npos) {
      if (end) *end = e;
      return true;
    }
  }
  return false;
}

// ---- Figures: numbers in digits and in words, in text order ---------------------------------------

struct Figure {
  std::size_t begin = 0, end = 0;
  bool words = false;
  double value = 0;
  bool decimals = false;
  bool unit_h = false;
};

std::vector<Figure> figures(std::string_view text) {
  std::vector<Figure> out;
  for (const DigitsNumber& d : find_numbers_in_digits(text))
    out.push_back({d.begin, d.end, false, d.value, d.decimals, d.unit_h});
  for (const text::NumberInWords& w : text::find_numbers_in_words(text))
    out.push_back({w.begin, w.end, true, static_cast<double>(w.value), false, false});
  std::sort(out.begin(), out.end(), [](const Figure& a, const Figure& b) { return a.begin < b.begin; });
  return out;
}

// "heures", "heure", or (after digits) "h": the end of the unit at `at`, or npos.
std::size_t unit_at(std::string_view folded, std::size_t at, bool allow_h) {
  std::size_t end = 0;
  if (starts_with_any(folded, at, {"heures", "heure"}, &end)) return end;
  if (allow_h && at < folded.size() && folded[at] == 'h' && !word_char_at(folded, at + 1)) return at + 1;
  return std::string_view::npos;
}

// Money or a share: "€", "euros", "%" right after the number.
bool money_or_percent_after(std::string_view folded, std::size_t at) {
  std::size_t i = skip_spaces(folded, at);
  return starts_with_any(folded, i, {"%", "€*", "euros", "euro", "eur"});
}

// An operand of a formula: "× 151,67 h", "÷ 30", "* 12".
bool operand(std::string_view folded, std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  while (i > 0 && is_space(folded[i - 1])) --i;
  if (i > 0 && (folded[i - 1] == '*' || folded[i - 1] == '/' || folded[i - 1] == '+')) return true;
  if (i >= 2 && (folded.substr(i - 2, 2) == "\u00D7" || folded.substr(i - 2, 2) == "\u00F7")) return true;
  if (i >= 1 && folded[i - 1] == 'x' && !word_char_before(folded, i - 1)) return true;
  std::size_t j = skip_spaces(folded, end);
  return starts_with_any(folded, j, {"\u00D7", "\u00F7", "*", "x"});
}

// The up to three words before `at`, in the same clause (stops at , ; : . ( )).
std::vector<std::string_view> words_before(std::string_view folded, std::size_t at) {
  std::vector<std::string_view> out;
  std::size_t i = at;
  while (out.size() < 3 && i > 0) {
    char c = folded[i - 1];
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '(' || c == ')') break;
    if (!word_char_before(folded, i)) {
      --i;
      continue;
    }
    std::size_t end = i;
    for (;;) {
      if (i > 0 && word_char_before(folded, i)) {
        i -= (is_ascii_alnum(folded[i - 1]) ? 1 : 2);
      } else if (i > 1 && folded[i - 1] == '-' && word_char_before(folded, i - 1)) {
        --i;  // "sous-traitance" is one word, not "sous"
      } else {
        break;
      }
    }
    out.push_back(folded.substr(i, end - i));
  }
  return out;
}

// Thresholds and time limits are not volumes.
bool excluded_before(std::string_view folded, std::size_t at) {
  static constexpr std::array<std::string_view, 7> words = {"délai", "sous",    "seuil", "plancher",
                                                            "dans",  "pendant", "durée"};
  for (std::string_view w : words_before(folded, at))
    if (std::find(words.begin(), words.end(), w) != words.end()) return true;
  return false;
}
bool excluded_after(std::string_view folded, std::size_t at) {
  std::size_t i = skip_spaces(folded, at);
  return starts_with_any(folded, i,
                         {"par jour", "par semaine", "par mois", "par an", "par année", "hebdomadaire*", "ouvrée*",
                          "ouvrable*", "consécutive*", "de formation", "de retard", "de préavis", "avant", "après",
                          "à l'avance"});
}

}  // namespace

// ---- Text helpers ---------------------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }


std::string fold(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if (c == 0xC5 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0x92) {
      out[i + 1] = static_cast<char>(0x93);
      ++i;
    } else if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0xA0) {
      out[i] = ' ';
      out[i + 1] = filler;
      ++i;
    } else if (c == 0xE2 && i + 2 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0x80) {
      auto e = static_cast<unsigned char>(out[i + 2]);
      char to = e == 0xAF || e == 0x89 ? ' ' : e == 0x99 ? '\'' : e == 0x91 || e == 0x90 ? '-' : '\0';
      if (to != '\0') {
        out[i] = to;
        out[i + 1] = filler;
        out[i + 2] = filler;
      }
      i += 2;
    }
  }
  return out;
}

std::size_t find_folded(std::string_view folded, std::string_view pattern, std::size_t from, std::size_t* end) {
  if (pattern.empty()) return std::string_view::npos;
  const char first = pattern.front();
  const bool word_start = is_ascii_alnum(first) || static_cast<unsigned char>(first) >= 0x80;
  for (std::size_t s = from; s < folded.size(); ++s) {
    if (folded[s] != first || (word_start && word_char_before(folded, s))) continue;
    std::size_t e = match_at(folded, s, pattern);
    if (e != std::string_view::npos) {
      if (end) *end = e;
      return s;
    }
  }
  return std::string_view::npos;
}

std::vector<DigitsNumber> find_numbers_in_digits(std::string_view text) {
  std::vector<DigitsNumber> out;
  auto digits_run = [&](std::size_t i) {
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    return j;
  };
  // The separator of groups at i (space, U+00A0, U+2009, U+202F, "."): its length, else 0.
  auto group_separator = [&](std::size_t i) -> std::size_t {
    if (i >= text.size()) return 0;
    if (text[i] == ' ' || text[i] == '.') return 1;
    if (text.substr(i, 2) == "\u00A0") return 2;
    if (text.substr(i, 3) == "\u202F" || text.substr(i, 3) == "\u2009") return 3;
    return 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    std::size_t end = digits_run(i);
    // Glued to a word, an identifier or another number: not a quantity.
    char before = begin > 0 ? text[begin - 1] : ' ';
    bool glued = word_char_before(text, begin) || before == '-' || before == '/' || before == '_' ||
                 ((before == '.' || before == ',') && begin >= 2 &&
                  (is_digit(text[begin - 2]) || letter_at(text, begin - 2) != 0));
    if (glued) {
      i = end;
      continue;
    }
    std::string digits(text.substr(begin, end - begin));
    // Groups of three after a first group of one to three digits.
    if (end - begin <= 3) {
      for (;;) {
        std::size_t sep = group_separator(end);
        if (sep == 0) break;
        std::size_t g = end + sep;
        std::size_t g_end = digits_run(g);
        if (g_end - g != 3) break;
        // "1.5" is a decimal, "1.542" a group; "1 542,5" keeps its comma decimal.
        digits.append(text.substr(g, 3));
        end = g_end;
      }
    }
    std::string decimals;
    if (end + 1 < text.size() && (text[end] == ',' || text[end] == '.') && is_digit(text[end + 1])) {
      std::size_t d_end = digits_run(end + 1);
      decimals = std::string(text.substr(end + 1, d_end - end - 1));
      end = d_end;
    }
    // Followed by "-12", "/2026", a letter ("2e", "1er"), except a glued hour unit ("120h").
    bool unit_h = false;
    if (end < text.size()) {
      char after = text[end];
      bool next_digit = end + 1 < text.size() && is_digit(text[end + 1]);
      if ((after == '-' || after == '/') && next_digit) {
        i = digits_run(end + 1);
        continue;
      }
      if (letter_at(text, end) != 0) {
        if ((after == 'h' || after == 'H') && !word_char_at(text, end + 1)) {
          unit_h = true;
        } else {
          i = end;
          while (i < text.size() && (letter_at(text, i) != 0 || is_digit(text[i])))
            i += std::max<std::size_t>(1, letter_at(text, i));
          continue;
        }
      }
    }
    if (digits.size() > 15) {  // no count of hours; and a double would round it
      i = end;
      continue;
    }
    // from_chars reads "1541.67" the same in every locale.
    std::string number = digits + (decimals.empty() ? "" : "." + decimals.substr(0, 6));
    double value = 0;
    std::from_chars(number.data(), number.data() + number.size(), value);
    out.push_back({begin, unit_h ? end + 1 : end, value, !decimals.empty(), unit_h});
    i = unit_h ? end + 1 : end;
  }
  return out;
}

// ---- Lots -----------------------------------------------------------------------------------------

const tender::Lot* find_lot(const tender::Tender& t, std::string_view id) {
  if (id.empty()) return nullptr;
  for (const tender::Lot& lot : t.lots)
    if (lot.id.value == id) return &lot;
  for (const tender::Lot& lot : t.lots)
    if (track::same_lot(lot.id.value, id)) return &lot;
  for (const tender::Lot& lot : t.lots)
    if (fold(lot.id.value) == fold(id)) return &lot;
  return nullptr;
}

std::string lot_label(const tender::Lot& lot) {
  if (lot.title.empty()) return "lot " + lot.id.value;
  return "lot " + lot.id.value + " " + quoted(lot.title);
}

namespace {

// After "lot ": "n° 1", "no 1", "nº 1", "numéro 1", "1", "unique": the id's bytes, or empty.
std::pair<std::size_t, std::size_t> lot_id_after(std::string_view folded, std::size_t i) {
  i = skip_spaces(folded, i);
  std::size_t e = 0;
  if (starts_with_any(folded, i, {"n°*", "nº*", "n °*", "no", "numéro"}, &e)) i = skip_spaces(folded, e);
  std::size_t begin = i;
  while (i < folded.size() && is_ascii_alnum(folded[i])) {
    ++i;
    // "2.1", "A-1": inner separators followed by a letter or digit.
    if (i + 1 < folded.size() && is_ascii_alnum(folded[i + 1]) &&
        (folded[i] == '-' || folded[i] == '.' || folded[i] == '_'))
      ++i;
  }
  if (i == begin || word_char_at(folded, i)) return {begin, begin};
  return {begin, i};
}

}  // namespace

std::vector<LotMention> find_lot_mentions(std::string_view text, const tender::Tender& t) {
  std::vector<LotMention> out;
  const std::string folded = fold(text);
  std::size_t from = 0, end = 0;
  for (;;) {
    std::size_t at = find_folded(folded, "lot", from, &end);
    if (at == std::string_view::npos) break;
    from = end;
    if (end >= folded.size() || !is_space(folded[end])) continue;
    auto [b, e] = lot_id_after(folded, end);
    if (b == e) continue;
    const tender::Lot* lot = nullptr;
    if (folded.substr(b, e - b) == "unique")
      lot = t.lots.size() == 1 ? &t.lots.front() : nullptr;
    else
      lot = find_lot(t, text.substr(b, e - b));
    if (lot != nullptr) out.push_back({at, e, lot});
    from = e;
  }
  return out;
}

// ---- Document view --------------------------------------------------------------------------------

namespace {

// The text before the first mention holds no letter or digit ("**Lot 01", "- Lot 01", "Lot 01").
const LotMention* leading_mention(std::string_view text, const std::vector<LotMention>& mentions) {
  if (mentions.empty()) return nullptr;
  for (std::size_t i = 0; i < mentions.front().begin; ++i)
    if (is_ascii_alnum(text[i]) || letter_at(text, i) != 0) return nullptr;
  return &mentions.front();
}

// A short line that reads as a title ("X.3 — Publics éligibles"): no colon, no final punctuation.
bool title_like(std::string_view text) {
  if (text.size() > 120 || text.find(':') != std::string_view::npos) return false;
  std::size_t e = text.size();
  while (e > 0 && is_space(text[e - 1])) --e;
  if (e == 0) return false;
  char last = text[e - 1];
  return last != '.' && last != ';' && last != ',' && last != '!' && last != '?';
}

// The id in a lot column cell: "01 — Gros œuvre", "1", "Lot 2", "Lot n° 2".
const tender::Lot* lot_in_cell(std::string_view text, const tender::Tender& t, const tender::Lot* single) {
  const std::string folded = fold(text);
  std::size_t i = 0;
  while (i < folded.size() && !is_ascii_alnum(folded[i]) && letter_at(folded, i) == 0) ++i;
  std::size_t e = 0;
  if (starts_with_any(folded, i, {"lot"}, &e)) i = e;
  auto [b, end] = lot_id_after(folded, i);
  if (b == end) return nullptr;
  if (folded.substr(b, end - b) == "unique") return t.lots.size() == 1 ? &t.lots.front() : single;
  return find_lot(t, text.substr(b, end - b));
}

// A tranche of `lot` whose id the row names as a word ("dont tranche ferme TF").
const tender::Tranche* tranche_in(std::string_view row_text, const tender::Lot* lot) {
  if (lot == nullptr) return nullptr;
  for (const tender::Tranche& tr : lot->tranches) {
    const std::string& id = tr.id.value;
    if (id.empty()) continue;
    for (std::size_t at = row_text.find(id); at != std::string_view::npos; at = row_text.find(id, at + 1))
      if (!word_char_before(row_text, at) && !word_char_at(row_text, at + id.size())) return &tr;
  }
  return nullptr;
}

}  // namespace

DocumentView::DocumentView(const document::Document& d, const tender::Tender& t) : doc_(&d), tender_(&t) {
  int with_clause = 0;
  for (const tender::Lot& lot : t.lots)
    if (lot.has_clause()) {
      ++with_clause;
      single_ = &lot;
    }
  if (with_clause != 1) single_ = nullptr;

  info_.resize(d.paragraphs.size());
  for (std::size_t i = 0; i < d.paragraphs.size(); ++i) {
    info_[i].folded = fold(d.paragraphs[i].text);
    info_[i].mentions = find_lot_mentions(d.paragraphs[i].text, t);
  }

  std::array<const tender::Lot*, 10> heading_lots{};
  const tender::Lot* intro = nullptr;
  auto current = [&]() -> const tender::Lot* {
    if (intro != nullptr) return intro;
    for (std::size_t l = heading_lots.size(); l-- > 0;)
      if (heading_lots[l] != nullptr) return heading_lots[l];
    return nullptr;
  };
  // Table cells, grouped by table, analysed when the table starts (with the lot in force before it).
  std::map<int, std::vector<std::size_t>> cells;
  for (std::size_t i = 0; i < d.paragraphs.size(); ++i)
    if (d.paragraphs[i].table > 0) cells[d.paragraphs[i].table].push_back(i);
  std::set<int> done;

  for (std::size_t i = 0; i < d.paragraphs.size(); ++i) {
    const document::Paragraph& p = d.paragraphs[i];
    ParagraphInfo& inf = info_[i];
    if (p.table > 0) {
      if (done.insert(p.table).second) table(cells[p.table], current());
      continue;
    }
    const LotMention* lead = leading_mention(p.text, inf.mentions);
    if (p.heading_level > 0) {
      auto level = static_cast<std::size_t>(std::clamp(p.heading_level, 1, 9));
      intro = nullptr;
      for (std::size_t l = level; l < heading_lots.size(); ++l) heading_lots[l] = nullptr;
      if (lead != nullptr) heading_lots[level] = lead->lot;
    } else if (lead != nullptr && p.text.size() <= 200 &&
               p.text.find(':', lead->end) == std::string::npos) {
      intro = lead->lot;
    } else if (title_like(p.text)) {
      intro = nullptr;
    }
    inf.context = current();
  }
}

void DocumentView::table(const std::vector<std::size_t>& cells, const tender::Lot* before) {
  const auto& ps = doc_->paragraphs;
  // The header is the first row: which column holds the lot, which the hours.
  std::map<int, std::string> header;
  std::map<int, std::map<int, std::string>> rows;  // row -> column -> text (original)
  for (std::size_t i : cells) {
    const document::Paragraph& p = ps[i];
    std::string& cell = p.row == 1 ? header[p.column] : rows[p.row][p.column];
    if (!cell.empty()) cell += ' ';
    cell += p.row == 1 ? info_[i].folded : p.text;
  }
  int lot_column = 0;
  std::set<int> hours_columns, insertion_columns;
  for (const auto& [column, text] : header) {
    if (lot_column == 0 && contains_folded(text, "lot")) lot_column = column;
    if (contains_folded(text, "heure*")) {
      hours_columns.insert(column);
      if (contains_folded(text, "insertion")) insertion_columns.insert(column);
    }
  }
  if (!insertion_columns.empty()) hours_columns = insertion_columns;

  struct RowInfo {
    const tender::Lot* lot = nullptr;
    const tender::Tranche* tranche = nullptr;
    bool total = false;
  };
  std::map<int, RowInfo> row_info;
  const tender::Lot* last = lot_column != 0 ? nullptr : before;
  for (const auto& [row, columns] : rows) {
    RowInfo r;
    bool tranche_row = false;
    std::string all;
    for (const auto& [column, text] : columns) {
      std::string f = fold(text);
      std::size_t s = 0;
      while (s < f.size() && (is_space(f[s]) || f[s] == '*')) ++s;
      if (match_at(f, s, "total*") != std::string_view::npos) r.total = true;
      if (match_at(f, s, "dont") != std::string_view::npos || match_at(f, s, "tranche") != std::string_view::npos)
        tranche_row = true;
      all += text;
      all += ' ';
    }
    if (r.total) {
      // the tender's total: no lot
    } else if (tranche_row) {
      r.lot = last;
      r.tranche = tranche_in(all, last);
    } else if (lot_column != 0) {
      auto it = columns.find(lot_column);
      r.lot = it == columns.end() ? nullptr : lot_in_cell(it->second, *tender_, single_);
      last = r.lot;
    } else {
      r.lot = before;
    }
    row_info[row] = r;
  }
  for (std::size_t i : cells) {
    const document::Paragraph& p = ps[i];
    ParagraphInfo& inf = info_[i];
    if (p.row == 1) {
      inf.context = before;
      continue;
    }
    const RowInfo& r = row_info[p.row];
    inf.context = r.lot;
    inf.tranche = r.tranche;
    inf.total_row = r.total;
    inf.in_lot_row = lot_column != 0 || r.total;
    inf.hours_cell = hours_columns.count(p.column) != 0;
  }
}

const tender::Lot* DocumentView::lot_at(std::size_t i, std::size_t offset) const {
  const ParagraphInfo& inf = info_[i];
  if (inf.total_row) return nullptr;
  if (inf.in_lot_row) return inf.context != nullptr ? inf.context : single_;
  // Mentions are in text order: the last one at or before the offset, else the first one after it.
  auto after = std::partition_point(inf.mentions.begin(), inf.mentions.end(),
                                    [&](const LotMention& m) { return m.begin <= offset; });
  if (after != inf.mentions.begin()) return std::prev(after)->lot;
  if (after != inf.mentions.end()) return after->lot;
  if (inf.context != nullptr) return inf.context;
  return single_;
}

// ---- Hour statements ------------------------------------------------------------------------------

bool HourStatement::disagree() const { return digits && words && std::fabs(*digits - *words) > 1e-9; }

std::vector<HourStatement> find_hour_statements(const DocumentView& view) {
  std::vector<HourStatement> out;
  const auto& ps = view.document().paragraphs;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    std::string_view text = ps[i].text;
    const ParagraphInfo& inf = view.paragraphs()[i];
    std::string_view folded = inf.folded;
    std::vector<Figure> figs = figures(text);
    std::vector<bool> used(figs.size(), false);
    for (std::size_t k = 0; k < figs.size(); ++k) {
      if (used[k]) continue;
      const Figure& f = figs[k];
      HourStatement st;
      st.paragraph = i;
      st.begin = f.begin;
      std::size_t pos = f.end;
      bool unit = f.unit_h;
      // The other form in parentheses: "(1 542)", "(262,5 heures)", "(mille cinq cent quarante-deux)".
      auto parenthesised = [&](bool want_words) {
        std::size_t q = skip_spaces(folded, pos);
        if (q >= folded.size() || folded[q] != '(' || k + 1 >= figs.size()) return;
        const Figure& g = figs[k + 1];
        if (g.words != want_words || g.begin != skip_spaces(folded, q + 1)) return;
        std::size_t s = g.end;
        bool u = g.unit_h;
        if (!u) {
          std::size_t e = unit_at(folded, skip_spaces(folded, s), !g.words);
          if (e != std::string_view::npos) {
            u = true;
            s = e;
          }
        }
        s = skip_spaces(folded, s);
        if (s >= folded.size() || folded[s] != ')') return;
        if (g.words) {
          st.words = g.value;
        } else {
          st.digits = g.value;
          st.decimals = g.decimals;
        }
        used[k + 1] = true;
        unit = unit || u;
        pos = s + 1;
      };
      auto unit_after = [&](bool allow_h) {
        if (unit) return;
        std::size_t e = unit_at(folded, skip_spaces(folded, pos), allow_h);
        if (e != std::string_view::npos) {
          unit = true;
          pos = e;
        }
      };
      if (f.words) {
        st.words = f.value;
        unit_after(false);
        if (unit) {
          std::size_t e = 0;
          if (starts_with_any(folded, skip_spaces(folded, pos), {"et demie"}, &e)) {
            *st.words += 0.5;
            pos = e;
          }
        }
        parenthesised(false);
        unit_after(false);
        // "un", "une" alone: an article as often as a number.
        if (!st.digits && f.value == 1 && f.end - f.begin <= 3) continue;
      } else {
        if (money_or_percent_after(folded, f.end)) continue;
        st.digits = f.value;
        st.decimals = f.decimals;
        unit_after(true);
        parenthesised(true);
        unit_after(true);
      }
      if (!unit && !inf.hours_cell) continue;
      if (operand(folded, f.begin, pos) || excluded_before(folded, f.begin) || excluded_after(folded, pos)) continue;
      st.end = pos;
      st.total = inf.total_row;
      st.lot = st.total ? nullptr : view.lot_at(i, f.begin);
      st.tranche = inf.tranche;
      out.push_back(st);
    }
  }
  return out;
}

std::vector<PercentStatement> find_percent_statements(const DocumentView& view) {
  std::vector<PercentStatement> out;
  const auto& ps = view.document().paragraphs;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    std::string_view folded = view.paragraphs()[i].folded;
    if (folded.find('%') == std::string_view::npos) continue;
    for (const DigitsNumber& d : find_numbers_in_digits(ps[i].text)) {
      std::size_t q = skip_spaces(folded, d.end);
      if (q >= folded.size() || folded[q] != '%') continue;
      if (match_at(folded, skip_spaces(folded, q + 1), "des heures") == std::string_view::npos) continue;
      out.push_back({i, d.value, view.lot_at(i, d.begin)});
    }
  }
  return out;
}

}  // namespace clausier::check::detail
