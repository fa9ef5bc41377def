#include "clausier/io/yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <map>
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
Position position_of(const YAML::Mark& m, std::string_view text) {
  if (m.is_null()) return {};
  int column = m.column;
  auto end = static_cast<std::size_t>(m.pos);
  auto begin = end - static_cast<std::size_t>(m.column);
  if (m.pos >= m.column && end <= text.size())
    column = static_cast<int>(utf8_width(text.substr(begin, end - begin)));
  return {m.line + 1, column + 1};
}

// yaml-cpp's messages are terse English; say what was expected, in French.
std::string explain_syntax_error(const std::string& msg) {
  static const std::map<std::string, std::string, std::less<>> known = {
      {"illegal map value", "« : » inattendu ; une valeur qui contient « : » doit être entre guillemets"},
      {"end of map not found", "tableau { … } non refermé : « } » attendu"},
      {"end of sequence not found", "liste [ … ] non refermée : « ] » attendu"},
      {"end of map flow not found", "tableau { … } non refermé : « } » attendu"},
      {"end of sequence flow not found", "liste [ … ] non refermée : « ] » attendu"},
      {"illegal tab when looking for indentation", "tabulation dans l'indentation : utilisez des espaces"},
      {"unknown escape character", "séquence d'échappement inconnue dans une chaîne entre guillemets"},
      {"end of string not found", "chaîne non refermée : guillemet fermant attendu"},
      {"block sequence entries are not allowed in this context",
       "élément de liste « - » mal placé : vérifiez l'indentation"},
      {"illegal EOF in scalar", "fin de fichier inattendue dans une valeur"},
      {"unexpected character in block scalar", "caractère inattendu dans un bloc de texte"},
      {"end of block collection not found", "indentation incohérente : la ligne ne prolonge pas le bloc au-dessus"},
      {"invalid node; first token is not valid", "valeur invalide à cet endroit"},
      {"the anchor is not defined", "ancre (&nom) utilisée avant d'être définie"},
  };
  auto it = known.find(msg);
  if (it != known.end()) return fmt::format("syntaxe YAML invalide : {}", it->second);
  return fmt::format("syntaxe YAML invalide ({})", msg);
}

// Position of the first byte that is not valid UTF-8, if any.
std::optional<Position> first_invalid_utf8(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i + 1;
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || !is_valid_utf8(text.substr(i, len)) || i + len > text.size())
      return Position{line, static_cast<int>(utf8_width(text.substr(line_start, i - line_start))) + 1};
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
      : path_(path), text_(text), diags_(diags) {}

  std::optional<Node> take() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.pos = position_of(mark, text_);
    add(std::move(n), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    Node n = it != anchors_.end() ? it->second : Node{};
    n.pos = position_of(mark, text_);
    add(std::move(n), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n;
    n.kind = Kind::scalar;
    n.pos = position_of(mark, text_);
    n.value = value;
    n.quoted = tag == "!";  // yaml-cpp tags non-plain (quoted, literal, folded) scalars "!"
    add(std::move(n), anchor);
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
    report_duplicate_keys(stack_.back().node);
    close();
  }

 private:
  struct Open {
    Node node;
    YAML::anchor_t anchor;
  };

  void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Node n;
    n.kind = kind;
    n.pos = position_of(mark, text_);
    stack_.push_back({std::move(n), anchor});
  }
  void close() {
    Open done = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(done.node), done.anchor);
  }
  void add(Node n, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = n;
    if (stack_.empty()) {
      if (!root_) root_ = std::move(n);
      return;
    }
    std::vector<Node>& items = stack_.back().node.items;
    // An empty value ("a:") is marked by yaml-cpp on the next line; point at its key instead.
    if (n.is_null() && stack_.back().node.is_map() && items.size() % 2 == 1) n.pos = items.back().pos;
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
  std::string_view text_;
  Diagnostics& diags_;
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, Node> anchors_;
  std::optional<Node> root_;
};

}  // namespace

Document parse(std::string_view text, const std::string& path) {
  Document doc;
  if (auto bad = first_invalid_utf8(text)) {
    doc.diagnostics.push_back({"encoding", Severity::error, Category::input, path, *bad,
                               "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)",
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
  } catch (const YAML::Exception& e) {
    doc.root.reset();
    doc.diagnostics.push_back({"yaml-syntax", Severity::error, Category::input, path, position_of(e.mark, text),
                               explain_syntax_error(e.msg),
                               "corrigez la syntaxe à cet endroit (indentation par espaces, « clé: valeur »)"});
  }
  return doc;
}

}  // namespace clausier::yaml
