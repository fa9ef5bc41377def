// Reading a draft document: the format from the extension, the bytes within the limits, then the
// reader of the format (archive.cpp and xml.cpp for .docx and .odt; read_markdown.cpp, read_text.cpp
// and read_html.cpp for the others, over text.cpp's paragraph sink).
#include "clausier/document/read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>

#include "archive.hpp"
#include "clausier/core/text.hpp"
#include "clausier/io/files.hpp"
#include "text.hpp"
#include "xml.hpp"

namespace clausier::document {
namespace {

// A heading quoted in a position stays readable on one line.
constexpr std::size_t max_quoted_heading = 80;

bool is_text_format(Format f) { return f == Format::markdown || f == Format::text || f == Format::html; }

Diagnostic input_error(const std::string& path, std::string rule, std::string message, std::string hint) {
  return {std::move(rule), Severity::error, Category::input, path, {}, std::move(message), std::move(hint)};
}

Diagnostic file_too_large(const std::string& path, std::size_t limit) {
  return input_error(path, "document-too-large",
                     fmt::format("le fichier fait plus de {} : document refusé", detail::size_text(limit)),
                     "un document de consultation ordinaire est bien plus petit ; vérifiez le fichier");
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// The main part is the one _rels/.rels names (word/document.xml when Word wrote the file); the styles
// part the one the main part's relationships name, else styles.xml beside it.
std::optional<std::vector<Paragraph>> read_docx(std::string_view bytes, const std::string& path, const Limits& limits,
                                                Diagnostics& diags) {
  const std::unique_ptr<detail::Archive> archive = detail::Archive::open(bytes, path, limits, diags);
  if (!archive) return std::nullopt;
  std::string main = "word/document.xml";
  if (archive->contains("_rels/.rels")) {
    const std::optional<std::string> rels = archive->read("_rels/.rels", diags);
    if (!rels) return std::nullopt;
    const std::string target = detail::relationship_target(*rels, "/officeDocument", "");
    if (!target.empty() && archive->contains(target)) main = target;
  }
  if (!archive->contains(main)) {
    diags.push_back(input_error(path, "document-archive",
                                fmt::format("l'archive ne contient pas {} : ce n'est pas un document Word (.docx)", main),
                                "enregistrez-le au format .docx depuis Word ou LibreOffice"));
    return std::nullopt;
  }
  const std::string folder = folder_of(main);
  std::string styles_part = folder + "styles.xml";
  const std::string main_rels = folder + "_rels/" + main.substr(folder.size()) + ".rels";
  if (archive->contains(main_rels)) {
    const std::optional<std::string> rels = archive->read(main_rels, diags);
    if (!rels) return std::nullopt;
    const std::string target = detail::relationship_target(*rels, "/styles", folder);
    if (!target.empty()) styles_part = target;
  }
  std::string styles;
  if (archive->contains(styles_part)) {
    std::optional<std::string> read = archive->read(styles_part, diags);
    if (!read) return std::nullopt;
    styles = std::move(*read);
  }
  const std::optional<std::string> document = archive->read(main, diags);
  if (!document) return std::nullopt;
  return detail::read_wordprocessing(*document, styles, path, main, diags);
}

std::optional<std::vector<Paragraph>> read_odt(std::string_view bytes, const std::string& path, const Limits& limits,
                                               Diagnostics& diags) {
  const std::unique_ptr<detail::Archive> archive = detail::Archive::open(bytes, path, limits, diags);
  if (!archive) return std::nullopt;
  if (!archive->contains("content.xml")) {
    diags.push_back(input_error(path, "document-archive",
                                "l'archive ne contient pas content.xml : ce n'est pas un document OpenDocument (.odt)",
                                "enregistrez-le au format .odt depuis LibreOffice Writer"));
    return std::nullopt;
  }
  const std::optional<std::string> content = archive->read("content.xml", diags);
  if (!content) return std::nullopt;
  return detail::read_odf_text(*content, path, "content.xml", diags);
}

}  // namespace

std::string_view name(Format f) {
  switch (f) {
    case Format::docx: return "docx";
    case Format::odt: return "odt";
    case Format::markdown: return "md";
    case Format::text: return "txt";
    case Format::html: return "html";
  }
  return "txt";
}

std::optional<Format> format_from_path(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = file.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string extension = lower_ascii(file.substr(dot + 1));
  if (extension == "docx") return Format::docx;
  if (extension == "odt") return Format::odt;
  if (extension == "md" || extension == "markdown") return Format::markdown;
  if (extension == "txt" || extension == "text") return Format::text;
  if (extension == "html" || extension == "htm") return Format::html;
  return std::nullopt;
}

std::string describe(const Document& d, const Paragraph& p) {
  std::string out;
  if (is_text_format(d.format)) {
    out = fmt::format("ligne {}", p.line);
    if (p.table > 0) out += fmt::format(", tableau {}, colonne {}", p.table, p.column);
    return out;
  }
  out = fmt::format("paragraphe {}", p.number);
  if (p.table > 0) out += fmt::format(", tableau {}, ligne {}, colonne {}", p.table, p.row, p.column);
  if (!p.heading.empty()) {
    std::string heading = p.heading;
    if (utf8_width(heading) > max_quoted_heading)
      heading = heading.substr(0, utf8_offset(heading, static_cast<int>(max_quoted_heading) - 1)) + "…";
    out += ", sous " + clausier::quoted(heading);
  }
  return out;
}

Position position(const Document& d, const Paragraph& p, std::size_t offset) {
  if (!is_text_format(d.format)) return {p.number, 0};
  if (p.anchors.empty()) return {p.line, 1};
  offset = std::min(offset, p.text.size());
  auto after = std::upper_bound(p.anchors.begin(), p.anchors.end(), offset,
                                [](std::size_t o, const SourceAnchor& a) { return o < a.offset; });
  const SourceAnchor& a = after == p.anchors.begin() ? *after : *std::prev(after);
  Position pos = a.pos;
  if (a.verbatim && offset > a.offset)
    pos.column += static_cast<int>(utf8_width(std::string_view(p.text).substr(a.offset, offset - a.offset)));
  return pos;
}

ReadResult read_document(const std::string& path, const Limits& limits) {
  ReadResult result;
  const std::optional<Format> format = format_from_path(path);
  if (!format) {
    const bool old_word = lower_ascii(path).ends_with(".doc");
    result.diagnostics.push_back(input_error(
        path, "document-format",
        "format de document non reconnu (formats lus : .docx, .odt, .md, .txt, .html)",
        old_word ? "enregistrez-le au format .docx (Word : Fichier, Enregistrer sous)"
                 : "enregistrez-le dans l'un de ces formats, avec l'extension qui convient"));
    return result;
  }
  // Refused before reading, so that a huge file never fills the memory.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_file_size) {
    result.diagnostics.push_back(file_too_large(path, limits.max_file_size));
    return result;
  }
  io::ReadResult file = io::read_file(path);
  if (!file.text) {
    result.diagnostics.push_back(std::move(file.error));
    return result;
  }
  return parse_document(*file.text, *format, path, limits);
}

ReadResult parse_document(std::string_view bytes, Format format, const std::string& path, const Limits& limits) {
  ReadResult result;
  if (bytes.size() > limits.max_file_size) {
    result.diagnostics.push_back(file_too_large(path, limits.max_file_size));
    return result;
  }
  // A save or a copy that failed leaves an empty file: said as such, not as a CCAP with nothing in it
  // (a finding for each missing stipulation) nor as a .docx without word/document.xml.
  if (detail::skip_bom(bytes).empty()) {
    result.diagnostics.push_back(input_error(path, "document-empty", "le fichier est vide : il n'y a aucune pièce à vérifier",
                                             "enregistrez de nouveau la pièce depuis Word ou LibreOffice : "
                                             "l'enregistrement ou la copie du fichier n'a pas abouti"));
    return result;
  }
  std::optional<std::vector<Paragraph>> paragraphs;
  if (is_text_format(format)) {
    if (std::optional<Diagnostic> bad = detail::check_utf8(bytes, path)) {
      result.diagnostics.push_back(std::move(*bad));
      return result;
    }
    const std::string_view text = detail::skip_bom(bytes);
    paragraphs = format == Format::markdown ? detail::read_markdown(text)
                 : format == Format::text   ? detail::read_plain_text(text)
                                            : detail::read_html(text);
  } else if (format == Format::docx) {
    paragraphs = read_docx(bytes, path, limits, result.diagnostics);
  } else {
    paragraphs = read_odt(bytes, path, limits, result.diagnostics);
  }
  if (!paragraphs) return result;
  result.document = Document{path, format, std::move(*paragraphs)};
  return result;
}

}  // namespace clausier::document
