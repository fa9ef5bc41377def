#include "clausier/io/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "clausier/core/text.hpp"
#include "clausier/io/csv.hpp"
#include "clausier/io/sheet.hpp"
#include "clausier/text/french.hpp"

namespace clausier::io {

namespace {

// A sheet's header is looked for among its first rows holding something (formats.md 5.1).
constexpr int header_search_rows = 10;

std::string lower_extension(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return {};
  std::string ext(path.substr(dot));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

class CsvSource : public TableSource {
 public:
  explicit CsvSource(const std::string& path) { path_ = path; }
  void start(const CsvTable& table) {
    header_ = table.header;
    header_line_ = table.header_line;
  }
  Position position(const TableRow& row, std::size_t index) const override {
    if (table_ == nullptr || index >= row.fields.size()) return {row.line, 1};
    // csv_field_position replays the row from its offset: only the number of fields matters here.
    CsvRow replay{row.line, offset_, std::vector<std::string>(index + 1)};
    return csv_field_position(*table_, replay, index);
  }
  const CsvTable* table_ = nullptr;  // while a row is handed out
  std::size_t offset_ = 0;
};

Diagnostics read_csv(std::string_view bytes, const std::string& path, const FieldPeek& peek,
                     const TableHeaderHandler& on_header, const TableRowHandler& on_row) {
  CsvSource source(path);
  bool started = false;
  TableRow row;
  CsvResult csv = for_each_csv_row(bytes, path, [&](const CsvTable& table, CsvRow& r) {
    if (!started) {
      source.start(table);
      on_header(source);
      started = true;
    }
    source.table_ = &table;
    source.offset_ = r.offset;
    row.line = r.line;
    // Swapped, not copied: a million rows are read with the same strings.
    std::swap(row.fields, r.fields);
    on_row(source, row);
    std::swap(row.fields, r.fields);
    source.table_ = nullptr;
  }, &peek);
  if (!started && csv.table) {
    source.start(*csv.table);
    on_header(source);
  }
  return std::move(csv.diagnostics);
}

class SheetSource : public TableSource {
 public:
  explicit SheetSource(const std::string& path) { path_ = path; }
  void start(std::string sheet) {
    sheet_ = std::move(sheet);
    header_.clear();
    header_line_ = 0;
  }
  void found(const TableRow& header) {
    header_ = header.fields;
    header_line_ = header.line;
  }
  Position position(const TableRow& row, std::size_t index) const override {
    return {row.line, static_cast<int>(index) + 1};
  }
};

Diagnostics read_sheets(std::string_view bytes, const std::string& path, SheetFormat format, const TableSpec& spec,
                        const TableHeaderHandler& on_header, const TableRowHandler& on_row) {
  Diagnostics diags;
  std::unique_ptr<Workbook> book = Workbook::open(bytes, format, path, diags);
  if (!book) return diags;
  SheetSource source(path);
  struct SheetState {
    bool header = false;
    int searched = 0;  // rows holding something looked at for the header
  };
  std::vector<SheetState> states;
  TableRow row;
  const bool read = book->read_rows(
      [&](std::size_t sheet, SheetRow& r) {
        if (states.size() <= sheet) states.resize(sheet + 1);
        SheetState& state = states[sheet];
        if (source.sheet() != book->sheets()[sheet].name || state.searched == 0) source.start(book->sheets()[sheet].name);
        row.line = r.number;
        row.fields.resize(r.cells.size());
        row.uncalculated.assign(r.cells.size(), false);
        for (std::size_t i = 0; i < r.cells.size(); ++i) {
          row.fields[i] = cell_text(r.cells[i]);
          row.uncalculated[i] = r.cells[i].formula && row.fields[i].empty();
        }
        if (state.header) {
          on_row(source, row);
          return true;
        }
        ++state.searched;
        if (spec.is_header(row.fields)) {
          state.header = true;
          source.found(row);
          on_header(source);
          return true;
        }
        return state.searched < header_search_rows;  // past them: not a table, the rest is not read
      },
      diags);
  states.resize(book->sheets().size());
  bool any = false;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].header) {
      any = true;
      continue;
    }
    if (!read && states[i].searched == 0) continue;  // refused before it was reached: not empty, unread
    const SheetInfo& sheet = book->sheets()[i];
    std::string what = states[i].searched == 0
                           ? "est vide"
                           : fmt::format("n'a pas d'en-tête de {} parmi ses {} premières lignes", spec.what,
                                         header_search_rows);
    Diagnostic note{"sheet-no-header", Severity::note, Category::finding, path, {},
                    fmt::format("la feuille {}{} {} : elle n'est pas lue", quoted(sheet.name),
                                sheet.hidden ? " (masquée)" : "", what),
                    states[i].searched == 0 ? "" : fmt::format("si elle contient des lignes, donnez-lui l'en-tête : {}", spec.expected)};
    note.sheet = sheet.name;
    diags.push_back(std::move(note));
  }
  if (!any && !has_category(diags, Category::io) &&
      std::none_of(diags.begin(), diags.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }))
    diags.push_back({"sheet-no-table", Severity::error, Category::input, path, {},
                     fmt::format("aucune feuille du classeur n'a d'en-tête de {} parmi ses {} premières lignes", spec.what,
                                 header_search_rows),
                     fmt::format("en-tête attendu : {} (ou les noms français de la documentation)", spec.expected)});
  return diags;
}

}  // namespace

TableFormat table_format_of(std::string_view path) {
  const std::string ext = lower_extension(path);
  if (ext == ".xlsx") return TableFormat::xlsx;
  if (ext == ".ods") return TableFormat::ods;
  if (ext == ".xls") return TableFormat::xls;
  return TableFormat::csv;
}

bool is_table_file(std::string_view path) {
  const std::string ext = lower_extension(path);
  return ext == ".csv" || ext == ".xlsx" || ext == ".ods" || ext == ".xls";
}

Diagnostic TableSource::diagnostic(std::string rule, Severity severity, Position pos, std::string message,
                                   std::string hint) const {
  Diagnostic d{std::move(rule), severity, Category::input, path_, pos, std::move(message), std::move(hint)};
  d.sheet = sheet_;
  return d;
}

Diagnostics for_each_table_row(std::string_view bytes, const std::string& path, const TableSpec& spec,
                               const TableHeaderHandler& on_header, const TableRowHandler& on_row) {
  switch (table_format_of(path)) {
    case TableFormat::csv: return read_csv(bytes, path, spec.peek, on_header, on_row);
    case TableFormat::ods: return read_sheets(bytes, path, SheetFormat::ods, spec, on_header, on_row);
    case TableFormat::xlsx:
    case TableFormat::xls:  // read as what it is: an Excel 97-2003 file is named so, with what to do
      return read_sheets(bytes, path, SheetFormat::xlsx, spec, on_header, on_row);
  }
  return {};
}

void say_nothing_kept(Diagnostics& read, std::string_view nothing, std::size_t count, ReadBefore read_before) {
  const std::string said =
      count == 0   ? std::string(nothing)
      : count == 1 ? fmt::format("{}, pas même {}", nothing, read_before.one)
                   : fmt::format("{}, pas même les {} {}", nothing,
                                 text::format_number(static_cast<double>(count), 0), read_before.many);
  for (Diagnostic& d : read)
    if (d.severity == Severity::error) d.hint = d.hint.empty() ? said : fmt::format("{} ; {}", said, d.hint);
}

}  // namespace clausier::io
