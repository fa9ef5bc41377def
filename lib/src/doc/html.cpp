// A standalone HTML page that prints well on A4: no external resource, the style inline.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/doc/blocks.hpp"

namespace clausier::doc {
namespace {

// Print first: A4 with 2 cm margins; on screen, a column as wide as the printed text. (Centring the body in
// print too makes LibreOffice squeeze tables to nothing when it opens the page.)
constexpr std::string_view page_style = R"(<style>
@page { size: A4; margin: 2cm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 11pt; line-height: 1.35; }
@media screen { body { max-width: 17cm; margin: 1cm auto; } }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
h1 { font-size: 16pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
p, li { orphans: 2; widows: 2; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
.right { text-align: right; }
.page-break { break-after: page; page-break-after: always; }
</style>
)";

std::string inline_html(const Inline& text) {
  std::string out;
  for (const Span& span : text) out += span.bold ? "<strong>" + html_escaped(span.text) + "</strong>" : html_escaped(span.text);
  return out;
}

std::string table_row(const Table& table, const std::vector<Inline>& cells, std::string_view tag) {
  std::string out = "<tr>";
  for (std::size_t c = 0; c < table.header.size(); ++c) {
    const bool right = c < table.right_aligned.size() && table.right_aligned[c];
    out += "<" + std::string(tag) + (right ? " class=\"right\">" : ">");
    if (c < cells.size()) out += inline_html(cells[c]);
    out += "</" + std::string(tag) + ">";
  }
  return out + "</tr>\n";
}

std::string table_html(const Table& table) {
  if (table.header.empty()) return {};
  std::string out = "<table>\n<thead>\n" + table_row(table, table.header, "th") + "</thead>\n<tbody>\n";
  for (const auto& row : table.rows) out += table_row(table, row, "td");
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string write_html(const Document& d) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + html_escaped(d.title) + "</title>\n";
  out += page_style;
  out += "</head>\n<body>\n";
  bool in_list = false;
  for (const Block& b : d.blocks) {
    const bool bullet = b.kind == Block::Kind::bullet;
    if (in_list && !bullet) out += "</ul>\n";
    if (!in_list && bullet) out += "<ul>\n";
    in_list = bullet;
    switch (b.kind) {
      case Block::Kind::heading: {
        const std::string tag = "h" + std::to_string(b.level < 1 ? 1 : b.level > 3 ? 3 : b.level);
        out += "<" + tag + ">" + inline_html(b.text) + "</" + tag + ">\n";
        break;
      }
      case Block::Kind::paragraph: out += "<p>" + inline_html(b.text) + "</p>\n"; break;
      case Block::Kind::bullet: out += "<li>" + inline_html(b.text) + "</li>\n"; break;
      case Block::Kind::table: out += table_html(b.table); break;
      case Block::Kind::page_break: out += "<div class=\"page-break\"></div>\n"; break;
    }
  }
  if (in_list) out += "</ul>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace clausier::doc
