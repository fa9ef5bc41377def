#pragma once
// The text of an input file, kept so diagnostics can show the offending line with a caret.
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier {

class SourceText {
 public:
  // Where its lines end, as the reader of the file numbers them: at LF, CR LF or a lone CR (YAML, CSV:
  // core/text.hpp next_line_start), or at LF only (the Markdown, text and HTML pieces that check reads).
  enum class LineEnds { any, lf };
  SourceText(std::string path, std::string text, LineEnds ends = LineEnds::any);
  // The file's bytes as read, `decode` making its text of them when a line is first asked for (or in
  // keep_lines): a 50 MB statement file is kept without a second copy made while it is read.
  using Decoder = std::string (*)(std::string_view bytes);
  SourceText(std::string path, std::string bytes, Decoder decode);
  const std::string& path() const { return path_; }
  const std::string& text() const {
    decoded();
    return text_;
  }
  // Line n (1-based) without its end of line; empty when out of range or not kept.
  std::string_view line(int n) const;
  // Keeps the given lines only (1-based, in any order, repeated or not), once every diagnostic of the
  // file is known: a 50 MB file with 40 000 diagnostics keeps 40 000 lines, not 50 MB and a million line
  // starts. text() is then those lines, each ended by a newline.
  void keep_lines(std::vector<int> lines);

 private:
  std::string path_;
  mutable std::string text_;
  mutable std::vector<std::size_t> line_starts_;  // computed on first use: most runs show no line
  std::vector<int> kept_;  // after keep_lines: the line numbers kept, sorted; line_starts_ gives each one's start
  mutable Decoder decode_ = nullptr;  // until the text is decoded: text_ holds the bytes
  LineEnds ends_ = LineEnds::any;
  void decoded() const;
  std::size_t next_line(std::size_t begin) const;  // the start of the line after the one at `begin`
};

// "Heures!C12" (row and column), "Heures!12" (column 0), "Heures" (the whole sheet): where a
// diagnostic of a spreadsheet points (formats.md 5.1).
std::string sheet_cell_name(std::string_view sheet, Position pos);

// Whether render_diagnostic quotes the source line of `d`, given its source: a line of a text file (not a
// sheet), neither hidden (Diagnostic::hide_line) nor a refusal of personal data.
bool shows_line(const Diagnostic& d);

// "path:line:column: severity: message [rule]" ("path:Sheet!C12: …" in a spreadsheet), then the
// source line and a caret under the column when `source` is given and shows_line(d), then
// "  aide : hint" when there is a hint. Ends with a newline. What comes from an input goes through
// printable(): no control character reaches the terminal. A message or hint is cut after 1 000
// characters, a source line longer than 1 000 shows the 1 000 around its column, between "…".
std::string render_diagnostic(const Diagnostic& d, const SourceText* source);

}  // namespace clausier
