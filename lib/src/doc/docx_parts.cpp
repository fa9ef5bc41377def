// The parts of a .docx besides the document: styles, the bullet list, settings, the running header
// and the footer that numbers the pages.
#include <string>
#include <string_view>
#include <utility>

#include "docx_xml.hpp"

namespace clausier::doc::docx {

namespace {

// A paragraph of simple fields: PAGE and NUMPAGES, which Word and LibreOffice update when they lay out.
void add_field(pugi::xml_node paragraph, std::string_view instruction, std::string_view shown) {
  pugi::xml_node field = add(paragraph, "w:fldSimple", {{"w:instr", instruction}});
  add_runs(field, {{std::string(shown), false}});
}

}  // namespace

// « Page 2 sur 9 », centred, on every page.
std::string footer_xml() {
  pugi::xml_document xml;
  pugi::xml_node footer = start_part(xml, "w:ftr", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}});
  pugi::xml_node paragraph = add_paragraph(footer, "Footer");
  add_val(paragraph.child("w:pPr"), "w:jc", "center");
  add_runs(paragraph, {{"Page ", false}});
  add_field(paragraph, " PAGE ", "1");
  add_runs(paragraph, {{" sur ", false}});
  add_field(paragraph, " NUMPAGES ", "1");
  return serialise(xml);
}

// The part's name on the left, the operation on the right (a right tab stop at the margin).
std::string header_xml(std::string_view text) {
  pugi::xml_document xml;
  pugi::xml_node header = start_part(xml, "w:hdr", {{"xmlns:w", w_ns}, {"xmlns:r", r_ns}});
  add_runs(add_paragraph(header, "Header"), {{std::string(text), false}});
  return serialise(xml);
}

namespace {

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

}  // namespace

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

  // Running header and footer: 9 pt; the header's operation goes to a right tab stop at the margin,
  // under a rule that sets it apart from the text.
  for (const auto& [id, name] : {std::pair{"Header", "header"}, std::pair{"Footer", "footer"}}) {
    pugi::xml_node style = add_style(styles, "paragraph", id, name, "Normal");
    add_val(style, "w:uiPriority", "99");
    add(style, "w:unhideWhenUsed");
    pugi::xml_node props = add(style, "w:pPr");
    if (std::string_view(id) == "Header")
      add(add(props, "w:pBdr"), "w:bottom", {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "1"}, {"w:color", "auto"}});
    add(add(props, "w:tabs"), "w:tab", {{"w:val", "right"}, {"w:pos", std::to_string(body_width)}});
    add(props, "w:spacing", {{"w:after", "0"}});
    add_val(props, "w:jc", "left");
    add_font_size(add(style, "w:rPr"), margin_size);
  }

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

}  // namespace clausier::doc::docx
