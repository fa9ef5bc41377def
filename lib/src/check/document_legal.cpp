// Legal references in draft documents: doc-legal-obsolete (a repealed text or article, from the legal
// table's obsolete rows or recognised by legal_references.cpp) and doc-legal-clause-mismatch (the
// articles cited are the basis of no clause kind of the lots).
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"
#include "document_set.hpp"
#include "folded_text.hpp"
#include "legal_references.hpp"

namespace clausier::check::detail {

// Literal citations of rows ("l'article relatif à … des CCAG …", "loi Climat et résilience, art. 35").
struct LegalChecks::Literal {
  Span span;
  const rules::LegalReference* row = nullptr;
};

struct LegalChecks::Cited {
  std::size_t paragraph = 0;
  std::size_t offset = 0;
  const rules::LegalReference* row = nullptr;
};

namespace {

// "l'article L. 2112-2 du code de la commande publique" from a citation "article L. 2112-2 …".
std::string cite(const rules::LegalReference& r) {
  if (r.citation.rfind("article ", 0) == 0) return "l'" + r.citation;
  return r.citation;
}

// The clause kinds of a lot, as legal reference rows name them: its clause, and "award-criterion".
std::vector<std::string> clause_kinds(const tender::Lot& lot) {
  std::vector<std::string> out{std::string(tender::name(lot.clause.value))};
  if (lot.award_criterion) out.emplace_back(tender::award_criterion_code);
  return out;
}

std::string kind_label(std::string_view kind) {
  if (kind == tender::award_criterion_code) return std::string(tender::award_criterion_label);
  if (const std::optional<tender::Clause> c = tender::clause_named(kind)) return std::string(tender::short_label(*c));
  return std::string(kind);
}

}  // namespace

LegalChecks::LegalChecks(DocumentSet& set) : set_(set) {
  for (const rules::LegalReference& row : set_.rules.legal_references())
    for (const std::string& s : {row.citation, row.short_name})
      if (s.size() >= 6) literal_patterns_.emplace_back(fold(s), &row);
  for (const rules::LegalReference& row : set_.rules.legal_references()) {
    const std::string folded = fold(row.citation);
    if (!row.current) {
      for (const OldReference& ref : old_references(row.citation, folded))
        if (ref.article != 0) old_rows_.emplace(std::make_pair(static_cast<int>(ref.source), ref.article), &row);
    } else {
      auto refs = code_references(row.citation);
      if (!refs.empty()) code_rows_.emplace(refs.front().key, &row);
    }
  }
}

std::vector<LegalChecks::Literal> LegalChecks::literal_rows(std::string_view folded) const {
  std::vector<Literal> out;
  for (const auto& [pattern, row] : literal_patterns_) {
    if (!out.empty() && out.back().row == row) continue;  // its citation was found, not its short name
    std::size_t end = 0;
    std::size_t at = find_folded(folded, pattern, 0, &end);
    if (at != std::string_view::npos) out.push_back({{at, end}, row});
  }
  return out;
}

void LegalChecks::obsolete(std::size_t d) {
  const auto& ps = set_.docs[d].paragraphs;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const std::string& folded = set_.views[d].paragraphs()[i].folded;
    std::set<const rules::LegalReference*> reported;
    std::set<std::pair<int, int>> reported_unknown;
    for (const OldReference& ref : old_references(ps[i].text, folded)) {
      std::string written = ps[i].text.substr(ref.span.begin, ref.span.end - ref.span.begin);
      auto it = old_rows_.find({static_cast<int>(ref.source), ref.article});
      if (it != old_rows_.end()) {
        if (reported.insert(it->second).second) report_obsolete(d, i, ref.span.begin, written, *it->second);
      } else if (reported_unknown.insert({static_cast<int>(ref.source), ref.article}).second) {
        std::string what = ref.article != 0 ? fmt::format("l'article {} {}", ref.article, of_source(ref.source))
                                            : std::string(source_name(ref.source));
        set_.add("doc-legal-obsolete", d, set_.position(d, i, ref.span.begin),
            fmt::format("référence abrogée {} : {} n'est plus en vigueur", quoted(written), what),
            "citez l'article correspondant du code de la commande publique (en vigueur depuis le 1er avril 2019)");
      }
    }
    for (const Literal& l : literal_rows(folded))
      if (!l.row->current && reported.insert(l.row).second)
        report_obsolete(d, i, l.span.begin, ps[i].text.substr(l.span.begin, l.span.end - l.span.begin), *l.row);
  }
}

void LegalChecks::report_obsolete(std::size_t d, std::size_t i, std::size_t offset, const std::string& written,
                                  const rules::LegalReference& row) {
  std::vector<std::string> names, citations;
  for (const std::string& id : row.replaced_by)
    if (const rules::LegalReference* r = set_.rules.legal_reference(id)) {
      names.push_back(r->short_name);
      citations.push_back(cite(*r));
    }
  std::string message = fmt::format("référence abrogée {} ({})", quoted(written), row.short_name);
  if (!names.empty()) message += fmt::format(" : à remplacer par {}", join(names, " et "));
  set_.add("doc-legal-obsolete", d, set_.position(d, i, offset), message,
      citations.empty() ? "citez l'article correspondant du code de la commande publique"
                        : fmt::format("citez {}", join(citations, " et ")));
}

std::vector<LegalChecks::Cited> LegalChecks::citations(std::size_t d) const {
  std::vector<Cited> out;
  const auto& ps = set_.docs[d].paragraphs;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    std::set<const rules::LegalReference*> seen;
    for (const CodeReference& c : code_references(ps[i].text)) {
      auto it = code_rows_.find(c.key);
      if (it != code_rows_.end() && seen.insert(it->second).second) out.push_back({i, c.begin, it->second});
    }
    for (const Literal& l : literal_rows(set_.views[d].paragraphs()[i].folded))
      if (l.row->current && seen.insert(l.row).second) out.push_back({i, l.span.begin, l.row});
  }
  return out;
}

// The rows that are a basis of one of these clause types.
std::vector<const rules::LegalReference*> LegalChecks::bases(const std::vector<std::string>& types) const {
  std::vector<const rules::LegalReference*> out;
  for (const rules::LegalReference& row : set_.rules.legal_references()) {
    if (!row.current) continue;
    for (const std::string& c : row.clauses)
      if (std::find(types.begin(), types.end(), c) != types.end()) {
        out.push_back(&row);
        break;
      }
  }
  return out;
}

void LegalChecks::clause_mismatch(std::size_t d) {
  std::vector<Cited> cited = citations(d);
  // Clause types of the lots with a clause: one type for all means every citation of the document
  // is about them; several, and a citation is about the lot of its place.
  std::set<tender::Clause> types;
  for (const tender::Lot& lot : set_.tender.lots)
    if (lot.has_clause()) types.insert(lot.clause.value);
  if (types.empty()) return;
  auto check = [&](const std::vector<const tender::Lot*>& lots, const std::vector<const Cited*>& found) {
    std::vector<std::string> kinds;
    for (const tender::Lot* lot : lots)
      for (const std::string& k : clause_kinds(*lot))
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    std::vector<const rules::LegalReference*> expected = bases(kinds);
    if (expected.empty()) return;
    std::vector<const Cited*> relevant;  // citations that are the basis of some clause type
    for (const Cited* c : found)
      if (!c->row->clauses.empty()) relevant.push_back(c);
    if (relevant.empty()) return;
    for (const Cited* c : relevant)
      if (std::find(expected.begin(), expected.end(), c->row) != expected.end()) return;
    std::vector<std::string> said, wanted, wanted_citations, lot_names;
    for (const Cited* c : relevant) {
      std::string s = fmt::format("{} ({})", c->row->short_name, kind_label(c->row->clauses.front()));
      if (std::find(said.begin(), said.end(), s) == said.end()) said.push_back(s);
    }
    for (const rules::LegalReference* r : expected) {
      wanted.push_back(r->short_name);
      wanted_citations.push_back(cite(*r));
    }
    for (const tender::Lot* lot : lots) lot_names.push_back(lot_label(*lot));
    std::vector<std::string> kind_labels;
    for (const std::string& k : kinds) kind_labels.push_back(kind_label(k));
    set_.add("doc-legal-clause-mismatch", d, set_.position(d, relevant.front()->paragraph, relevant.front()->offset),
        fmt::format("{} ({}) : le document ne cite que {}, qui n'en est pas le fondement ; attendu : {}",
                    join(lot_names, ", "), join(kind_labels, ", "), join(said, ", "), join(wanted, " ou ")),
        fmt::format("citez {}", join(wanted_citations, " ou ")));
  };
  if (types.size() == 1) {
    std::vector<const tender::Lot*> lots;
    for (const tender::Lot& lot : set_.tender.lots)
      if (lot.has_clause()) lots.push_back(&lot);
    std::vector<const Cited*> all;
    for (const Cited& c : cited) all.push_back(&c);
    check(lots, all);
    return;
  }
  for (const tender::Lot& lot : set_.tender.lots) {
    if (!lot.has_clause()) continue;
    std::vector<const Cited*> found;
    for (const Cited& c : cited)
      if (set_.views[d].lot_at(c.paragraph, c.offset) == &lot) found.push_back(&c);
    check({&lot}, found);
  }
}

}  // namespace clausier::check::detail
