#pragma once
// Private to the document checks: a draft document read once for every check, with the lot each
// place of its text is about.
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
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/document/read.hpp"
#include "clausier/tender/model.hpp"

namespace clausier::check::detail {

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

}  // namespace clausier::check::detail
