#pragma once
// What a draft consultation document (CCAP, RC, acte d'engagement, notice) must say, checked against
// the tender file and its computed hours: hours per lot in digits and in French words, current legal
// references that fit each lot's clause type, the CCAG 2021 minimum content of an insertion clause,
// penalties, and the Climate and Resilience obligation. Rule ids are documented in docs/check.md.
#include <span>
#include <string_view>
#include <vector>

#include "clausier/check/tender_checks.hpp"
#include "clausier/core/diagnostic.hpp"
#include "clausier/document/read.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::check {

// Every rule id check_documents can report, in documentation order (severity, category finding):
// doc-hours-mismatch, doc-hours-words-digits, doc-hours-missing, doc-legal-obsolete,
// doc-legal-clause-mismatch, doc-ccag-scope, doc-ccag-facilitator, doc-ccag-publics, doc-ccag-volume,
// doc-penalty-missing, doc-penalty-rate, doc-award-criterion, doc-notice-reservation,
// doc-climate-social-consideration. All are errors.
// How hours are found: lib/src/check/hour_statements.hpp; how a place is attributed to a lot:
// lib/src/check/document_view.hpp; the decisions each rule makes: the head of
// lib/src/check/document_checks.cpp.
std::span<const RuleInfo> document_rule_catalogue();

// What a piece of the consultation is: a CCAP, a règlement de la consultation, an acte d'engagement
// (or its annex), a notice (avis d'appel public à la concurrence, avis de marché, avis de publicité),
// or something else. Its kind decides the rules that read it (rule_applies).
enum class DocumentKind { ccap, rc, ae, notice, other };
inline constexpr DocumentKind document_kinds[] = {DocumentKind::ccap, DocumentKind::rc, DocumentKind::ae,
                                                   DocumentKind::notice, DocumentKind::other};
// "ccap", "rc", "ae", "notice", "other": the JSON values, and `clausier draft --doc`'s names.
std::string_view name(DocumentKind kind);
// "CCAP", "RC", "acte d'engagement", "avis", "autre pièce", for people.
std::string_view label(DocumentKind kind);
// The kind a document says it is: the first short paragraph among its first twelve that holds a title
// ("Cahier des clauses administratives particulières", "Règlement de la consultation", "Acte
// d'engagement", "Avis d'appel public à la concurrence"...); else a word of its file name ("03-CCAP",
// "RC_lot2", "AE lot 1", "Avis d'appel public"); else other.
DocumentKind document_kind(const document::Document& document);
// The kinds of piece a rule of document_rule_catalogue() applies to, from one table beside the
// catalogue (docs/check.md, « Quelles règles pour quelle pièce »). A piece of kind other stands for the
// CCAP when the documents checked together hold no CCAP: it is then checked with the CCAP's rules.
bool rule_applies(std::string_view rule, DocumentKind kind);

// Checks a set of documents of one consultation (one tender) at once: some findings are about one
// document (a wrong figure), others about the set (a lot whose hours no document states). Findings
// carry the document's path and the position of what they are about (document::position: the line
// and column of the mention in a text file, the paragraph in a Word or ODF one), and name the lot.
// Findings about a whole document (something missing) have position 0:0. The result is sorted
// (sort_diagnostics). `hours` may have no lots (a tender that could not be computed): the hour checks
// are then skipped and the others run. Each document is read by the rules its kind calls for
// (document_kind, rule_applies).
Diagnostics check_documents(const std::vector<document::Document>& documents, const tender::Tender& tender,
                            const hours::TenderResult& hours, const rules::RuleSet& rules);

}  // namespace clausier::check
