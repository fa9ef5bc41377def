// Fuzz target for the spreadsheet reader (io::Workbook): the same bytes are opened as .xlsx and as .ods,
// with small limits so that a zip bomb or a huge repeat costs little, and every row is read. Built
// with -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry point; otherwise it is a normal test that
// replays the files and folders given on its command line. Beyond "no crash", it checks what callers
// rely on; a broken promise aborts.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clausier/core/text.hpp"
#include "clausier/io/sheet.hpp"

namespace {

void require(bool promise) {
  if (!promise) std::abort();
}

bool known_rule(const std::string& rule) {
  return rule == "sheet-xls" || rule == "sheet-encrypted" || rule == "sheet-content-mismatch" ||
         rule == "sheet-archive" || rule == "sheet-xml" || rule == "sheet-too-large";
}

void check_diagnostics(const clausier::Diagnostics& diags, const std::string& path) {
  for (const clausier::Diagnostic& d : diags) {
    require(known_rule(d.rule));
    require(d.category == clausier::Category::input && d.severity == clausier::Severity::error);
    require(d.path == path);
    require(!d.message.empty() && clausier::is_valid_utf8(d.message) && clausier::is_valid_utf8(d.hint));
    require(d.pos.line >= 0 && d.pos.column >= 0);
  }
}

void check_cell(const clausier::io::Cell& cell) {
  using clausier::io::CellType;
  require(std::isfinite(cell.number));
  switch (cell.type) {
    case CellType::empty: require(cell.text.empty() && cell.number == 0); break;
    case CellType::text:
    case CellType::error: require(!cell.text.empty() && clausier::is_valid_utf8(cell.text)); break;
    case CellType::boolean: require(cell.number == 0 || cell.number == 1); break;
    case CellType::number:
    case CellType::date: require(cell.text.empty()); break;
  }
  require(clausier::is_valid_utf8(clausier::io::cell_text(cell)));
}

void check(std::string_view bytes, clausier::io::SheetFormat format) {
  using namespace clausier::io;
  SheetLimits limits;
  limits.max_file_size = 1u << 20;
  limits.max_entries = 64;
  limits.max_part_size = 4u << 20;
  limits.max_total_size = 8u << 20;
  limits.max_shared_strings = 1u << 20;
  limits.max_cells = 20000;
  limits.max_rows = 5000;
  limits.max_columns = 200;
  limits.max_text_size = 4096;
  limits.max_sheets = 16;
  const std::string path = "fuzz" + std::string(extension(format));
  clausier::Diagnostics diags;
  std::unique_ptr<Workbook> book = Workbook::open(bytes, format, path, diags, limits);
  check_diagnostics(diags, path);
  if (!book) {
    require(!diags.empty());  // nothing refused silently
    return;
  }
  require(diags.empty() && book->format() == format);
  std::size_t cells = 0, last_sheet = 0;
  int last_row = 0;
  const bool ok = book->read_rows(
      [&](std::size_t sheet, SheetRow& row) {
        require(sheet < book->sheets().size() && sheet >= last_sheet);
        if (sheet != last_sheet) last_row = 0;
        last_sheet = sheet;
        require(row.number > last_row && row.number <= limits.max_rows);  // rows in order, within the limit
        last_row = row.number;
        require(!row.cells.empty() && row.cells.size() <= static_cast<std::size_t>(limits.max_columns));
        const Cell& last = row.cells.back();
        require(last.type != CellType::empty || last.formula);  // up to the last cell holding something
        for (const Cell& cell : row.cells) {
          check_cell(cell);
          if (cell.type != CellType::empty || cell.formula) ++cells;
        }
        return true;
      },
      diags);
  require(ok == diags.empty());
  check_diagnostics(diags, path);
  require(cells <= limits.max_cells);
  for (const SheetInfo& sheet : book->sheets()) require(clausier::is_valid_utf8(sheet.name));
  require(book->sheets().size() <= static_cast<std::size_t>(limits.max_sheets));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes, clausier::io::SheetFormat::xlsx);
  check(bytes, clausier::io::SheetFormat::ods);
  return 0;
}
