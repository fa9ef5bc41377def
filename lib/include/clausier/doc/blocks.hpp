#pragma once
// A document as a list of blocks: what clause templates produce, in a small subset of Markdown,
// and what the writers (Markdown, plain text, HTML, Word) turn into files. One template, four formats.
//
// The subset (anything else is a paragraph, written as is):
//   # Titre / ## Article / ### Sous-article   headings, levels 1 to 3
//   - élément                                  bullet list items (one line each)
//   | a | b |  then  |---|---:|  then rows    a table; ":" on the right of a separator marks a right-aligned column
//   **gras**                                   bold, inside any text
//   (a blank line separates paragraphs; consecutive text lines are joined with a space)
#include <string>
#include <string_view>
#include <vector>

namespace clausier::doc {

// A run of text, bold or not.
struct Span {
  std::string text;
  bool bold = false;
};
using Inline = std::vector<Span>;

// header.size() is the number of columns: parse_markdown pads every row to it, the writers pad or cut rows to it.
struct Table {
  std::vector<Inline> header;
  std::vector<bool> right_aligned;  // one per column
  std::vector<std::vector<Inline>> rows;
};

struct Block {
  enum class Kind { heading, paragraph, bullet, table, page_break };
  Kind kind = Kind::paragraph;
  int level = 0;   // headings: 1..3
  Inline text;     // heading, paragraph, bullet
  Table table;     // table
};

struct Document {
  std::string title;  // for the HTML <title> and the Word document properties
  // Word's running header: the operation ("Consultation OPHC-2026-VIG-03"), on the right; each level-1
  // heading starts a part whose header gives that heading (the document's name) on the left.
  std::string header;
  std::vector<Block> blocks;
};

// Parses the Markdown subset above. A line "\f" alone (form feed) is a page break.
Document parse_markdown(std::string_view text, std::string title);
// "**gras** et normal" -> [{gras, bold}, {" et normal"}]
Inline parse_inline(std::string_view text);

// Markdown table lines, also read back by the document readers (document/read_markdown.cpp):
// the cells of "| a | b |" (outer pipes dropped, "\|" a pipe inside a cell, cells trimmed of ASCII
// spaces), as views into the line (a "\|" still escaped) or as text, and whether a line is a
// separator row "|---|:---|---:|".
std::vector<std::string_view> table_cells(std::string_view line);
std::vector<std::string> split_table_row(std::string_view line);
bool is_table_separator(std::string_view line);

std::string write_markdown(const Document& d);
std::string write_text(const Document& d);  // plain text: headings underlined, tables aligned, "- " bullets
std::string write_html(const Document& d);  // standalone, printable (A4 print CSS), UTF-8, French lang
// A .docx (Office Open XML) as bytes: headings as Word heading styles, bullets, tables with borders,
// bold runs; opens in Word and LibreOffice without a repair prompt.
std::string write_docx(const Document& d);

}  // namespace clausier::doc
