#pragma once
// Private to the document readers: what every reader feeds (ParagraphSink), the readers of the text
// formats (Markdown, plain text, HTML), which take text already checked to be UTF-8, and the line
// helpers the Markdown and plain-text readers share.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/text.hpp"
#include "clausier/document/read.hpp"
#include "mapped_text.hpp"

namespace clausier::document::detail {

// A piece of text as a reader finds it, before spaces are normalised. The text formats map it to
// their source; Word and ODF give plain text.
struct Block {
  MappedText text;
  int line = 0;
  int heading_level = 0;
  int table = 0, row = 0, column = 0;
};

// Collects paragraphs in reading order: spaces normalised, empty ones dropped, the others numbered
// and given the nearest heading above. Given the source of the text formats, it also records where
// each piece of a paragraph's text stands in it (Paragraph::anchors).
class ParagraphSink {
 public:
  ParagraphSink() = default;
  explicit ParagraphSink(std::string_view source) : locator_(SourceLocator(source)) {}
  void add(const Block& block);
  std::vector<Paragraph> take() { return std::move(paragraphs_); }

 private:
  std::vector<Paragraph> paragraphs_;
  std::vector<std::string> headings_ = std::vector<std::string>(9);  // the open heading of each level
  std::optional<SourceLocator> locator_;
};

// Valid UTF-8 whatever the input; ASCII white space (tab, line breaks included) collapsed into one
// space and trimmed; other control characters dropped; no-break spaces kept.
std::string normalise_text(std::string_view raw);
// The same on mapped text: a kept byte keeps its place in the source, a collapsed space takes the
// place of the first blank it replaces.
MappedText normalise_text(const MappedText& raw);

// An "encoding" diagnostic at the first byte that is not UTF-8, or nullopt. A UTF-8 BOM is fine.
std::optional<Diagnostic> check_utf8(std::string_view text, const std::string& path);
// The text without its UTF-8 byte order mark (the mark moves no line).
std::string_view skip_bom(std::string_view text);

std::vector<Paragraph> read_markdown(std::string_view text);    // markdown.cpp
std::vector<Paragraph> read_plain_text(std::string_view text);  // plain_text.cpp
std::vector<Paragraph> read_html(std::string_view text);        // html.cpp

// ---- Shared by the Markdown and plain-text readers --------------------------------------------

using clausier::split_lines;  // "\r\n" or "\n"; no terminator kept (core/text.hpp)
using clausier::trim_spaces;  // ASCII spaces and tabs only (core/text.hpp)

// Byte length of the UTF-8 sequence a lead byte starts (1 to 4), 0 for a byte no sequence starts with.
std::size_t utf8_length(unsigned char lead);
// A line of three or more "=" (level 1) or "-" (level 2) and nothing else; 0 otherwise.
int underline_level(std::string_view line);
// The text of a list item without its bullet ("- ", "* ", and "+ " in Markdown, "• " in plain text);
// an ordered Markdown item keeps its number ("1. Objet"), which the reader of the rendered page sees.
// npos when the line is no list item.
std::size_t list_item_start(std::string_view line, bool markdown);
// Where `piece` (a view into `text`) starts in it.
inline std::size_t offset_in(std::string_view text, std::string_view piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

}  // namespace clausier::document::detail
