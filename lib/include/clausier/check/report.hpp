#pragma once
// `clausier check` over many files or operation folders, and its text and JSON renderings.
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/source.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::check {

struct FileResult {
  std::string path;                  // the tender file
  std::optional<std::string> tender_id;
  std::optional<SourceText> source;  // for showing lines; absent when unreadable
  Diagnostics diagnostics;           // sorted
};

FileResult check_file(const std::string& argument, const rules::RuleSet& rules);

struct RenderOptions {
  bool show_source = true;  // the offending line and a caret under each text diagnostic
};
// Diagnostics, then one summary line: "3 fichiers vérifiés : 1 erreur, 0 avertissement, 0 remarque".
std::string render_text(const std::vector<FileResult>& files, const RenderOptions& options);
// {"format": "clausier/check/1", "rules": {...}, "files": [...], "summary": {...}}
std::string render_json(const std::vector<FileResult>& files, const rules::RuleSet& rules);

int exit_code(const std::vector<FileResult>& files);

}  // namespace clausier::check
