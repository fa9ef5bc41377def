#pragma once
// Private to the two YAML tree builders (yaml.cpp over yaml-cpp's events, yaml_libyaml.cpp over
// libyaml's): what both share, so that a file reads to the same tree and the same diagnostics
// whichever parser read it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/io/yaml.hpp"

namespace clausier::yaml::detail {

// Anchors and aliases are refused (docs/robustness.md): a reader would have to copy what an alias
// refers to, and ten nested aliases of ten make 10^10 nodes from 500 bytes. No Clausier file needs
// them; the first one stops the reading.
std::string anchor_refusal(bool alias);

// The refusal of a text that is not UTF-8 or holds a NUL (a binary file, a text saved in UTF-16, which
// either parser would read itself, positions and all gone wrong), checked before any parser sees it.
std::optional<Diagnostic> encoding_error(std::string_view text, const std::string& path);

// Positions as an editor shows them (Notepad, VS Code, gedit): a line ends at LF, CR LF (one break) or a
// lone CR (an old Mac file), a column is a character, a UTF-8 BOM is no column. YAML 1.1 (libyaml) also
// breaks lines at NEL, LS and PS; editors show them inside the line, so they count as characters here.
// Asked in text order, each position moves on from the previous one: a file of one very long line (JSON
// style) costs linear time, not quadratic. The text before the positions asked is UTF-8.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) { rewind(); }

  // Character number `chars` of the text, the BOM left out (libyaml's marks count so).
  Position at_char(std::size_t chars);
  // The byte at `offset` (a BOM counted in it).
  Position at_byte(std::size_t offset);
  // The byte where the last position asked stands, or NUL at the end of the text.
  char current() const { return byte_ < text_.size() ? text_[byte_] : '\0'; }

 private:
  void rewind();
  void step();

  std::string_view text_;
  std::size_t byte_ = 0;
  std::size_t chars_ = 0;
  int line_ = 1;
  int column_ = 0;
  bool after_cr_ = false;  // the last character was a CR: an LF now ends the same line
};

// The one yaml-syntax diagnostic that stops the reading, its hint chosen by its message: a syntax
// error or an anchor or alias refused.
Diagnostic stop(const std::string& path, Position pos, std::string message);

// A second document ("---") in a file that describes one thing.
Diagnostic second_document(const std::string& path, Position pos);

// The tree as events build it: nodes open and close in text order; a map that closes reports its
// repeated keys (yaml-duplicate-key, at the second occurrence, naming the line of the first).
class TreeStack {
 public:
  TreeStack(const std::string& path, Diagnostics& diags) : path_(path), diags_(diags) {}

  void open(Kind kind, Position pos);
  void close();
  void add(Node n);
  std::size_t depth() const { return stack_.size(); }
  std::optional<Node> take() { return std::move(root_); }

 private:
  void report_duplicate_keys(const Node& map);

  const std::string& path_;
  Diagnostics& diags_;
  std::vector<Node> stack_;
  std::optional<Node> root_;
};

}  // namespace clausier::yaml::detail
