// yaml::parse_data: the YAML tree of yaml.hpp built from libyaml's event parser, for the data files
// (participants.yaml) that grow to tens of thousands of lines; what both builders share is in yaml_tree.hpp.
#include "clausier/io/yaml.hpp"

#include <yaml.h>

#include <cstring>

#include "yaml_tree.hpp"

namespace clausier::yaml {

namespace {

// libyaml's marks count characters from 0 (a UTF-8 BOM left out) and lines at every break YAML 1.1 knows;
// the position is counted again from the character index, as an editor shows it (yaml_tree.hpp).
Position position(detail::Positions& positions, const yaml_mark_t& m) { return positions.at_char(m.index); }

// libyaml stacks its states, not its calls, so it nests without limit; the tree and its readers recurse.
constexpr std::size_t max_depth = 500;

// libyaml's messages are terse English (a context such as "while scanning a tag" and a problem); say
// what was expected, in French, and never pass their text on.
struct Explained {
  std::string message;
  bool at_context = false;  // point at where the faulty part starts rather than where it broke
};
Explained explain_syntax_error(const yaml_parser_t& parser, const Position& context, char found) {
  struct Known {
    std::string_view context;  // empty: any
    std::string_view problem;  // empty: any
    std::string_view found;    // the character at the problem is one of these; empty: any
    std::string_view french;   // {} stands for the line of the context; "&" or "*": an anchor or an alias
    bool at_context = false;
  };
  static constexpr std::string_view closing = "]}";
  static constexpr std::string_view no_opening = "« ] » ou « } » sans ouverture correspondante";
  static constexpr std::string_view tab = "tabulation dans l'indentation : utilisez des espaces";
  static constexpr std::string_view colon = "« : » inattendu ; une valeur qui contient « : » doit être entre guillemets";
  static constexpr std::string_view tag_directive = "directive %TAG mal formée";
  static constexpr Known known[] = {
      {"", "found character that cannot start any token", "\t", tab},
      {"", "found character that cannot start any token", "@`",
       "caractère inattendu à cet endroit (une valeur qui commence par @ ou ` doit être entre guillemets)"},
      {"", "found character that cannot start any token", "", "caractère inattendu à cet endroit"},
      {"while scanning a simple key", "", "", "« : » attendu après la clé : une ligne de tableau s'écrit « clé: valeur »",
       true},
      {"", "block sequence entries are not allowed in this context", "",
       "élément de liste « - » mal placé : vérifiez l'indentation"},
      {"", "mapping keys are not allowed in this context", "", "clé « ? » mal placée"},
      {"", "mapping values are not allowed in this context", "", colon},
      {"while scanning a %YAML directive", "", "", "directive %YAML mal formée (%YAML 1.2 attendu)"},
      {"while scanning a %TAG directive", "", "", tag_directive},
      {"while parsing a %TAG directive", "", "", tag_directive},
      {"while scanning a tag directive", "", "", tag_directive},
      {"while parsing a tag directive", "", "", tag_directive},
      {"while scanning a directive", "", "", "directive « % » inconnue ou mal formée (seules %YAML et %TAG existent)"},
      {"while scanning an anchor", "", "", "&"},
      {"while scanning an alias", "", "", "*"},
      {"while scanning a tag", "did not find the expected '>'", "", "étiquette « !<…> » non refermée"},
      {"while scanning a tag", "", "", "étiquette « ! » invalide"},
      {"while parsing a tag", "", "", "étiquette « ! » invalide"},
      {"while scanning a block scalar", "found an indentation indicator equal to 0", "",
       "un bloc de texte (| ou >) ne peut pas être indenté de 0"},
      {"while scanning a block scalar", "found a tab character where an indentation space is expected", "", tab},
      {"while scanning a block scalar", "", "",
       "caractère inattendu après | ou > (seuls un chiffre d'indentation, + ou - et un commentaire peuvent suivre)"},
      {"while scanning a quoted scalar", "found unexpected document indicator", "",
       "« --- » ou « ... » en début de ligne dans une chaîne entre guillemets"},
      {"while scanning a quoted scalar", "", "", "chaîne non refermée : guillemet fermant attendu", true},
      {"while parsing a quoted scalar", "found unknown escape character", "",
       "séquence d'échappement inconnue dans une chaîne entre guillemets"},
      {"while parsing a quoted scalar", "did not find expected hexdecimal number", "",
       "séquence d'échappement \\x, \\u ou \\U mal formée dans une chaîne entre guillemets"},
      {"while parsing a quoted scalar", "", "", "caractère Unicode invalide dans une séquence d'échappement"},
      {"while scanning a plain scalar", "found unexpected ':'", "", colon},
      {"while scanning a plain scalar", "", "", tab},
      {"while parsing a node", "", "", "étiquette « ! » invalide (préfixe non déclaré par %TAG)"},
      {"while parsing a block collection", "", closing, no_opening},
      {"while parsing a block collection", "", "",
       "indentation incohérente : la ligne ne prolonge pas la liste au-dessus (« - » attendu à la colonne de ses éléments)"},
      {"while parsing a block mapping", "", closing, no_opening},
      {"while parsing a block mapping", "", ":", "clé manquante avant « : »"},
      {"while parsing a block mapping", "", "", "indentation incohérente : la ligne ne prolonge pas le bloc au-dessus"},
      {"while parsing a flow sequence", "", "", "liste [ … ] non refermée (ouverte ligne {}) : « , » ou « ] » attendu"},
      {"while parsing a flow mapping", "", "", "tableau { … } non refermé (ouvert ligne {}) : « , » ou « } » attendu"},
      {"", "did not find expected node content", closing, no_opening},
      {"", "did not find expected node content", ",",
       "« , » inattendu : une valeur qui commence par « , » doit être entre guillemets"},
      {"", "did not find expected node content", "", "valeur attendue à cet endroit"},
      {"", "did not find expected <document start>", closing, no_opening},
      {"", "did not find expected <document start>", "", "élément inattendu après la fin du document"},
      {"", "found duplicate %YAML directive", "", "directive %YAML répétée"},
      {"", "found incompatible YAML document", "", "version YAML non prise en charge (%YAML 1.2 attendu)"},
      {"", "found duplicate %TAG directive", "", "directive %TAG répétée"},
      // The reader; by then the text is known to be UTF-8 without NUL.
      {"", "control characters are not allowed", "", "caractère de contrôle (invisible) interdit dans un fichier YAML"},
  };
  const std::string_view context_text = parser.context ? parser.context : "";
  const std::string_view problem = parser.problem ? parser.problem : "";
  for (const Known& k : known) {
    if (!k.context.empty() && k.context != context_text) continue;
    if (!k.problem.empty() && k.problem != problem) continue;
    if (!k.found.empty() && (found == '\0' || k.found.find(found) == std::string_view::npos)) continue;
    if (k.french == "&" || k.french == "*") return {detail::anchor_refusal(k.french == "*"), k.at_context};
    std::string french(k.french);
    if (auto at = french.find("{}"); at != std::string::npos) french.replace(at, 2, std::to_string(context.line));
    return {"syntaxe YAML invalide : " + french, k.at_context};
  }
  return {"syntaxe YAML invalide à cet endroit"};
}

// yaml-cpp's rule, which the readers were written against: a plain scalar ~, null, Null, NULL or
// nothing, without a tag, is a null node.
bool is_null(const yaml_event_t& e) {
  const auto& s = e.data.scalar;
  if (s.tag != nullptr || s.style != YAML_PLAIN_SCALAR_STYLE) return false;
  std::string_view v(reinterpret_cast<const char*>(s.value), s.length);
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// A collection the events have opened and not closed yet.
struct Open {
  Position pos;
  bool map = false;
  bool flow = false;  // [ … ] or { … }, which only their closing bracket ends
  bool pair = false;  // the one-pair table of « [a: b] », a flow table without its « { »
};

class TreeBuilder {
 public:
  TreeBuilder(const std::string& path, std::string_view text, Diagnostics& diags)
      : path_(path), positions_(text), tree_(path, diags) {}

  std::optional<Node> take() { return tree_.take(); }
  detail::Positions& positions() { return positions_; }
  // The innermost collection still open that the user wrote, if any.
  std::optional<Open> innermost() const {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it)
      if (!it->pair) return *it;
    return std::nullopt;
  }

  // Adds one node event to the tree; the diagnostic that stops the reading when it must stop.
  std::optional<Diagnostic> add_event(const yaml_event_t& e) {
    const Position pos = position(positions_, e.start_mark);
    switch (e.type) {
      case YAML_ALIAS_EVENT: return detail::stop(path_, pos, detail::anchor_refusal(true));
      case YAML_SCALAR_EVENT: {
        if (e.data.scalar.anchor != nullptr) return detail::stop(path_, pos, detail::anchor_refusal(false));
        Node n;
        n.pos = pos;
        if (!is_null(e)) {
          const auto& s = e.data.scalar;
          n.kind = Kind::scalar;
          n.value.assign(reinterpret_cast<const char*>(s.value), s.length);
          // Quoted and block scalars are text; so is a plain one tagged "!" (YAML's "not a number").
          n.quoted = s.style != YAML_PLAIN_SCALAR_STYLE ||
                     (s.tag != nullptr && std::strcmp(reinterpret_cast<const char*>(s.tag), "!") == 0);
        }
        tree_.add(std::move(n));
        return std::nullopt;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool map = e.type == YAML_MAPPING_START_EVENT;
        if ((map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor) != nullptr)
          return detail::stop(path_, pos, detail::anchor_refusal(false));
        if (tree_.depth() >= max_depth)
          return detail::stop(path_, pos, "syntaxe YAML invalide : imbrication trop profonde (plus de 500 niveaux)");
        tree_.open(map ? Kind::map : Kind::sequence, pos);
        const bool flow = map ? e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                              : e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
        const bool in_flow_list = !open_.empty() && open_.back().flow && !open_.back().map;
        open_.push_back({pos, map, flow, map && flow && in_flow_list && positions_.current() != '{'});
        return std::nullopt;
      }
      case YAML_MAPPING_END_EVENT:
      case YAML_SEQUENCE_END_EVENT:
        tree_.close();
        open_.pop_back();
        return std::nullopt;
      default: return std::nullopt;
    }
  }

 private:
  const std::string& path_;
  detail::Positions positions_;
  detail::TreeStack tree_;
  std::vector<Open> open_;
};

// libyaml's parser and the event it hands over, freed whatever happens.
struct Parser {
  yaml_parser_t p;
  explicit Parser(std::string_view text) {
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};
struct Event {
  yaml_event_t e{};
  ~Event() { yaml_event_delete(&e); }
};

Diagnostic syntax_error(const yaml_parser_t& p, TreeBuilder& builder, const std::string& path) {
  detail::Positions& positions = builder.positions();
  const bool reader = p.error == YAML_READER_ERROR;
  const Position problem = reader ? positions.at_byte(p.problem_offset) : position(positions, p.problem_mark);
  const char found = reader ? '\0' : positions.current();
  // The text ends inside [ … ] or { … }: libyaml says it expected a value, a « , » or the bracket, where the
  // text ends; the user must look where it opens. (An unclosed string or tag is the scanner's, said as such.)
  if (const auto open = builder.innermost(); p.error == YAML_PARSER_ERROR && found == '\0' && open && open->flow)
    return detail::stop(path, open->pos,
                        open->map ? "syntaxe YAML invalide : tableau { … } ouvert ici et jamais refermé : « } » attendu "
                                    "avant la fin du fichier"
                                  : "syntaxe YAML invalide : liste [ … ] ouverte ici et jamais refermée : « ] » attendu "
                                    "avant la fin du fichier");
  const Position context = p.context ? position(positions, p.context_mark) : problem;
  Explained e = explain_syntax_error(p, context, found);
  return detail::stop(path, e.at_context ? context : problem, std::move(e.message));
}

}  // namespace

Document parse_data(std::string_view text, const std::string& path) {
  Document doc;
  if (auto refused = detail::encoding_error(text, path)) {
    doc.diagnostics.push_back(std::move(*refused));
    return doc;
  }
  Parser parser(text);
  TreeBuilder builder(path, text, doc.diagnostics);
  for (int documents = 0;;) {
    Event event;
    if (!yaml_parser_parse(&parser.p, &event.e)) {
      doc.root.reset();
      doc.diagnostics.push_back(syntax_error(parser.p, builder, path));
      return doc;
    }
    const yaml_event_type_t type = event.e.type;
    if (type == YAML_STREAM_END_EVENT) break;
    if (type == YAML_DOCUMENT_START_EVENT && ++documents == 2) {
      doc.diagnostics.push_back(detail::second_document(path, position(builder.positions(), event.e.start_mark)));
      break;
    }
    if (auto stop = builder.add_event(event.e)) {
      doc.root.reset();
      doc.diagnostics.push_back(std::move(*stop));
      return doc;
    }
  }
  doc.root = builder.take();
  return doc;
}

}  // namespace clausier::yaml
