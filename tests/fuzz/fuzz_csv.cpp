// Fuzz target for the CSV reader (parse_csv, for_each_csv_row) and the cell helpers (parse_decimal,
// header_key). Built with -DCLAUSIER_FUZZ=ON and clang, it is a libFuzzer entry point; otherwise it
// is a normal test that replays the files and folders given on its command line.
// Beyond "no crash", it checks what callers rely on; a broken promise aborts, which libFuzzer reports.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/io/csv.hpp"
#include "promises.hpp"

namespace {

using clausier::fuzz::require;

void check_key(const std::string& text) {
  std::string key = clausier::io::header_key(text);
  for (char c : key) require((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  require(key.empty() || (key.front() != '_' && key.back() != '_'));
  require(key.find("__") == std::string::npos);
  require(clausier::io::header_key(key) == key);
}

void check_cell(const std::string& text) {
  require(clausier::is_valid_utf8(text));
  if (auto value = clausier::io::parse_decimal(text)) require(std::isfinite(*value));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  io::CsvResult result = io::parse_csv(bytes, "fuzz.csv");
  fuzz::check_rendered(result.diagnostics, SourceText("fuzz.csv", std::string(bytes)));

  // Either a table or a reason why not; every reason is a CSV one, placed in the file.
  require(result.table || !result.diagnostics.empty());
  for (const Diagnostic& d : result.diagnostics) {
    require(d.rule == "csv-syntax" || d.rule == "csv-empty");
    require(d.path == "fuzz.csv");
    require(d.rule == "csv-empty" ? d.pos == Position{} : d.pos.line >= 1 && d.pos.column >= 1);
  }

  // The streaming reader sees the same rows, in the same order.
  std::vector<io::CsvRow> streamed;
  io::CsvResult streaming =
      io::for_each_csv_row(bytes, "fuzz.csv", [&](const io::CsvTable&, io::CsvRow& row) { streamed.push_back(row); });
  require(streaming.diagnostics.size() == result.diagnostics.size());
  require(streaming.table.has_value() == result.table.has_value());

  // With a field peeked (io::FieldPeek, as read_statements asks for the participant): the same rows, and
  // each row that has the peeked column had that field handed over before it, as the row holds it.
  std::vector<io::CsvRow> peeked_rows;
  std::vector<std::string> peeks;  // handed over since the last row
  std::size_t peek_column = std::string::npos;
  io::FieldPeek peek{[&](const std::vector<std::string>& header) {
                       peek_column = header.size() > 1 ? 1 : 0;
                       return peek_column;
                     },
                     [&](std::string_view field) { peeks.emplace_back(field); }};
  io::CsvResult peeking = io::for_each_csv_row(bytes, "fuzz.csv", [&](const io::CsvTable&, io::CsvRow& row) {
    if (row.fields.size() > peek_column) require(!peeks.empty() && peeks.back() == row.fields[peek_column]);
    peeks.clear();
    peeked_rows.push_back(row);
  }, &peek);
  require(peeking.diagnostics.size() == result.diagnostics.size());
  require(peeking.table.has_value() == result.table.has_value());
  require(peeked_rows.size() == streamed.size());
  for (std::size_t i = 0; i < streamed.size(); ++i)
    require(peeked_rows[i].fields == streamed[i].fields && peeked_rows[i].line == streamed[i].line);

  if (!result.table) return 0;
  const io::CsvTable& table = *result.table;
  require(table.separator == ';' || table.separator == ',' || table.separator == '\t');
  require(!table.header.empty());
  require(streamed.size() == table.rows.size());
  for (const std::string& name : table.header) {
    check_cell(name);
    check_key(name);
  }
  require(table.header_line >= 1);
  int previous = table.header_line;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const io::CsvRow& row = table.rows[i];
    require(row.line > previous);  // one row per physical line at most, in file order
    previous = row.line;
    require(row.fields == streamed[i].fields && row.line == streamed[i].line);
    bool blank = true;
    for (const std::string& field : row.fields) {
      check_cell(field);
      check_key(field);
      blank = blank && field.empty();
    }
    require(!blank);
  }
  return 0;
}
