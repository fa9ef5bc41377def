// Which lot each place of a draft document is about (document_view.hpp).
#include "document_view.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>

#include "clausier/core/text.hpp"
#include "clausier/track/statements.hpp"
#include "folded_text.hpp"

namespace clausier::check::detail {

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

}  // namespace clausier::check::detail
