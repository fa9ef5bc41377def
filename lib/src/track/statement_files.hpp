#pragma once
// The files of an operation folder that tracking reads (formats.md sections 1 and 5.1): the
// participants file, and the statements folder, where every table is read and anything else named.
#include <string>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::track {

struct StatementFiles {
  std::vector<std::string> tables;  // .csv, .xlsx, .ods, .xls (read, to say what to do), in name order
  Diagnostics notes;                // statement-not-read: each other file, named, not read
};
// The files of `folder` (statements/), none when it does not exist.
StatementFiles statement_files(const std::string& folder);

// The participants file of an operation folder: participants.yaml, else the first of participants.csv,
// .xlsx and .ods that exists, else participants.yaml (whose absence the reader reports).
std::string participants_file(const std::string& folder);

}  // namespace clausier::track
