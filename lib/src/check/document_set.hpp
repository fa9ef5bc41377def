#pragma once
// Private to the document checks: the documents of one `check --doc` run, read once, with what every
// group of rules asks of them and where their findings go; and the groups of rules, one file each:
// document_hours.cpp (hours), document_legal.cpp (legal references), document_content.cpp (CCAG 2021
// minimum content, penalties, Climate and Resilience), document_pieces.cpp (what an RC and a notice
// must say). document_checks.cpp runs them in order, each on the kinds of piece it reads.
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/check/document_checks.hpp"
#include "clausier/core/diagnostic.hpp"
#include "clausier/document/read.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/tender/model.hpp"
#include "document_view.hpp"
#include "hour_statements.hpp"

namespace clausier::check::detail {

class DocumentSet {
 public:
  DocumentSet(const std::vector<document::Document>& documents, const tender::Tender& tender,
              const hours::TenderResult& hours, const rules::RuleSet& rules, Diagnostics& out);

  const std::vector<document::Document>& docs;
  const tender::Tender& tender;
  const hours::TenderResult& hours;
  const rules::RuleSet& rules;
  std::vector<DocumentView> views;                          // one per document
  std::vector<std::vector<HourStatement>> statements;       // one list per document
  std::vector<std::vector<PercentStatement>> percents;      // one list per document
  std::vector<DocumentKind> kinds;  // what each document is (document_kind)
  std::vector<DocumentKind> roles;  // what it is read as: its kind, or ccap for a piece of kind other
                                    // when the set holds no CCAP

  // The rule reads document `doc` (rule_applies to its role).
  bool reads(std::string_view rule, std::size_t doc) const;
  // The documents the rule reads, in order.
  std::vector<std::size_t> readers(std::string_view rule) const;

  // A finding of `rule` (an id of the catalogue) on document `doc`.
  void add(std::string_view rule, std::size_t doc, Position pos, std::string message, std::string hint);
  // Where byte `offset` of a paragraph's text stands: line and column in a text file, the paragraph
  // number in a Word or ODF one (document::position).
  Position position(std::size_t doc, std::size_t paragraph, std::size_t offset = 0) const;
  // "ligne 12", "paragraphe 4, sous « … »" (document::describe).
  std::string where(std::size_t doc, std::size_t paragraph) const;
  const hours::LotResult* result(const tender::Lot* lot) const;
  // The lot has a clause that is set: a clause, and hours whose status is ok (or not computed).
  bool clause_set(const tender::Lot& lot) const;
  bool any_clause() const;

 private:
  Diagnostics& out_;
  std::map<const tender::Lot*, const hours::LotResult*> results_;
};

// Two figures of hours are the same (hours have at most 6 decimals).
inline bool same_figure(double a, double b) { return std::fabs(a - b) < 1e-6; }

// ---- Hours (document_hours.cpp) ----
// doc-hours-mismatch, doc-hours-words-digits: the statements of one document.
void check_hours(DocumentSet& set, std::size_t d);
// doc-hours-missing: a lot with a clause that no document of the set states, judged by `readers`
// (a CCAP for every lot, an acte d'engagement for the lots it names).
void check_missing_hours(DocumentSet& set, const std::vector<std::size_t>& readers);

// ---- Legal references (document_legal.cpp) ----
// doc-legal-obsolete and doc-legal-clause-mismatch, document by document, with the legal table
// indexed once.
class LegalChecks {
 public:
  explicit LegalChecks(DocumentSet& set);
  void obsolete(std::size_t d);
  void clause_mismatch(std::size_t d);

 private:
  struct Literal;
  struct Cited;
  std::vector<Literal> literal_rows(std::string_view folded) const;
  void report_obsolete(std::size_t d, std::size_t i, std::size_t offset, const std::string& written,
                       const rules::LegalReference& row);
  std::vector<Cited> citations(std::size_t d) const;
  std::vector<const rules::LegalReference*> bases(const std::vector<std::string>& kinds) const;

  DocumentSet& set_;
  std::map<std::pair<int, int>, const rules::LegalReference*> old_rows_;  // (source, article)
  std::map<std::string, const rules::LegalReference*> code_rows_;         // "L2112-2"
  std::vector<std::pair<std::string, const rules::LegalReference*>> literal_patterns_;  // folded citation, short name
};

// ---- Content of a CCAP (document_content.cpp) ----
// doc-ccag-scope, doc-ccag-facilitator, doc-ccag-publics, doc-ccag-volume over `docs`, reported on `report_on`.
void check_ccag(DocumentSet& set, const std::vector<std::size_t>& docs, std::size_t report_on);
// doc-penalty-missing: no penalty per hour in `docs`, reported on `report_on`.
void check_penalty_missing(DocumentSet& set, const std::vector<std::size_t>& docs, std::size_t report_on);
// doc-penalty-rate: the first amount per hour of document `d` that differs from the tender's.
void check_penalty_rate(DocumentSet& set, std::size_t d);
// doc-climate-social-consideration, over the whole set.
void check_climate(DocumentSet& set, std::size_t report_on);

// ---- What an RC and a notice must say (document_pieces.cpp) ----
// doc-award-criterion: each lot's award criterion, announced with its weight, in document `d`.
void check_award_criterion(DocumentSet& set, std::size_t d);
// doc-notice-reservation: each reserved lot said reserved in document `d`.
void check_notice_reservation(DocumentSet& set, std::size_t d);

}  // namespace clausier::check::detail
