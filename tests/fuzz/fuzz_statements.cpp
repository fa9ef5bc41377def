// Fuzz target for the statement reader (read_statements, on top of io/table): each input is read as .csv,
// .xlsx and .ods, so the workbook paths run too (titles above the header, sheets passed over, a file that
// is not a zip refused, a row named Sheet!C12). Built with -DCLAUSIER_FUZZ=ON and clang, it is a
// libFuzzer entry point; otherwise it is a normal test that replays its corpus. Beyond "no crash", every
// row kept names a lot and a pseudonymous participant with finite, non-negative hours within the legal
// maximum, a file refused counts nothing, and every diagnostic renders safely (promises.hpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clausier/track/plausibility.hpp"
#include "clausier/track/statements.hpp"
#include "promises.hpp"

namespace {

void check(std::string_view text, const std::string& path) {
  using namespace clausier;
  track::Statements f;
  Diagnostics diagnostics = track::read_statements(text, path, f);
  fuzz::require(f.files.size() == f.sheets.size());
  for (const track::StatementRow& row : f.rows) {
    fuzz::require(row.file < f.files.size() && f.files[row.file] == path && row.line >= 1);
    fuzz::require(!f.lots[row.lot].empty() && !f.participants[row.participant].empty());
    fuzz::require(track::personal_data_reason(f.participants[row.participant]).empty());
    fuzz::require(std::isfinite(row.work_hours) && row.work_hours >= 0);
    fuzz::require(std::isfinite(row.training_hours) && row.training_hours >= 0);
    const track::Month m = track::Month::at(row.month);
    fuzz::require(m.month >= 1 && m.month <= 12);
    fuzz::require(!track::over_legal_maximum(row.work_hours + row.training_hours, m));  // formats.md 5.3
  }
  for (const track::UnreadableRow& u : f.unreadable)
    fuzz::require(u.line >= 1 && track::NotCounted{0, u.reason, 0}.unreadable());
  // A file the reader could not read to its end (refused past a limit, damaged, a quote never closed)
  // counts nothing, not its first rows (formats.md 5.1).
  const bool refused = std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error && (d.rule.starts_with("sheet-") || d.rule.starts_with("csv-"));
  });
  if (refused) fuzz::require(f.rows.empty() && f.unreadable.empty());
  const bool workbook = !path.ends_with(".csv");
  if (workbook && !text.starts_with("PK\x03\x04")) fuzz::require(f.rows.empty() && !diagnostics.empty());
  for (const Diagnostic& d : diagnostics)  // in a workbook a row is Sheet!C12, never a line of the file
    fuzz::require(!workbook || d.pos.line == 0 || !d.sheet.empty());
  fuzz::check_rendered(diagnostics, SourceText(path, std::string(text)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* path : {"fuzz.csv", "fuzz.xlsx", "fuzz.ods"}) check(text, path);
  return 0;
}
