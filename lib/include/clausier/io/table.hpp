#pragma once
// Tables of text fields, from a CSV file or a spreadsheet (formats.md sections 5 and 5.1), row by row:
// the one interface the statement and participant readers read, whatever the file a company sent.
//
// A CSV file is one table, its first row the header. A workbook (.xlsx, .ods) holds one table per
// sheet whose header row, among its first 10 rows holding something, names the columns the reader
// needs (TableSpec::is_header): the title above it is passed over; a sheet with no such row (the
// instructions, a cover page, a hidden list of codes) is named in a note (sheet-no-header) and not
// read; a workbook with no table at all is an input error (sheet-no-table). A cell reaches the reader
// as the text a CSV export of it holds (io::cell_text: "105.5", a date "2027-04-01"), so the readers
// parse both alike; its position is its sheet, row and column (etat.xlsx:Heures!C12).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/io/csv.hpp"

namespace clausier::io {

enum class TableFormat { csv, xlsx, ods, xls };
// The format a file's extension names (case-insensitive): .xlsx, .ods, .xls (read to say it is one),
// anything else is CSV (.csv, .txt...).
TableFormat table_format_of(std::string_view path);
// Whether a file of a statements folder is a table the readers read (.csv, .xlsx, .ods, .xls), not a
// stray document (.pdf, .docx...).
bool is_table_file(std::string_view path);

struct TableRow {
  int line = 0;                     // CSV: the physical line where the row starts; a sheet: its row number
  std::vector<std::string> fields;  // UTF-8 texts; field i is column i + 1 of a sheet (A, B...)
  // A sheet's formula never calculated (a workbook written by a script) has an empty field though its
  // cell is not empty: uncalculated[i] says so for field i (none in a CSV).
  std::vector<bool> uncalculated;
  bool is_uncalculated(std::size_t i) const { return i < uncalculated.size() && uncalculated[i]; }
};

// The table being read, for the reader's diagnostics.
class TableSource {
 public:
  virtual ~TableSource() = default;
  const std::string& path() const { return path_; }
  const std::string& sheet() const { return sheet_; }  // the sheet being read; empty for a CSV
  const std::vector<std::string>& header() const { return header_; }
  int header_line() const { return header_line_; }
  // Where field `index` of `row` is: a CSV's line and character column, a sheet's row and column.
  virtual Position position(const TableRow& row, std::size_t index) const = 0;
  // A diagnostic about this table at `pos` (its path and sheet set).
  Diagnostic diagnostic(std::string rule, Severity severity, Position pos, std::string message,
                        std::string hint = {}) const;

 protected:
  std::string path_, sheet_;
  std::vector<std::string> header_;
  int header_line_ = 0;
};

struct TableSpec {
  // Whether a sheet's row is the header (it holds the required columns). A CSV's first row is its
  // header whatever it holds: the reader says which columns it lacks.
  std::function<bool(const std::vector<std::string>& fields)> is_header;
  std::string what;      // what a table holds, for messages: "relevé d'heures"
  std::string expected;  // the header expected, for the hint: "lot;participant;mois;…"
  FieldPeek peek;        // a CSV's field handed over before its row (none from a sheet: its rows are short)
};

// Called at the header of each table (a CSV's, each sheet's that has one), before its rows.
using TableHeaderHandler = std::function<void(const TableSource& table)>;
// Called for each row after the header that holds something. The row is reused: move out what you keep.
using TableRowHandler = std::function<void(const TableSource& table, TableRow& row)>;

// Reads the file in `bytes` by the format its path names; returns what could not be read (csv-…,
// sheet-… diagnostics: an .xls, a protected workbook, a content that does not match the extension…)
// and the notes of sheets passed over. An exception from a handler comes out of here.
Diagnostics for_each_table_row(std::string_view bytes, const std::string& path, const TableSpec& spec,
                               const TableHeaderHandler& on_header, const TableRowHandler& on_row);

// A file the reader stopped in keeps nothing of what was read before the error (statements, participants):
// each error of `read` says so before its own hint — `nothing` ("aucune ligne de ce fichier ne compte"),
// followed by ", pas même <one>" when one thing had been read ("la ligne lue avant l'erreur"), or
// ", pas même les N <many>" when N > 1 had ("lignes lues avant l'erreur"), N written the French way.
struct ReadBefore {
  std::string_view one, many;
};
void say_nothing_kept(Diagnostics& read, std::string_view nothing, std::size_t count, ReadBefore read_before);

}  // namespace clausier::io
