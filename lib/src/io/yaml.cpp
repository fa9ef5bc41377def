#include "clausier/io/yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <sstream>
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

namespace {

// yaml-cpp marks are 0-based and count columns in bytes; people and editors count characters.
// Events arrive in text order, so each count starts where the previous one stopped on the same
// line: a file of one very long line (JSON style) costs linear time, not quadratic.
class Columns {
 public:
  explicit Columns(std::string_view text) : text_(text) {}

  Position at(const YAML::Mark& m) {
    if (m.is_null()) return {};
    auto end = static_cast<std::size_t>(m.pos);
    if (m.pos < m.column || end > text_.size()) return {m.line + 1, m.column + 1};
    std::size_t begin = end - static_cast<std::size_t>(m.column);
    if (begin != line_begin_) {
      line_begin_ = begin;
      counted_to_ = begin;
      chars_ = 0;
    }
    if (end >= counted_to_)
      chars_ += utf8_width(text_.substr(counted_to_, end - counted_to_));
    else
      chars_ -= utf8_width(text_.substr(end, counted_to_ - end));
    counted_to_ = end;
    return {m.line + 1, static_cast<int>(chars_) + 1};
  }

 private:
  std::string_view text_;
  std::size_t line_begin_ = std::string_view::npos;
  std::size_t counted_to_ = 0;
  std::size_t chars_ = 0;  // characters between line_begin_ and counted_to_
};

// Anchors and aliases are refused (docs/robustness.md): yaml-cpp hands over an alias as a reference
// the reader would have to copy, and ten nested aliases of ten make 10^10 nodes from 500 bytes.
// No Clausier file needs them; the first one stops the reading.
std::string refusal(bool alias) {
  return alias ? "alias YAML (« *nom ») refusé : les fichiers de Clausier n'utilisent ni ancres ni alias"
               : "ancre YAML (« &nom ») refusée : les fichiers de Clausier n'utilisent ni ancres ni alias";
}
constexpr std::string_view refusal_hint = "recopiez la valeur à chaque endroit où elle sert";

struct AnchorRefused {
  Position pos;
  bool alias;
};

// yaml-cpp's messages are terse English (some end with the offending character); say what was
// expected, in French, and never pass their text on.
std::string explain_syntax_error(const std::string& msg) {
  enum Match { exact, prefix };
  struct Known {
    std::string_view english;
    Match match;
    std::string_view french;  // "&" or "*": an anchor or an alias, refused as such
  };
  static constexpr Known known[] = {
      {"illegal map value", exact, "« : » inattendu ; une valeur qui contient « : » doit être entre guillemets"},
      {"end of map not found", exact, "tableau { … } non refermé : « } » attendu"},
      {"end of sequence not found", exact, "liste [ … ] non refermée : « ] » attendu"},
      {"end of map flow not found", exact, "tableau { … } non refermé : « } » attendu"},
      {"end of sequence flow not found", exact, "liste [ … ] non refermée : « ] » attendu"},
      {"illegal tab when looking for indentation", exact, "tabulation dans l'indentation : utilisez des espaces"},
      {"unknown escape character", prefix, "séquence d'échappement inconnue dans une chaîne entre guillemets"},
      {"bad character found while scanning hex number", exact,
       "séquence d'échappement \\x, \\u ou \\U mal formée dans une chaîne entre guillemets"},
      {"invalid unicode", prefix, "caractère Unicode invalide dans une séquence d'échappement"},
      {"end of string not found", exact, "chaîne non refermée : guillemet fermant attendu"},
      {"invalid character in single-quoted string", exact, "caractère interdit dans une chaîne entre apostrophes"},
      {"block sequence entries are not allowed in this context", exact,
       "élément de liste « - » mal placé : vérifiez l'indentation"},
      {"illegal block entry", exact, "élément de liste « - » mal placé : vérifiez l'indentation"},
      {"illegal EOF in scalar", exact, "fin de fichier inattendue dans une valeur"},
      {"illegal document indicator in scalar", exact, "« --- » ou « ... » à l'intérieur d'une valeur"},
      {"illegal character in scalar", exact, "caractère interdit dans une valeur"},
      {"unexpected character in block scalar", exact, "caractère inattendu dans un bloc de texte"},
      {"cannot set zero indentation for a block scalar", exact, "un bloc de texte (| ou >) ne peut pas être indenté de 0"},
      {"end of block collection not found", exact, "indentation incohérente : la ligne ne prolonge pas le bloc au-dessus"},
      {"invalid node; first token is not valid", exact, "valeur invalide à cet endroit"},
      {"unknown token", exact, "élément inattendu à cet endroit"},
      {"illegal flow end", exact, "« ] » ou « } » sans ouverture correspondante"},
      {"unexpected end sequence token", exact, "« ] » sans ouverture correspondante"},
      {"unexpected end map token", exact, "« } » sans ouverture correspondante"},
      {"illegal map key", exact, "clé « ? » mal placée"},
      {"bad file", exact, "imbrication trop profonde (plus de 500 niveaux)"},  // yaml-cpp's depth guard
      {"YAML directives must have exactly one argument", exact, "directive %YAML mal formée (%YAML 1.2 attendu)"},
      {"bad YAML version", prefix, "version YAML non reconnue dans la directive %YAML"},
      {"YAML major version too large", exact, "version YAML non prise en charge (%YAML 1.2 attendu)"},
      {"repeated YAML directive", exact, "directive %YAML répétée"},
      {"TAG directives must have exactly two arguments", exact, "directive %TAG mal formée"},
      {"repeated TAG directive", exact, "directive %TAG répétée"},
      {"illegal character found while scanning tag handle", exact, "caractère interdit dans une étiquette « ! »"},
      {"tag handle with no suffix", exact, "étiquette « ! » incomplète"},
      {"end of verbatim tag not found", exact, "étiquette « !<…> » non refermée"},
      {"cannot assign multiple tags to the same node", exact, "plusieurs étiquettes « ! » sur la même valeur"},
      {"invalid tag", exact, "étiquette « ! » invalide"},
      {"cannot assign multiple anchors to the same node", exact, "&"},
      {"cannot assign multiple aliases to the same node", exact, "*"},
      {"aliases can't have any content, *including* tags", exact, "*"},
      {"alias not found after *", exact, "*"},
      {"anchor not found after &", exact, "&"},
      {"illegal character found while scanning alias", exact, "*"},
      {"illegal character found while scanning anchor", exact, "&"},
      {"cannot assign the same alias to multiple nodes", exact, "*"},
      {"the referenced anchor is not defined", exact, "*"},
      {"invalid anchor", exact, "&"},
      {"invalid alias", exact, "*"},
  };
  for (const Known& k : known) {
    if (k.match == exact ? msg != k.english : !std::string_view(msg).starts_with(k.english)) continue;
    if (k.french == "&" || k.french == "*") return refusal(k.french == "*");
    return fmt::format("syntaxe YAML invalide : {}", k.french);
  }
  return "syntaxe YAML invalide à cet endroit";
}

// The first byte that cannot be in a UTF-8 text: a sequence that is not UTF-8, or a NUL (a binary file,
// or a text saved in UTF-16: yaml-cpp would read the latter itself, positions and all gone wrong).
struct BadByte {
  Position pos;
  bool nul = false;
};
std::optional<BadByte> first_non_text(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i + 1;
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (c == 0 || len == 0 || !is_valid_utf8(text.substr(i, len)) || i + len > text.size())
      return BadByte{{line, static_cast<int>(utf8_width(text.substr(line_start, i - line_start))) + 1}, c == 0};
    next = i + len;
    if (c == '\n') {
      ++line;
      line_start = next;
    }
    i = next;
  }
  return std::nullopt;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& path, std::string_view text, Diagnostics& diags)
      : path_(path), columns_(text), diags_(diags) {}

  std::optional<Node> take() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.pos = at(mark, anchor);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { throw AnchorRefused{columns_.at(mark), true}; }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n;
    n.kind = Kind::scalar;
    n.pos = at(mark, anchor);
    n.value = value;
    n.quoted = tag == "!";  // yaml-cpp tags non-plain (quoted, literal, folded) scalars "!"
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Kind::map, mark, anchor);
  }
  void OnMapEnd() override {
    report_duplicate_keys(stack_.back());
    close();
  }

 private:
  Position at(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Position pos = columns_.at(mark);
    if (anchor != 0) throw AnchorRefused{pos, false};
    return pos;
  }
  void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Node n;
    n.kind = kind;
    n.pos = at(mark, anchor);
    stack_.push_back(std::move(n));
  }
  void close() {
    Node done = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(done));
  }
  void add(Node n) {
    if (stack_.empty()) {
      if (!root_) root_ = std::move(n);
      return;
    }
    std::vector<Node>& items = stack_.back().items;
    // An empty value ("a:") is marked by yaml-cpp on the next line; point at its key instead.
    if (n.is_null() && stack_.back().is_map() && items.size() % 2 == 1) n.pos = items.back().pos;
    items.push_back(std::move(n));
  }
  void report_duplicate_keys(const Node& map) {
    if (map.map_size() < 2) return;
    std::unordered_map<std::string_view, const Node*> seen;
    for (std::size_t i = 0; i < map.map_size(); ++i) {
      const Node& k = map.key_at(i);
      if (!k.is_scalar()) continue;
      auto [it, inserted] = seen.emplace(k.value, &k);
      if (inserted) continue;
      diags_.push_back({"yaml-duplicate-key", Severity::error, Category::input, path_, k.pos,
                        fmt::format("clé {} répétée dans le même tableau (déjà définie ligne {})",
                                    quoted(k.value), it->second->pos.line),
                        "gardez une seule fois la clé, avec la bonne valeur"});
    }
  }

  const std::string& path_;
  Columns columns_;
  Diagnostics& diags_;
  std::vector<Node> stack_;
  std::optional<Node> root_;
};

}  // namespace

Document parse(std::string_view text, const std::string& path) {
  Document doc;
  if (auto bad = first_non_text(text)) {
    const bool utf16 = text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF");
    std::string message = utf16      ? "le fichier est encodé en UTF-16, pas en UTF-8"
                          : bad->nul ? "le fichier contient un octet nul : ce n'est pas un texte UTF-8 (un fichier "
                                       "binaire, ou un texte enregistré en UTF-16 ?)"
                                     : "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)";
    doc.diagnostics.push_back({"encoding", Severity::error, Category::input, path, utf16 ? Position{1, 1} : bad->pos,
                               std::move(message),
                               "enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage UTF-8)"});
    return doc;
  }
  std::istringstream in{std::string(text)};
  TreeBuilder builder(path, text, doc.diagnostics);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      doc.root = builder.take();
      if (parser.HandleNextDocument(builder)) {
        doc.diagnostics.push_back({"yaml-syntax", Severity::error, Category::input, path, {},
                                   "le fichier contient plusieurs documents YAML (séparés par « --- »)",
                                   "un fichier décrit une seule consultation : retirez les documents suivants"});
      }
    }
  } catch (const AnchorRefused& refused) {
    doc.root.reset();
    doc.diagnostics.push_back({"yaml-syntax", Severity::error, Category::input, path, refused.pos,
                               refusal(refused.alias), std::string(refusal_hint)});
  } catch (const YAML::Exception& e) {
    doc.root.reset();
    std::string message = explain_syntax_error(e.msg);
    std::string hint = message.starts_with("syntaxe")
                           ? "corrigez la syntaxe à cet endroit (indentation par espaces, « clé: valeur »)"
                           : std::string(refusal_hint);
    doc.diagnostics.push_back({"yaml-syntax", Severity::error, Category::input, path, Columns(text).at(e.mark),
                               std::move(message), std::move(hint)});
  }
  return doc;
}

}  // namespace clausier::yaml
