#pragma once
// Column widths of a Word table, from what its cells hold: no column narrower than its longest word,
// so no word is split inside a cell ("Numé/ro", "€ H/T"), and the room left goes to the columns whose
// text would otherwise wrap. Internal to the Word writer; tested in tests/unit/docx_test.cpp.
#include <string_view>
#include <vector>

#include "clausier/doc/blocks.hpp"

namespace clausier::doc::detail {

// The width of UTF-8 text in thousandths of an em, with the advance widths of DejaVu Serif (Book or
// Bold). That is the font LibreOffice draws Times New Roman with when the Liberation fonts are missing,
// and it is wider than Times New Roman and Liberation Serif: a column wide enough for it is wide enough
// in Word too. A character it does not list counts as a full em.
long text_width(std::string_view utf8, bool bold);

struct TableLayout {
  std::vector<int> widths;  // twips, one per column; they add up to the text width
  int half_points = 22;     // the font size of the table's text (Word's unit: 22 is 11 pt)
};

// Widths for a table `available` twips wide, whose cells have `padding` twips of margins in all.
// The body size (11 pt) is kept when every column can hold its longest word; else 10 pt, then 9 pt.
// When even 9 pt cannot, words are split at their hyphens ("main-/d'œuvre"), then, as a last resort,
// the columns share the width in proportion to their text.
TableLayout layout_table(const Table& table, int available, int padding);

}  // namespace clausier::doc::detail
