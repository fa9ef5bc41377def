#pragma once
// Private to the spreadsheet readers (sheet.cpp, sheet_xlsx.cpp, sheet_ods.cpp): what they share.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../document/archive.hpp"
#include "clausier/core/diagnostic.hpp"
#include "clausier/io/sheet.hpp"
#include "sheet_xml.hpp"

namespace clausier::io::detail {

// The file being read, its limits, its diagnostics' wording, and what it has cost so far.
struct Context {
  std::string path;
  SheetLimits limits;
  std::size_t cells = 0;  // cells holding something, handed out so far (repeats expanded)
  bool exhausted = false; // past max_cells: no sheet is read any more

  Diagnostic error(std::string rule, std::string message, std::string hint = {}, Position pos = {}) const;
  // sheet-too-large: "<what> : classeur refusé".
  Diagnostic too_large(const std::string& what, Position pos = {}) const;
  // sheet-xml about a part, with the XML reason ("ligne 3, colonne 5 : ...").
  Diagnostic bad_part(const std::string& part, const std::string& reason) const;
  // sheet-xml about a cell or a row of a sheet; the message names the sheet.
  Diagnostic bad_cell(const std::string& sheet, int row, int column, const std::string& what) const;
};

// The wording of the archive's own diagnostics for a workbook.
const document::detail::ArchiveWording& sheet_wording();
document::Limits archive_limits(const SheetLimits& limits);

// Streams a part of the archive through an XML handler. False with a diagnostic when the part cannot be
// read, is not well-formed or declares a DOCTYPE; false without one when the handler stopped the parsing
// (it says why).
bool parse_part(document::detail::Archive& archive, const std::string& part, XmlHandler& handler,
                const Context& context, Diagnostics& diags);

// The rows of one sheet, built cell by cell by a format's reader and handed out.
class RowBuilder {
 public:
  RowBuilder(Context& context, std::string sheet_name, std::size_t sheet, const SheetRowHandler& handler,
             Diagnostics& diags);

  // Row `number` starts (the caller checks the order). A row is handed out when it ends.
  void begin(int number);
  // Puts the cell at `column` (after the previous one of the row), `repeat` times; false past a limit
  // (a diagnostic was recorded). An empty cell without formula is only counted as a position.
  bool put(int column, Cell& cell, int repeat = 1);
  // Ends the row, handed out `repeat` times as rows number, number + 1... when it holds something. False
  // when the handler wants no more rows of this sheet or past a limit (diagnostic recorded).
  bool end(int repeat = 1);

  int last_column() const { return last_column_; }
  bool failed() const { return failed_; }
  const std::string& sheet_name() const { return sheet_name_; }

 private:
  bool limit(const std::string& what, int column);
  bool too_many_cells(int column);

  Context& context_;
  std::string sheet_name_;
  std::size_t sheet_;
  const SheetRowHandler& handler_;
  Diagnostics& diags_;
  SheetRow row_;
  std::size_t used_ = 0;      // cells of row_ in use (the vector keeps its strings' memory between rows)
  std::size_t non_empty_ = 0; // of them, holding something
  int last_column_ = 0;
  bool failed_ = false;
};

// A decimal number as XML stores it ("105.5", "-1E-3"): finite, nothing around; nullopt otherwise.
std::optional<double> parse_xml_number(std::string_view text);
// An ISO date or date-time ("2027-04-15", "2027-04-15T10:30:00.5", a zone ignored) as a date serial.
std::optional<double> parse_iso_date(std::string_view text);
// Column letters ("C", "AA") as a number, and the digits after them as a row: "C12" → {3, 12}; the row
// is 0 when there are no digits. nullopt when malformed or past XFD / row 99 999 999.
struct CellReference {
  int column, row;
};
std::optional<CellReference> parse_cell_reference(std::string_view text);
// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's algorithm).
constexpr long days_from_civil(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
constexpr long serial_epoch = days_from_civil(1899, 12, 30);  // day 0 of date serials
// Appends text to a cell's text within max_text_size; false past it.
bool append_text(std::string& out, std::string_view text, std::size_t max);

}  // namespace clausier::io::detail

namespace clausier::io {

// A workbook being read; one subclass per format.
struct Workbook::Impl {
  detail::Context context;
  SheetFormat format = SheetFormat::xlsx;
  std::vector<SheetInfo> sheets;
  std::unique_ptr<document::detail::Archive> archive;

  virtual ~Impl() = default;
  // Reads every sheet (`only` absent) or one; false when a sheet stopped early.
  virtual bool read(std::optional<std::size_t> only, const SheetRowHandler& on_row, Diagnostics& diags) = 0;
};

}  // namespace clausier::io

namespace clausier::io::detail {

// The readers of each format, on an archive already checked to be of that format.
std::unique_ptr<Workbook::Impl> open_xlsx(Context context, std::unique_ptr<document::detail::Archive> archive,
                                          Diagnostics& diags);
std::unique_ptr<Workbook::Impl> open_ods(Context context, std::unique_ptr<document::detail::Archive> archive,
                                         Diagnostics& diags);

}  // namespace clausier::io::detail
