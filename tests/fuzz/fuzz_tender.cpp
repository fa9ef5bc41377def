// Fuzz target for the tender parser and everything downstream of it (resolve, hours, check).
// Built with -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry point; otherwise it is a normal
// test that replays the files given on its command line (the checked-in corpus and every example).
// Every diagnostic of the loader renders safely for a terminal (promises.hpp).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clausier/check/tender_checks.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/hours/target.hpp"
#include "clausier/tender/load.hpp"
#include "promises.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausier;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  tender::LoadResult loaded = tender::parse_tender(text, "fuzz.yaml");
  fuzz::check_rendered(loaded.diagnostics, SourceText("fuzz.yaml", std::string(text)));
  if (!loaded.tender) return 0;
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  tender::Resolution res = tender::resolve(*loaded.tender, rules);
  std::optional<hours::TenderResult> computed;
  if (loaded.ok() && res.ok()) computed = hours::compute(*loaded.tender, res);
  check::check_tender(*loaded.tender, res, rules, computed ? &*computed : nullptr);
  // The lot events downstream: the target of every lot on each of its events' dates and the day before.
  if (computed)
    for (const hours::LotResult& lot : computed->lots)
      for (const tender::Event& e : lot.lot->events) {
        (void)hours::target_at(lot, e.date.value);
        if (e.date.value > io::Date(1400, 1, 1)) (void)hours::target_at(lot, e.date.value - boost::gregorian::days(1));
      }
  return 0;
}
