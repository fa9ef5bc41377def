#include "clausier/hours/batch.hpp"

#include <algorithm>

#include "clausier/tender/load.hpp"

namespace clausier::hours {

const SourceText* Batch::source_of(const std::string& path) const {
  auto it = std::find_if(sources.begin(), sources.end(), [&](const SourceText& s) { return s.path() == path; });
  return it == sources.end() ? nullptr : &*it;
}

Batch compute_files(const std::vector<std::string>& arguments, const rules::RuleSet& rules,
                    const std::vector<tender::Override>& overrides) {
  Batch batch;
  Diagnostics all;
  for (const auto& argument : arguments) {
    tender::LoadedFile loaded = tender::load_tender(argument);
    std::string path = tender::tender_path(argument);
    Diagnostics diags = loaded.result.diagnostics;
    if (loaded.result.ok()) {
      batch.tenders.push_back(std::move(*loaded.result.tender));
      tender::Resolution res = tender::resolve(batch.tenders.back(), rules, overrides);
      if (res.ok()) {
        batch.results.push_back(compute(batch.tenders.back(), res, overrides));
        continue;
      }
      diags = res.diagnostics;
      batch.tenders.pop_back();
    }
    all.insert(all.end(), diags.begin(), diags.end());
    if (loaded.source) batch.sources.push_back(std::move(*loaded.source));
    batch.failures.push_back({path, std::move(diags)});
  }
  batch.exit_code = exit_code_for(all);
  return batch;
}

}  // namespace clausier::hours
