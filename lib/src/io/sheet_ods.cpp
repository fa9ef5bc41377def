// OpenDocument spreadsheets (.ods): every sheet is a table:table of office:spreadsheet in content.xml,
// streamed once for all of them. Repeated rows and cells (table:number-rows-repeated,
// number-columns-repeated) move the position by their count; only those holding something are
// materialised, so the million empty rows LibreOffice writes at the end of a sheet cost nothing. A
// sheet is hidden when its automatic table style says table:display="false".
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <utility>

#include "clausier/core/text.hpp"
#include "sheet_detail.hpp"

namespace clausier::io::detail {
namespace {

using document::detail::Archive;

constexpr std::string_view office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view style_ns = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view calcext_ns = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

// A repeat count: at least 1; a huge one only moves the position (bounded far below int's range).
int repeat_of(std::string_view text) {
  long value = 1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return 1;
  return static_cast<int>(std::min(value, 1L << 28));
}

int advance(int position, int count) { return static_cast<int>(std::min(static_cast<long>(position) + count, 1L << 29)); }

// "PT10H30M00S", "-PT1H", "P1DT2H": a duration as a number of days.
std::optional<double> parse_duration(std::string_view text) {
  bool negative = false;
  if (text.starts_with('-')) {
    negative = true;
    text.remove_prefix(1);
  }
  if (!text.starts_with('P')) return std::nullopt;
  text.remove_prefix(1);
  double seconds = 0;
  bool time = false, any = false;
  while (!text.empty()) {
    if (text[0] == 'T' && !time) {
      time = true;
      text.remove_prefix(1);
      continue;
    }
    std::size_t n = 0;
    while (n < text.size() && ((text[n] >= '0' && text[n] <= '9') || text[n] == '.')) ++n;
    if (n == 0 || n == text.size()) return std::nullopt;
    const std::optional<double> value = parse_xml_number(text.substr(0, n));
    if (!value) return std::nullopt;
    const char unit = text[n];
    if (!time && unit == 'D') seconds += *value * 86400;
    else if (time && unit == 'H') seconds += *value * 3600;
    else if (time && unit == 'M') seconds += *value * 60;
    else if (time && unit == 'S') seconds += *value;
    else return std::nullopt;
    any = true;
    text.remove_prefix(n + 1);
  }
  if (!any) return std::nullopt;
  return (negative ? -seconds : seconds) / 86400.0;
}

class ContentReader : public XmlHandler {
 public:
  ContentReader(Workbook::Impl& book, std::optional<std::size_t> only, const SheetRowHandler& on_row,
                Diagnostics& diags)
      : book_(book), context_(book.context), only_(only), on_row_(on_row), diags_(diags) {}

  bool ok() const { return ok_; }
  bool spreadsheet() const { return spreadsheet_; }

  void start(std::string_view uri, std::string_view local, const XmlAttributes& a) override {
    if (skip_ > 0) {
      ++skip_;
      return;
    }
    if (in_cell_) return start_in_cell(uri, local, a);
    if (uri == table_ns) {
      if (local == "table-cell" || local == "covered-table-cell") {
        if (in_row_) start_cell(a);
        else ++skip_;
      } else if (local == "table-row") {
        if (rows_) start_row(a);
        else ++skip_;
      } else if (local == "table") {
        if (in_spreadsheet_ && !rows_ && !skipping_table_) start_table(a);
        else ++skip_;  // a table in a table, or in a sheet skipped
      } else if (local == "shapes" || local == "named-expressions" || local == "table-source" ||
                 local == "dde-links" || local == "database-ranges") {
        ++skip_;
      }
    } else if (uri == office_ns) {
      if (local == "spreadsheet") in_spreadsheet_ = spreadsheet_ = true;
      else if (local == "annotation" || local == "forms") ++skip_;
    } else if (uri == style_ns && local == "style") {
      style_name_.assign(a.get("family", style_ns) == "table" ? a.get("name", style_ns) : std::string_view());
    } else if (uri == style_ns && local == "table-properties" && !style_name_.empty() &&
               a.get("display", table_ns) == "false" && hidden_styles_.size() < 100000) {
      hidden_styles_.emplace(style_name_);
    }
  }

  void end(std::string_view uri, std::string_view local) override {
    if (skip_ > 0) {
      --skip_;
      return;
    }
    if (in_cell_) {
      if (uri == table_ns && (local == "table-cell" || local == "covered-table-cell")) return end_cell();
      if (uri == text_ns && (local == "p" || local == "h")) in_paragraph_ = false;
      return;
    }
    if (uri == table_ns && local == "table-row" && in_row_) {
      end_row();
    } else if (uri == table_ns && local == "table") {
      end_table();
    } else if (uri == office_ns && local == "spreadsheet") {
      in_spreadsheet_ = false;
    }
  }

  void text(std::string_view text) override {
    if (in_paragraph_ && skip_ == 0) add_text(text);
  }

 private:
  void start_table(const XmlAttributes& a) {
    if (book_.sheets.size() >= static_cast<std::size_t>(context_.limits.max_sheets)) {
      diags_.push_back(context_.too_large(fmt::format("plus de {} feuilles", context_.limits.max_sheets)));
      ok_ = false;
      stop_parsing();
      return;
    }
    const std::size_t index = book_.sheets.size();
    book_.sheets.push_back({std::string(a.get("name", table_ns)), hidden_styles_.contains(std::string(a.get("style-name", table_ns)))});
    row_ = 1;
    if ((only_ && *only_ != index) || context_.exhausted) {
      skipping_table_ = true;
      return;
    }
    builder_.emplace(book_.context, book_.sheets.back().name, index, on_row_, diags_);
    rows_ = &*builder_;
  }

  void end_table() {
    skipping_table_ = false;
    rows_ = nullptr;
    builder_.reset();
  }

  // After a problem, or when the handler wants no more of this sheet: its remaining rows are skipped.
  void drop_sheet() {
    if (rows_->failed()) ok_ = false;
    rows_ = nullptr;
    skipping_table_ = true;
  }

  void start_row(const XmlAttributes& a) {
    in_row_ = true;
    row_repeat_ = repeat_of(a.get("number-rows-repeated", table_ns));
    column_ = 1;
    rows_->begin(row_);
  }

  void end_row() {
    in_row_ = false;
    if (rows_ && !rows_->end(row_repeat_)) drop_sheet();
    row_ = advance(row_, row_repeat_);
  }

  void start_cell(const XmlAttributes& a) {
    in_cell_ = true;
    paragraphs_ = 0;
    cell_repeat_ = repeat_of(a.get("number-columns-repeated", table_ns));
    cell_.type = CellType::empty;
    cell_.number = 0;
    cell_.text.clear();
    cell_.formula = a.has("formula", table_ns);
    text_.clear();
    const std::string_view type = a.get("value-type", office_ns);
    value_kind_ = a.get("value-type", calcext_ns) == "error" ? "error" : type;
    has_string_value_ = value_kind_ == "string" && a.has("string-value", office_ns);
    if (has_string_value_) text_.assign(a.get("string-value", office_ns));
    if (type == "float" || type == "percentage" || type == "currency") value_ = a.get("value", office_ns);
    else if (type == "date") value_ = a.get("date-value", office_ns);
    else if (type == "time") value_ = a.get("time-value", office_ns);
    else if (type == "boolean") value_ = a.get("boolean-value", office_ns);
    else value_.clear();
  }

  // Inside a cell: its paragraphs are its text; a comment (office:annotation) or a drawing is not.
  void start_in_cell(std::string_view uri, std::string_view local, const XmlAttributes& a) {
    if (uri != text_ns) {
      ++skip_;
      return;
    }
    if (local == "p" || local == "h") {
      if (paragraphs_++ > 0) add_text("\n");
      in_paragraph_ = true;
    } else if (local == "s" && in_paragraph_) {
      const int count = repeat_of(a.get("c", text_ns));
      if (static_cast<std::size_t>(count) > context_.limits.max_text_size) return text_too_long();
      add_text(std::string(static_cast<std::size_t>(count), ' '));
    } else if (local == "tab" && in_paragraph_) {
      add_text("\t");
    } else if (local == "line-break" && in_paragraph_) {
      add_text("\n");
    } else if (local == "note" || local == "ruby-text") {
      ++skip_;
    }
  }

  void add_text(std::string_view text) {
    if (!rows_ || has_string_value_) return;  // the attribute is the value; the paragraphs only show it
    if (!append_text(text_, text, context_.limits.max_text_size)) text_too_long();
  }

  void text_too_long() {
    diags_.push_back(context_.too_large(
        fmt::format("feuille {}, cellule {} : plus de {} octets de texte dans la cellule", quoted(rows_->sheet_name()),
                    cell_name(row_, column_), context_.limits.max_text_size),
        {row_, column_}));
    ok_ = false;
    stop_parsing();
  }

  void end_cell() {
    in_cell_ = false;
    in_paragraph_ = false;
    const int column = column_;
    column_ = advance(column_, cell_repeat_);
    if (!rows_) return;
    if (!set_value(column)) return drop_sheet();
    if (!rows_->put(column, cell_, cell_repeat_)) drop_sheet();
  }

  bool bad(int column, const std::string& what) {
    diags_.push_back(context_.bad_cell(rows_->sheet_name(), row_, column, what));
    ok_ = false;
    return false;
  }

  bool set_value(int column) {
    const std::string_view kind = value_kind_;
    if (kind == "float" || kind == "percentage" || kind == "currency" || kind == "time") {
      const std::optional<double> number = kind == "time" ? parse_duration(value_) : parse_xml_number(value_);
      if (!number) return bad(column, fmt::format("valeur {} invalide", quoted(value_)));
      cell_.type = CellType::number;
      cell_.number = *number;
    } else if (kind == "date") {
      const std::optional<double> date = parse_iso_date(value_);
      if (!date) return bad(column, fmt::format("date {} invalide", quoted(value_)));
      cell_.type = CellType::date;
      cell_.number = *date;
    } else if (kind == "boolean") {
      if (value_ != "true" && value_ != "false" && value_ != "1" && value_ != "0")
        return bad(column, fmt::format("valeur booléenne {} invalide", quoted(value_)));
      cell_.type = CellType::boolean;
      cell_.number = value_ == "true" || value_ == "1" ? 1 : 0;
    } else if (kind == "error") {
      cell_.type = text_.empty() ? CellType::empty : CellType::error;
      cell_.text = text_;
    } else if (kind != "void") {  // string, or no type at all: the text shown
      cell_.type = text_.empty() ? CellType::empty : CellType::text;
      cell_.text = text_;
    }
    return true;
  }

  Workbook::Impl& book_;
  Context& context_;
  std::optional<std::size_t> only_;
  const SheetRowHandler& on_row_;
  Diagnostics& diags_;
  std::set<std::string, std::less<>> hidden_styles_;
  std::string style_name_;  // of the table style being read
  std::optional<RowBuilder> builder_;
  RowBuilder* rows_ = nullptr;  // the sheet being read, or nullptr
  Cell cell_;
  std::string text_, value_kind_, value_;
  int skip_ = 0;                // depth inside an element whose content is not read
  int row_ = 1, column_ = 1, row_repeat_ = 1, cell_repeat_ = 1, paragraphs_ = 0;
  bool in_spreadsheet_ = false, spreadsheet_ = false, skipping_table_ = false;
  bool in_row_ = false, in_cell_ = false, in_paragraph_ = false, has_string_value_ = false;
  bool ok_ = true;
};

struct Ods : Workbook::Impl {
  Ods(Context c, std::unique_ptr<Archive> a) {
    context = std::move(c);
    format = SheetFormat::ods;
    archive = std::move(a);
  }

  bool read(std::optional<std::size_t> only, const SheetRowHandler& on_row, Diagnostics& diags) override {
    sheets.clear();  // listed again as content.xml is read
    ContentReader reader(*this, only, on_row, diags);
    const bool parsed = parse_part(*archive, "content.xml", reader, context, diags);
    if (parsed && !reader.spreadsheet()) {
      diags.push_back(context.bad_part("content.xml", "ce n'est pas un classeur OpenDocument (pas d'office:spreadsheet)"));
      return false;
    }
    return parsed && reader.ok();
  }
};

}  // namespace

std::unique_ptr<Workbook::Impl> open_ods(Context context, std::unique_ptr<Archive> archive, Diagnostics&) {
  return std::make_unique<Ods>(std::move(context), std::move(archive));
}

}  // namespace clausier::io::detail
