#include "clausier/track/participants.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "clausier/core/text.hpp"
#include "clausier/io/csv.hpp"
#include "clausier/io/table.hpp"
#include "clausier/io/yaml.hpp"
#include "clausier/track/forms.hpp"

namespace clausier::track {

using io::MapReader;
using yaml::Node;

const Participant* Participants::find(std::string_view ref) const {
  if (indexed_data_ != list.data() || indexed_size_ != list.size()) {
    refs_ = {};
    folded_ = {};
    by_ref_.clear();
    by_folded_.clear();
    for (const auto& p : list) {
      if (refs_.intern(p.ref) == by_ref_.size()) by_ref_.push_back(&p);  // a new text: its first description
      if (folded_.intern(ref_key(p.ref)) == by_folded_.size()) by_folded_.push_back(&p);
    }
    indexed_data_ = list.data();
    indexed_size_ = list.size();
  }
  if (std::optional<TextId> id = refs_.find(ref)) return by_ref_[*id];
  std::optional<TextId> id = folded_.find(ref_key(ref));
  return id ? by_folded_[*id] : nullptr;
}

namespace {

constexpr std::string_view sexes[] = {"F", "M", "X"};

// Checks that apply to a participant whatever the file format.
class Checker {
 public:
  Checker(io::Reader& r, const rules::RuleSet& rules, Diagnostics& out) : r_(r), rules_(rules), out_(out) {}

  // The ref as written, when it is a pseudonym: personal data is checked first and never repeated, nor
  // is a ref that is no identifier (it may be anything a person typed). `refused()` then says so, and the
  // caller hides the lines of that participant from every diagnostic.
  std::optional<std::string> ref(const yaml::Node& n) {
    refused_ = false;
    if (!n.is_scalar()) return r_.identifier(n, "ref");
    std::string why = personal_data_reason(n.value);
    refused_ = !why.empty() || !io::is_identifier(n.value);
    if (!why.empty()) {
      out_.push_back(personal_data_diagnostic(
          r_.path(), n.pos,
          fmt::format("la référence du participant {} ; seules des références pseudonymes sont admises", why),
          "remplacez-la par une référence comme P-0001, et gardez la correspondance hors de Clausier"));
      return std::nullopt;
    }
    if (refused_) {
      r_.error("schema-format", n.pos,
               "la référence du participant doit être un identifiant (lettres sans accent, chiffres, « . », « _ », "
               "« - »), commençant par une lettre ou un chiffre ; elle n'est pas recopiée ici",
               "remplacez-la par une référence comme P-0001");
      return std::nullopt;
    }
    return n.value;
  }
  bool refused() const { return refused_; }

  bool criteria(const std::vector<std::string>& codes, Position pos, const std::string& note) {
    bool ok = true;
    if (codes.empty()) {
      r_.error("schema-range", pos, "« criteria » est vide : au moins un critère d'éligibilité attendu");
      return false;
    }
    std::vector<std::string> known;
    for (const auto& c : rules_.eligibility_criteria()) known.push_back(c.code);
    for (const auto& code : codes) {
      const rules::EligibilityCriterion* c = rules_.criterion(code);
      if (c == nullptr) {
        std::string suggestion = closest_match(code, known);
        r_.error("schema-enum", pos,
                 fmt::format("critère d'éligibilité {} inconnu ; attendu l'un de : {}", quoted(code), join(known, ", ")),
                 suggestion.empty() ? "" : fmt::format("vouliez-vous dire {} ?", quoted(suggestion)));
        ok = false;
      } else if (c->note_required && note.empty()) {
        r_.error("schema-required", pos, fmt::format("le critère {} demande une « note » qui motive la validation", quoted(code)),
                 "ajoutez « note: … » (avis du prescripteur, sans donnée nominative)");
        ok = false;
      }
    }
    return ok;
  }

  std::optional<Situation> situation(const std::string& code, Date date, Position pos, std::string_view field) {
    const rules::Outcome* o = rules_.outcome(code);
    if (o == nullptr) {
      std::vector<std::string> known;
      for (const auto& x : rules_.outcomes()) known.push_back(x.situation);
      r_.error("schema-enum", pos,
               fmt::format("{} : situation {} inconnue ; attendu l'une de : {}", quoted(field), quoted(code), join(known, ", ")));
      return std::nullopt;
    }
    return Situation{date, code, o->category};
  }

 private:
  io::Reader& r_;
  const rules::RuleSet& rules_;
  Diagnostics& out_;
  bool refused_ = false;
};

constexpr int end_of_file = std::numeric_limits<int>::max();

// The lines of each participant whose ref was refused, from its first line to the line before the next
// participant's (a quoted value may run over several lines): no diagnostic pointing there shows its line.
// Both forms, YAML and table, call start() at each participant as they read it, hide() when its ref is
// refused, and apply() once at the end.
class HiddenLines {
 public:
  void start(int first_line) {
    // A participant that starts on the refused one's line (a file in JSON style, on one line) keeps
    // that line hidden: its excerpt would show the refused value.
    if (open_) ranges_.back().second = std::max(first_line - 1, ranges_.back().first);
    open_ = false;
  }
  void hide(int first_line) {
    ranges_.push_back({first_line, end_of_file});
    open_ = true;
  }
  void apply(Diagnostics& diags) const {
    for (Diagnostic& d : diags)
      for (auto [first, last] : ranges_)
        if (d.pos.line >= first && d.pos.line <= last) d.hide_line = true;
  }

 private:
  std::vector<std::pair<int, int>> ranges_;
  bool open_ = false;  // the last range runs to the next participant, not met yet
};

// The criteria that depend on age, and the order of the dates (formats.md section 4).
void check_coherence(io::Reader& r, const Participant& p) {
  int year = static_cast<int>(p.validated_on.year());
  int age = year - p.birth_year;  // the age reached in the year of validation
  if (p.birth_year > year)
    r.error("participant-dates", p.pos, fmt::format("année de naissance {} postérieure à la validation ({})", p.birth_year, year));
  bool has = [&](std::string_view c) { return std::find(p.criteria.begin(), p.criteria.end(), c) != p.criteria.end(); }("young");
  if (has && age >= 26)
    r.error("participant-criterion", p.pos,
            fmt::format("critère « young » : {} ans dans l'année de la validation, 26 ans ou plus", age),
            "« young » vaut pour les moins de 26 ans à la validation");
  if (std::find(p.criteria.begin(), p.criteria.end(), "senior") != p.criteria.end() && age < 50)
    r.error("participant-criterion", p.pos,
            fmt::format("critère « senior » : {} ans dans l'année de la validation, moins de 50 ans", age),
            "« senior » vaut pour les 50 ans ou plus à la validation");
  if (p.exit && p.exit->date < p.validated_on)
    r.error("participant-dates", p.pos, "la sortie précède la validation de l'éligibilité");
  if (p.follow_up && p.exit && p.follow_up->date < p.exit->date)
    r.error("participant-dates", p.pos, "le suivi à six mois précède la sortie");
  if (p.follow_up && !p.exit) r.error("participant-dates", p.pos, "un suivi à six mois sans sortie");
}

void check_duplicates(io::Reader& r, const Participants& ps) {
  std::map<std::string, Position> seen;
  for (const auto& p : ps.list) {
    auto [it, inserted] = seen.emplace(ref_key(p.ref), p.pos);  // "r-001" is "R-001" (formats.md 5.2)
    if (!inserted)
      r.error("participant-duplicate", p.pos,
              fmt::format("participant {} déjà décrit ligne {}", quoted(p.ref), it->second.line),
              "gardez une seule description par participant");
  }
}

void parse_yaml(std::string_view text, ParticipantsResult& out, const rules::RuleSet& rules) {
  // libyaml's parser: a participants file grows to tens of thousands of lines, where yaml-cpp's scanner
  // was a quarter of a whole track run (yaml.hpp, docs/performance.md, issue 12).
  yaml::Document doc = yaml::parse_data(text, out.participants.path);
  out.diagnostics = std::move(doc.diagnostics);
  // The parser's refusals come before any ref is checked, and the line they point at may hold a name:
  // a byte not in UTF-8 (« Zoé » typed in Windows-1252), « ref: Dupont: Jean », a quote never closed.
  // Their position is given, their line is not shown.
  for (Diagnostic& d : out.diagnostics) d.hide_line = true;
  if (!doc.root) {
    if (out.diagnostics.empty())  // empty, or only comments: never read as "no participant yet"
      out.diagnostics.push_back({"schema-required", Severity::error, Category::input, out.participants.path, {},
                                 "le fichier est vide : une liste de participants attendue",
                                 "commencez par « format: clausier/participants/1 », puis participants"});
    return;
  }
  io::Reader r(out.participants.path, out.diagnostics);
  Checker check(r, rules, out.diagnostics);
  if (!r.expect_kind(*doc.root, yaml::Kind::map, "le fichier des participants")) return;
  MapReader m(r, *doc.root, "le fichier");
  if (auto n = m.require("format", "clausier/participants/1")) r.format_version(*n, "clausier/participants/1");
  const Node* list = m.require("participants", "la liste des participants");
  m.finish();
  if (list == nullptr || !r.expect_kind(*list, yaml::Kind::sequence, "participants")) return;
  HiddenLines hidden;
  for (const Node& item : list->items) {
    hidden.start(item.pos.line);
    if (!r.expect_kind(item, yaml::Kind::map, "participant")) continue;
    std::size_t before = r.error_count();
    MapReader pm(r, item, "le participant");
    Participant p;
    p.pos = item.pos;
    if (auto n = pm.require("ref", "une référence pseudonyme, par exemple P-0001")) {
      if (auto v = check.ref(*n)) {
        p.ref = *v;
        p.pos = n->pos;
      }
      if (check.refused()) hidden.hide(item.pos.line);
    }
    if (auto n = pm.require("sex", "F, M ou X"))
      if (auto v = r.choice_text(*n, "sex", sexes)) p.sex = *v;
    if (auto n = pm.require("birth_year", "l'année de naissance"))
      if (auto v = r.integer(*n, "birth_year", 1900, 2100)) p.birth_year = *v;
    if (auto n = pm.get("note"))
      if (auto v = r.string(*n, "note")) p.note = *v;
    if (auto n = pm.require("criteria", "la liste des critères d'éligibilité, par exemple [deld, qpv]"))
      if (auto v = r.strings(*n, "criteria")) {
        p.criteria = *v;
        check.criteria(p.criteria, n->pos, p.note);
      }
    if (auto n = pm.require("validated_on", "la date de validation de l'éligibilité"))
      if (auto v = r.date(*n, "validated_on")) p.validated_on = *v;
    if (auto n = pm.get("education_level"))
      if (auto v = r.integer(*n, "education_level", 1, 8)) p.education_level = *v;
    for (auto [key, target] : {std::pair{"exit", &p.exit}, std::pair{"follow_up", &p.follow_up}}) {
      const Node* n = pm.get(key);
      if (n == nullptr || !r.expect_kind(*n, yaml::Kind::map, key)) continue;
      MapReader sm(r, *n, key);
      std::optional<Date> date;
      std::optional<std::string> code;
      Position code_pos = n->pos;
      if (auto d = sm.require("date", "une date AAAA-MM-JJ")) date = r.date(*d, "date");
      if (auto c = sm.require("situation", "un code de situation, par exemple cdi")) {
        code = r.string(*c, "situation");
        code_pos = c->pos;
      }
      sm.finish();
      if (date && code) *target = check.situation(*code, *date, code_pos, key);
    }
    pm.finish();
    if (r.error_count() == before) check_coherence(r, p);
    if (r.error_count() == before) out.participants.list.push_back(std::move(p));
  }
  check_duplicates(r, out.participants);
  hidden.apply(out.diagnostics);
}

// The table form, in a CSV file or a workbook (formats.md sections 4 and 5.1): ref;sex;birth_year;
// criteria;validated_on;education_level;exit_date;exit_situation;follow_up_date;follow_up_situation
// (criteria separated by |; dates ISO or JJ/MM/AAAA, formats.md 5.2).
const std::vector<std::string> table_columns = {"ref",          "sex",          "birth_year",       "criteria",
                                                "validated_on", "education_level", "exit_date",   "exit_situation",
                                                "follow_up_date", "follow_up_situation", "note"};
constexpr const char* required_columns[] = {"ref", "sex", "birth_year", "criteria", "validated_on"};
constexpr std::string_view table_header =
    "ref;sex;birth_year;criteria;validated_on;education_level;exit_date;exit_situation;follow_up_date;"
    "follow_up_situation";

class TableReader {
 public:
  TableReader(ParticipantsResult& out, const rules::RuleSet& rules)
      : out_(out), r_(out.participants.path, out.diagnostics), check_(r_, rules, out.diagnostics) {}

  void header(const io::TableSource& table) {
    col_.clear();
    usable_ = false;
    const std::size_t before = r_.error_count();
    for (std::size_t i = 0; i < table.header().size(); ++i) {
      std::string key = io::header_key(table.header()[i]);
      col_.emplace(key, i);
      if (std::find(table_columns.begin(), table_columns.end(), key) != table_columns.end() || key.rfind("x_", 0) == 0)
        continue;
      r_.error("schema-unknown-key", table.position({table.header_line(), {}}, i),
               fmt::format("colonne {} inconnue dans l'en-tête du fichier des participants", quoted(table.header()[i])),
               "retirez-la : le fichier ne contient que des références pseudonymes et les colonnes ref;sex;birth_year;"
               "criteria;validated_on;education_level;exit_date;exit_situation;follow_up_date;follow_up_situation;note");
    }
    if (r_.error_count() == before)
      for (const char* required : required_columns)
        if (col_.count(required) == 0) {
          r_.error("schema-required", {table.header_line(), 1}, fmt::format("colonne {} manquante dans l'en-tête", quoted(required)),
                   fmt::format("en-tête attendu : {}", table_header));
          break;
        }
    usable_ = r_.error_count() == before;
    stamp(table, before);
  }

  void row(const io::TableSource& table, const io::TableRow& row) {
    hidden_.start(row.line);  // a refused row ends where this one starts (a quoted field may span lines)
    if (!usable_) return;
    if (!row.fields.empty() && !row.fields[0].empty() && row.fields[0][0] == '#') return;  // a comment line
    const std::size_t before = r_.error_count();
    read(table, row);
    stamp(table, before);
  }

  void finish() {
    check_duplicates(r_, out_.participants);
    hidden_.apply(out_.diagnostics);
  }

 private:
  // The diagnostics made since `before` name the sheet they are about.
  void stamp(const io::TableSource& table, std::size_t before) {
    for (std::size_t i = before; i < out_.diagnostics.size(); ++i) out_.diagnostics[i].sheet = table.sheet();
  }

  std::string field(const io::TableRow& row, const char* name) const {
    auto it = col_.find(name);
    return it != col_.end() && it->second < row.fields.size() ? row.fields[it->second] : std::string();
  }

  void read(const io::TableSource& table, const io::TableRow& row) {
    const std::size_t before = r_.error_count();
    auto pos_of = [&](const char* name) {
      auto it = col_.find(name);
      return it == col_.end() ? Position{row.line, 1} : table.position(row, it->second);
    };
    auto scalar = [&](const char* name, std::string value) {
      yaml::Node n;
      n.kind = yaml::Kind::scalar;
      n.value = std::move(value);
      n.pos = pos_of(name);
      return n;
    };
    // A date as French spreadsheets write it, read as the ISO date it is (a date cell reads ISO).
    auto date = [&](const char* name, const std::string& value, const std::string& label) -> std::optional<Date> {
      if (auto d = parse_french_date(value)) return d;
      yaml::Node n = scalar(name, value);
      r_.error("schema-format", n.pos,
               fmt::format("{} doit être une date AAAA-MM-JJ ou JJ/MM/AAAA qui existe, par exemple 15/09/2026 : {} n'en "
                           "est pas une",
                           quoted(label), quoted(value)));
      return std::nullopt;
    };
    for (const auto& [name, column] : col_)  // an empty field that is not empty in the file: never read as absent
      if (row.is_uncalculated(column))
        r_.error("schema-format", table.position(row, column),
                 fmt::format("{} : formule sans résultat enregistré (fichier jamais recalculé)", quoted(name)));
    Participant p;
    p.pos = pos_of("ref");
    if (auto v = check_.ref(scalar("ref", field(row, "ref")))) p.ref = *v;
    if (check_.refused()) hidden_.hide(row.line);  // the row holds personal data: never quoted
    if (auto v = r_.choice_text(scalar("sex", field(row, "sex")), "sex", sexes)) p.sex = *v;
    if (auto v = r_.integer(scalar("birth_year", field(row, "birth_year")), "birth_year", 1900, 2100)) p.birth_year = *v;
    p.note = field(row, "note");
    std::string criteria = field(row, "criteria");
    std::size_t start = 0;
    while (start < criteria.size()) {
      std::size_t bar = criteria.find('|', start);
      if (bar == std::string::npos) bar = criteria.size();
      std::string code = criteria.substr(start, bar - start);
      code.erase(0, code.find_first_not_of(' '));
      code.erase(code.find_last_not_of(' ') + 1);
      if (!code.empty()) p.criteria.push_back(code);
      start = bar + 1;
    }
    check_.criteria(p.criteria, pos_of("criteria"), p.note);
    if (auto v = date("validated_on", field(row, "validated_on"), "validated_on")) p.validated_on = *v;
    if (std::string level = field(row, "education_level"); !level.empty())
      if (auto v = r_.integer(scalar("education_level", level), "education_level", 1, 8)) p.education_level = *v;
    for (auto [prefix, target] : {std::pair{"exit", &p.exit}, std::pair{"follow_up", &p.follow_up}}) {
      std::string date_column = std::string(prefix) + "_date", code_column = std::string(prefix) + "_situation";
      std::string date_text = field(row, date_column.c_str());
      std::string code = field(row, code_column.c_str());
      if (date_text.empty() && code.empty()) continue;
      auto d = date(date_column.c_str(), date_text, date_column);
      if (code.empty()) {
        r_.error("schema-required", pos_of(date_column.c_str()),
                 fmt::format("« {}_situation » manquant alors que la date est donnée", prefix));
        continue;
      }
      if (d) *target = check_.situation(code, *d, pos_of(code_column.c_str()), code_column);
    }
    if (r_.error_count() == before) check_coherence(r_, p);
    if (r_.error_count() == before) out_.participants.list.push_back(std::move(p));
  }

  ParticipantsResult& out_;
  io::Reader r_;
  Checker check_;
  HiddenLines hidden_;  // rows that hold refused personal data: no diagnostic quotes them
  std::map<std::string, std::size_t> col_;
  bool usable_ = false;
};

void parse_table_file(std::string_view text, ParticipantsResult& out, const rules::RuleSet& rules) {
  TableReader reader(out, rules);
  const io::TableSpec spec{[](const std::vector<std::string>& fields) {
                             int found = 0;
                             for (const auto& f : fields)
                               for (const char* required : required_columns)
                                 if (io::header_key(f) == required) ++found;
                             return found == static_cast<int>(std::size(required_columns));
                           },
                           "participants", std::string(table_header)};
  Diagnostics table = io::for_each_table_row(
      text, out.participants.path, spec, [&](const io::TableSource& t) { reader.header(t); },
      [&](const io::TableSource& t, io::TableRow& row) { reader.row(t, row); });
  // A file the reader could not read to its end (a workbook refused past a limit, a damaged part, a quote
  // never closed) gives no participant, as statements.cpp does for its rows: no count is made of half a file.
  const bool refused = count_severity(table, Severity::error) > 0;
  if (refused)
    io::say_nothing_kept(table, "aucun participant de ce fichier n'est retenu", out.participants.list.size(),
                         {"le participant lu avant l'erreur", "participants lus avant l'erreur"});
  out.diagnostics.insert(out.diagnostics.end(), table.begin(), table.end());
  reader.finish();
  if (refused) out.participants.list.clear();
}

}  // namespace

ParticipantsResult parse_participants(std::string_view text, const std::string& path, const rules::RuleSet& rules) {
  ParticipantsResult out;
  out.participants.path = path;
  // YAML by its extension; a CSV file or a workbook (.xlsx, .ods; an .xls says what to do) otherwise.
  if (io::is_table_file(path)) parse_table_file(text, out, rules);
  else parse_yaml(text, out, rules);
  sort_diagnostics(out.diagnostics);
  return out;
}

}  // namespace clausier::track
