#include "yaml_tree.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "clausier/core/text.hpp"

namespace clausier::yaml {

const Node* Node::find(std::string_view k) const {
  if (kind != Kind::map) return nullptr;
  for (std::size_t i = 0; i < map_size(); ++i)
    if (key_at(i).kind == Kind::scalar && key_at(i).value == k) return &value_at(i);
  return nullptr;
}

std::string_view kind_description(const Node& n) {
  switch (n.kind) {
    case Kind::null: return "une valeur vide";
    case Kind::scalar: return "une valeur simple";
    case Kind::sequence: return "une liste";
    case Kind::map: return "un tableau de clés";
  }
  return "";
}

namespace detail {

std::string anchor_refusal(bool alias) {
  return alias ? "alias YAML (« *nom ») refusé : les fichiers de Clausier n'utilisent ni ancres ni alias"
               : "ancre YAML (« &nom ») refusée : les fichiers de Clausier n'utilisent ni ancres ni alias";
}

namespace {

// The first byte that cannot be in a UTF-8 text: a sequence that is not UTF-8, or a NUL. ASCII is skipped
// eight bytes at a time and the NUL found by memchr: a participants file of 15 000 lines is nearly all ASCII.
struct BadByte {
  std::size_t offset;
  bool nul = false;
};
std::optional<BadByte> first_non_text(std::string_view text) {
  const std::size_t nul = text.find('\0');
  const std::string_view before_nul = text.substr(0, nul);
  if (const std::size_t bad = utf8_valid_prefix(before_nul); bad < before_nul.size()) return BadByte{bad};
  if (nul != std::string_view::npos) return BadByte{nul, true};
  return std::nullopt;
}

}  // namespace

std::optional<Diagnostic> encoding_error(std::string_view text, const std::string& path) {
  auto bad = first_non_text(text);
  if (!bad) return std::nullopt;
  const bool utf16 = text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
  std::string message = utf16      ? "le fichier est encodé en UTF-16, pas en UTF-8"
                        : bad->nul ? "le fichier contient un octet nul : ce n'est pas un texte UTF-8 (un fichier "
                                     "binaire, ou un texte enregistré en UTF-16 ?)"
                                   : "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)";
  const Position pos = utf16 ? Position{1, 1} : Positions(text).at_byte(bad->offset);
  return Diagnostic{"encoding", Severity::error, Category::input, path, pos,
                    std::move(message),
                    "enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8)"};
}

Diagnostic stop(const std::string& path, Position pos, std::string message) {
  std::string hint = message.starts_with("syntaxe")
                         ? "corrigez la syntaxe à cet endroit (indentation par espaces, « clé: valeur »)"
                         : "recopiez la valeur à chaque endroit où elle sert";
  return {"yaml-syntax", Severity::error, Category::input, path, pos, std::move(message), std::move(hint)};
}

Diagnostic second_document(const std::string& path, Position pos) {
  return {"yaml-syntax", Severity::error, Category::input, path, pos,
          "le fichier contient plusieurs documents YAML (séparés par « --- »)",
          "un fichier ne contient qu'un document YAML : retirez le « --- » qui en ouvre un autre, et ce qui le suit"};
}

void Positions::rewind() {
  byte_ = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  chars_ = 0;
  line_ = 1;
  column_ = 0;
  after_cr_ = false;
}

void Positions::step() {  // a UTF-8 character
  auto c = static_cast<unsigned char>(text_[byte_]);
  byte_ += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  ++chars_;
  if (c == '\r' || (c == '\n' && !after_cr_)) {
    ++line_;
    column_ = 0;
  } else if (c != '\n') {
    ++column_;
  }
  after_cr_ = c == '\r';
}

Position Positions::at_char(std::size_t chars) {
  if (chars < chars_) rewind();  // an error's context, before the last event: rare
  while (chars_ < chars && byte_ < text_.size()) step();
  return {line_, column_ + 1};
}

Position Positions::at_byte(std::size_t offset) {
  if (offset < byte_) rewind();
  while (byte_ < offset && byte_ < text_.size()) step();
  return {line_, column_ + 1};
}

void TreeStack::open(Kind kind, Position pos) {
  Node n;
  n.kind = kind;
  n.pos = pos;
  stack_.push_back(std::move(n));
}

void TreeStack::close() {
  if (stack_.back().is_map()) report_duplicate_keys(stack_.back());
  Node done = std::move(stack_.back());
  stack_.pop_back();
  add(std::move(done));
}

void TreeStack::add(Node n) {
  if (stack_.empty()) {
    if (!root_) root_ = std::move(n);
    return;
  }
  std::vector<Node>& items = stack_.back().items;
  // An empty value ("a:") is marked by both parsers where the next thing starts; point at its key instead.
  if (n.is_null() && stack_.back().is_map() && items.size() % 2 == 1) n.pos = items.back().pos;
  items.push_back(std::move(n));
}

void TreeStack::report_duplicate_keys(const Node& map) {
  if (map.map_size() < 2) return;
  std::unordered_map<std::string_view, const Node*> seen;
  for (std::size_t i = 0; i < map.map_size(); ++i) {
    const Node& k = map.key_at(i);
    if (!k.is_scalar()) continue;
    auto [it, inserted] = seen.emplace(k.value, &k);
    if (inserted) continue;
    diags_.push_back({"yaml-duplicate-key", Severity::error, Category::input, path_, k.pos,
                      fmt::format("clé {} répétée dans le même tableau (déjà définie ligne {})", quoted(k.value),
                                  it->second->pos.line),
                      "gardez une seule fois la clé, avec la bonne valeur"});
  }
}

}  // namespace detail
}  // namespace clausier::yaml
