#pragma once
// Reading draft consultation documents (.docx, .odt, .md, .txt, .html) as plain paragraphs that keep
// a position a person can find: the line and column of every word for text files, the paragraph number
// and the heading above for Word and ODF. Used by `clausier check --doc` to compare what a CCAP says with the calculation.
//
// Hostile files: archives are read with limits (entry count, size of each decompressed entry, total
// decompressed size, compression ratio); XML is parsed without DTD or entity expansion (pugixml never
// fetches external entities); a file over the limits is refused with a diagnostic, never half read.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::document {

enum class Format { docx, odt, markdown, text, html };
std::string_view name(Format f);                       // "docx", "odt", "md", "txt", "html"
std::optional<Format> format_from_path(std::string_view path);  // by extension, case-insensitive

// Where a piece of a paragraph's text stands in a text file: from byte `offset` of the text on, at
// `pos` of the file. A verbatim piece is the file's own bytes, so a later byte of it is as many
// characters further on the same line; any other piece (a decoded entity, the space that joins two
// lines) stands as a whole for the place it came from.
struct SourceAnchor {
  std::size_t offset = 0;
  Position pos;
  bool verbatim = true;
};

// One paragraph, heading, list item or table cell, in reading order.
struct Paragraph {
  std::string text;      // UTF-8; runs joined; tabs, line breaks and runs of spaces become one space;
                         // no-break spaces (U+00A0, U+202F) are KEPT as they are (numbers use them)
  int number = 0;        // 1-based index among the document's non-empty paragraphs (what "§ 12" means)
  int line = 0;          // text formats (md, txt, html): 1-based line where the paragraph starts; 0 otherwise
  int heading_level = 0; // 1..9 when this paragraph is a heading, else 0
  std::string heading;   // text of the nearest heading above (for a heading: its parent heading), or empty
  // Table cells: 1-based table, row and column numbers; all 0 outside tables.
  int table = 0, row = 0, column = 0;
  std::vector<SourceAnchor> anchors;  // text formats: in order of offset, the first at 0; docx, odt: empty
};

struct Document {
  std::string path;
  Format format = Format::text;
  std::vector<Paragraph> paragraphs;  // empty paragraphs are dropped
};

// Where a paragraph is, for a person: "ligne 12" (text formats) or
// "paragraphe 12, sous « X.2 — Volume d'heures d'insertion »" (docx, odt), with "tableau 1, ligne 3,
// colonne 7" for a table cell.
std::string describe(const Document& d, const Paragraph& p);
// The diagnostic position of byte `offset` of a paragraph's text: the line and character column of
// the file where it stands for text formats, {number, 0} for docx/odt (render_diagnostic then shows
// no source line for them).
Position position(const Document& d, const Paragraph& p, std::size_t offset = 0);

struct Limits {
  std::size_t max_file_size = 64u << 20;         // bytes read from disk
  std::size_t max_entries = 10000;               // entries in a .docx/.odt archive
  std::size_t max_entry_size = 64u << 20;        // decompressed size of one XML part
  std::size_t max_total_size = 256u << 20;       // decompressed size of every part read
  double max_ratio = 200;                        // decompressed ÷ compressed, per entry
};

struct ReadResult {
  std::optional<Document> document;  // absent when the file cannot be used
  Diagnostics diagnostics;           // io (cannot read: exit 3) or input (not a valid document: exit 2)
};

// Reads a file by its extension. Pure functions below take the bytes, for tests and fuzzing.
ReadResult read_document(const std::string& path, const Limits& limits = {});
ReadResult parse_document(std::string_view bytes, Format format, const std::string& path, const Limits& limits = {});

}  // namespace clausier::document
