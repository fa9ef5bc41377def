// Fuzz target for the document readers (parse_document): the same bytes are read as each format,
// with small limits so that a zip bomb costs little. Built with -DCLAUSIER_FUZZ=ON and clang, it is a
// libFuzzer entry point; otherwise it is a normal test that replays the files and folders given on
// its command line. Beyond "no crash", it checks what callers rely on; a broken promise aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clausier/core/text.hpp"
#include "clausier/document/read.hpp"

namespace {

void require(bool promise) {
  if (!promise) std::abort();
}

bool is_text_format(clausier::document::Format f) {
  using clausier::document::Format;
  return f == Format::markdown || f == Format::text || f == Format::html;
}

// Normalised text: valid UTF-8, no control character, no leading, trailing or doubled ASCII space.
void check_text(const std::string& text) {
  require(!text.empty());
  require(clausier::is_valid_utf8(text));
  require(text.front() != ' ' && text.back() != ' ');
  require(text.find("  ") == std::string::npos);
  for (char c : text) require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
}

// The byte offset of a 1-based line and character column in `text`, or npos when there is none.
std::size_t offset_of(std::string_view text, clausier::Position pos) {
  std::size_t at = 0;
  for (int line = 1; line < pos.line; ++line) {
    at = text.find('\n', at);
    if (at == std::string_view::npos) return at;
    ++at;
  }
  for (int column = 1; column < pos.column; ++column) {
    if (at >= text.size() || text[at] == '\n') return std::string_view::npos;
    do ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  }
  return at;
}

// Anchors of a text paragraph: the first at offset 0, in order of offset and of place in the file;
// a verbatim piece is the very bytes of the file at its line and column.
void check_anchors(std::string_view bytes, const clausier::document::Paragraph& p) {
  using clausier::Position;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  require(!p.anchors.empty() && p.anchors.front().offset == 0);
  require(p.anchors.front().pos.line >= p.line);
  for (std::size_t a = 0; a < p.anchors.size(); ++a) {
    const clausier::document::SourceAnchor& anchor = p.anchors[a];
    const std::size_t end = a + 1 < p.anchors.size() ? p.anchors[a + 1].offset : p.text.size();
    require(anchor.offset < end && end <= p.text.size());
    require(anchor.pos.line >= 1 && anchor.pos.column >= 1);
    if (a > 0) {
      const Position before = p.anchors[a - 1].pos;
      require(before.line < anchor.pos.line || (before.line == anchor.pos.line && before.column <= anchor.pos.column));
    }
    const std::size_t at = offset_of(bytes, anchor.pos);
    require(at != std::string_view::npos);
    if (anchor.verbatim) require(bytes.substr(at, end - anchor.offset) == std::string_view(p.text).substr(anchor.offset, end - anchor.offset));
  }
}

void check(std::string_view bytes, clausier::document::Format format) {
  using namespace clausier;
  document::Limits limits;
  limits.max_file_size = 1u << 20;
  limits.max_entries = 64;
  limits.max_entry_size = 1u << 20;
  limits.max_total_size = 2u << 20;
  const std::string path = "fuzz." + std::string(document::name(format));
  const document::ReadResult result = document::parse_document(bytes, format, path, limits);

  // A document, or the reasons why not: input diagnostics, in the file.
  require(result.document.has_value() != !result.diagnostics.empty());
  for (const Diagnostic& d : result.diagnostics) {
    require(d.rule == "encoding" || d.rule == "document-archive" || d.rule == "document-too-large" ||
            d.rule == "document-xml" || d.rule == "document-empty");
    // Empty (a byte-order mark at most): that and nothing else.
    require((d.rule == "document-empty") == (bytes.empty() || bytes == "\xEF\xBB\xBF"));
    if (d.rule == "document-empty") continue;
    require(d.category == Category::input && d.severity == Severity::error);
    require(d.path == path);
    require(is_valid_utf8(d.message) && !d.message.empty());
    require(d.rule == "document-too-large" || is_text_format(format) == (d.rule == "encoding"));
  }
  if (!result.document) return;

  const document::Document& doc = *result.document;
  require(doc.path == path && doc.format == format);
  int previous_line = 0;
  for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const document::Paragraph& p = doc.paragraphs[i];
    check_text(p.text);
    require(p.number == static_cast<int>(i) + 1);  // numbers count the paragraphs, in order
    require(p.heading_level >= 0 && p.heading_level <= 9);
    if (!p.heading.empty()) check_text(p.heading);
    const bool in_table = p.table > 0;
    require(in_table ? p.row >= 1 && p.column >= 1 : p.table == 0 && p.row == 0 && p.column == 0);
    require(!(in_table && p.heading_level > 0));
    if (is_text_format(format)) {
      require(p.line >= 1 && p.line >= previous_line);  // paragraphs in the order of the text
      previous_line = p.line;
      check_anchors(bytes, p);
    } else {
      require(p.line == 0);
      require(document::position(doc, p) == Position{p.number, 0});
    }
    require(is_valid_utf8(document::describe(doc, p)));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using clausier::document::Format;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (Format format : {Format::docx, Format::odt, Format::markdown, Format::text, Format::html}) check(bytes, format);
  return 0;
}
