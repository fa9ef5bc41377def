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

#include "clausier/doc/blocks.hpp"
#include "docx_xml.hpp"
#include "table_layout.hpp"

namespace clausier::doc {
namespace {

using namespace docx;

// 1980-01-01 00:00, the first date a zip entry can hold; set as a DOS date so the time zone plays no part.
constexpr std::uint16_t zip_entry_time = 0;
constexpr std::uint16_t zip_entry_date = (0 << 9) | (1 << 5) | 1;

std::string plain(const Inline& text) {
  std::string out;
  for (const Span& span : text) out += span.text;
  return out;
}

pugi::xml_node properties(pugi::xml_node paragraph) {
  pugi::xml_node props = paragraph.child("w:pPr");
  return props ? props : paragraph.prepend_child("w:pPr");
}

// Word leaves no space below a table: the paragraph that follows one gets some above (after w:pStyle,
// w:keepNext and w:numPr, as the schema orders them).
void add_space_above(pugi::xml_node paragraph) { add(properties(paragraph), "w:spacing", {{"w:before", "120"}}); }

// A blank to fill in a form (« Fait à ____, le ____ »), as the templates write them.
constexpr std::string_view blank = "____";

// A paragraph that announces what follows stays on its page: one wholly bold (« **Lot 07 — Électricité** »,
// a title inside an article) or one ending with a colon (« parmi les suivantes : », « Signature … : »).
bool leads_in(const Inline& spans, std::string_view text) {
  const bool bold = !spans.empty() && std::all_of(spans.begin(), spans.end(), [](const Span& s) { return s.bold; });
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  return bold || (!text.empty() && text.back() == ':');
}

void add_row(pugi::xml_node tbl, const Table& table, const std::vector<Inline>& cells,
             const detail::TableLayout& layout, bool header) {
  pugi::xml_node row = add(tbl, "w:tr");
  pugi::xml_node row_props = add(row, "w:trPr");
  add(row_props, "w:cantSplit");
  if (header) add(row_props, "w:tblHeader");
  const int size = layout.half_points == 22 ? 0 : layout.half_points;
  for (std::size_t c = 0; c < layout.widths.size(); ++c) {
    pugi::xml_node cell = add(row, "w:tc");
    pugi::xml_node cell_props = add(cell, "w:tcPr");
    add(cell_props, "w:tcW", {{"w:w", std::to_string(layout.widths[c])}, {"w:type", "dxa"}});
    if (header) add(cell_props, "w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", "E6E6E6"}});
    pugi::xml_node paragraph = add(cell, "w:p");  // a cell holds at least one paragraph
    // Body text is justified; in a narrow cell that stretches the spaces, so cells align left (or right).
    bool right = c < table.right_aligned.size() && table.right_aligned[c];
    add_val(add(paragraph, "w:pPr"), "w:jc", right ? "right" : "left");
    if (c < cells.size()) add_runs(paragraph, cells[c], header, size);
  }
}

// Fixed layout: Word and LibreOffice keep the widths computed from the cells' words instead of
// recomputing their own, which split words ("Numé/ro") when a column is narrow.
void add_table(pugi::xml_node body, const Table& table) {
  const detail::TableLayout layout = detail::layout_table(table, body_width, cell_padding);
  pugi::xml_node tbl = add(body, "w:tbl");
  pugi::xml_node props = add(tbl, "w:tblPr");
  add_val(props, "w:tblStyle", "TableGrid");
  add(props, "w:tblW", {{"w:w", std::to_string(body_width)}, {"w:type", "dxa"}});
  add(props, "w:tblLayout", {{"w:type", "fixed"}});
  add(props, "w:tblLook", {{"w:val", "04A0"}, {"w:firstRow", "1"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                           {"w:lastColumn", "0"}, {"w:noHBand", "0"}, {"w:noVBand", "1"}});
  pugi::xml_node grid = add(tbl, "w:tblGrid");
  for (int w : layout.widths) add(grid, "w:gridCol", {{"w:w", std::to_string(w)}});
  add_row(tbl, table, table.header, layout, true);
  for (const auto& row : table.rows) add_row(tbl, table, row, layout, false);
}

// A part of the document: from one level-1 heading to the next. Each is a Word section, so each has
// its own running header (the operation, then the part's heading); the footer numbers the pages.
struct Part {
  std::string header;  // empty: no running header
};

std::vector<Part> parts_of(const Document& d) {
  std::vector<Part> parts(1);
  bool content = false;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Kind::heading && b.level == 1) {
      if (content) parts.emplace_back();
      parts.back().header = d.header.empty() ? plain(b.text) : plain(b.text) + "\t" + d.header;
    }
    content = content || b.kind != Block::Kind::page_break;
  }
  if (parts.size() == 1 && parts[0].header.empty()) parts[0].header = d.header;
  return parts;
}

// The section properties of part `index` (numbered from 1 in the header parts' names).
void add_section(pugi::xml_node parent, const Part& part, std::size_t index) {
  pugi::xml_node section = add(parent, "w:sectPr");
  if (!part.header.empty())
    add(section, "w:headerReference", {{"w:type", "default"}, {"r:id", "rIdHeader" + std::to_string(index)}});
  add(section, "w:footerReference", {{"w:type", "default"}, {"r:id", "rIdFooter"}});
  add(section, "w:pgSz", {{"w:w", std::to_string(page_width)}, {"w:h", std::to_string(page_height)}});
  const std::string margin = std::to_string(page_margin);
  add(section, "w:pgMar", {{"w:top", margin}, {"w:right", margin}, {"w:bottom", margin}, {"w:left", margin},
                           {"w:header", "567"}, {"w:footer", "567"}, {"w:gutter", "0"}});
}

std::string document_xml(const Document& d) {
  pugi::xml_document xml;
  pugi::xml_node body = add(start_part(xml, "w:document", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}}), "w:body");
  const std::vector<Part> parts = parts_of(d);
  std::size_t part = 0;
  bool content = false;
  for (std::size_t i = 0; i < d.blocks.size(); ++i) {
    const Block& b = d.blocks[i];
    const bool after_table = i > 0 && d.blocks[i - 1].kind == Block::Kind::table;
    // The next block is body (a paragraph, a bullet, a table), not a heading: a lead-in keeps with it.
    const bool next_is_body = i + 1 < d.blocks.size() && (d.blocks[i + 1].kind == Block::Kind::paragraph ||
                                                          d.blocks[i + 1].kind == Block::Kind::bullet ||
                                                          d.blocks[i + 1].kind == Block::Kind::table);
    const bool next_is_part = i + 1 < d.blocks.size() && d.blocks[i + 1].kind == Block::Kind::heading &&
                              d.blocks[i + 1].level == 1;
    switch (b.kind) {
      case Block::Kind::heading: {
        if (b.level == 1 && content) {  // a new part: a section break, which starts a new page
          add_section(add(add(body, "w:p"), "w:pPr"), parts[part], part + 1);
          ++part;
        }
        const int level = std::clamp(b.level, 1, 3);
        add_runs(add_paragraph(body, "Heading" + std::to_string(level)), b.text);
        break;
      }
      case Block::Kind::paragraph: {
        pugi::xml_node paragraph = add_paragraph(body, "");
        const std::string text = plain(b.text);
        const bool form_line = text.find(blank) != std::string::npos;
        // w:pPr's children in the schema's order: keepNext, spacing, jc.
        if (next_is_body && (leads_in(b.text, text) || form_line)) add(properties(paragraph), "w:keepNext");
        if (after_table) add_space_above(paragraph);
        if (form_line) add_val(properties(paragraph), "w:jc", "left");
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
      case Block::Kind::page_break:
        // Before a new part the section break starts the new page.
        if (!(next_is_part && content)) add(add(add(body, "w:p"), "w:r"), "w:br", {{"w:type", "page"}});
        break;
    }
    content = content || b.kind != Block::Kind::page_break;
  }
  add_section(body, parts[part], part + 1);
  return serialise(xml);
}

std::string content_types_xml(const std::vector<std::string>& headers) {
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
  for (const std::string& header : headers)
    add(types, "Override",
        {{"PartName", "/word/" + header}, {"ContentType", std::string(office_type) + "wordprocessingml.header+xml"}});
  add(types, "Override",
      {{"PartName", "/word/footer1.xml"}, {"ContentType", std::string(office_type) + "wordprocessingml.footer+xml"}});
  return serialise(xml);
}

struct Relationship {
  std::string id, type, target;
};

std::string relationships_xml(const std::vector<Relationship>& targets) {
  pugi::xml_document xml;
  pugi::xml_node relationships = start_part(xml, "Relationships", {{"xmlns", rel_ns}});
  for (const auto& r : targets) add(relationships, "Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
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
  const std::vector<Part> parts = parts_of(d);
  std::vector<Relationship> document_rels = {{"rId1", rel + "styles", "styles.xml"},
                                             {"rId2", rel + "numbering", "numbering.xml"},
                                             {"rId3", rel + "settings", "settings.xml"},
                                             {"rIdFooter", rel + "footer", "footer1.xml"}};
  // Kept alive until zip_close, which reads them.
  std::vector<std::pair<std::string, std::string>> zipped = {
      {"[Content_Types].xml", ""},
      {"_rels/.rels",
       relationships_xml({{"rId1", rel + "officeDocument", "word/document.xml"},
                          {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                           "docProps/core.xml"},
                          {"rId3", rel + "extended-properties", "docProps/app.xml"}})},
      {"docProps/core.xml", core_xml(d)},
      {"docProps/app.xml", app_xml()},
      {"word/document.xml", document_xml(d)},
      {"word/styles.xml", styles_xml()},
      {"word/numbering.xml", numbering_xml()},
      {"word/settings.xml", settings_xml()},
      {"word/footer1.xml", footer_xml()},
  };
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].header.empty()) continue;
    headers.push_back("header" + std::to_string(i + 1) + ".xml");
    document_rels.push_back({"rIdHeader" + std::to_string(i + 1), rel + "header", headers.back()});
    zipped.emplace_back("word/" + headers.back(), header_xml(parts[i].header));
  }
  zipped.front().second = content_types_xml(headers);
  zipped.emplace_back("word/_rels/document.xml.rels", relationships_xml(document_rels));
  return zip_parts(zipped);
}

}  // namespace clausier::doc