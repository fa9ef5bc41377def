// WordprocessingML (word/document.xml) and ODF (content.xml) as paragraphs, with pugixml.
//
// Both readers walk the body in reading order. Word: tracked insertions (w:ins, w:moveTo) are kept,
// deletions (w:del, w:moveFrom) dropped, and a paragraph whose mark is deleted joins the next, as
// "accept all changes" would leave the text; of a field, only the result is text. ODF keeps deleted
// text outside the body (text:tracked-changes), so the body already reads as accepted.
// Drawings, text boxes, comments and notes are not read: they are not the body's text.
#include "xml.hpp"

#include <fmt/format.h>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive.hpp"
#include "text.hpp"

namespace clausier::document::detail {
namespace {

// Deeper than this, a part is refused: real documents nest a few tables at most, and the walk recurses.
constexpr int max_depth = 200;
// A span or repeat count above this is treated as this (the cell numbers stay meaningful and bounded).
constexpr int max_span = 1000;

constexpr std::array<std::string_view, 2> word_ns = {"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                                     "http://purl.oclc.org/ooxml/wordprocessingml/main"};
constexpr std::string_view office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

const std::string part_hint = "ouvrez-le dans Word ou LibreOffice et enregistrez-le de nouveau";

std::string_view status_text(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_out_of_memory: return "mémoire insuffisante";
    case pugi::status_unrecognized_tag: return "balise incompréhensible";
    case pugi::status_bad_pi: return "instruction de traitement mal formée";
    case pugi::status_bad_comment: return "commentaire mal formé";
    case pugi::status_bad_cdata: return "section CDATA mal formée";
    case pugi::status_bad_doctype: return "DOCTYPE mal formé";
    case pugi::status_bad_pcdata: return "texte mal formé";
    case pugi::status_bad_start_element: return "balise ouvrante mal formée";
    case pugi::status_bad_attribute: return "attribut mal formé";
    case pugi::status_bad_end_element: return "balise fermante mal formée";
    case pugi::status_end_element_mismatch: return "balise fermante qui ne correspond pas à la balise ouverte";
    case pugi::status_no_document_element: return "aucun élément racine (partie vide ?)";
    default: return "structure invalide";
  }
}

Diagnostic xml_error(const std::string& path, std::string message, std::string hint = part_hint) {
  return {"document-xml", Severity::error, Category::input, path, {}, std::move(message), std::move(hint)};
}

// Parsed without DTD processing (pugixml has none: it never fetches or expands an entity beyond the
// five predefined) and refused when it declares a DOCTYPE at all. Whitespace-only text is kept:
// <w:t xml:space="preserve"> </w:t> is the space between two runs.
bool parse_part(pugi::xml_document& xml, std::string_view bytes, const std::string& path, const std::string& part,
                Diagnostics& diags) {
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype;
  const pugi::xml_parse_result result = xml.load_buffer(bytes.data(), bytes.size(), options);
  if (!result) {
    diags.push_back(xml_error(path, fmt::format("XML invalide dans la partie {} (octet {}) : {}", part, result.offset,
                                                status_text(result.status))));
    return false;
  }
  for (const pugi::xml_node node : xml.children()) {
    if (node.type() == pugi::node_doctype) {
      diags.push_back(xml_error(path, fmt::format("la partie {} déclare un DOCTYPE (entités XML) : document refusé par sécurité", part),
                                "Word et LibreOffice n'en écrivent jamais ; vérifiez d'où vient ce fichier"));
      return false;
    }
  }
  return true;
}

// The prefix ("w:") the root element binds to one of `uris`, or `fallback`.
std::string prefix_for(pugi::xml_node root, std::initializer_list<std::string_view> uris, std::string_view fallback) {
  for (const pugi::xml_attribute attribute : root.attributes()) {
    const std::string_view name = attribute.name();
    if (std::find(uris.begin(), uris.end(), std::string_view(attribute.value())) == uris.end()) continue;
    if (name == "xmlns") return "";
    if (name.starts_with("xmlns:")) return std::string(name.substr(6)) + ":";
  }
  return std::string(fallback);
}

// The local name of an element in the namespace of `prefix`, or "" for any other element.
std::string_view local_name(pugi::xml_node node, std::string_view prefix) {
  if (node.type() != pugi::node_element) return {};
  const std::string_view name = node.name();
  if (!name.starts_with(prefix)) return {};
  const std::string_view local = name.substr(prefix.size());
  return prefix.empty() && local.find(':') != std::string_view::npos ? std::string_view() : local;
}

int to_int(std::string_view text, int fallback) {
  int value = fallback;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// Column numbers grow by spans and repeats; they stay far below int's range.
void advance(int& column, int step) { column = std::min(column + std::clamp(step, 1, max_span), 1 << 24); }

// All the text directly inside an element (w:t holds one run of text, sometimes split by comments).
void append_text(pugi::xml_node node, std::string& out) {
  for (const pugi::xml_node child : node.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
}

// "heading 1", "Heading1", "Titre 2", "titre2" -> 1, 2; else 0.
int level_from_style_name(std::string_view name) {
  std::string compact;
  for (char c : name) {
    if (c == ' ') continue;
    compact += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  for (std::string_view stem : {"heading", "titre"}) {
    if (compact.size() == stem.size() + 1 && compact.starts_with(stem) && compact.back() >= '1' && compact.back() <= '9')
      return compact.back() - '0';
  }
  return 0;
}

// ---- WordprocessingML ---------------------------------------------------------------------------

struct WordStyle {
  std::string name;
  std::string based_on;
  int outline = -1;  // w:outlineLvl: 0..8 a heading level, 9 body text
};

class WordStyles {
 public:
  void load(pugi::xml_node root) {
    const std::string w = prefix_for(root, {word_ns[0], word_ns[1]}, "w:");
    const std::string val = w + "val";
    for (const pugi::xml_node style : root.children()) {
      if (local_name(style, w) != "style") continue;
      WordStyle s;
      s.name = style.child((w + "name").c_str()).attribute(val.c_str()).value();
      s.based_on = style.child((w + "basedOn").c_str()).attribute(val.c_str()).value();
      const pugi::xml_node outline = style.child((w + "pPr").c_str()).child((w + "outlineLvl").c_str());
      if (outline) s.outline = to_int(outline.attribute(val.c_str()).value(), -1);
      styles_.emplace(style.attribute((w + "styleId").c_str()).value(), std::move(s));
    }
  }

  // The heading level of a paragraph style: its outline level, or a heading name ("heading 1",
  // "Titre 2"), its own first, then those of the styles it is based on.
  int level(const std::string& id) {
    if (const auto cached = levels_.find(id); cached != levels_.end()) return cached->second;
    int level = 0;
    std::string current = id;
    for (int depth = 0; depth < 16 && !current.empty(); ++depth) {
      const auto found = styles_.find(current);
      if (found == styles_.end()) {
        level = level_from_style_name(current);  // no styles part: Word's ids say it ("Heading1", "Titre1")
        break;
      }
      const WordStyle& s = found->second;
      if (s.outline >= 0) {
        level = s.outline <= 8 ? s.outline + 1 : 0;
        break;
      }
      level = level_from_style_name(s.name);
      if (level == 0) level = level_from_style_name(current);
      if (level > 0) break;
      current = s.based_on;
    }
    levels_.emplace(id, level);
    return level;
  }

 private:
  std::map<std::string, WordStyle, std::less<>> styles_;
  std::map<std::string, int, std::less<>> levels_;
};

class WordReader {
 public:
  WordReader(std::string prefix, WordStyles& styles) : w_(std::move(prefix)), styles_(styles) {}

  // False when the body nests deeper than max_depth.
  bool read(pugi::xml_node body) {
    blocks(body, nullptr, 0);
    flush_carry(nullptr);
    return !too_deep_;
  }
  std::vector<Paragraph> take() { return sink_.take(); }

 private:
  struct Cell {
    int table, row, column;
    std::string text;
  };

  std::string_view local(pugi::xml_node node) const { return local_name(node, w_); }
  pugi::xml_node child(pugi::xml_node node, std::string_view name) const {
    return node.child((w_ + std::string(name)).c_str());
  }
  std::string_view value(pugi::xml_node node, std::string_view attribute) const {
    return node.attribute((w_ + std::string(attribute)).c_str()).value();
  }
  bool deep(int depth) {
    if (depth > max_depth) too_deep_ = true;
    return too_deep_;
  }

  // Elements that only wrap block or inline content.
  static bool is_wrapper(std::string_view name) {
    return name == "sdt" || name == "sdtContent" || name == "customXml" || name == "ins" || name == "moveTo" ||
           name == "smartTag" || name == "hyperlink" || name == "fldSimple" || name == "r" || name == "dir" ||
           name == "bdo";
  }

  void blocks(pugi::xml_node parent, Cell* cell, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      const std::string_view name = local(node);
      if (name == "p") {
        paragraph(node, cell, depth + 1);
      } else if (name == "tbl") {
        if (cell != nullptr) flush_cell(*cell);  // the cell's text before the nested table
        table(node, depth + 1);
      } else if (is_wrapper(name)) {
        blocks(node, cell, depth + 1);
      }
    }
  }

  void paragraph(pugi::xml_node p, Cell* cell, int depth) {
    std::string text = std::move(carry_);
    carry_.clear();
    runs(p, text, depth);
    const pugi::xml_node props = child(p, "pPr");
    const pugi::xml_node mark = child(props, "rPr");
    if (child(mark, "del") || child(mark, "moveFrom")) {  // its mark deleted: the paragraph joins the next
      carry_ = std::move(text);
      return;
    }
    if (cell != nullptr) {
      if (!cell->text.empty()) cell->text += ' ';
      cell->text += text;
      return;
    }
    sink_.add(Block{std::move(text), 0, heading_level(props)});
  }

  int heading_level(pugi::xml_node props) {
    if (const pugi::xml_node outline = child(props, "outlineLvl")) {
      const int level = to_int(value(outline, "val"), 9);
      return level >= 0 && level <= 8 ? level + 1 : 0;
    }
    const pugi::xml_node style = child(props, "pStyle");
    return style ? styles_.level(std::string(value(style, "val"))) : 0;
  }

  bool in_instruction() const { return instructions_ > 0; }

  void runs(pugi::xml_node parent, std::string& out, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = local(node);
      if (name.empty()) {  // another namespace: markup compatibility, math, drawings
        if (!std::string_view(node.name()).ends_with("AlternateContent")) runs(node, out, depth + 1);
        continue;
      }
      if (name == "t") {
        if (!in_instruction()) append_text(node, out);
      } else if (name == "tab" || name == "ptab" || name == "br" || name == "cr") {
        if (!in_instruction()) out += ' ';
      } else if (name == "noBreakHyphen") {
        if (!in_instruction()) out += '-';
      } else if (name == "fldChar") {
        field_char(value(node, "fldCharType"));
      } else if (name.ends_with("Pr") || name == "tblPrEx" || name == "del" || name == "moveFrom" ||
                 name == "instrText" || name == "delText" || name == "delInstrText" || name == "drawing" ||
                 name == "pict" || name == "object" || name == "sym" || name == "softHyphen") {
        continue;
      } else {
        runs(node, out, depth + 1);  // r, ins, moveTo, hyperlink, fldSimple, smartTag, sdt, sdtContent...
      }
    }
  }

  // A complex field: begin, its instruction (not text), separate, its result (text), end. Fields nest.
  void field_char(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(true);
      ++instructions_;
    } else if (type == "separate" && !fields_.empty() && fields_.back()) {
      fields_.back() = false;
      --instructions_;
    } else if (type == "end" && !fields_.empty()) {
      if (fields_.back()) --instructions_;
      fields_.pop_back();
    }
  }

  void table(pugi::xml_node tbl, int depth) {
    if (deep(depth)) return;
    flush_carry(nullptr);
    const int number = ++tables_;
    int row = 0;
    rows(tbl, number, row, depth + 1);
  }

  void rows(pugi::xml_node parent, int number, int& row, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      const std::string_view name = local(node);
      if (name == "tr") {
        const pugi::xml_node props = child(node, "trPr");
        if (child(props, "del")) continue;  // a deleted row
        ++row;
        int column = 1 + std::clamp(to_int(value(child(props, "gridBefore"), "val"), 0), 0, max_span);
        cells(node, number, row, column, depth + 1);
      } else if (is_wrapper(name)) {
        rows(node, number, row, depth + 1);
      }
    }
  }

  void cells(pugi::xml_node parent, int number, int row, int& column, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      const std::string_view name = local(node);
      if (name == "tc") {
        Cell cell{number, row, column, {}};
        blocks(node, &cell, depth + 1);
        flush_cell(cell);
        advance(column, to_int(value(child(child(node, "tcPr"), "gridSpan"), "val"), 1));
      } else if (is_wrapper(name)) {
        cells(node, number, row, column, depth + 1);
      }
    }
  }

  void flush_cell(Cell& cell) {
    flush_carry(&cell);
    sink_.add(Block{std::move(cell.text), 0, 0, cell.table, cell.row, cell.column});
    cell.text.clear();
  }

  void flush_carry(Cell* cell) {
    if (carry_.empty()) return;
    if (cell != nullptr) {
      if (!cell->text.empty()) cell->text += ' ';
      cell->text += carry_;
    } else {
      sink_.add(Block{carry_});
    }
    carry_.clear();
  }

  std::string w_;
  WordStyles& styles_;
  ParagraphSink sink_;
  int tables_ = 0;
  std::vector<bool> fields_;  // open complex fields, innermost last: true while in the instruction
  int instructions_ = 0;      // how many of them are in their instruction
  std::string carry_;         // text of paragraphs whose mark is deleted, waiting for the next
  bool too_deep_ = false;
};

// ---- ODF ----------------------------------------------------------------------------------------

class OdfReader {
 public:
  OdfReader(std::string text, std::string table) : text_(std::move(text)), table_(std::move(table)) {}

  bool read(pugi::xml_node body) {
    blocks(body, nullptr, 0);
    return !too_deep_;
  }
  std::vector<Paragraph> take() { return sink_.take(); }

 private:
  struct Cell {
    int table, row, column;
    std::string text;
  };

  bool deep(int depth) {
    if (depth > max_depth) too_deep_ = true;
    return too_deep_;
  }

  // Text elements that hold paragraphs: lists, sections, the generated body of an index (its
  // "-source" template is no text of the document). text:tracked-changes is not among them.
  static bool is_container(std::string_view name) {
    static constexpr std::array<std::string_view, 14> containers{
        "list",        "list-item",          "list-header",        "section",     "index-body",
        "index-title", "numbered-paragraph", "table-of-content",   "alphabetical-index", "illustration-index",
        "table-index", "object-index",       "user-index",         "bibliography"};
    return std::find(containers.begin(), containers.end(), name) != containers.end();
  }

  void blocks(pugi::xml_node parent, Cell* cell, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      const std::string_view name = local_name(node, text_);
      if (name == "p" || name == "h") {
        paragraph(node, cell, name == "h", depth + 1);
      } else if (is_container(name)) {
        blocks(node, cell, depth + 1);
      } else if (local_name(node, table_) == "table") {
        if (cell != nullptr) flush_cell(*cell);
        table(node, depth + 1);
      }
    }
  }

  void paragraph(pugi::xml_node p, Cell* cell, bool heading, int depth) {
    std::string text;
    runs(p, text, depth);
    if (cell != nullptr) {
      if (!cell->text.empty()) cell->text += ' ';
      cell->text += text;
      return;
    }
    const int level = heading ? std::clamp(to_int(p.attribute((text_ + "outline-level").c_str()).value(), 1), 1, 9) : 0;
    sink_.add(Block{std::move(text), 0, level});
  }

  // Only text elements are read: a frame, a drawing or a comment (office:annotation) is not the text.
  void runs(pugi::xml_node parent, std::string& out, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        out += node.value();
        continue;
      }
      const std::string_view name = local_name(node, text_);
      if (name.empty() || name == "note" || name == "ruby-text" || name == "tracked-changes") continue;
      if (name == "s" || name == "tab" || name == "line-break")
        out += ' ';
      else
        runs(node, out, depth + 1);  // span, a, fields (page-number, date...), meta, bookmark-ref...
    }
  }

  void table(pugi::xml_node tbl, int depth) {
    if (deep(depth)) return;
    const int number = ++tables_;
    int row = 1;
    rows(tbl, number, row, depth + 1);
  }

  // `row` is the number of the next row; a repeated row counts as many rows, its text once.
  void rows(pugi::xml_node parent, int number, int& row, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : parent.children()) {
      const std::string_view name = local_name(node, table_);
      if (name == "table-row") {
        int column = 1;
        cells(node, number, row, column, depth + 1);
        advance(row, to_int(node.attribute((table_ + "number-rows-repeated").c_str()).value(), 1));
      } else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
        rows(node, number, row, depth + 1);
      }
    }
  }

  // Covered cells (under a merged one) count as columns, so numbers follow the grid.
  void cells(pugi::xml_node row_node, int number, int row, int& column, int depth) {
    if (deep(depth)) return;
    for (const pugi::xml_node node : row_node.children()) {
      const std::string_view name = local_name(node, table_);
      if (name != "table-cell" && name != "covered-table-cell") continue;
      Cell cell{number, row, column, {}};
      blocks(node, &cell, depth + 1);
      flush_cell(cell);
      advance(column, to_int(node.attribute((table_ + "number-columns-repeated").c_str()).value(), 1));
    }
  }

  void flush_cell(Cell& cell) {
    sink_.add(Block{std::move(cell.text), 0, 0, cell.table, cell.row, cell.column});
    cell.text.clear();
  }

  std::string text_, table_;
  ParagraphSink sink_;
  int tables_ = 0;
  bool too_deep_ = false;
};

Diagnostic too_deep(const std::string& path, const std::string& part) {
  return xml_error(path, fmt::format("la partie {} imbrique plus de {} niveaux d'éléments : document refusé", part, max_depth),
                   "un document ordinaire en imbrique bien moins ; vérifiez d'où vient ce fichier");
}

}  // namespace

std::string relationship_target(std::string_view rels_xml, std::string_view type, std::string_view base) {
  pugi::xml_document xml;
  Diagnostics ignored;
  if (!parse_part(xml, rels_xml, "", "", ignored)) return {};
  const pugi::xml_node root = xml.document_element();
  for (const pugi::xml_node rel : root.children()) {
    const std::string_view name = rel.name();
    if (!(name == "Relationship" || name.ends_with(":Relationship"))) continue;
    if (!std::string_view(rel.attribute("Type").value()).ends_with(type)) continue;
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") continue;
    const std::string_view target = rel.attribute("Target").value();
    if (target.empty()) continue;
    return target.starts_with('/') ? normalise_part_name(target) : normalise_part_name(std::string(base) + std::string(target));
  }
  return {};
}

std::optional<std::vector<Paragraph>> read_wordprocessing(std::string_view document_xml, std::string_view styles_xml,
                                                          const std::string& path, const std::string& part,
                                                          Diagnostics& diags) {
  WordStyles styles;
  if (!styles_xml.empty()) {
    pugi::xml_document xml;
    if (!parse_part(xml, styles_xml, path, "word/styles.xml", diags)) return std::nullopt;
    styles.load(xml.document_element());
  }
  pugi::xml_document xml;
  if (!parse_part(xml, document_xml, path, part, diags)) return std::nullopt;
  const pugi::xml_node root = xml.document_element();
  const std::string w = prefix_for(root, {word_ns[0], word_ns[1]}, "w:");
  const pugi::xml_node body = root.child((w + "body").c_str());
  if (local_name(root, w) != "document" || !body) {
    diags.push_back(xml_error(path, fmt::format("la partie {} n'est pas un document Word (pas de w:body)", part)));
    return std::nullopt;
  }
  WordReader reader(w, styles);
  if (!reader.read(body)) {
    diags.push_back(too_deep(path, part));
    return std::nullopt;
  }
  return reader.take();
}

std::optional<std::vector<Paragraph>> read_odf_text(std::string_view content_xml, const std::string& path,
                                                    const std::string& part, Diagnostics& diags) {
  pugi::xml_document xml;
  if (!parse_part(xml, content_xml, path, part, diags)) return std::nullopt;
  const pugi::xml_node root = xml.document_element();
  const std::string office = prefix_for(root, {office_ns}, "office:");
  const pugi::xml_node body = root.child((office + "body").c_str()).child((office + "text").c_str());
  if (local_name(root, office) != "document-content" || !body) {
    diags.push_back(xml_error(path,
                              fmt::format("la partie {} ne contient pas de texte ODF (un tableur ou une présentation ?)", part),
                              "enregistrez le document au format texte .odt (LibreOffice Writer)"));
    return std::nullopt;
  }
  OdfReader reader(prefix_for(root, {text_ns}, "text:"), prefix_for(root, {table_ns}, "table:"));
  if (!reader.read(body)) {
    diags.push_back(too_deep(path, part));
    return std::nullopt;
  }
  return reader.take();
}

}  // namespace clausier::document::detail
