#pragma once
// The pieces the Word writer (docx.cpp) and its style and page parts (docx_parts.cpp) share: the
// page geometry, the fonts, and small helpers over pugixml. Internal to lib/src/doc.
#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "clausier/doc/blocks.hpp"

namespace clausier::doc::docx {

constexpr std::string_view w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view office_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr std::string_view office_type = "application/vnd.openxmlformats-officedocument.";

// A4 in twentieths of a point, margins of 2 cm (1134); the text between them.
constexpr int page_width = 11906;
constexpr int page_height = 16838;
constexpr int page_margin = 1134;
constexpr int body_width = page_width - 2 * page_margin;

// LibreOffice draws it with Liberation Serif (same metrics), or DejaVu Serif, wider, when that is missing.
constexpr std::string_view font = "Times New Roman";
constexpr std::string_view body_size = "22";          // half-points: 11 pt
constexpr std::string_view margin_size = "18";        // running header and footer: 9 pt
// Left and right cell margins (TableNormal) and a little more, for borders and the renderer's rounding.
constexpr int cell_padding = 2 * 108 + 60;

using Attributes = std::initializer_list<std::pair<const char*, std::string_view>>;

pugi::xml_node add(pugi::xml_node parent, const char* name, Attributes attributes = {});
// <w:name w:val="value"/>, the shape of most WordprocessingML properties.
pugi::xml_node add_val(pugi::xml_node parent, const char* name, std::string_view value);
// An XML declaration and the root element with its namespaces.
pugi::xml_node start_part(pugi::xml_document& xml, const char* root, Attributes namespaces);
std::string serialise(const pugi::xml_document& xml);
// Text as XML 1.0 accepts it: malformed UTF-8 becomes U+FFFD; forbidden characters are dropped.
std::string xml_text(std::string_view s);
// One run a span; a tab or a line break inside a span becomes w:tab or w:br. `half_points`: a size
// other than the body's (a table set smaller to fit its columns).
void add_runs(pugi::xml_node paragraph, const Inline& text, bool bold = false, int half_points = 0);
pugi::xml_node add_paragraph(pugi::xml_node body, std::string_view style);

// The parts besides the document (docx_parts.cpp).
std::string styles_xml();
std::string numbering_xml();
std::string settings_xml();
std::string footer_xml();                      // « Page 2 sur 9 »
std::string header_xml(std::string_view text);  // the part's name, a tab, the operation

}  // namespace clausier::doc::docx
