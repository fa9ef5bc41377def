#pragma once
// CSV files as French spreadsheets export them (formats.md section 5): `;`, `,` or tab separators,
// UTF-8 with or without BOM or Windows-1252, CRLF or LF, quoted fields over several lines.
// libcsv splits the fields; this module detects the dialect and keeps the physical line of each row.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::io {

struct CsvRow {
  int line = 0;                     // 1-based physical line where the row starts (quoted fields may span lines)
  std::size_t offset = 0;           // byte offset of the row in the file's text (UTF-8, BOM removed)
  std::vector<std::string> fields;  // UTF-8; unquoted fields lose their surrounding spaces and tabs, quoted ones
                                    // are kept as written between their quotes
};

struct CsvTable {
  std::vector<std::string> header;  // the first row that is not blank, as written
  int header_line = 0;              // its physical line, for diagnostics about a missing column
  std::vector<CsvRow> rows;         // data rows; blank lines and rows of empty fields only are skipped
  char separator = ';';             // detected: ';', ',' or '\t'
  std::string encoding;             // "utf-8", "utf-8 (BOM)", "windows-1252", "utf-16 (BOM)",
                                    // "utf-16le (sans BOM)" or "utf-16be (sans BOM)"
  // The file's text as UTF-8, while for_each_csv_row calls its handler (for csv_field_position);
  // empty once the reading is over.
  std::string_view text;
};

// Where field `index` of a row starts: its physical line and character column in the file (after the
// blanks before it; at the quote of a quoted field), for a diagnostic that points at the faulty field.
// Inside a for_each_csv_row handler only; {row.line, 1} once the text is gone or the row is shorter.
// Replays the row: meant for the error path, not for every field of every row.
Position csv_field_position(const CsvTable& table, const CsvRow& row, std::size_t index);

struct CsvResult {
  std::optional<CsvTable> table;  // absent when there is no header (csv-empty) or the header cannot be read
  Diagnostics diagnostics;        // "csv-syntax", "csv-empty" (category input), with path and position
};

// Reads the bytes of a CSV file.
// - Encoding: a UTF-8 BOM is removed (invalid sequences after it become U+FFFD); without a BOM, bytes
//   that are not valid UTF-8 are read as Windows-1252 (its five unassigned bytes become U+FFFD);
//   a UTF-16 BOM (Excel's "Texte Unicode") converts from UTF-16; so does UTF-16 without a BOM, recognised
//   by its NUL bytes (one in each pair, always on the same side, in the first 512 bytes).
// - Separator: the one of ';', ',' and '\t' that occurs most outside quotes on the header line
//   (the first line holding something else than blanks and separators); ';' on a tie.
// - Lines end with LF, CRLF or a lone CR; quoted fields hold separators, "" escapes and line breaks.
// - A row with another number of fields than the header is kept as is: the caller reports it.
// - An opening quote never closed is csv-syntax at the quote's line and column; the rows before it
//   are kept, the rest of the file (swallowed by the quote) is not. An empty file, or one of blank
//   lines only, is csv-empty.
CsvResult parse_csv(std::string_view bytes, const std::string& path);

// parse_csv without holding the rows: each data row goes to `on_row` as soon as it is read, in file
// order, with the table's header, separator and encoding (its `rows` stay empty). The row is
// reused for the next one: copy or move out what you keep. A million rows of eight fields take
// about 330 MB as a CsvTable, and nothing here. The result is parse_csv's, rows left out.
// An exception thrown by `on_row` stops the reading and comes out of for_each_csv_row.
using CsvRowHandler = std::function<void(const CsvTable& table, CsvRow& row)>;
// One field of each data row handed over as soon as libcsv has split it, before the rest of its row is
// read: time for a reader to ask memory for what the row will look up (a million rows of random
// participants each missed the cache when looked up at the row's end). `column` is asked once, with
// the header (npos: no field); `seen` gets that field of every data row that has it.
struct FieldPeek {
  std::function<std::size_t(const std::vector<std::string>& header)> column;
  std::function<void(std::string_view field)> seen;
};
CsvResult for_each_csv_row(std::string_view bytes, const std::string& path, const CsvRowHandler& on_row,
                           const FieldPeek* peek = nullptr);

// The text of a CSV file as UTF-8, as the reader reads it (a BOM removed, Windows-1252 or UTF-16
// converted, invalid bytes as U+FFFD): what a diagnostic quotes of its lines (« Intérim », not
// « Int\uFFFDrim »). Its lines are the file's lines.
std::string csv_text(std::string_view bytes);

// A number as French spreadsheets write it: "105,5", "105.5", "-3", "1 234,5" (thousands grouped by
// three with a space, U+00A0 or U+202F). Surrounding blanks are ignored. Not accepted: "1e3",
// "1.234,5", "12 34", ",5", "5,", "inf". Empty or blank is nullopt.
std::optional<double> parse_decimal(std::string_view s);

// A header as a key made of [a-z0-9_]: lower case, accents removed (é→e, ç→c, œ→oe, ß→ss), every other
// character (spaces, dashes, apostrophes, °, punctuation) → "_", repeated "_" collapsed, "_" trimmed:
// "Heures travail" → "heures_travail", "Modalité" → "modalite", "N° lot" → "n_lot".
std::string header_key(std::string_view header);

}  // namespace clausier::io
