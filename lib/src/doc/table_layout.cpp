#include "table_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

#include "clausier/core/text.hpp"

namespace clausier::doc::detail {
namespace {

// Advance widths of DejaVu Serif, in thousandths of an em (the fonts' hmtx tables, 2048 units per em,
// rounded), for U+0020..U+007E and U+00C0..U+00FF, Book then Bold.
constexpr short ascii_book[95] = {
    318, 402, 460, 838, 636, 950, 890, 275, 390, 390, 500, 838, 318, 338, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 536,
    1000, 722, 735, 765, 802, 730, 694, 799, 872, 395, 401, 747, 664, 1024, 875, 820,
    673, 820, 753, 685, 667, 843, 722, 1028, 712, 660, 695, 390, 337, 390, 838, 500,
    500, 596, 640, 560, 640, 592, 370, 640, 644, 320, 310, 606, 320, 948, 644, 602,
    640, 640, 478, 513, 402, 644, 565, 856, 564, 565, 527, 636, 337, 636, 838};
constexpr short ascii_bold[95] = {
    348, 439, 521, 838, 696, 950, 903, 306, 473, 473, 523, 838, 348, 415, 348, 365,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 369, 369, 838, 838, 838, 586,
    1000, 776, 845, 796, 867, 762, 710, 854, 945, 468, 473, 869, 703, 1107, 914, 871,
    752, 871, 831, 722, 744, 872, 776, 1123, 776, 714, 730, 473, 365, 473, 838, 500,
    500, 648, 699, 609, 699, 636, 430, 699, 727, 380, 362, 693, 380, 1058, 727, 667,
    699, 699, 527, 563, 462, 727, 581, 861, 596, 581, 568, 643, 364, 643, 838};
constexpr short latin1_book[64] = {
    722, 722, 722, 722, 722, 722, 1001, 765, 730, 730, 730, 730, 395, 395, 395, 395,
    807, 875, 820, 820, 820, 820, 820, 838, 820, 843, 843, 843, 843, 660, 676, 668,
    596, 596, 596, 596, 596, 596, 940, 560, 592, 592, 592, 592, 320, 320, 320, 320,
    602, 644, 602, 602, 602, 602, 602, 838, 602, 644, 644, 644, 644, 565, 640, 565};
constexpr short latin1_bold[64] = {
    776, 776, 776, 776, 776, 776, 1034, 796, 762, 762, 762, 762, 468, 468, 468, 468,
    874, 914, 871, 871, 871, 871, 871, 838, 871, 872, 872, 872, 872, 714, 757, 760,
    648, 648, 648, 648, 648, 648, 975, 609, 636, 636, 636, 636, 380, 380, 380, 380,
    667, 727, 667, 667, 667, 667, 667, 838, 667, 727, 727, 727, 727, 581, 699, 581};

struct Other {
  char32_t code;
  short book, bold;
};
// The other characters the drafts use.
constexpr Other others[] = {
    {0x00A0, 318, 348},   // no-break space
    {0x00AB, 612, 625},   // «
    {0x00B0, 500, 500},   // °
    {0x00BB, 612, 625},   // »
    {0x0152, 1137, 1180}, // Œ
    {0x0153, 989, 1028},  // œ
    {0x2013, 500, 500},   // –
    {0x2014, 1000, 1000}, // —
    {0x2019, 318, 348},   // ’
    {0x2026, 1000, 1000}, // …
    {0x202F, 200, 200},   // narrow no-break space
    {0x20AC, 636, 696},   // €
};

long glyph_width(char32_t c, bool bold) {
  if (c >= 0x20 && c <= 0x7E) return (bold ? ascii_bold : ascii_book)[c - 0x20];
  if (c >= 0xC0 && c <= 0xFF) return (bold ? latin1_bold : latin1_book)[c - 0xC0];
  for (const Other& o : others)
    if (o.code == c) return bold ? o.bold : o.book;
  return 1000;
}

// Words of a cell: what a line break cannot split. Lines break at plain spaces only (no-break spaces
// hold "1 850 000,00 € HT" together) and, when `at_hyphens`, after a hyphen ("main-" "d'œuvre").
std::vector<std::string> words(const std::string& text, bool at_hyphens) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == ' ') {
      if (!word.empty()) out.push_back(word);
      word.clear();
      continue;
    }
    word.push_back(c);
    if (at_hyphens && c == '-') {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

struct Need {
  long min = 0;   // the longest word, in thousandths of an em
  long want = 0;  // the longest cell on one line
};

std::vector<Need> needs(const Table& table, bool at_hyphens) {
  std::vector<Need> out(table.header.size());
  auto measure = [&](const std::vector<Inline>& cells, bool header) {
    for (std::size_t c = 0; c < out.size() && c < cells.size(); ++c) {
      long line = 0;
      for (const Span& span : cells[c]) {
        const bool bold = header || span.bold;
        line += text_width(span.text, bold);
        for (const std::string& w : words(span.text, at_hyphens)) out[c].min = std::max(out[c].min, text_width(w, bold));
      }
      out[c].want = std::max(out[c].want, line);
    }
  };
  measure(table.header, true);
  for (const auto& row : table.rows) measure(row, false);
  return out;
}

// Thousandths of an em at this size, in twips (a half-point is 10 twips of em), rounded up.
int twips(long thousandths, int half_points) {
  return static_cast<int>((thousandths * half_points * 10 + 999) / 1000);
}

// The widths when every column holds its longest word: each gets its minimum, then the rest of the
// width goes to the columns whose text still wraps, in proportion to what they lack, then to all.
std::vector<int> spread(const std::vector<Need>& need, int half_points, int available, int padding) {
  const std::size_t n = need.size();
  std::vector<int> min(n), want(n);
  for (std::size_t c = 0; c < n; ++c) {
    min[c] = twips(need[c].min, half_points) + padding;
    want[c] = std::max(min[c], twips(need[c].want, half_points) + padding);
  }
  const long total_min = std::accumulate(min.begin(), min.end(), 0L);
  if (total_min > available) return {};
  std::vector<int> widths = min;
  long spare = available - total_min;
  long lacking = 0;
  for (std::size_t c = 0; c < n; ++c) lacking += want[c] - min[c];
  if (lacking > 0) {
    const long given = std::min(spare, lacking);
    for (std::size_t c = 0; c < n; ++c) widths[c] += static_cast<int>(given * (want[c] - min[c]) / lacking);
  }
  spare = available - std::accumulate(widths.begin(), widths.end(), 0L);
  const long all = std::accumulate(want.begin(), want.end(), 0L);
  for (std::size_t c = 0; c < n && all > 0; ++c) widths[c] += static_cast<int>(spare * want[c] / all);
  widths.back() += available - static_cast<int>(std::accumulate(widths.begin(), widths.end(), 0L));
  return widths;
}

}  // namespace

long text_width(std::string_view s, bool bold) {
  long width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto [code, length] = code_point_at(s, i);
    width += glyph_width(code, bold);
    i += length;
  }
  return width;
}

TableLayout layout_table(const Table& table, int available, int padding) {
  const std::size_t columns = table.header.size();
  if (columns == 0) return {};
  for (bool at_hyphens : {false, true}) {
    const std::vector<Need> need = needs(table, at_hyphens);
    for (int half_points : {22, 20, 18}) {
      std::vector<int> widths = spread(need, half_points, available, padding);
      if (!widths.empty()) return {widths, half_points};
    }
  }
  // Nothing holds every word even at 9 pt: share in proportion to the text, and let words break.
  const std::vector<Need> need = needs(table, true);
  long all = 0;
  for (const Need& n : need) all += std::max(n.want, 1L);
  std::vector<int> widths(columns);
  for (std::size_t c = 0; c < columns; ++c) widths[c] = static_cast<int>(available * std::max(need[c].want, 1L) / all);
  widths.back() += available - std::accumulate(widths.begin(), widths.end(), 0);
  return {widths, 18};
}

}  // namespace clausier::doc::detail
