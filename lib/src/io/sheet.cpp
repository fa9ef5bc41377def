// Spreadsheets read directly (.xlsx, .ods). What a file really is comes from its bytes, not its name:
// an OLE2 compound file is an .xls or an encrypted workbook, a zip is opened within the limits and
// told apart by its parts, anything else (a CSV, a PDF, an HTML page) is named. Then the reader of the
// format: sheet_xlsx.cpp, sheet_ods.cpp.
//
// Why libzip + libxml2 and not liborcus (Debian's liborcus-dev 0.17), measured on 200 000 rows x 8
// columns saved by LibreOffice (xlsx: 7 MB, 88 MB of sheet XML; ods: 4 MB, 207 MB of content.xml):
// - memory: orcus reads each part whole and keeps its parse; its .ods import peaked at 1 GB (over
//   the 500 MB budget). pugixml (already here for .docx) builds a DOM: 632 MB for the .xlsx sheet.
//   A SAX stream fed by libzip's chunks keeps one chunk and one row: 20 MB.
// - limits: orcus inflates with its own zip reader, outside the size, count and ratio checks of
//   document/archive.cpp that every zip of Clausier goes through; here each chunk is checked.
// - what a sheet says: orcus 0.17's import interface has no error cells and no sheet visibility, asks
//   for about 70 style callbacks to learn number formats, and changes between versions (0.18 split it).
// - speed: orcus took 2.1 s for the .xlsx (6.2 s for the .ods); libxml2's SAX parser reads the same
//   sheet XML in 0.6 s (expat 1.2 s), so libzip + libxml2 reads the .xlsx in about 1 s.
// The XML is parsed by libxml2, never by hand; a DOCTYPE is refused (sheet_xml.hpp).
#include "clausier/io/sheet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "clausier/core/text.hpp"
#include "sheet_detail.hpp"

namespace clausier::io {
namespace {

using document::detail::Archive;
using detail::Context;

constexpr std::string_view ole2_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view ods_mimetype = "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::string_view manifest_ns = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

const std::string ask_hint = "demandez à l'entreprise son relevé au format .xlsx, .ods ou .csv";
const std::string password_hint =
    "ouvrez-le avec son mot de passe et enregistrez-le sans mot de passe, ou demandez à l'entreprise de le renvoyer "
    "sans mot de passe";

// Whether an OLE2 file holds a stream of that name (directory entries are UTF-16LE).
bool has_stream(std::string_view bytes, std::string_view name) {
  std::string utf16;
  for (char c : name) {
    utf16 += c;
    utf16 += '\0';
  }
  return bytes.find(utf16) != std::string_view::npos;
}

bool looks_like_text(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;
  const std::string_view head = bytes.substr(0, 4096);
  const auto controls = std::count_if(head.begin(), head.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  });
  return head.find('\0') == std::string_view::npos && controls * 20 <= static_cast<long>(head.size());
}

// The first bytes of a part (its whole content when short), or nullopt with a diagnostic.
std::optional<std::string> read_head(Archive& archive, const std::string& part, std::size_t cap, Diagnostics& diags) {
  std::string head;
  const std::size_t before = diags.size();
  archive.stream(part, diags, [&](std::string_view chunk) {
    head += chunk.substr(0, cap - head.size());
    return head.size() < cap;
  });
  if (diags.size() > before) return std::nullopt;
  return head;
}

// Whether META-INF/manifest.xml says parts are encrypted (an .ods saved with a password: its zip is
// ordinary, its parts are not XML).
class ManifestReader : public detail::XmlHandler {
 public:
  bool encrypted = false;
  void start(std::string_view uri, std::string_view local, const detail::XmlAttributes&) override {
    if (uri == manifest_ns && local == "encryption-data") {
      encrypted = true;
      stop_parsing();
    }
  }
  void end(std::string_view, std::string_view) override {}
  void text(std::string_view) override {}
};

class Opener {
 public:
  Opener(std::string_view bytes, SheetFormat expected, Context context, Diagnostics& diags)
      : bytes_(bytes), expected_(expected), context_(std::move(context)), diags_(diags) {}

  std::unique_ptr<Workbook::Impl> open() {
    if (bytes_.size() > context_.limits.max_file_size)
      return too_large(fmt::format("le fichier fait plus de {}", document::detail::size_text(context_.limits.max_file_size)));
    if (bytes_.starts_with(ole2_signature)) return compound_file();
    if (bytes_.starts_with("PK\x03\x04") || bytes_.starts_with("PK\x05\x06")) return zip();
    if (bytes_.empty()) return mismatch("le fichier est vide", "demandez à l'entreprise de renvoyer le fichier");
    if (bytes_.starts_with("%PDF")) return mismatch("c'est un PDF", ask_hint);
    if (looks_like_text(bytes_)) {
      std::string_view start = bytes_.substr(bytes_.starts_with("\xEF\xBB\xBF") ? 3 : 0);
      start.remove_prefix(std::min(start.find_first_not_of(" \t\r\n"), start.size()));
      if (start.starts_with('<'))
        return mismatch("il contient une page HTML ou du XML (un export d'un site web ?)",
                        fmt::format("ouvrez-le dans un tableur et enregistrez-le au format {}", extension(expected_)));
      return mismatch("il contient du texte (un fichier CSV ?)",
                      fmt::format("renommez-le en .csv si c'est un CSV, ou ouvrez-le dans un tableur et "
                                  "enregistrez-le au format {}",
                                  extension(expected_)));
    }
    return mismatch("son contenu n'est pas un classeur", ask_hint);
  }

 private:
  std::nullptr_t fail(std::string rule, std::string message, std::string hint) {
    diags_.push_back(context_.error(std::move(rule), std::move(message), std::move(hint)));
    return nullptr;
  }
  std::nullptr_t too_large(const std::string& what) {
    diags_.push_back(context_.too_large(what));
    return nullptr;
  }
  std::nullptr_t mismatch(const std::string& what, std::string hint) {
    return fail("sheet-content-mismatch", fmt::format("ce fichier porte l'extension {} mais {}", extension(expected_), what),
                std::move(hint));
  }

  std::nullptr_t compound_file() {
    if (has_stream(bytes_, "EncryptionInfo") || has_stream(bytes_, "EncryptedPackage"))
      return fail("sheet-encrypted", "ce classeur est protégé par un mot de passe (chiffré) : il ne peut pas être lu",
                  password_hint);
    if (has_stream(bytes_, "Workbook") || has_stream(bytes_, "Book"))
      return fail("sheet-xls", "ce fichier est un classeur Excel 97-2003 (.xls), un format ancien que Clausier ne lit pas",
                  "ouvrez-le dans Excel ou LibreOffice Calc et enregistrez-le au format .xlsx (Classeur Excel)");
    return mismatch("c'est un document Office ancien (Word ou PowerPoint 97-2003), pas un classeur", ask_hint);
  }

  std::unique_ptr<Workbook::Impl> zip() {
    std::unique_ptr<Archive> archive =
        Archive::open(bytes_, context_.path, detail::archive_limits(context_.limits), diags_, detail::sheet_wording());
    if (!archive) return nullptr;
    if (archive->contains("mimetype") || archive->contains("content.xml")) return odf(std::move(archive));
    if (archive->contains("word/document.xml")) return mismatch("c'est un document Word (.docx)", ask_hint);
    if (archive->contains("ppt/presentation.xml")) return mismatch("c'est une présentation PowerPoint (.pptx)", ask_hint);
    if (archive->contains("xl/workbook.bin"))
      return mismatch("c'est un classeur Excel binaire (.xlsb)",
                      "ouvrez-le dans Excel et enregistrez-le au format .xlsx (Classeur Excel)");
    if (!archive->contains("[Content_Types].xml") && !archive->contains("xl/workbook.xml"))
      return mismatch("c'est une archive zip qui ne contient pas de classeur", ask_hint);
    if (expected_ != SheetFormat::xlsx) return renamed(SheetFormat::xlsx, "classeur Excel");
    if (archive->encrypted("xl/workbook.xml")) return encrypted();
    return detail::open_xlsx(std::move(context_), std::move(archive), diags_);
  }

  std::unique_ptr<Workbook::Impl> odf(std::unique_ptr<Archive> archive) {
    std::string mimetype(ods_mimetype);
    if (archive->contains("mimetype")) {
      const std::optional<std::string> head = read_head(*archive, "mimetype", 200, diags_);
      if (!head) return nullptr;
      mimetype = *head;
    }
    if (!mimetype.starts_with(ods_mimetype)) {  // a text document, a presentation...
      const bool text = mimetype.find("opendocument.text") != std::string::npos;
      return mismatch(text ? "c'est un document texte OpenDocument (.odt)" : "c'est un fichier OpenDocument qui n'est pas un classeur",
                      ask_hint);
    }
    if (expected_ != SheetFormat::ods) return renamed(SheetFormat::ods, "classeur OpenDocument");
    if (archive->encrypted("content.xml")) return encrypted();
    if (archive->contains("META-INF/manifest.xml")) {
      ManifestReader manifest;
      Diagnostics ignored;  // a manifest that cannot be read only says nothing about encryption
      detail::parse_part(*archive, "META-INF/manifest.xml", manifest, context_, ignored);
      if (manifest.encrypted) return encrypted();
    }
    return detail::open_ods(std::move(context_), std::move(archive), diags_);
  }

  std::nullptr_t encrypted() {
    return fail("sheet-encrypted", "ce classeur est protégé par un mot de passe (chiffré) : il ne peut pas être lu",
                password_hint);
  }

  std::nullptr_t renamed(SheetFormat actual, std::string_view what) {
    return mismatch(fmt::format("c'est un {} ({})", what, extension(actual)),
                    fmt::format("renommez-le en {}", extension(actual)));
  }

  std::string_view bytes_;
  SheetFormat expected_;
  Context context_;
  Diagnostics& diags_;
};

}  // namespace

std::optional<SheetFormat> sheet_format_of(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return std::nullopt;
  std::string ext(path.substr(dot));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".xlsx") return SheetFormat::xlsx;
  if (ext == ".ods") return SheetFormat::ods;
  return std::nullopt;
}

std::string_view extension(SheetFormat format) { return format == SheetFormat::xlsx ? ".xlsx" : ".ods"; }

std::string_view name(CellType type) {
  switch (type) {
    case CellType::empty: return "empty";
    case CellType::number: return "number";
    case CellType::text: return "text";
    case CellType::boolean: return "boolean";
    case CellType::date: return "date";
    case CellType::error: return "error";
  }
  return "";
}

// ---- Workbook -----------------------------------------------------------------------------------

Workbook::Workbook(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Workbook::~Workbook() = default;

std::unique_ptr<Workbook> Workbook::open(std::string_view bytes, SheetFormat expected, const std::string& path,
                                         Diagnostics& diags, const SheetLimits& limits) {
  Context context;
  context.path = path;
  context.limits = limits;
  std::unique_ptr<Impl> impl = Opener(bytes, expected, std::move(context), diags).open();
  if (!impl) return nullptr;
  return std::unique_ptr<Workbook>(new Workbook(std::move(impl)));
}

SheetFormat Workbook::format() const { return impl_->format; }
const std::vector<SheetInfo>& Workbook::sheets() const { return impl_->sheets; }

bool Workbook::read_rows(const SheetRowHandler& on_row, Diagnostics& diags) {
  impl_->context.cells = 0;
  impl_->context.exhausted = false;
  return impl_->read(std::nullopt, on_row, diags);
}

bool Workbook::read_rows(std::size_t sheet, const SheetRowHandler& on_row, Diagnostics& diags) {
  impl_->context.cells = 0;
  impl_->context.exhausted = false;
  return impl_->read(sheet, on_row, diags);
}

// ---- Cells --------------------------------------------------------------------------------------

std::string column_name(int column) {
  std::string out;
  while (column > 0) {
    const int digit = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return out;
}

std::string cell_name(int row, int column) { return column_name(column) + std::to_string(row); }

std::string cell_position(std::string_view path, std::string_view sheet, int row, int column) {
  return fmt::format("{}:{}!{}", path, sheet, column > 0 ? cell_name(row, column) : std::to_string(row));
}

std::optional<CivilDate> civil_date(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;  // 1899-12-31 to 9999-12-31
  // H. Hinnant's civil_from_days.
  const long z = static_cast<long>(std::floor(serial)) + detail::serial_epoch + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  if (year < 1900) return std::nullopt;
  return CivilDate{year, month, day};
}

std::string cell_text(const Cell& cell) {
  switch (cell.type) {
    case CellType::empty: return {};
    case CellType::text:
    case CellType::error: return cell.text;
    case CellType::boolean: return cell.number != 0 ? "VRAI" : "FAUX";
    case CellType::date: {
      const std::optional<CivilDate> date = civil_date(cell.number);
      if (!date) break;  // out of the calendar: its number
      std::string out = fmt::format("{:04}-{:02}-{:02}", date->year, date->month, date->day);
      // To the nearest second (8:30 is stored as 0.35416666666...), never past the day.
      const auto seconds = std::min(86399L, static_cast<long>(std::llround((cell.number - std::floor(cell.number)) * 86400.0)));
      if (seconds > 0)
        out += fmt::format("T{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
      return out;
    }
    case CellType::number: break;
  }
  char buffer[400];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, cell.number, std::chars_format::fixed);
  if (error != std::errc()) return {};
  return std::string(buffer, end);
}

}  // namespace clausier::io
