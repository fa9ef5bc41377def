#include "clausier/io/yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <sstream>

#include "clausier/core/text.hpp"
#include "yaml_tree.hpp"

namespace clausier::yaml {

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

// Anchors and aliases are refused (yaml_tree.hpp); yaml-cpp hands over an alias as a reference the reader
// would have to copy. The first one stops the reading.
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
    if (k.french == "&" || k.french == "*") return detail::anchor_refusal(k.french == "*");
    return fmt::format("syntaxe YAML invalide : {}", k.french);
  }
  return "syntaxe YAML invalide à cet endroit";
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& path, std::string_view text, Diagnostics& diags)
      : columns_(text), tree_(path, diags) {}

  std::optional<Node> take() { return tree_.take(); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.pos = at(mark, anchor);
    tree_.add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { throw AnchorRefused{columns_.at(mark), true}; }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n;
    n.kind = Kind::scalar;
    n.pos = at(mark, anchor);
    n.value = value;
    n.quoted = tag == "!";  // yaml-cpp tags non-plain (quoted, literal, folded) scalars "!"
    tree_.add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    tree_.open(Kind::sequence, at(mark, anchor));
  }
  void OnSequenceEnd() override { tree_.close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    tree_.open(Kind::map, at(mark, anchor));
  }
  void OnMapEnd() override { tree_.close(); }

 private:
  Position at(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Position pos = columns_.at(mark);
    if (anchor != 0) throw AnchorRefused{pos, false};
    return pos;
  }

  Columns columns_;
  detail::TreeStack tree_;
};

}  // namespace

Document parse(std::string_view text, const std::string& path) {
  Document doc;
  if (auto refused = detail::encoding_error(text, path)) {
    doc.diagnostics.push_back(std::move(*refused));
    return doc;
  }
  // yaml-cpp 0.7 takes a lone CR (an old Mac file) for a space, not the line break YAML makes it, and
  // refuses the file: each becomes an LF, the same length, so every offset and position stays.
  std::string lf(text);
  for (std::size_t cr = lf.find('\r'); cr != std::string::npos; cr = lf.find('\r', cr + 1))
    if (cr + 1 == lf.size() || lf[cr + 1] != '\n') lf[cr] = '\n';
  std::istringstream in{std::move(lf)};
  TreeBuilder builder(path, text, doc.diagnostics);
  try {
    YAML::Parser parser(in);
    if (parser.HandleNextDocument(builder)) {
      doc.root = builder.take();
      if (parser.HandleNextDocument(builder)) doc.diagnostics.push_back(detail::second_document(path, {}));
    }
  } catch (const AnchorRefused& refused) {
    doc.root.reset();
    doc.diagnostics.push_back(detail::stop(path, refused.pos, detail::anchor_refusal(refused.alias)));
  } catch (const YAML::Exception& e) {
    doc.root.reset();
    doc.diagnostics.push_back(detail::stop(path, Columns(text).at(e.mark), explain_syntax_error(e.msg)));
  }
  return doc;
}

}  // namespace clausier::yaml
