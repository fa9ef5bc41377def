// What the spreadsheet readers share: their diagnostics, streaming a part through the XML parser, the
// row builder that enforces the cell and row limits, and the parsing of numbers, dates and references.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"
#include "sheet_detail.hpp"

namespace clausier::io::detail {
namespace {

const std::string resave_hint = "ouvrez-le dans Excel ou LibreOffice Calc et enregistrez-le de nouveau";

std::optional<int> digits(std::string_view text) {
  int value = 0;
  if (text.empty() || text.size() > 9) return std::nullopt;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text[0] == '-' || text[0] == '+') return std::nullopt;
  return value;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

}  // namespace

Diagnostic Context::error(std::string rule, std::string message, std::string hint, Position pos) const {
  return {std::move(rule), Severity::error, Category::input, path, pos, std::move(message), std::move(hint)};
}

Diagnostic Context::too_large(const std::string& what, Position pos) const {
  return error("sheet-too-large", fmt::format("{} : classeur refusé", what),
               "un classeur ordinaire reste bien en deçà ; vérifiez d'où vient ce fichier", pos);
}

Diagnostic Context::bad_part(const std::string& part, const std::string& reason) const {
  return error("sheet-xml", fmt::format("partie {} illisible : {}", part, reason), resave_hint);
}

Diagnostic Context::bad_cell(const std::string& sheet, int row, int column, const std::string& what) const {
  const std::string where = column > 0 ? "cellule " + cell_name(row, column) : fmt::format("ligne {}", row);
  Diagnostic d = error("sheet-xml", fmt::format("feuille {}, {} : {}", quoted(sheet), where, what), resave_hint,
                       {row, column});
  d.sheet = sheet;  // shown as file:Sheet!C12, not as a line of the file
  return d;
}

const document::detail::ArchiveWording& sheet_wording() {
  static const document::detail::ArchiveWording wording{"sheet-archive", "sheet-too-large", "sheet-encrypted",
                                                        "classeur", "un .xlsx ou un .ods", resave_hint};
  return wording;
}

document::Limits archive_limits(const SheetLimits& limits) {
  document::Limits out;
  out.max_file_size = limits.max_file_size;
  out.max_entries = limits.max_entries;
  out.max_entry_size = limits.max_part_size;
  out.max_total_size = limits.max_total_size;
  out.max_ratio = limits.max_ratio;
  return out;
}

bool parse_part(document::detail::Archive& archive, const std::string& part, XmlHandler& handler,
                const Context& context, Diagnostics& diags) {
  XmlStream stream(handler);
  const bool read = archive.stream(part, diags, [&](std::string_view chunk) { return stream.feed(chunk); });
  if (!stream.stopped() && read && stream.finish()) return true;
  if (!stream.error().empty()) {
    Diagnostic d = context.bad_part(part, stream.error());
    if (stream.doctype()) d.hint = "Excel et LibreOffice n'en écrivent jamais ; vérifiez d'où vient ce fichier";
    diags.push_back(std::move(d));
  }
  return false;  // else the archive or the handler said why
}

// ---- Rows ---------------------------------------------------------------------------------------

RowBuilder::RowBuilder(Context& context, std::string sheet_name, std::size_t sheet, const SheetRowHandler& handler,
                       Diagnostics& diags)
    : context_(context), sheet_name_(std::move(sheet_name)), sheet_(sheet), handler_(handler), diags_(diags) {}

void RowBuilder::begin(int number) {
  row_.number = number;
  used_ = 0;
  non_empty_ = 0;
  last_column_ = 0;
}

bool RowBuilder::limit(const std::string& what, int column) {
  diags_.push_back(context_.too_large(fmt::format("feuille {} : {}", quoted(sheet_name_), what), {row_.number, column}));
  diags_.back().sheet = sheet_name_;
  failed_ = true;
  return false;
}

// The count is the workbook's: past it, no other sheet is read either.
bool RowBuilder::too_many_cells(int column) {
  context_.exhausted = true;
  return limit(fmt::format("plus de {} cellules remplies dans le classeur",
                           text::format_number(static_cast<double>(context_.limits.max_cells), 0)),
               column);
}

bool RowBuilder::put(int column, Cell& cell, int repeat) {
  const SheetLimits& limits = context_.limits;
  const long last = static_cast<long>(column) + std::max(repeat, 1) - 1;
  if (cell.type == CellType::empty && !cell.formula) {
    last_column_ = static_cast<int>(std::min<long>(last, 1 << 30));
    return true;
  }
  if (last > limits.max_columns)
    return limit(fmt::format("valeur au-delà de la colonne {} ({})", column_name(limits.max_columns), limits.max_columns),
                 column);
  if (context_.cells + static_cast<std::size_t>(repeat) > limits.max_cells) return too_many_cells(column);
  const auto first = static_cast<std::size_t>(column - 1);
  const auto end = static_cast<std::size_t>(last);
  if (row_.cells.size() < end) row_.cells.resize(end);
  for (std::size_t i = used_; i < first; ++i) {  // the empty cells between
    Cell& gap = row_.cells[i];
    gap.type = CellType::empty;
    gap.number = 0;
    gap.text.clear();
    gap.formula = false;
  }
  for (std::size_t i = first; i < end; ++i) row_.cells[i] = cell;
  used_ = end;
  non_empty_ += static_cast<std::size_t>(repeat);
  context_.cells += static_cast<std::size_t>(repeat);
  last_column_ = static_cast<int>(last);
  return true;
}

bool RowBuilder::end(int repeat) {
  const SheetLimits& limits = context_.limits;
  if (non_empty_ == 0) return true;  // nothing in it: only a position
  repeat = std::max(repeat, 1);
  if (repeat > limits.max_row_repeat)  // one clear error, not a million duplicates of one row
    return limit(fmt::format("ligne {} remplie et répétée {} fois de suite (table:number-rows-repeated), au-delà de {}",
                             row_.number, text::format_number(repeat, 0), limits.max_row_repeat),
                 1);
  if (static_cast<long>(row_.number) + repeat - 1 > limits.max_rows)
    return limit(fmt::format("valeur au-delà de la ligne {}", text::format_number(limits.max_rows, 0)), 0);
  const std::size_t more = non_empty_ * static_cast<std::size_t>(repeat - 1);
  if (context_.cells + more > limits.max_cells) return too_many_cells(0);
  context_.cells += more;
  row_.cells.resize(used_);
  if (repeat == 1) return handler_(sheet_, row_);
  const SheetRow model = row_;  // the handler may move the cells out
  for (int k = 0; k < repeat; ++k) {
    if (k > 0) row_ = model;
    row_.number = model.number + k;
    if (!handler_(sheet_, row_)) return false;
  }
  return true;
}

// ---- Values -------------------------------------------------------------------------------------

std::optional<double> parse_xml_number(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.empty() || text.size() > 400) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value == 0 ? 0.0 : value;  // no -0
}

std::optional<double> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::optional<int> year = digits(text.substr(0, 4)), month = digits(text.substr(5, 2)),
                           day = digits(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
    return std::nullopt;
  double seconds = 0;
  std::string_view rest = text.substr(10);
  if (!rest.empty()) {
    if (rest.size() < 6 || rest[0] != 'T' || rest[3] != ':') return std::nullopt;
    const std::optional<int> hour = digits(rest.substr(1, 2)), minute = digits(rest.substr(4, 2));
    if (!hour || !minute || *hour > 24 || *minute > 59) return std::nullopt;
    seconds = *hour * 3600.0 + *minute * 60.0;
    rest.remove_prefix(6);
    if (!rest.empty() && rest[0] == ':') {
      std::size_t n = 1;
      while (n < rest.size() && ((rest[n] >= '0' && rest[n] <= '9') || rest[n] == '.')) ++n;
      const std::optional<double> s = parse_xml_number(rest.substr(1, n - 1));
      if (!s || *s < 0 || *s >= 61) return std::nullopt;
      seconds += *s;
      rest.remove_prefix(n);
    }
    // A zone (Z, +01:00) is ignored: a cell's date is the one the sheet shows.
    if (!rest.empty() && rest != "Z" && !((rest[0] == '+' || rest[0] == '-') && rest.size() == 6 && rest[3] == ':'))
      return std::nullopt;
  }
  return static_cast<double>(days_from_civil(*year, *month, *day) - serial_epoch) + seconds / 86400.0;
}

std::optional<CellReference> parse_cell_reference(std::string_view text) {
  std::size_t i = 0;
  long column = 0;
  while (i < text.size() && i < 4 && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z'))) {
    const char c = static_cast<char>(text[i] >= 'a' ? text[i] - 'a' + 'A' : text[i]);
    column = column * 26 + (c - 'A' + 1);
    ++i;
  }
  if (i == 0 || column > 16384) return std::nullopt;
  int row = 0;
  if (i < text.size()) {
    const std::optional<int> r = digits(text.substr(i));
    if (!r || *r < 1 || *r > 99'999'999) return std::nullopt;
    row = *r;
  }
  return CellReference{static_cast<int>(column), row};
}

bool append_text(std::string& out, std::string_view text, std::size_t max) {
  if (text.size() > max || out.size() > max - text.size()) return false;
  out += text;
  return true;
}

}  // namespace clausier::io::detail
