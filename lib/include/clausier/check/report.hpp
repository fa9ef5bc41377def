#pragma once
// `clausier check` over many files or operation folders, with the draft documents of the consultation
// (DCE) when given, and its renderings: text, JSON, SARIF 2.1.0 and GitHub workflow commands.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "clausier/check/document_checks.hpp"
#include "clausier/check/tender_checks.hpp"
#include "clausier/core/diagnostic.hpp"
#include "clausier/core/source.hpp"
#include "clausier/document/read.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::check {

// One draft document (CCAP, RC, acte d'engagement…) checked against its tender file.
struct DocumentResult {
  std::string path;                        // as given with --doc, or FOLDER/dce/NAME
  std::optional<document::Format> format;  // from the extension; absent when not a format Clausier reads
  std::optional<DocumentKind> kind;        // CCAP, RC… (document_kind); absent when the file was not read
  bool checked = false;                    // compared with the tender (false: unreadable, or tender unusable)
  std::optional<SourceText> source;        // text formats (md, txt, html): the text, to show the line
  Diagnostics diagnostics;                 // sorted
};

// Word and ODF documents have paragraph numbers where text files have lines: a diagnostic of such a
// document has pos.line = paragraph number and pos.column = 0 (document::position).
bool has_paragraph_positions(const DocumentResult& d);

struct FileResult {
  std::string path;                  // the tender file
  std::optional<std::string> tender_id;
  std::optional<SourceText> source;  // for showing lines; absent when unreadable
  Diagnostics diagnostics;           // sorted: the tender file's, and notes about its dce/ folder
  std::vector<DocumentResult> documents;  // in the order given, or dce/ in name order
};

// A tender file or operation folder. When `argument` is a folder holding a readable tender.yaml and a
// dce/ subfolder, every .docx, .odt, .md, .txt and .html file of dce/ is checked too, in name order
// (hidden files and Word lock files "~$…" are skipped; any other file gets a note). `documents`, when
// not empty, replaces that search. Documents are compared with the tender only when it is valid and its
// hours compute; otherwise they are still read (to report unreadable ones) and each gets a note.
FileResult check_file(const std::string& argument, const rules::RuleSet& rules);
FileResult check_file(const std::string& argument, const std::vector<std::string>& documents,
                      const rules::RuleSet& rules);

// The rules of reading a document (document-format, document-archive…) and those this report adds
// about the document set (documents-unchecked, dce-…), for SARIF and the documentation;
// check_documents' own rules are in document_rule_catalogue().
std::span<const RuleInfo> report_rule_catalogue();

struct RenderOptions {
  bool show_source = true;   // the offending line and a caret under each text diagnostic
  bool errors_only = false;  // --quiet: the errors (is_error) only, and no summary line
};
// Diagnostics, then one summary line: "3 fichiers vérifiés : 1 erreur, 0 avertissement, 0 remarque"
// ("1 fichier et 2 pièces vérifiés : …" when documents were given). With errors_only, nothing at all
// when there is no error.
std::string render_text(const std::vector<FileResult>& files, const RenderOptions& options);
// {"format": "clausier/check/1", "rules": {...}, "files": [...], "summary": {...}}; a file with documents
// also has "documents": [{"path", "format", "kind", "checked", "findings"}] and the summary a "documents" count.
std::string render_json(const std::vector<FileResult>& files, const rules::RuleSet& rules);
// SARIF 2.1.0, for code-scanning tools (GitHub code scanning, GitLab, IDE viewers): one run, every rule
// of the catalogues, one result per diagnostic with its file relative to %SRCROOT%.
std::string render_sarif(const std::vector<FileResult>& files, const rules::RuleSet& rules);
// GitHub Actions workflow commands ("::error file=…,line=…::message"), one per diagnostic, then the
// summary line of render_text: GitHub turns them into annotations on the pull request.
std::string render_github(const std::vector<FileResult>& files);

int exit_code(const std::vector<FileResult>& files);

// Every diagnostic of the files and of their documents, in output order.
Diagnostics all_diagnostics(const std::vector<FileResult>& files);
// The last line of the text output (and of render_github's), with its newline.
std::string summary_line(const std::vector<FileResult>& files);

}  // namespace clausier::check
