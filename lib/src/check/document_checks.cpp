// The checks of draft consultation documents against their tender file (`clausier check --doc`).
//
// Decisions the rules below follow (docs/check.md documents them for users):
// - Kinds: each document is a CCAP, an RC, an acte d'engagement, a notice or another piece
//   (document_kind.cpp), and is read only by the rules of its kind (the table `reads` below, beside
//   the catalogue). A figure must be right wherever it is written (hours, penalty rate), and so must
//   a legal reference; what a piece must contain depends on the piece. A piece of kind other stands
//   for the CCAP when the set holds none, as every piece did before kinds were told apart: a
//   facilitator who checks an extract of a CCAP saved as "clause.docx" still gets its content checked.
// - Hours: at most one finding per document and lot (and one for the tender's total), so a lot whose
//   figure was changed gives one finding however many times the document repeats it. Words that
//   disagree with their digits come first (doc-hours-words-digits), then figures that differ from
//   the calculation (doc-hours-mismatch). A statement equals the calculation when it equals the
//   lot's hours, one of its tranches' hours, or, written with decimals ("= 1 541,67 h"), the hours
//   before rounding (lot or tranche) to the hundredth. A row "dont tranche TF" is compared with that
//   tranche only. A lot below its minimum is compared like the others (the draft states its computed
//   hours and the threshold, and a threshold is no statement); figures about a lot without a clause
//   (or without capacity) are not compared: the climate rule checks what the documents say of it.
// - doc-hours-missing: a lot whose clause is set (status ok) that no document of the set states, when
//   a document that must state it is in the set: a CCAP must state every lot's hours, an acte
//   d'engagement those of the lots it names (the lot of a one-lot tender even unnamed). Reported
//   once, on the first such document. A percent-of-hours lot stated as "6 % des heures" counts as stated.
// - CCAG 2021 minimum content and penalties: checked on each CCAP alone; pieces standing for a
//   missing CCAP are checked together, reported on the first. Only when a lot has a clause. When the
//   tender gives no e-mail or phone for the facilitator, naming the facilitator suffices.
// - Penalties: only the amount per missing hour is compared (the cap is not); a wrong amount is
//   reported in any piece, a missing one in the CCAP only.
// - Award criterion (RC): a lot with an award_criterion must have it announced — a paragraph (or a
//   table row) that speaks of a criterion and of insertion or social performance, about that lot or
//   about no lot in particular — with its weight: the first percentage after "insertion" (or
//   "social"). A paragraph about no lot that gives another lot's weight is that lot's, not wrong.
// - Notice (R. 2113-7): a reserved lot must be said reserved ("réservé", "réservation") in a
//   paragraph about that lot, or about no lot when every lot of the tender is reserved.
// - Climate: the set as a whole, when it holds a CCAP or an RC (the pieces where a derogation is
//   justified), reported on the first CCAP (or the first RC); a lot whose clause is not set must be
//   said to have none, with its reason, in a paragraph naming it (or a list item after a paragraph
//   ending with ":"), with one of "ne comporte pas de clause", "aucune clause", "sans clause",
//   "n'est pas soumis", "dérogation", "justification", "motif".
#include "clausier/check/document_checks.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "document_set.hpp"

namespace clausier::check {

using namespace clausier::check::detail;

namespace {

constexpr RuleInfo catalogue[] = {
    {"doc-hours-mismatch", Severity::error, Category::finding,
     "les heures d'un lot dans le document diffèrent du calcul"},
    {"doc-hours-words-digits", Severity::error, Category::finding,
     "les heures d'un lot écrites en lettres et en chiffres ne concordent pas"},
    {"doc-hours-missing", Severity::error, Category::finding,
     "aucun document n'indique les heures d'un lot qui a une clause"},
    {"doc-legal-obsolete", Severity::error, Category::finding,
     "une référence abrogée (code des marchés publics, ordonnance 2015-899, décret 2016-360)"},
    {"doc-legal-clause-mismatch", Severity::error, Category::finding,
     "le fondement juridique cité ne correspond pas à la nature de la clause du lot"},
    {"doc-ccag-scope", Severity::error, Category::finding,
     "CCAG 2021 : le CCAP ne désigne pas les lots concernés par l'action d'insertion"},
    {"doc-ccag-facilitator", Severity::error, Category::finding,
     "CCAG 2021 : le CCAP ne donne pas les coordonnées du facilitateur"},
    {"doc-ccag-publics", Severity::error, Category::finding,
     "CCAG 2021 : le CCAP ne définit pas les publics éligibles"},
    {"doc-ccag-volume", Severity::error, Category::finding, "CCAG 2021 : le CCAP n'indique aucun volume d'heures"},
    {"doc-penalty-missing", Severity::error, Category::finding,
     "le CCAP n'indique pas la pénalité par heure d'insertion non réalisée que prévoit le dossier"},
    {"doc-penalty-rate", Severity::error, Category::finding,
     "la pénalité par heure d'insertion non réalisée diffère de celle du dossier"},
    {"doc-award-criterion", Severity::error, Category::finding,
     "le RC n'annonce pas le critère d'attribution relatif à l'insertion d'un lot, ou pas avec sa pondération"},
    {"doc-notice-reservation", Severity::error, Category::finding,
     "l'avis ne mentionne pas la réservation d'un lot réservé (article R. 2113-7)"},
    {"doc-climate-social-consideration", Severity::error, Category::finding,
     "loi Climat et résilience : un lot sans clause dont le document ne donne pas la dérogation"},
};

constexpr unsigned bit(DocumentKind k) { return 1u << static_cast<unsigned>(k); }
constexpr unsigned ccap = bit(DocumentKind::ccap), rc = bit(DocumentKind::rc), ae = bit(DocumentKind::ae),
                   notice = bit(DocumentKind::notice), other = bit(DocumentKind::other);
constexpr unsigned every = ccap | rc | ae | notice | other;

// Which pieces each rule reads, in catalogue order (docs/check.md, « Quelles règles pour quelle
// pièce »): a figure or a reference is checked wherever it is written; what a piece must contain, in
// the piece that must contain it.
constexpr struct {
  std::string_view rule;
  unsigned kinds;
} reads[] = {
    {"doc-hours-mismatch", every},
    {"doc-hours-words-digits", every},
    {"doc-hours-missing", ccap | ae},
    {"doc-legal-obsolete", every},
    {"doc-legal-clause-mismatch", every},
    {"doc-ccag-scope", ccap},
    {"doc-ccag-facilitator", ccap},
    {"doc-ccag-publics", ccap},
    {"doc-ccag-volume", ccap},
    {"doc-penalty-missing", ccap},
    {"doc-penalty-rate", every},
    {"doc-award-criterion", rc},
    {"doc-notice-reservation", notice},
    {"doc-climate-social-consideration", ccap | rc},
};

constexpr bool same_rules() {
  if (std::size(reads) != std::size(catalogue)) return false;
  for (std::size_t i = 0; i < std::size(reads); ++i)
    if (reads[i].rule != catalogue[i].id) return false;
  return true;
}
static_assert(same_rules(), "one row of `reads` for each rule of the catalogue, in the same order");

constexpr unsigned kinds_of(std::string_view rule) {
  for (const auto& r : reads)
    if (r.rule == rule) return r.kinds;
  return 0;
}
// Rules checked by one pass over the same documents read the same pieces.
static_assert(kinds_of("doc-hours-mismatch") == kinds_of("doc-hours-words-digits"));
static_assert(kinds_of("doc-ccag-scope") == kinds_of("doc-ccag-facilitator") &&
              kinds_of("doc-ccag-scope") == kinds_of("doc-ccag-publics") &&
              kinds_of("doc-ccag-scope") == kinds_of("doc-ccag-volume") &&
              kinds_of("doc-ccag-scope") == kinds_of("doc-penalty-missing"));

const RuleInfo& info(std::string_view rule) {
  for (const RuleInfo& r : catalogue)
    if (r.id == rule) return r;
  return catalogue[0];  // unreachable: every id below is in the catalogue
}

}  // namespace

bool rule_applies(std::string_view rule, DocumentKind kind) { return (kinds_of(rule) & bit(kind)) != 0; }

namespace detail {

DocumentSet::DocumentSet(const std::vector<document::Document>& documents, const tender::Tender& t,
                         const hours::TenderResult& h, const rules::RuleSet& r, Diagnostics& out)
    : docs(documents), tender(t), hours(h), rules(r), out_(out) {
  for (const hours::LotResult& lot : hours.lots)
    if (lot.lot != nullptr) results_[lot.lot] = &lot;
  views.reserve(docs.size());
  for (const document::Document& d : docs) {
    views.emplace_back(d, tender);
    kinds.push_back(document_kind(d));
  }
  const bool has_ccap = std::find(kinds.begin(), kinds.end(), DocumentKind::ccap) != kinds.end();
  for (DocumentKind k : kinds) roles.push_back(k == DocumentKind::other && !has_ccap ? DocumentKind::ccap : k);
  for (const DocumentView& v : views) {
    statements.push_back(find_hour_statements(v));
    percents.push_back(find_percent_statements(v));
  }
}

void DocumentSet::add(std::string_view rule, std::size_t doc, Position pos, std::string message, std::string hint) {
  const RuleInfo& r = info(rule);
  out_.push_back({std::string(rule), r.severity, r.category, docs[doc].path, pos, std::move(message), std::move(hint)});
}

Position DocumentSet::position(std::size_t doc, std::size_t paragraph, std::size_t offset) const {
  return document::position(docs[doc], docs[doc].paragraphs[paragraph], offset);
}

std::string DocumentSet::where(std::size_t doc, std::size_t paragraph) const {
  return document::describe(docs[doc], docs[doc].paragraphs[paragraph]);
}

const hours::LotResult* DocumentSet::result(const tender::Lot* lot) const {
  auto it = results_.find(lot);
  return it == results_.end() ? nullptr : it->second;
}

bool DocumentSet::clause_set(const tender::Lot& lot) const {
  const hours::LotResult* r = result(&lot);
  return lot.has_clause() && (r == nullptr || r->status == hours::Status::ok);
}

bool DocumentSet::reads(std::string_view rule, std::size_t d) const { return rule_applies(rule, roles[d]); }

std::vector<std::size_t> DocumentSet::readers(std::string_view rule) const {
  std::vector<std::size_t> out;
  for (std::size_t d = 0; d < docs.size(); ++d)
    if (reads(rule, d)) out.push_back(d);
  return out;
}

bool DocumentSet::any_clause() const {
  return std::any_of(tender.lots.begin(), tender.lots.end(), [&](const tender::Lot& l) { return clause_set(l); });
}

}  // namespace detail

std::span<const RuleInfo> document_rule_catalogue() { return catalogue; }

Diagnostics check_documents(const std::vector<document::Document>& documents, const tender::Tender& tender,
                            const hours::TenderResult& hours, const rules::RuleSet& rules) {
  Diagnostics out;
  if (documents.empty()) return out;
  DocumentSet set(documents, tender, hours, rules, out);
  LegalChecks legal(set);
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (set.reads("doc-hours-mismatch", d)) check_hours(set, d);
    if (set.reads("doc-legal-obsolete", d)) legal.obsolete(d);
    if (set.reads("doc-legal-clause-mismatch", d)) legal.clause_mismatch(d);
    if (set.reads("doc-penalty-rate", d)) check_penalty_rate(set, d);
    if (set.reads("doc-award-criterion", d)) check_award_criterion(set, d);
    if (set.reads("doc-notice-reservation", d)) check_notice_reservation(set, d);
  }
  check_missing_hours(set, set.readers("doc-hours-missing"));
  // The CCAP's content: each CCAP alone; the pieces that stand for a missing CCAP, together.
  std::vector<std::size_t> standing_in;
  for (std::size_t d : set.readers("doc-ccag-scope")) {
    if (set.kinds[d] != DocumentKind::ccap) {
      standing_in.push_back(d);
      continue;
    }
    check_ccag(set, {d}, d);
    check_penalty_missing(set, {d}, d);
  }
  if (!standing_in.empty()) {
    check_ccag(set, standing_in, standing_in.front());
    check_penalty_missing(set, standing_in, standing_in.front());
  }
  std::vector<std::size_t> climate = set.readers("doc-climate-social-consideration");
  if (!climate.empty()) {
    auto ccap_first = std::find_if(climate.begin(), climate.end(),
                                   [&](std::size_t d) { return set.roles[d] == DocumentKind::ccap; });
    check_climate(set, ccap_first != climate.end() ? *ccap_first : climate.front());
  }
  sort_diagnostics(out);
  return out;
}

}  // namespace clausier::check
