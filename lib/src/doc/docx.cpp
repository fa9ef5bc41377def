// A .docx (WordprocessingML) as bytes: pugixml writes each XML part, libzip packs them in memory.
// Deterministic: fixed part order, a constant date on every zip entry, no ids drawn at random, no dates
// in the document properties.
#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/doc/blocks.hpp"

namespace clausier::doc {
namespace {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view office_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view office_type = "application/vnd.openxmlformats-officedocument.";

// A4 in twentieths of a point, margins of 2 cm (1134); the text between them.
constexpr int page_width = 11906;
constexpr int page_height = 16838;
constexpr int page_margin = 1134;
constexpr int text_width = page_width - 2 * page_margin;

constexpr std::string_view font = "Times New Roman";  // LibreOffice substitutes Liberation Serif, same metrics
constexpr std::string_view body_size = "22";          // half-points: 11 pt

// 1980-01-01 00:00, the first date a zip entry can hold; set as a DOS date so the time zone plays no part.
constexpr std::uint16_t zip_entry_time = 0;
constexpr std::uint16_t zip_entry_date = (0 << 9) | (1 << 5) | 1;

using Attributes = std::initializer_list<std::pair<const char*, std::string_view>>;

pugi::xml_node add(pugi::xml_node parent, const char* name, Attributes attributes = {}) {
  pugi::xml_node node = parent.append_child(name);
  for (const auto& [key, value] : attributes) node.append_attribute(key).set_value(std::string(value).c_str());
  return node;
}

// <w:name w:val="value"/>, the shape of most WordprocessingML properties.
pugi::xml_node add_val(pugi::xml_node parent, const char* name, std::string_view value) {
  return add(parent, name, {{"w:val", value}});
}

pugi::xml_node start_part(pugi::xml_document& xml, const char* root, Attributes namespaces) {
  pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  declaration.append_attribute("standalone").set_value("yes");
  return add(xml, root, namespaces);
}

class StringWriter : public pugi::xml_writer {
 public:
  std::string bytes;
  void write(const void* data, std::size_t size) override { bytes.append(static_cast<const char*>(data), size); }
};

std::string serialise(const pugi::xml_document& xml) {
  StringWriter writer;
  xml.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
  return writer.bytes;
}

// Text as XML 1.0 accepts it (Word refuses a file that breaks this): malformed UTF-8 becomes U+FFFD;
// control characters other than tab and line feed, surrogates, U+FFFE and U+FFFF are dropped.
std::string xml_text(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80                   ? 1
                               : lead >= 0xC2 && lead <= 0xDF ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    std::uint32_t code = length == 1 ? lead : length == 2 ? lead & 0x1Fu : length == 3 ? lead & 0x0Fu : lead & 0x07u;
    bool valid = length > 0 && i + length <= s.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      valid = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3Fu);
    }
    valid = valid && !(length == 3 && code < 0x800) && !(length == 4 && (code < 0x10000 || code > 0x10FFFF));
    if (!valid) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    const bool allowed = code == 0x9 || code == 0xA || (code >= 0x20 && code < 0xD800) ||
                         (code >= 0xE000 && code <= 0xFFFD) || code >= 0x10000;
    if (allowed) out.append(s.substr(i, length));
    i += length;
  }
  return out;
}

// One run a span. A tab or a line break inside a span (a Document built by hand) becomes w:tab or w:br.
void add_runs(pugi::xml_node paragraph, const Inline& text, bool bold = false) {
  for (const Span& span : text) {
    const std::string clean = xml_text(span.text);
    if (clean.empty()) continue;
    pugi::xml_node run = add(paragraph, "w:r");
    if (span.bold || bold) add(add(run, "w:rPr"), "w:b");
    std::size_t start = 0;
    while (start <= clean.size()) {
      const std::size_t end = std::min(clean.find_first_of("\t\n", start), clean.size());
      if (end > start) {
        pugi::xml_node t = add(run, "w:t", {{"xml:space", "preserve"}});
        t.append_child(pugi::node_pcdata).set_value(clean.substr(start, end - start).c_str());
      }
      if (end < clean.size()) add(run, clean[end] == '\t' ? "w:tab" : "w:br");
      start = end + 1;
    }
  }
}

pugi::xml_node add_paragraph(pugi::xml_node body, std::string_view style) {
  pugi::xml_node paragraph = add(body, "w:p");
  if (!style.empty()) add_val(add(paragraph, "w:pPr"), "w:pStyle", style);
  return paragraph;
}

// Word leaves no space below a table: the paragraph that follows one gets some above.
void add_space_above(pugi::xml_node paragraph) {
  pugi::xml_node props = paragraph.child("w:pPr");
  if (!props) props = paragraph.prepend_child("w:pPr");
  add(props, "w:spacing", {{"w:before", "120"}});  // after w:pStyle and w:numPr, as the schema orders them
}

std::string plain(const Inline& text) {
  std::string out;
  for (const Span& span : text) out += span.text;
  return out;
}

// Columns share the text width in proportion to their longest text, within bounds, so a column of
// amounts stays narrow and a column of descriptions gets the room.
std::vector<int> column_widths(const Table& table) {
  const std::size_t columns = table.header.size();
  std::vector<std::size_t> weight(columns), word(columns);
  auto measure = [&](const std::vector<Inline>& cells) {
    for (std::size_t c = 0; c < columns && c < cells.size(); ++c) {
      std::string text = plain(cells[c]);
      weight[c] = std::max(weight[c], utf8_width(text));
      std::size_t start = 0;
      while (start <= text.size()) {  // the longest word: a column narrower than it splits the word
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        word[c] = std::max(word[c], utf8_width(std::string_view(text).substr(start, end - start)));
        start = end + 1;
      }
    }
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  std::size_t total = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    weight[c] = std::max(std::clamp<std::size_t>(weight[c], 6, 50), word[c]);
    total += weight[c];
  }
  std::vector<int> widths(columns);
  int used = 0;
  for (std::size_t c = 0; c + 1 < columns; ++c) {
    widths[c] = static_cast<int>(text_width * weight[c] / total);
    used += widths[c];
  }
  widths.back() = text_width - used;  // the rounding goes to the last column
  // No column narrower than its longest word (bold header letters, cell margins included), or Word
  // splits the word ("Numér/o"); the twips it needs come from the widest columns.
  std::vector<int> minimum(columns);
  for (std::size_t c = 0; c < columns; ++c) minimum[c] = static_cast<int>(word[c]) * 125 + 240;
  for (std::size_t c = 0; c < columns; ++c) {
    while (widths[c] < minimum[c]) {
      std::size_t donor = columns;
      for (std::size_t d = 0; d < columns; ++d)
        if (d != c && widths[d] - minimum[d] > 0 && (donor == columns || widths[d] - minimum[d] > widths[donor] - minimum[donor]))
          donor = d;
      if (donor == columns) break;  // no room anywhere: leave it
      int step = std::min({minimum[c] - widths[c], widths[donor] - minimum[donor], 50});
      widths[c] += step;
      widths[donor] -= step;
    }
  }
  return widths;
}

void add_row(pugi::xml_node tbl, const Table& table, const std::vector<Inline>& cells, const std::vector<int>& widths,
             bool header) {
  pugi::xml_node row = add(tbl, "w:tr");
  pugi::xml_node row_props = add(row, "w:trPr");
  add(row_props, "w:cantSplit");
  if (header) add(row_props, "w:tblHeader");
  for (std::size_t c = 0; c < widths.size(); ++c) {
    pugi::xml_node cell = add(row, "w:tc");
    pugi::xml_node cell_props = add(cell, "w:tcPr");
    add(cell_props, "w:tcW", {{"w:w", std::to_string(widths[c])}, {"w:type", "dxa"}});
    if (header) add(cell_props, "w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", "E6E6E6"}});
    pugi::xml_node paragraph = add(cell, "w:p");  // a cell holds at least one paragraph
    // Body text is justified; in a narrow cell that stretches the spaces, so cells align left (or right).
    bool right = c < table.right_aligned.size() && table.right_aligned[c];
    add_val(add(paragraph, "w:pPr"), "w:jc", right ? "right" : "left");
    if (c < cells.size()) add_runs(paragraph, cells[c], header);
  }
}

void add_table(pugi::xml_node body, const Table& table) {
  const std::vector<int> widths = column_widths(table);
  pugi::xml_node tbl = add(body, "w:tbl");
  pugi::xml_node props = add(tbl, "w:tblPr");
  add_val(props, "w:tblStyle", "TableGrid");
  add(props, "w:tblW", {{"w:w", "5000"}, {"w:type", "pct"}});  // fiftieths of a percent: the full width
  add(props, "w:tblLook", {{"w:val", "04A0"}, {"w:firstRow", "1"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                           {"w:lastColumn", "0"}, {"w:noHBand", "0"}, {"w:noVBand", "1"}});
  pugi::xml_node grid = add(tbl, "w:tblGrid");
  for (int w : widths) add(grid, "w:gridCol", {{"w:w", std::to_string(w)}});
  add_row(tbl, table, table.header, widths, true);
  for (const auto& row : table.rows) add_row(tbl, table, row, widths, false);
}

std::string document_xml(const Document& d) {
  pugi::xml_document xml;
  pugi::xml_node body = add(start_part(xml, "w:document", {{"xmlns:w", w_ns}}), "w:body");
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const Block& b = d.blocks[i];
    const bool after_table = i > 0 && d.blocks[i - 1].kind == Block::Kind::table;
    switch (b.kind) {
      case Block::Kind::heading: {
        const int level = std::clamp(b.level, 1, 3);
        add_runs(add_paragraph(body, "Heading" + std::to_string(level)), b.text);
        break;
      }
      case Block::Kind::paragraph: {
        pugi::xml_node paragraph = add_paragraph(body, "");
        if (after_table) add_space_above(paragraph);
        add_runs(paragraph, b.text);
        break;
      }
      case Block::Kind::bullet: {
        pugi::xml_node paragraph = add_paragraph(body, "ListParagraph");
        pugi::xml_node numbering = add(paragraph.child("w:pPr"), "w:numPr");
        add_val(numbering, "w:ilvl", "0");
        add_val(numbering, "w:numId", "1");
        if (after_table) add_space_above(paragraph);
        add_runs(paragraph, b.text);
        break;
      }
      case Block::Kind::table: {
        if (b.table.header.empty()) break;
        add_table(body, b.table);
        // Word joins two tables that touch, and ends a document on a paragraph.
        if (i + 1 == d.blocks.size() || d.blocks[i + 1].kind == Block::Kind::table) add_paragraph(body, "");
        break;
      }
      case Block::Kind::page_break: add(add(add(body, "w:p"), "w:r"), "w:br", {{"w:type", "page"}}); break;
    }
  }
  pugi::xml_node section = add(body, "w:sectPr");
  add(section, "w:pgSz", {{"w:w", std::to_string(page_width)}, {"w:h", std::to_string(page_height)}});
  const std::string margin = std::to_string(page_margin);
  add(section, "w:pgMar", {{"w:top", margin}, {"w:right", margin}, {"w:bottom", margin}, {"w:left", margin},
                           {"w:header", "567"}, {"w:footer", "567"}, {"w:gutter", "0"}});
  return serialise(xml);
}

pugi::xml_node add_style(pugi::xml_node styles, const char* type, std::string_view id, std::string_view name,
                         std::string_view based_on = {}) {
  pugi::xml_node style = add(styles, "w:style", {{"w:type", type}, {"w:styleId", id}});
  add_val(style, "w:name", name);
  if (!based_on.empty()) add_val(style, "w:basedOn", based_on);
  return style;
}

void add_font_size(pugi::xml_node run_props, std::string_view half_points) {
  add_val(run_props, "w:sz", half_points);
  add_val(run_props, "w:szCs", half_points);
}

// Built-in style ids and names ("heading 1"), so Word lists them as its own, in its own language, and
// outline levels, so its navigation pane shows the headings. Children follow the schema's order.
std::string styles_xml() {
  pugi::xml_document xml;
  pugi::xml_node styles = start_part(xml, "w:styles", {{"xmlns:w", w_ns}});
  pugi::xml_node defaults = add(styles, "w:docDefaults");
  pugi::xml_node run_defaults = add(add(defaults, "w:rPrDefault"), "w:rPr");
  add(run_defaults, "w:rFonts", {{"w:ascii", font}, {"w:eastAsia", font}, {"w:hAnsi", font}, {"w:cs", font}});
  add_font_size(run_defaults, body_size);
  add(run_defaults, "w:lang", {{"w:val", "fr-FR"}, {"w:eastAsia", "fr-FR"}, {"w:bidi", "ar-SA"}});
  pugi::xml_node paragraph_defaults = add(add(defaults, "w:pPrDefault"), "w:pPr");
  add(paragraph_defaults, "w:spacing", {{"w:after", "120"}, {"w:line", "264"}, {"w:lineRule", "auto"}});

  pugi::xml_node normal = add_style(styles, "paragraph", "Normal", "Normal");
  normal.append_attribute("w:default").set_value("1");
  add(normal, "w:qFormat");
  add_val(add(normal, "w:pPr"), "w:jc", "both");

  struct HeadingStyle {
    const char* before;
    const char* size;
  };
  constexpr HeadingStyle headings[] = {{"360", "32"}, {"240", "28"}, {"200", "24"}};
  for (int level = 1; level <= 3; ++level) {
    const HeadingStyle& h = headings[level - 1];
    pugi::xml_node style = add_style(styles, "paragraph", "Heading" + std::to_string(level),
                                     "heading " + std::to_string(level), "Normal");
    add_val(style, "w:next", "Normal");
    add_val(style, "w:uiPriority", "9");
    add(style, "w:qFormat");
    pugi::xml_node props = add(style, "w:pPr");
    add(props, "w:keepNext");
    add(props, "w:keepLines");
    add(props, "w:spacing", {{"w:before", h.before}, {"w:after", "120"}});
    add_val(props, "w:jc", "left");
    add_val(props, "w:outlineLvl", std::to_string(level - 1));
    pugi::xml_node run = add(style, "w:rPr");
    add(run, "w:b");
    add(run, "w:bCs");
    add_font_size(run, h.size);
  }

  pugi::xml_node title = add_style(styles, "paragraph", "Title", "Title", "Normal");
  add_val(title, "w:next", "Normal");
  add_val(title, "w:uiPriority", "10");
  add(title, "w:qFormat");
  pugi::xml_node title_props = add(title, "w:pPr");
  add(title_props, "w:keepNext");
  add(title_props, "w:spacing", {{"w:after", "240"}});
  add_val(title_props, "w:jc", "center");
  pugi::xml_node title_run = add(title, "w:rPr");
  add(title_run, "w:b");
  add(title_run, "w:bCs");
  add_font_size(title_run, "36");

  pugi::xml_node list = add_style(styles, "paragraph", "ListParagraph", "List Paragraph", "Normal");
  add_val(list, "w:uiPriority", "34");
  add(list, "w:qFormat");
  pugi::xml_node list_props = add(list, "w:pPr");
  add(list_props, "w:ind", {{"w:left", "720"}});
  add(list_props, "w:contextualSpacing");  // no space between the items of a list

  pugi::xml_node font_style = add_style(styles, "character", "DefaultParagraphFont", "Default Paragraph Font");
  font_style.append_attribute("w:default").set_value("1");
  add_val(font_style, "w:uiPriority", "1");
  add(font_style, "w:semiHidden");
  add(font_style, "w:unhideWhenUsed");

  pugi::xml_node normal_table = add_style(styles, "table", "TableNormal", "Normal Table");
  normal_table.append_attribute("w:default").set_value("1");
  add_val(normal_table, "w:uiPriority", "99");
  add(normal_table, "w:semiHidden");
  add(normal_table, "w:unhideWhenUsed");
  pugi::xml_node normal_table_props = add(normal_table, "w:tblPr");
  add(normal_table_props, "w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
  pugi::xml_node margins = add(normal_table_props, "w:tblCellMar");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
    const bool horizontal = std::string_view(side) == "w:left" || std::string_view(side) == "w:right";
    add(margins, side, {{"w:w", horizontal ? "108" : "0"}, {"w:type", "dxa"}});
  }

  pugi::xml_node grid = add_style(styles, "table", "TableGrid", "Table Grid", "TableNormal");
  add_val(grid, "w:uiPriority", "39");
  add(add(grid, "w:pPr"), "w:spacing", {{"w:before", "40"}, {"w:after", "40"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
  pugi::xml_node borders = add(add(grid, "w:tblPr"), "w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    add(borders, side, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "auto"}});
  return serialise(xml);
}

// One bullet list: an en dash, the French typographic habit, hanging 0.5 cm inside a 1 cm indent.
std::string numbering_xml() {
  pugi::xml_document xml;
  pugi::xml_node numbering = start_part(xml, "w:numbering", {{"xmlns:w", w_ns}});
  pugi::xml_node abstract = add(numbering, "w:abstractNum", {{"w:abstractNumId", "0"}});
  add_val(abstract, "w:multiLevelType", "singleLevel");
  pugi::xml_node level = add(abstract, "w:lvl", {{"w:ilvl", "0"}});
  add_val(level, "w:start", "1");
  add_val(level, "w:numFmt", "bullet");
  add_val(level, "w:lvlText", "\u2013");
  add_val(level, "w:lvlJc", "left");
  add(add(level, "w:pPr"), "w:ind", {{"w:left", "567"}, {"w:hanging", "283"}});
  add(add(level, "w:rPr"), "w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:hint", "default"}});
  add_val(add(numbering, "w:num", {{"w:numId", "1"}}), "w:abstractNumId", "0");
  return serialise(xml);
}

// Without a compatibility mode Word opens the file in "compatibility mode"; French number conventions.
std::string settings_xml() {
  pugi::xml_document xml;
  pugi::xml_node settings = start_part(xml, "w:settings", {{"xmlns:w", w_ns}});
  add_val(settings, "w:defaultTabStop", "708");
  add_val(settings, "w:characterSpacingControl", "doNotCompress");
  add(add(settings, "w:compat"), "w:compatSetting",
      {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"}, {"w:val", "15"}});
  add_val(settings, "w:themeFontLang", "fr-FR");
  add_val(settings, "w:decimalSymbol", ",");
  add_val(settings, "w:listSeparator", ";");
  return serialise(xml);
}

std::string content_types_xml() {
  pugi::xml_document xml;
  pugi::xml_node types =
      start_part(xml, "Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
  add(types, "Default",
      {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
  add(types, "Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
  const std::pair<const char*, std::string> overrides[] = {
      {"/word/document.xml", std::string(office_type) + "wordprocessingml.document.main+xml"},
      {"/word/styles.xml", std::string(office_type) + "wordprocessingml.styles+xml"},
      {"/word/numbering.xml", std::string(office_type) + "wordprocessingml.numbering+xml"},
      {"/word/settings.xml", std::string(office_type) + "wordprocessingml.settings+xml"},
      {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
      {"/docProps/app.xml", std::string(office_type) + "extended-properties+xml"},
  };
  for (const auto& [part, type] : overrides) add(types, "Override", {{"PartName", part}, {"ContentType", type}});
  return serialise(xml);
}

std::string relationships_xml(std::initializer_list<std::pair<std::string, const char*>> targets) {
  pugi::xml_document xml;
  pugi::xml_node relationships = start_part(xml, "Relationships", {{"xmlns", rel_ns}});
  int id = 0;
  for (const auto& [type, target] : targets)
    add(relationships, "Relationship", {{"Id", "rId" + std::to_string(++id)}, {"Type", type}, {"Target", target}});
  return serialise(xml);
}

std::string core_xml(const Document& d) {
  pugi::xml_document xml;
  pugi::xml_node core =
      start_part(xml, "cp:coreProperties",
                 {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
                  {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                  {"xmlns:dcterms", "http://purl.org/dc/terms/"},
                  {"xmlns:dcmitype", "http://purl.org/dc/dcmitype/"},
                  {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
  add(core, "dc:title").append_child(pugi::node_pcdata).set_value(xml_text(d.title).c_str());
  add(core, "dc:language").append_child(pugi::node_pcdata).set_value("fr-FR");
  return serialise(xml);
}

std::string app_xml() {
  pugi::xml_document xml;
  pugi::xml_node properties = start_part(
      xml, "Properties",
      {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
       {"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}});
  add(properties, "Application").append_child(pugi::node_pcdata).set_value("Clausier");
  return serialise(xml);
}

[[noreturn]] void fail(std::string_view what, const char* why) {
  throw std::runtime_error("write_docx: " + std::string(what) + ": " + why);
}

struct ArchiveDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

// The parts, in this order, zipped in memory.
std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) fail("zip buffer", zip_error_strerror(&error));
  std::unique_ptr<zip_t, ArchiveDiscard> archive(zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error));
  if (!archive) fail("zip archive", zip_error_strerror(&error));
  zip_source_keep(buffer.get());  // the archive releases its reference when closed; ours reads the bytes

  for (const auto& [name, bytes] : parts) {
    zip_source_t* source = zip_source_buffer(archive.get(), bytes.data(), bytes.size(), 0);
    const zip_int64_t index = source ? zip_file_add(archive.get(), name.c_str(), source, 0) : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      fail(name, zip_strerror(archive.get()));
    }
    if (zip_file_set_dostime(archive.get(), static_cast<zip_uint64_t>(index), zip_entry_time, zip_entry_date, 0) < 0)
      fail(name, zip_strerror(archive.get()));
  }
  if (zip_close(archive.get()) < 0) fail("zip close", zip_strerror(archive.get()));
  archive.release();  // closed: nothing left to discard

  if (zip_source_open(buffer.get()) < 0) fail("zip read", zip_error_strerror(zip_source_error(buffer.get())));
  std::string out;
  char chunk[8192];
  zip_int64_t n = 0;
  while ((n = zip_source_read(buffer.get(), chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
  zip_source_close(buffer.get());
  if (n < 0) fail("zip read", zip_error_strerror(zip_source_error(buffer.get())));
  return out;
}

}  // namespace

std::string write_docx(const Document& d) {
  const std::string rel = std::string(office_rel);
  // Kept alive until zip_close, which reads them.
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", content_types_xml()},
      {"_rels/.rels",
       relationships_xml({{rel + "officeDocument", "word/document.xml"},
                          {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                           "docProps/core.xml"},
                          {rel + "extended-properties", "docProps/app.xml"}})},
      {"docProps/core.xml", core_xml(d)},
      {"docProps/app.xml", app_xml()},
      {"word/document.xml", document_xml(d)},
      {"word/styles.xml", styles_xml()},
      {"word/numbering.xml", numbering_xml()},
      {"word/settings.xml", settings_xml()},
      {"word/_rels/document.xml.rels",
       relationships_xml({{rel + "styles", "styles.xml"},
                          {rel + "numbering", "numbering.xml"},
                          {rel + "settings", "settings.xml"}})},
  };
  return zip_parts(parts);
}

}  // namespace clausier::doc
