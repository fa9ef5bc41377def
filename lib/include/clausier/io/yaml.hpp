#pragma once
// A YAML document as a small tree with the position of every node, built from a parser's events:
// yaml-cpp's for the hand-written definitions (tender, rules, pooling), libyaml's for the data files
// that grow to tens of thousands of lines (participants), seven times faster. yaml-cpp's own YAML::Node
// neither reports duplicate keys nor keeps positions of values cheaply; this tree does both and costs
// less to build.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace clausier::yaml {

enum class Kind { null, scalar, sequence, map };

struct Node {
  Kind kind = Kind::null;
  bool quoted = false;      // a quoted or block scalar: always a string, never a number or a date
  Position pos;
  std::string value;        // scalars
  std::vector<Node> items;  // sequence items; for maps, key and value alternate

  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_null() const { return kind == Kind::null; }
  std::size_t map_size() const { return items.size() / 2; }
  const Node& key_at(std::size_t i) const { return items[2 * i]; }
  const Node& value_at(std::size_t i) const { return items[2 * i + 1]; }
  // First value whose key is the scalar `k`, or nullptr.
  const Node* find(std::string_view k) const;
};

struct Document {
  std::optional<Node> root;   // empty when the file has no document or cannot be parsed
  Diagnostics diagnostics;    // yaml-syntax and yaml-duplicate-key errors, with `path`
};

// Through yaml-cpp's event parser: tender.yaml, rule files, pooling.yaml.
Document parse(std::string_view text, const std::string& path);

// Through libyaml's event parser (lib/src/io/yaml_libyaml.cpp): the same tree and the same diagnostics
// (positions 1-based, columns in characters, duplicate keys, anchors and aliases refused, NUL and
// UTF-16 refused, at most 500 levels, the quoted flag and yaml-cpp's null rule). Syntax errors are
// explained by other French sentences, at the same place; lines are counted at LF only. For data files.
Document parse_data(std::string_view text, const std::string& path);

// Name of a node kind for messages, in French: "une liste", "un tableau de clés", ...
std::string_view kind_description(const Node& n);

}  // namespace clausier::yaml
