// Fuzz target for user rule files (the --rules loader, RuleSet::add_file) on top of the built-in tables.
// Built with -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry point; otherwise it is a normal test
// that replays its corpus. Beyond "no crash": a file with problems changes nothing the lookups see, the
// version says a user file was added, and every diagnostic renders safely (promises.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clausier/rules/rules.hpp"
#include "promises.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausier;
  static const rules::RuleSet& builtin = []() -> const rules::RuleSet& {
    const rules::RuleSet& set = rules::RuleSet::builtin();
    set.parse_all();
    return set;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  rules::RuleSet set = builtin;
  Diagnostics diags = set.add_file("fuzz.yaml", text);
  for (const Diagnostic& d : diags) fuzz::require(d.path == "fuzz.yaml" && d.category != Category::finding);
  fuzz::require(set.version().ends_with("+user"));
  fuzz::require(set.sha256().size() == 64);
  for (const std::string& trade : set.trades()) fuzz::require(set.labour_share(trade) != nullptr);
  for (const auto& c : set.eligibility_criteria()) fuzz::require(set.criterion(c.code) != nullptr);
  fuzz::check_rendered(diags, SourceText("fuzz.yaml", std::string(text)));
  return 0;
}
