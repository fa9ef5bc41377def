#pragma once
// An operation folder as tracking sees it: the tender and its hours, the participants, and every
// statement file (statements/*.csv in name order), or the files given explicitly.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/source.hpp"
#include "clausier/hours/batch.hpp"
#include "clausier/track/participants.hpp"
#include "clausier/track/statements.hpp"

namespace clausier::track {

struct OperationInputs {
  std::string operation;                    // folder (or tender file)
  std::optional<std::string> participants;  // default: participants.yaml, else participants.csv, in the folder
  std::vector<std::string> statements;      // default: the folder's statements/*.csv, in name order
};

struct Operation {
  hours::Batch batch;  // the tender and its computed hours (results has one entry when the tender is valid)
  Participants participants;
  Statements statements;                 // every row: files in name order, rows in file order
  Diagnostics diagnostics;               // everything to report (tender, participants, statements)
  std::deque<SourceText> sources;        // to show lines
  const hours::TenderResult* result() const { return batch.results.empty() ? nullptr : &batch.results.front(); }
  const SourceText* source_of(const std::string& path) const;
};

Operation load_operation(const OperationInputs& inputs, const rules::RuleSet& rules);

}  // namespace clausier::track
