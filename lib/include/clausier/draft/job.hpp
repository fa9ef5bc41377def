#pragma once
// `clausier draft` in one call: the clause documents of one operation in one format, or the templates
// exported as a starting point, or the list of the variables templates can use.
#include <optional>
#include <string>
#include <string_view>

#include "clausier/core/outcome.hpp"
#include "clausier/draft/documents.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::draft {

enum class Format { md, txt, html, docx };
std::optional<Format> format_named(std::string_view name);      // "md", "txt", "html", "docx"
std::optional<DocumentKind> kind_named(std::string_view name);  // the names of name(DocumentKind)

struct Job {
  std::string input;             // tender file or operation folder (unused by the two below)
  std::string export_templates;  // --export-templates DIR: write the templates there, and stop
  bool list_variables = false;   // --variables: list the model's variables, and stop
  std::string templates;         // --templates DIR: templates that replace the built-in ones
  DocumentKind kind = DocumentKind::all;
  Format format = Format::md;
  std::string output;            // -o FILE; empty or "-": standard output (docx: -o FILE, or -o - redirected)
  ModelOptions model;            // --lot, --spelling
  bool stdout_is_terminal = false;
};

// A lot the tender does not have, or docx without -o or to a terminal, is a usage error
// (binary_output_error).
Outcome run(const Job& job, const rules::RuleSet& rules);

}  // namespace clausier::draft
