#pragma once
// Spreadsheets as companies send them (formats.md section 5.1): Excel workbooks (.xlsx) and
// LibreOffice/OpenDocument spreadsheets (.ods), read from memory, sheet by sheet and row by row, each
// cell with its position and the type the spreadsheet stores (number, text, date, boolean, error; a
// formula's cached value). Rows are handed out one at a time, like io::for_each_csv_row: a workbook of
// a million rows is never held, neither its cells nor its XML.
//
// What is refused, each with a French message saying what to do and a stable rule id (category input):
//   sheet-xls               an Excel 97-2003 workbook (.xls, an OLE2 compound file): save it as .xlsx
//   sheet-encrypted         a workbook protected by a password (Excel's encrypted OLE2 container, an
//                           .ods with encrypted parts, zip encryption): save it without a password
//   sheet-content-mismatch  the content is not what the extension says (a CSV, a PDF, an HTML page or a
//                           Word document named .xlsx, an .ods named .xlsx...): rename or save it again
//   sheet-archive           a zip that cannot be read (truncated, damaged, a part missing)
//   sheet-xml               an XML part that is not well-formed, declares a DOCTYPE (entities), or
//                           breaks the structure of the format (rows out of order, a bad cell reference)
//   sheet-too-large         past one of the Limits below (zip bomb, too many entries, cells, rows...)
// A problem in a sheet stops that sheet only: the rows before it were handed out, the other sheets
// are read (io::for_each_table_row's readers then count nothing of the file: track/statements.cpp).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::io {

enum class SheetFormat { xlsx, ods };

// The format a path's extension names (case-insensitive), or nullopt for any other extension.
std::optional<SheetFormat> sheet_format_of(std::string_view path);
std::string_view extension(SheetFormat format);  // ".xlsx", ".ods"

// Every limit is checked before the memory or time it guards is spent: sizes as the zip declares them,
// then as the bytes inflate, chunk by chunk; cells and rows before they are built (a repeat of an .ods
// is counted before it is expanded). The defaults let through a workbook of a million rows of
// statements (a 200 000-row .ods is 207 MB of XML, compressed 50 times; rows all alike, 220 times);
// a real file stays far below each. Past a limit, the diagnostic is sheet-too-large; past max_cells,
// no further sheet is read.
struct SheetLimits {
  std::size_t max_file_size = 64u << 20;        // bytes of the file
  std::size_t max_entries = 10000;              // entries in the zip
  std::size_t max_part_size = 2048u << 20;      // decompressed bytes of one XML part (streamed, never held)
  std::size_t max_total_size = 2048u << 20;     // decompressed bytes of every part read, together
  double max_ratio = 500;                       // decompressed ÷ compressed, per part past 1 MB
  std::size_t max_shared_strings = 128u << 20;  // bytes of the .xlsx shared strings table (held in memory)
  std::size_t max_cells = 20'000'000;           // cells holding something, repeats expanded, whole workbook
  int max_rows = 1'048'576;                     // the last row that may hold something (Excel's and Calc's)
  int max_columns = 16'384;                     // the last column that may hold something (XFD)
  // Times an .ods row holding something may be repeated (table:number-rows-repeated). A sheet filled by
  // hand has two or three identical rows at most (read as such: the reader says they are duplicates);
  // one row repeated a million times is a 1 kB file that would hand out a million rows.
  int max_row_repeat = 100;
  std::size_t max_text_size = 128u << 10;       // bytes of one cell's text (Excel: 32 767 characters)
  int max_sheets = 1'000;
};

enum class CellType { empty, number, text, boolean, date, error };
std::string_view name(CellType type);  // "empty", "number", "text", "boolean", "date", "error"

struct Cell {
  CellType type = CellType::empty;
  // number: its value; date: days since 1899-12-30 (Excel's and Calc's serial, the 1904 system
  // converted), the fraction is the time of day; boolean: 1 or 0.
  double number = 0;
  std::string text;      // text: UTF-8, never empty (an empty text is an empty cell); error: "#N/A", "#DIV/0!"...
  bool formula = false;  // a formula: the value above is its cached result (empty if never calculated,
                         // as openpyxl writes them)
};

struct SheetRow {
  int number = 0;           // 1-based row number, as the spreadsheet shows it (hidden rows count)
  std::vector<Cell> cells;  // cells[i] is column i + 1 (A), up to the last cell holding something or a formula
};

struct SheetInfo {
  std::string name;
  bool hidden = false;  // hidden or "very hidden" (Excel), or not displayed (Calc)
};

// Called for each row that holds a cell with something (or a formula), sheets in workbook order, rows
// in order. The row is reused for the next one: move out what you keep. Return false to skip the rest
// of this sheet (its instructions, once you know it has no header). An exception stops the reading and
// comes out of read_rows.
using SheetRowHandler = std::function<bool(std::size_t sheet, SheetRow& row)>;

class Workbook {
 public:
  // The workbook in `bytes` (which must outlive it) as `expected` (from the extension), or nullptr with
  // the diagnostics that say why. Reads the list of sheets (and, for .xlsx, the styles and the shared
  // strings); the rows are read by read_rows. `path` names the file in diagnostics.
  static std::unique_ptr<Workbook> open(std::string_view bytes, SheetFormat expected, const std::string& path,
                                        Diagnostics& diags, const SheetLimits& limits = {});
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  SheetFormat format() const;
  // The sheets, in workbook order. An .xlsx lists them on open; an .ods keeps them in the same part as
  // their cells, so its list grows as read_rows reads it (during it, the sheet of the row being handed
  // out is always there) and is complete once read_rows has run.
  const std::vector<SheetInfo>& sheets() const;

  // The rows of every sheet (or of one), in one pass over the file. False when a sheet could not be
  // read to its end: its diagnostics say where (pos = the row and column, when known; the message names
  // the sheet); the rows before were handed out and the other sheets are read.
  bool read_rows(const SheetRowHandler& on_row, Diagnostics& diags);
  bool read_rows(std::size_t sheet, const SheetRowHandler& on_row, Diagnostics& diags);

  struct Impl;

 private:
  explicit Workbook(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "A", "Z", "AA", "XFD" for columns 1, 26, 27, 16384.
std::string column_name(int column);
// "C12": the cell at row 12, column 3.
std::string cell_name(int row, int column);
// "etat.xlsx:Heures!C12", the position of a cell in a message (formats.md 5.1); column 0: "etat.xlsx:Heures!12".
std::string cell_position(std::string_view path, std::string_view sheet, int row, int column);

// A cell as the text a CSV export of it would hold, so that a reader of CSV fields reads a sheet the
// same way: numbers in the shortest form that reads back exactly, with a point ("105.5", "1", never an
// exponent); dates as ISO "2027-04-15" (with "T10:30:00" when they hold a time, to the second, never
// the next day; a serial outside the calendar, a time of day alone, as its number); booleans "VRAI" or
// "FAUX", as a French Calc exports them; errors their code; an empty cell "".
std::string cell_text(const Cell& cell);
// The calendar date of a date serial (days since 1899-12-30), nullopt outside years 1900 to 9999.
struct CivilDate {
  int year, month, day;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};
std::optional<CivilDate> civil_date(double serial);

}  // namespace clausier::io
