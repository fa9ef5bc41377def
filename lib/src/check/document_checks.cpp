// The checks of draft consultation documents against their tender file (`clausier check --doc`).
//
// Decisions the rules below follow (docs/check.md documents them for users):
// - Hours: at most one finding per document and lot (and one for the tender's total), so a lot whose
//   figure was changed gives one finding however many times the document repeats it. Words that
//   disagree with their digits come first (doc-hours-words-digits), then figures that differ from
//   the calculation (doc-hours-mismatch). A statement equals the calculation when it equals the
//   lot's hours, one of its tranches' hours, or, written with decimals ("= 1 541,67 h"), the hours
//   before rounding (lot or tranche) to the hundredth. A row "dont tranche TF" is compared with that
//   tranche only. A lot below its minimum is compared like the others (the draft states its computed
//   hours and the threshold, and a threshold is no statement); figures about a lot without a clause
//   (or without capacity) are not compared: the climate rule checks what the documents say of it.
// - doc-hours-missing: a lot whose clause is set (status ok) that no document of the set states,
//   reported once on the first document. A percent-of-hours lot stated as "6 % des heures" counts as
//   stated.
// - CCAG 2021 minimum content and penalties: checked on each document that is a CCAP (file name with
//   "ccap", or "clauses administratives particulières" in its first five paragraphs); when the set
//   has no CCAP, on the set as a whole, reported on the first document. Only when a lot has a clause.
//   When the tender gives no e-mail or phone for the facilitator, naming the facilitator suffices.
// - Penalties: only the amount per missing hour is compared (the cap is not).
// - Climate: the set as a whole, reported on the first CCAP (or the first document); a lot whose
//   clause is not set must be said to have none, with its reason, in a paragraph naming it (or a
//   list item after a paragraph ending with ":"), with one of "ne comporte pas de clause",
//   "aucune clause", "sans clause", "n'est pas soumis", "dérogation", "justification", "motif".
#include "clausier/check/document_checks.hpp"

#include <algorithm>
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
    {"doc-climate-social-consideration", Severity::error, Category::finding,
     "loi Climat et résilience : un lot sans clause dont le document ne donne pas la dérogation"},
};

const RuleInfo& info(std::string_view rule) {
  for (const RuleInfo& r : catalogue)
    if (r.id == rule) return r;
  return catalogue[0];  // unreachable: every id below is in the catalogue
}

}  // namespace

namespace detail {

DocumentSet::DocumentSet(const std::vector<document::Document>& documents, const tender::Tender& t,
                         const hours::TenderResult& h, const rules::RuleSet& r, Diagnostics& out)
    : docs(documents), tender(t), hours(h), rules(r), out_(out) {
  for (const hours::LotResult& lot : hours.lots)
    if (lot.lot != nullptr) results_[lot.lot] = &lot;
  views.reserve(docs.size());
  for (const document::Document& d : docs) views.emplace_back(d, tender);
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
    check_hours(set, d);
    legal.obsolete(d);
    legal.clause_mismatch(d);
  }
  check_missing_hours(set);
  std::vector<std::size_t> ccaps;
  for (std::size_t d = 0; d < documents.size(); ++d)
    if (is_ccap(set, d)) ccaps.push_back(d);
  if (ccaps.empty()) {
    std::vector<std::size_t> all;
    for (std::size_t d = 0; d < documents.size(); ++d) all.push_back(d);
    check_ccag(set, all, 0);
    check_penalties(set, all, 0);
  } else {
    for (std::size_t d : ccaps) {
      check_ccag(set, {d}, d);
      check_penalties(set, {d}, d);
    }
  }
  check_climate(set, ccaps.empty() ? 0 : ccaps.front());
  sort_diagnostics(out);
  return out;
}

}  // namespace clausier::check
