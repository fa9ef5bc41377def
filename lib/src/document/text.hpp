#pragma once
// Private to the document readers: what every reader feeds (ParagraphSink), and the readers of the
// text formats (Markdown, plain text, HTML), which take text already checked to be UTF-8.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/document/read.hpp"
#include "clausier/core/text.hpp"

namespace clausier::document::detail {

// A piece of text as a reader finds it, before spaces are normalised.
struct Block {
  std::string text;
  int line = 0;
  int heading_level = 0;
  int table = 0, row = 0, column = 0;
};

// Collects paragraphs in reading order: spaces normalised, empty ones dropped, the others numbered
// and given the nearest heading above.
class ParagraphSink {
 public:
  void add(const Block& block);
  std::vector<Paragraph> take() { return std::move(paragraphs_); }

 private:
  std::vector<Paragraph> paragraphs_;
  std::vector<std::string> headings_ = std::vector<std::string>(9);  // the open heading of each level
};

// Valid UTF-8 whatever the input; ASCII white space (tab, line breaks included) collapsed into one
// space and trimmed; other control characters dropped; no-break spaces kept.
std::string normalise_text(std::string_view raw);

// An "encoding" diagnostic at the first byte that is not UTF-8, or nullopt. A UTF-8 BOM is fine.
std::optional<Diagnostic> check_utf8(std::string_view text, const std::string& path);
// The text without its UTF-8 byte order mark (the mark moves no line).
std::string_view skip_bom(std::string_view text);

std::vector<Paragraph> read_markdown(std::string_view text);
std::vector<Paragraph> read_plain_text(std::string_view text);
std::vector<Paragraph> read_html(std::string_view text);

// Line-level helpers shared by the Markdown and plain-text readers.
using clausier::split_lines;  // "\r\n" or "\n"; no terminator kept (core/text.hpp)
using clausier::trim_spaces;  // ASCII spaces and tabs only (core/text.hpp)

}  // namespace clausier::document::detail
