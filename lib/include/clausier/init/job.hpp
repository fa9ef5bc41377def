#pragma once
// `clausier init DIR` in one call: a new operation folder whose every file explains itself in French, and
// which the other tools accept as it is (`clausier check DIR` finds no error in it).
#include <string>
#include <vector>

#include "clausier/core/outcome.hpp"
#include "clausier/io/values.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::init {

using io::Date;

struct Job {
  std::string folder;  // DIR: must not exist, or be an empty folder
  std::string schema;  // the $schema of tender.yaml's first line: a path (relative to DIR) or a URL
  Date today;          // the example's dates follow it: notice date, execution period, statement month
};

// One file of the new folder: its path relative to the folder, and its content.
struct File {
  std::string path;
  std::string text;
};
// Every file of the new folder, in the order they are listed to the user (no file access):
// tender.yaml, participants.yaml, statements/modele-lot-1.csv (what `clausier track template` writes),
// LISEZ-MOI.md. The comments list the codes of `rules` (trades, eligibility criteria, situations).
std::vector<File> folder_files(const Job& job, const rules::RuleSet& rules);

// An existing DIR that is not an empty folder is a usage error and nothing is written. The files are
// written into a hidden folder beside DIR, renamed to DIR at the end: an io diagnostic (a missing parent
// folder, a full disk) leaves nothing behind. On success, `messages` says what was made and what next.
Outcome run(const Job& job, const rules::RuleSet& rules);

// The $schema tender.yaml names when none is given, for a program in `program_dir`: the installed
// schema (program_dir/../share/clausier/schemas/tender.schema.json) as an absolute path; else, for a
// program of a build folder inside the source tree, the tree's schemas/tender.schema.json, relative to
// DIR when DIR is inside the tree too (it then survives a move of the clone), absolute otherwise; else
// where the Debian package installs it.
std::string default_schema(const std::string& folder, const std::string& program_dir);

}  // namespace clausier::init
