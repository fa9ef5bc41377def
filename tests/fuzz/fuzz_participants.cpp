// Fuzz target for the participants reader, every form: each input is read as participants.yaml, .csv,
// .xlsx and .ods (a file that is not a zip, named .xlsx, is refused, never a crash). Built with
// -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry point; otherwise it is a normal test that replays
// its corpus. Beyond "no crash", a participant that is kept has a ref that is a pseudonym and an
// identifier, once; every diagnostic renders safely (promises.hpp).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "clausier/io/values.hpp"
#include "clausier/track/participants.hpp"
#include "promises.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausier;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const rules::RuleSet& rules = rules::RuleSet::builtin();
  for (const char* path : {"fuzz.yaml", "fuzz.csv", "fuzz.xlsx", "fuzz.ods"}) {
    track::ParticipantsResult r = track::parse_participants(text, path, rules);
    std::set<std::string> refs;
    for (const track::Participant& p : r.participants.list) {
      fuzz::require(track::personal_data_reason(p.ref).empty());
      fuzz::require(io::is_identifier(p.ref));
      fuzz::require(p.sex == "F" || p.sex == "M" || p.sex == "X");
      fuzz::require(p.birth_year >= 1900 && p.birth_year <= 2100);
      fuzz::require(!p.criteria.empty());
      refs.insert(p.ref);
      fuzz::require(r.participants.find(p.ref) != nullptr);
    }
    fuzz::check_rendered(r.diagnostics, SourceText(path, std::string(text)));
  }
  return 0;
}
