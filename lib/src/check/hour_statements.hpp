#pragma once
// Private to the document checks: reading a draft document as the checks need it. Which lot each
// place of the text is about, and where the document states a number of hours (in digits, in words,
// or both), for `clausier check --doc`.
//
// Attribution of a place to a lot, first rule that applies:
//  1. a table cell in a table with a lot column ("Lot", "Numéro de lot"): the lot of its row; a row
//     "dont tranche ferme TF" belongs to that tranche of the lot of the row above; a row "Total" to
//     the total of the tender;
//  2. a lot named in the same paragraph ("lot 01", "Lot 1", "lot n° 1", "lot unique"): the nearest
//     one before the place, else the first one after it ("… (300) heures … pour l'exécution du lot 03");
//  3. the lot the paragraph's surroundings introduce: a heading "Lot 01 — …" (until a heading of the
//     same level or above), or a short paragraph "Lot 01 — Gros œuvre" (until the next heading, the
//     next such paragraph, or a short title-like paragraph such as "X.3 — Publics éligibles", which
//     is what a level-3 heading becomes in plain text); a table without a lot column takes the lot
//     in force before it;
//  4. the only lot with a clause, when the tender has one lot with a clause;
//  otherwise the place is about no lot and its figures are not compared.
//
// Hour statements: a number followed by "heure(s)" or "h" ("1 542 heures", "= 1 541,67 h",
// "mille cinq cent quarante-deux (1 542) heures", "1 542 (mille cinq cent quarante-deux) heures",
// "deux cent soixante-deux heures et demie (262,5 heures)"), or any number in a cell of a table
// column whose header says "heures" ("Heures d'insertion"). Not hours: a number followed by "%",
// "€" or "euros" (so "30 €/h" and "6 % des heures" are not), an operand of a formula ("× 151,67 h"),
// a threshold ("seuil de 150 heures", "plancher de 150 h"), a time limit or a working time
// ("délai de 48 heures", "sous 24 heures", "35 heures par semaine", "heures ouvrées", "heures de
// formation"), and "un"/"une" alone ("une heure"), which is an article as often as a number.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/document/read.hpp"
#include "clausier/tender/model.hpp"

#include "clausier/text/words.hpp"

namespace clausier::check::detail {

// ---- Text helpers ---------------------------------------------------------------------------------

// The text for comparisons without case or typographic spaces: ASCII and Latin-1 capitals in lower
// case ("É" -> "é"), no-break and thin spaces (U+00A0, U+2009, U+202F) as plain spaces, typographic
// apostrophes (U+2019) as "'". Every character keeps its byte length (padded with spaces), so an
// offset in the folded text is the same offset in the original.
std::string fold(std::string_view text);
// The first occurrence of `pattern` (folded, plain spaces) in `folded` at or after `from`, where a
// space of the pattern matches one or more spaces of the text and its first and last characters fall
// on word boundaries when they are letters or digits. npos when none; *end receives its end.
std::size_t find_folded(std::string_view folded, std::string_view pattern, std::size_t from = 0,
                        std::size_t* end = nullptr);
inline bool contains_folded(std::string_view folded, std::string_view pattern) {
  return find_folded(folded, pattern) != std::string_view::npos;
}
using text::letter_at;  // the letter at s[i] (ASCII or Latin-1, œ): its byte length, else 0
bool is_digit(char c);

// A number written in digits: "1 542", "1 541,67", "1542", "4 700", groups of three separated by a
// space, U+00A0, U+202F or a dot; a comma for decimals. Not a number: digits glued to letters or to
// another number by "-" or "/" ("L2112-2", "2015-899", "TO1", "30/11/2026", "2e").
struct DigitsNumber {
  std::size_t begin = 0, end = 0;  // bytes
  double value = 0;
  bool decimals = false;  // a decimal part is written ("1 541,67", "262,5")
  bool unit_h = false;    // glued to "h" ("120h"): end is past the "h"
};
std::vector<DigitsNumber> find_numbers_in_digits(std::string_view text);

// ---- Lots in the text -----------------------------------------------------------------------------

struct LotMention {
  std::size_t begin = 0, end = 0;
  const tender::Lot* lot = nullptr;
};
// "lot 01", "Lot 1", "lot n° 1", "LOT 1", "lot unique" (a tender with one lot): the lots of the tender
// the text names, in order. "lots 01 à 07" names none (a plural is no one lot).
std::vector<LotMention> find_lot_mentions(std::string_view text, const tender::Tender& t);
// The tender's lot for an id as a document writes it: the same id, the same number ("1" is "01"),
// or the same id without case.
const tender::Lot* find_lot(const tender::Tender& t, std::string_view id);
// "lot 01 « Gros œuvre – maçonnerie »" (or "lot 01" without a title), for messages.
std::string lot_label(const tender::Lot& lot);

struct ParagraphInfo {
  std::string folded;
  std::vector<LotMention> mentions;
  const tender::Lot* context = nullptr;      // rule 3 (or rule 1 when in_lot_row)
  const tender::Tranche* tranche = nullptr;  // a row "dont tranche …"
  bool in_lot_row = false;                   // a cell of a table with a lot column: rule 1 decides
  bool total_row = false;                    // a cell of a row "Total"
  bool hours_cell = false;                   // a cell of a column "heures"
};

// A document read once for every check: folded text, lot mentions and contexts of each paragraph.
class DocumentView {
 public:
  DocumentView(const document::Document& d, const tender::Tender& t);
  const document::Document& document() const { return *doc_; }
  const tender::Tender& tender() const { return *tender_; }
  const std::vector<ParagraphInfo>& paragraphs() const { return info_; }
  // The lot the text at byte `offset` of paragraph `i` is about (rules 1 to 4 above), or nullptr.
  const tender::Lot* lot_at(std::size_t i, std::size_t offset) const;
  // The only lot with a clause, when there is exactly one (rule 4).
  const tender::Lot* single_lot() const { return single_; }

 private:
  void table(const std::vector<std::size_t>& cells, const tender::Lot* before);
  const document::Document* doc_;
  const tender::Tender* tender_;
  const tender::Lot* single_ = nullptr;
  std::vector<ParagraphInfo> info_;
};

// ---- Hour statements ------------------------------------------------------------------------------

struct HourStatement {
  std::size_t paragraph = 0;         // index in document().paragraphs
  std::size_t begin = 0, end = 0;    // bytes of the paragraph text: the figures and their unit
  std::optional<double> digits;      // the value in digits, when written in digits
  std::optional<double> words;       // the value in words ("… heures et demie" adds 0.5)
  bool decimals = false;             // the digits have a decimal part (a figure before rounding)
  const tender::Lot* lot = nullptr;  // the lot it is about, or nullptr (total, or none)
  const tender::Tranche* tranche = nullptr;  // a table row "dont tranche …"
  bool total = false;                        // a table row "Total"
  double value() const { return digits ? *digits : words.value_or(0); }
  bool disagree() const;  // words and digits are both written and differ
};
std::vector<HourStatement> find_hour_statements(const DocumentView& view);

// "6 % des heures" for a lot of method percent-of-hours: the lot's volume is stated as a share.
struct PercentStatement {
  std::size_t paragraph = 0;
  double percent = 0;  // 6 for "6 %"
  const tender::Lot* lot = nullptr;
};
std::vector<PercentStatement> find_percent_statements(const DocumentView& view);

}  // namespace clausier::check::detail
