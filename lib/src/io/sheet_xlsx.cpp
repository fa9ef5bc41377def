// Excel workbooks (.xlsx, SpreadsheetML in an OPC zip): _rels/.rels names the workbook part, whose
// relationships name the sheets, the shared strings and the styles. Opening reads those small parts
// and the shared strings; each sheet's XML is then streamed row by row.
//
// A number is a date when its cell style's number format is one: the built-in formats 14 to 22, 45
// and 47 (46 is [h]:mm:ss, a duration), or a custom format that shows a day, month, year, hour or
// second outside quotes and brackets, unless it is an elapsed time ([h]:mm) without day or year.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <utility>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"
#include "sheet_detail.hpp"

namespace clausier::io::detail {
namespace {

using document::detail::Archive;

constexpr std::string_view main_ns[] = {"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                        "http://purl.oclc.org/ooxml/spreadsheetml/main"};
constexpr std::string_view relationship_ns[] = {"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                                "http://purl.oclc.org/ooxml/officeDocument/relationships"};
constexpr std::string_view package_ns = "http://schemas.openxmlformats.org/package/2006/relationships";

// Whether `uri` is one of `uris`; remembers the last match (libxml2 interns the names of a part).
class Namespace {
 public:
  template <std::size_t N>
  explicit Namespace(const std::string_view (&uris)[N]) : uris_(uris, uris + N) {}
  bool operator()(std::string_view uri) {
    if (uri.data() == last_.data() && uri.size() == last_.size() && !last_.empty()) return true;
    if (std::find(uris_.begin(), uris_.end(), uri) == uris_.end()) return false;
    last_ = uri;
    return true;
  }

 private:
  std::vector<std::string_view> uris_;
  std::string_view last_;
};

std::optional<long> whole(std::string_view text) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

bool is_builtin_date(long id) { return (id >= 14 && id <= 22) || id == 45 || id == 47; }

bool is_date_format(std::string_view code) {
  bool date_part = false, day_or_year = false, elapsed = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      i = close == std::string_view::npos ? code.size() : close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // an escaped character, a padding or a fill character
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      const std::string_view inside = code.substr(i + 1, close == std::string_view::npos ? 0 : close - i - 1);
      if (!inside.empty() && inside.find_first_not_of(inside[0]) == std::string_view::npos &&
          std::string_view("hHmMsS").find(inside[0]) != std::string_view::npos)
        elapsed = true;
      i = close == std::string_view::npos ? code.size() : close;
    } else if (std::string_view("dDyY").find(c) != std::string_view::npos) {
      date_part = day_or_year = true;
    } else if (std::string_view("mMhHsS").find(c) != std::string_view::npos) {
      date_part = true;
    }
  }
  return date_part && !(elapsed && !day_or_year);
}

// "xl/" + "worksheets/sheet1.xml", "/xl/styles.xml", "xl/" + "../x.xml": the part's name in the zip.
std::string resolve(std::string_view base, std::string_view target) {
  return document::detail::normalise_part_name(target.starts_with('/') ? std::string(target)
                                                                         : std::string(base) + std::string(target));
}

std::string folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string rels_of(std::string_view part) {
  const std::string folder = folder_of(part);
  return folder + "_rels/" + std::string(part.substr(folder.size())) + ".rels";
}

// ---- Small parts ----------------------------------------------------------------------------------

struct Relationship {
  std::string id, type, target;
};

class RelationshipsReader : public XmlHandler {
 public:
  std::vector<Relationship> relationships;
  void start(std::string_view uri, std::string_view local, const XmlAttributes& a) override {
    if (uri != package_ns || local != "Relationship" || a.get("TargetMode") == "External") return;
    if (relationships.size() < 100000)
      relationships.push_back({std::string(a.get("Id")), std::string(a.get("Type")), std::string(a.get("Target"))});
  }
  void end(std::string_view, std::string_view) override {}
  void text(std::string_view) override {}
};

struct SheetEntry {
  SheetInfo info;
  std::string relationship;
};

class WorkbookReader : public XmlHandler {
 public:
  explicit WorkbookReader(std::size_t max_sheets) : max_sheets_(max_sheets) {}
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  bool too_many = false;
  bool is_workbook = false;

  void start(std::string_view uri, std::string_view local, const XmlAttributes& a) override {
    if (!main_(uri)) return;
    if (local == "workbook") {
      is_workbook = true;
    } else if (local == "workbookPr") {
      const std::string_view v = a.get("date1904");
      date1904 = v == "1" || v == "true";
    } else if (local == "sheet") {
      if (sheets.size() == max_sheets_) {
        too_many = true;
        stop_parsing();
        return;
      }
      const std::string_view state = a.get("state");
      std::string_view id = a.get("id", relationship_ns[0]);
      if (id.empty()) id = a.get("id", relationship_ns[1]);
      sheets.push_back({{std::string(a.get("name")), state == "hidden" || state == "veryHidden"}, std::string(id)});
    }
  }
  void end(std::string_view, std::string_view) override {}
  void text(std::string_view) override {}

 private:
  std::size_t max_sheets_;
  Namespace main_{main_ns};
};

// The number formats and, for each cell style (cellXfs, in order), whether it shows a date.
class StylesReader : public XmlHandler {
 public:
  std::vector<bool> date_styles;
  void start(std::string_view uri, std::string_view local, const XmlAttributes& a) override {
    if (!main_(uri)) return;
    if (local == "numFmt") {
      if (const auto id = whole(a.get("numFmtId")); id && formats_.size() < 100000) formats_[*id] = is_date_format(a.get("formatCode"));
    } else if (local == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (local == "xf" && in_cell_xfs_ && date_styles.size() < 1000000) {
      const std::optional<long> id = whole(a.get("numFmtId"));
      const auto custom = id ? formats_.find(*id) : formats_.end();
      date_styles.push_back(id && (custom != formats_.end() ? custom->second : is_builtin_date(*id)));
    }
  }
  void end(std::string_view uri, std::string_view local) override {
    if (local == "cellXfs" && main_(uri)) in_cell_xfs_ = false;
  }
  void text(std::string_view) override {}

 private:
  std::map<long, bool> formats_;
  bool in_cell_xfs_ = false;
  Namespace main_{main_ns};
};

// The shared strings, one after the other in one buffer.
struct SharedStrings {
  std::string buffer;
  std::vector<std::size_t> ends;
  std::size_t size() const { return ends.size(); }
  std::string_view get(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(buffer).substr(begin, ends[i] - begin);
  }
};

// A rich text's runs are joined; the phonetic guides (rPh) of East Asian text are not the text.
class SharedStringsReader : public XmlHandler {
 public:
  SharedStringsReader(SharedStrings& out, const Context& context, Diagnostics& diags)
      : out_(out), context_(context), diags_(diags) {}

  void start(std::string_view uri, std::string_view local, const XmlAttributes&) override {
    if (!main_(uri)) return;
    if (local == "si") {
      current_.clear();
    } else if (local == "rPh") {
      ++phonetic_;
    } else if (local == "t" && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view uri, std::string_view local) override {
    if (!main_(uri)) return;
    if (local == "t") {
      in_text_ = false;
    } else if (local == "rPh") {
      --phonetic_;
    } else if (local == "si") {
      if (out_.buffer.size() + current_.size() > context_.limits.max_shared_strings)
        return fail(fmt::format("la table des textes partagés dépasse {}",
                                document::detail::size_text(context_.limits.max_shared_strings)));
      if (out_.size() >= context_.limits.max_cells)
        return fail(fmt::format("plus de {} textes partagés", text::format_number(static_cast<double>(context_.limits.max_cells), 0)));
      out_.buffer += current_;
      out_.ends.push_back(out_.buffer.size());
    }
  }
  void text(std::string_view text) override {
    if (in_text_ && !append_text(current_, text, context_.limits.max_text_size))
      fail(fmt::format("un texte partagé dépasse {} octets", context_.limits.max_text_size));
  }

 private:
  void fail(const std::string& what) {
    diags_.push_back(context_.too_large(what));
    stop_parsing();
  }
  SharedStrings& out_;
  const Context& context_;
  Diagnostics& diags_;
  std::string current_;
  int phonetic_ = 0;
  bool in_text_ = false;
  Namespace main_{main_ns};
};

// ---- Sheets ---------------------------------------------------------------------------------------

struct Styles {
  std::vector<bool> dates;
  bool date1904 = false;
};

class SheetReader : public XmlHandler {
 public:
  SheetReader(RowBuilder& rows, const Context& context, const SharedStrings& strings, const Styles& styles,
              Diagnostics& diags)
      : rows_(rows), context_(context), strings_(strings), styles_(styles), diags_(diags) {}

  // The sheet was read to its end, or its reading stopped on purpose (the caller skips the rest).
  bool complete() const { return complete_; }

  void start(std::string_view uri, std::string_view local, const XmlAttributes& a) override {
    if (!main_(uri)) return;
    if (local == "c" && in_row_) {
      start_cell(a);
    } else if (local == "v" && in_cell_) {
      in_value_ = true;
    } else if (local == "f" && in_cell_) {
      cell_.formula = true;
    } else if (local == "rPh") {
      ++phonetic_;
    } else if (local == "t" && in_inline_ && phonetic_ == 0) {
      in_value_ = true;
    } else if (local == "is" && in_cell_) {
      in_inline_ = true;
    } else if (local == "row" && in_data_) {
      start_row(a);
    } else if (local == "sheetData") {
      in_data_ = true;
    }
  }

  void end(std::string_view uri, std::string_view local) override {
    if (!main_(uri)) return;
    if (local == "v" || local == "t") {
      in_value_ = false;
    } else if (local == "c" && in_cell_) {
      in_cell_ = false;
      end_cell();
    } else if (local == "is") {
      in_inline_ = false;
    } else if (local == "rPh") {
      --phonetic_;
    } else if (local == "row" && in_row_) {
      in_row_ = false;
      if (!rows_.end()) {
        complete_ = !rows_.failed();
        stop_parsing();
      }
    } else if (local == "sheetData") {
      complete_ = true;
      stop_parsing();  // what follows (merged cells, page setup) is no data
    }
  }

  void text(std::string_view text) override {
    if (in_value_ && !append_text(value_, text, context_.limits.max_text_size))
      fail(true, fmt::format("plus de {} octets de texte dans la cellule", context_.limits.max_text_size));
  }

 private:
  void fail(bool limit, const std::string& what) {
    if (limit) {
      diags_.push_back(context_.too_large(fmt::format("feuille {}, cellule {} : {}", quoted(rows_.sheet_name()),
                                                      cell_name(row_, column_), what),
                                          {row_, column_}));
      diags_.back().sheet = rows_.sheet_name();
    } else
      diags_.push_back(context_.bad_cell(rows_.sheet_name(), row_, column_, what));
    stop_parsing();
  }

  void start_row(const XmlAttributes& a) {
    int number = row_ + 1;
    if (const std::string_view r = a.get("r"); !r.empty()) {
      const std::optional<long> n = whole(r);
      if (!n || *n < 1 || *n > 99'999'999) {
        row_ = number;  // the row after the last one read, not a cell of it
        column_ = 0;
        return fail(false, fmt::format("numéro de ligne {} invalide", quoted(r)));
      }
      number = static_cast<int>(*n);
    }
    if (number <= row_) {
      column_ = 0;
      return fail(false, fmt::format("ligne {} après la ligne {} : lignes dans le désordre", number, row_));
    }
    row_ = number;
    column_ = 0;
    in_row_ = true;
    rows_.begin(number);
  }

  void start_cell(const XmlAttributes& a) {
    int column = column_ + 1;
    if (const std::string_view r = a.get("r"); !r.empty()) {
      const std::optional<CellReference> ref = parse_cell_reference(r);
      if (!ref || (ref->row != 0 && ref->row != row_))
        return fail(false, fmt::format("référence de cellule {} invalide dans la ligne {}", quoted(r), row_));
      column = ref->column;
    }
    if (column <= column_) {
      const int previous = std::exchange(column_, column);  // the position of the cell out of place
      return fail(false, fmt::format("cellule {} après la cellule {} : cellules dans le désordre",
                                     cell_name(row_, column), cell_name(row_, previous)));
    }
    column_ = column;
    in_cell_ = true;
    type_ = a.get("t");
    const std::optional<long> style = whole(a.get("s"));
    date_style_ = style && *style >= 0 && static_cast<std::size_t>(*style) < styles_.dates.size() &&
                  styles_.dates[static_cast<std::size_t>(*style)];
    cell_.type = CellType::empty;
    cell_.number = 0;
    cell_.text.clear();
    cell_.formula = false;
    value_.clear();
  }

  void end_cell() {
    if (!set_value()) return;
    if (!rows_.put(column_, cell_)) stop_parsing();
  }

  // The cell's type and value from its t attribute and its <v> (or inline string).
  bool set_value() {
    if (type_ == "s") {
      const std::optional<long> index = whole(value_);
      if (!index || *index < 0 || static_cast<std::size_t>(*index) >= strings_.size()) {
        fail(false, fmt::format("texte partagé n° {} absent de la table", quoted(value_)));
        return false;
      }
      return set_text(strings_.get(static_cast<std::size_t>(*index)));
    }
    if (type_ == "inlineStr" || type_ == "str") return set_text(value_);
    if (type_ == "e") {
      cell_.type = value_.empty() ? CellType::empty : CellType::error;
      cell_.text = value_;
      return true;
    }
    if (value_.empty()) return true;  // a style alone, or a formula never calculated
    if (type_ == "b") {
      if (value_ != "0" && value_ != "1") {
        fail(false, fmt::format("valeur booléenne {} invalide", quoted(value_)));
        return false;
      }
      cell_.type = CellType::boolean;
      cell_.number = value_ == "1" ? 1 : 0;
      return true;
    }
    if (type_ == "d") {
      const std::optional<double> date = parse_iso_date(value_);
      if (!date) {
        fail(false, fmt::format("date {} invalide", quoted(value_)));
        return false;
      }
      cell_.type = CellType::date;
      cell_.number = *date;
      return true;
    }
    if (!type_.empty() && type_ != "n") {
      fail(false, fmt::format("type de cellule {} inconnu", quoted(type_)));
      return false;
    }
    const std::optional<double> number = parse_xml_number(value_);
    if (!number) {
      fail(false, fmt::format("nombre {} invalide", quoted(value_)));
      return false;
    }
    cell_.type = date_style_ ? CellType::date : CellType::number;
    cell_.number = date_style_ && styles_.date1904 ? *number + 1462 : *number;
    return true;
  }

  bool set_text(std::string_view text) {
    cell_.type = text.empty() ? CellType::empty : CellType::text;
    cell_.text.assign(text);
    return true;
  }

  RowBuilder& rows_;
  const Context& context_;
  const SharedStrings& strings_;
  const Styles& styles_;
  Diagnostics& diags_;
  Namespace main_{main_ns};
  Cell cell_;
  std::string value_;
  std::string type_;
  int row_ = 0, column_ = 0;
  int phonetic_ = 0;
  bool in_data_ = false, in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false;
  bool date_style_ = false;
  bool complete_ = false;
};

struct Xlsx : Workbook::Impl {
  // The part of each sheet: "" for a chart sheet (no cells), nullopt when the workbook names none.
  std::vector<std::optional<std::string>> parts;
  std::string workbook_part;
  SharedStrings strings;
  Styles styles;

  Xlsx(Context c, std::unique_ptr<Archive> a) {
    context = std::move(c);
    format = SheetFormat::xlsx;
    archive = std::move(a);
  }

  bool read(std::optional<std::size_t> only, const SheetRowHandler& on_row, Diagnostics& diags) override {
    bool ok = true;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      if ((only && *only != i) || (parts[i] && parts[i]->empty()) || context.exhausted) continue;
      if (!parts[i]) {
        diags.push_back(context.bad_part(
            workbook_part, fmt::format("la feuille {} ne renvoie à aucune partie du fichier", quoted(sheets[i].name))));
        ok = false;
        continue;
      }
      RowBuilder rows(context, sheets[i].name, i, on_row, diags);
      SheetReader reader(rows, context, strings, styles, diags);
      if (!parse_part(*archive, *parts[i], reader, context, diags) && !reader.complete()) ok = false;
    }
    return ok;
  }
};

}  // namespace

std::unique_ptr<Workbook::Impl> open_xlsx(Context context, std::unique_ptr<Archive> archive, Diagnostics& diags) {
  auto x = std::make_unique<Xlsx>(std::move(context), std::move(archive));
  Archive& zip = *x->archive;
  const Context& ctx = x->context;
  std::string workbook = "xl/workbook.xml";
  if (zip.contains("_rels/.rels")) {
    RelationshipsReader rels;
    if (!parse_part(zip, "_rels/.rels", rels, ctx, diags)) return nullptr;
    for (const Relationship& r : rels.relationships)
      if (r.type.ends_with("/officeDocument") && !r.target.empty()) workbook = resolve("", r.target);
  }
  WorkbookReader book(ctx.limits.max_sheets);
  if (!parse_part(zip, workbook, book, ctx, diags)) {
    if (book.too_many) diags.push_back(ctx.too_large(fmt::format("plus de {} feuilles", ctx.limits.max_sheets)));
    return nullptr;
  }
  if (!book.is_workbook) {
    diags.push_back(ctx.bad_part(workbook, "ce n'est pas un classeur Excel (pas d'élément workbook)"));
    return nullptr;
  }
  const std::string folder = folder_of(workbook);
  std::map<std::string, Relationship> targets;
  std::string shared_strings, styles;
  if (const std::string rels_part = rels_of(workbook); zip.contains(rels_part)) {
    RelationshipsReader rels;
    if (!parse_part(zip, rels_part, rels, ctx, diags)) return nullptr;
    for (Relationship& r : rels.relationships) {
      r.target = resolve(folder, r.target);
      if (r.type.ends_with("/sharedStrings")) shared_strings = r.target;
      if (r.type.ends_with("/styles")) styles = r.target;
      targets.emplace(r.id, std::move(r));
    }
  }
  x->workbook_part = workbook;
  for (SheetEntry& s : book.sheets) {
    // A chart sheet (or a dialog sheet) has no cells; a sheet without a part fails when it is read.
    const auto target = targets.find(s.relationship);
    if (target == targets.end())
      x->parts.emplace_back();
    else
      x->parts.emplace_back(target->second.type.ends_with("/worksheet") ? target->second.target : std::string());
    x->sheets.push_back(std::move(s.info));
  }
  x->styles.date1904 = book.date1904;
  if (!styles.empty() && zip.contains(styles)) {
    StylesReader reader;
    if (!parse_part(zip, styles, reader, ctx, diags)) return nullptr;
    x->styles.dates = std::move(reader.date_styles);
  }
  if (!shared_strings.empty() && zip.contains(shared_strings)) {
    SharedStringsReader reader(x->strings, ctx, diags);
    if (!parse_part(zip, shared_strings, reader, ctx, diags)) return nullptr;
  }
  return x;
}

}  // namespace clausier::io::detail
