#pragma once
// Many operations in one call: each file is loaded, resolved and computed on its own, so an error
// in one does not hide the results of the others.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/source.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/hours/render.hpp"

namespace clausier::hours {

struct Batch {
  std::deque<tender::Tender> tenders;  // stable addresses: results point into them
  std::vector<TenderResult> results;
  std::vector<Failure> failures;
  std::deque<SourceText> sources;      // of the failed files, to show their lines
  int exit_code = 0;                   // 3 (unreadable) > 2 (invalid) > 0
  const SourceText* source_of(const std::string& path) const;
};

Batch compute_files(const std::vector<std::string>& arguments, const rules::RuleSet& rules,
                    const std::vector<tender::Override>& overrides);

}  // namespace clausier::hours
