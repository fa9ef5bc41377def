// Fuzz target for the statement reader (read_statements, on top of the CSV reader). Built with
// -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry point; otherwise it is a normal test that replays
// its corpus. Beyond "no crash", every row kept names a lot and a pseudonymous participant with finite,
// non-negative hours, and every diagnostic renders safely (promises.hpp).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clausier/track/statements.hpp"
#include "promises.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausier;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  track::Statements f;
  Diagnostics diagnostics = track::read_statements(text, "fuzz.csv", f);
  for (const track::StatementRow& row : f.rows) {
    fuzz::require(row.file < f.files.size() && f.files[row.file] == "fuzz.csv" && row.line >= 1);
    fuzz::require(!f.lots[row.lot].empty() && !f.participants[row.participant].empty());
    fuzz::require(track::personal_data_reason(f.participants[row.participant]).empty());
    fuzz::require(std::isfinite(row.work_hours) && row.work_hours >= 0);
    fuzz::require(std::isfinite(row.training_hours) && row.training_hours >= 0);
    const track::Month m = track::Month::at(row.month);
    fuzz::require(m.month >= 1 && m.month <= 12);
  }
  for (const track::UnreadableRow& u : f.unreadable)
    fuzz::require(u.line >= 1 && (u.reason == track::Reason::invalid_row || u.reason == track::Reason::personal_data));
  fuzz::check_rendered(diagnostics, SourceText("fuzz.csv", std::string(text)));
  return 0;
}
