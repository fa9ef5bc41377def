#pragma once
// What a draft consultation document (CCAP, RC, acte d'engagement, notice) must say, checked against
// the tender file and its computed hours: hours per lot in digits and in French words, current legal
// references that fit each lot's clause type, the CCAG 2021 minimum content of an insertion clause,
// penalties, and the Climate and Resilience obligation. Rule ids are documented in docs/check.md.
#include <span>
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
// doc-penalty-missing, doc-penalty-rate, doc-climate-social-consideration. All are errors.
// How hours are found: lib/src/check/hour_statements.hpp; how a place is attributed to a lot:
// lib/src/check/document_view.hpp; the decisions each rule makes: the head of
// lib/src/check/document_checks.cpp.
std::span<const RuleInfo> document_rule_catalogue();

// Checks a set of documents of one consultation (one tender) at once: some findings are about one
// document (a wrong figure), others about the set (a lot whose hours no document states). Findings
// carry the document's path and the position of what they are about (document::position: the line
// and column of the mention in a text file, the paragraph in a Word or ODF one), and name the lot.
// Findings about a whole document (something missing) have position 0:0. The result is sorted
// (sort_diagnostics). `hours` may have no lots (a tender that could not be computed): the hour checks
// are then skipped and the others run.
Diagnostics check_documents(const std::vector<document::Document>& documents, const tender::Tender& tender,
                            const hours::TenderResult& hours, const rules::RuleSet& rules);

}  // namespace clausier::check
