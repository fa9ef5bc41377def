#include "clausier/track/statements.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <unordered_map>

#include "clausier/core/names.hpp"
#include "clausier/core/text.hpp"
#include "clausier/io/csv.hpp"
#include "clausier/io/table.hpp"
#include "clausier/track/catalogue.hpp"
#include "clausier/track/forms.hpp"
#include "clausier/track/plausibility.hpp"

namespace clausier::track {

using tender::TrainingHours;

namespace {
constexpr std::pair<std::string_view, Route> routes[] = {
    {"direct", Route::direct}, {"etti", Route::etti}, {"ai", Route::ai}, {"geiq", Route::geiq},
    {"siae-subcontract", Route::siae_subcontract}, {"siae-cocontract", Route::siae_cocontract}, {"ea", Route::ea}};
constexpr std::pair<std::string_view, Contract> contracts[] = {
    {"cdi", Contract::cdi}, {"cdi-inclusion", Contract::cdi_inclusion}, {"cdd", Contract::cdd},
    {"cddi", Contract::cddi}, {"cdd-usage", Contract::cdd_usage}, {"interim", Contract::interim},
    {"apprenticeship", Contract::apprenticeship}, {"professionalisation", Contract::professionalisation},
    {"other", Contract::other}};

// Header names as French spreadsheets write them, after io::header_key.
const std::map<std::string, std::string, std::less<>>& aliases() {
  static const std::map<std::string, std::string, std::less<>> a = {
      {"lot", "lot"},
      {"n_lot", "lot"},
      {"participant", "participant"},
      {"ref", "participant"},
      {"reference", "participant"},
      {"month", "month"},
      {"mois", "month"},
      {"route", "route"},
      {"modalite", "route"},
      {"contract", "contract"},
      {"contrat", "contract"},
      {"employer", "employer"},
      {"employeur", "employer"},
      {"work_hours", "work_hours"},
      {"heures_travail", "work_hours"},
      {"heures_de_travail", "work_hours"},
      {"training_hours", "training_hours"},
      {"heures_formation", "training_hours"},
      {"heures_de_formation", "training_hours"},
      {"declared", "declared"},
      {"heures_declarees", "declared"},
      {"heures_travaillees", "work_hours"},
  };
  return a;
}

// Called once per row: no allocation.
std::optional<int> digits_value(std::string_view v) {
  int out = 0;
  if (v.empty()) return std::nullopt;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}


}  // namespace

std::string_view name(Route r) { return name_of<Route>(routes, r); }
std::string_view name(Contract c) { return name_of<Contract>(contracts, c); }

std::string_view french_label(Route r) {
  switch (r) {
    case Route::direct: return "embauche directe";
    case Route::etti: return "intérim d'insertion (ETTI)";
    case Route::ai: return "association intermédiaire";
    case Route::geiq: return "GEIQ";
    case Route::siae_subcontract: return "sous-traitance à une SIAE";
    case Route::siae_cocontract: return "cotraitance avec une SIAE";
    case Route::ea: return "entreprise adaptée";
  }
  return "";
}
std::string_view french_label(Contract c) {
  switch (c) {
    case Contract::cdi: return "CDI";
    case Contract::cdi_inclusion: return "CDI inclusion";
    case Contract::cdd: return "CDD";
    case Contract::cddi: return "CDDI";
    case Contract::cdd_usage: return "CDD d'usage";
    case Contract::interim: return "intérim";
    case Contract::apprenticeship: return "apprentissage";
    case Contract::professionalisation: return "professionnalisation";
    case Contract::other: return "autre";
  }
  return "";
}

// The codes and labels are track's catalogue's, one row per reason at its value (catalogue.cpp).
std::string_view name(Reason r) { return not_counted_reasons()[static_cast<std::size_t>(r)].code; }
std::string_view french_label(Reason r) { return not_counted_reasons()[static_cast<std::size_t>(r)].label; }
std::optional<Reason> reason_named(std::string_view code) {
  for (const ReasonInfo& info : not_counted_reasons())
    if (info.code == code) return info.reason;
  return std::nullopt;
}

Month Month::of(Date d) {
  auto ymd = d.year_month_day();
  return {static_cast<int>(ymd.year), static_cast<int>(ymd.month)};
}
std::string Month::iso() const {
  std::string out;
  append_iso(out);
  return out;
}

void Month::append_iso(std::string& out) const {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) {
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:04}-{:02}"), year, month);
    return;
  }
  const char text[7] = {static_cast<char>('0' + year / 1000),   static_cast<char>('0' + year / 100 % 10),
                        static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10),
                        '-', static_cast<char>('0' + month / 10), static_cast<char>('0' + month % 10)};
  out.append(text, 7);
}

namespace {

// Column of each field, looked up once from a header (npos: absent).
enum Field { lot, participant, month, route, contract, employer, work, training, declared, field_count };
constexpr const char* field_names[field_count] = {"lot", "participant", "month", "route", "contract",
                                                  "employer", "work_hours", "training_hours", "declared"};
constexpr Field required_fields[] = {lot, participant, month, route, contract, work};
using Columns = std::array<std::size_t, field_count>;

Columns columns_of(const std::vector<std::string>& header) {
  Columns index;
  index.fill(std::string::npos);
  for (std::size_t i = header.size(); i-- > 0;) {  // the first of two columns of one field wins
    auto it = aliases().find(io::header_key(header[i]));
    if (it == aliases().end()) continue;
    for (int f = 0; f < field_count; ++f)
      if (it->second == field_names[f]) index[f] = i;
  }
  return index;
}

bool is_statement_header(const std::vector<std::string>& fields) {
  Columns index = columns_of(fields);
  return std::all_of(std::begin(required_fields), std::end(required_fields),
                     [&](Field f) { return index[f] != std::string::npos; });
}

// The hint of an unknown code: the closest label, and every code with its labels (forms_table.cpp).
std::string code_hint(FormKind kind, std::string_view text) {
  UnknownCode u = unknown_code(kind, text);
  return u.suggestion.empty() ? fmt::format("codes admis : {}", u.accepted)
                              : fmt::format("vouliez-vous dire {} ? codes admis : {}", quoted(u.suggestion), u.accepted);
}

// The hints of a file's unknown codes, each made once: thousands of rows of one unknown code
// (« insertion ») measured their distances to every label once per row. At most 64 texts are kept.
class CodeHints {
 public:
  const std::string& operator()(FormKind kind, std::string_view text) {
    std::string key = fmt::format("{}:{}", static_cast<int>(kind), text);
    if (auto it = made_.find(key); it != made_.end()) return it->second;
    if (made_.size() >= 64) return last_ = code_hint(kind, text);
    return made_.emplace(std::move(key), code_hint(kind, text)).first->second;
  }

 private:
  std::map<std::string, std::string> made_;
  std::string last_;
};

// The end of the hint of a row that cannot be read; dropped when its whole file is refused.
constexpr std::string_view others_count = " : les autres lignes comptent";

}  // namespace

Diagnostics read_statements(std::string_view text, const std::string& path, Statements& into) {
  Diagnostics diags;
  std::uint32_t file = 0;
  Columns index;
  bool header_ok = false, any_table = false;
  const std::size_t rows_before = into.rows.size(), unreadable_before = into.unreadable.size();
  // Each table (a CSV file, a sheet of a workbook) is a file of the list, with its sheet.
  auto check_header = [&](const io::TableSource& table) {
    any_table = true;
    file = static_cast<std::uint32_t>(into.files.size());
    into.files.push_back(path);
    into.sheets.push_back(table.sheet());
    index = columns_of(table.header());
    header_ok = true;
    for (Field required : required_fields) {
      if (index[required] != std::string::npos) continue;
      header_ok = false;
      diags.push_back(table.diagnostic("statement-header", Severity::error, {table.header_line(), 1},
                                       fmt::format("colonne {} introuvable dans l'en-tête", quoted(field_names[required])),
                                       fmt::format("en-tête attendu : {} (ou mois, modalite, contrat, employeur, "
                                                   "heures_travail, heures_formation)",
                                                   statement_header)));
    }
  };
  // Each row's participant is asked of memory as soon as libcsv hands it over: with 60 000 participants
  // their table (2 MB) leaves the cache, and the row's other fields are read meanwhile.
  const io::TableSpec spec{
      is_statement_header, "relevé d'heures",
      "lot;participant;mois;modalite;contrat;employeur;heures_travail;heures_formation",
      {[](const std::vector<std::string>& header) { return columns_of(header)[participant]; },
       [&](std::string_view ref) { into.participants.prefetch(ref); }}};
  std::string empty;
  CodeHints code_hints;
  // Rows are read one at a time (io::for_each_table_row) and stored once: a million-row file never exists
  // twice in memory.
  Diagnostics read = io::for_each_table_row(text, path, spec, check_header, [&](const io::TableSource& table,
                                                                                io::TableRow& r) {
    if (!header_ok) return;
    if (!r.fields.empty() && !r.fields[0].empty() && r.fields[0][0] == '#') return;  // a commented example row
    auto field = [&](Field f) -> std::string& { return index[f] < r.fields.size() ? r.fields[index[f]] : empty; };
    empty.clear();
    if (is_totals_row(r.fields)) {
      std::size_t first = 0;
      while (first < r.fields.size() && trim_spaces(r.fields[first]).empty()) ++first;
      diags.push_back(table.diagnostic("statement-total", Severity::note, table.position(r, first),
                                       fmt::format("ligne de totaux ({}) : elle n'est pas lue comme une ligne d'état",
                                                   quoted(r.fields[first]))));
      diags.back().category = Category::finding;
      return;
    }
    // A row of the template holds its lot (and maybe the employer) before it is filled in: it is blank.
    bool blank = true;
    for (std::size_t i = 0; i < r.fields.size() && blank; ++i)
      blank = i == index[lot] || i == index[employer] || trim_spaces(r.fields[i]).empty();
    if (blank) return;
    std::vector<std::string> problems;
    // The first faulty field: where the diagnostic of the row points.
    std::optional<std::size_t> faulty;
    auto problem = [&](Field f, std::string what) {
      if (!faulty) faulty = index[f];
      problems.push_back(std::move(what));
    };
    std::string hint;  // of the first unknown code, when there is one
    auto position_of = [&](std::size_t column) -> Position {
      if (column == std::string::npos || column >= r.fields.size()) return table.position(r, r.fields.size());
      return table.position(r, column);
    };
    StatementRow row;
    row.file = file;
    row.line = r.line;
    row.lot = into.lots.intern(trim_spaces(field(lot)));
    row.employer = into.employers.intern(field(employer));
    const std::string& ref = field(participant);
    if (field(lot).empty()) problem(lot, "lot vide");
    if (ref.empty()) problem(participant, "participant vide");
    // Each text is checked once, when first met; personal data is never stored, nor repeated.
    std::optional<TextId> known = into.participants.find(ref);
    if (!known) {
      if (std::string why = ref.empty() ? "" : personal_data_reason(ref); !why.empty()) {
        diags.push_back(personal_data_diagnostic(
            table.path(), position_of(index[participant]),
            fmt::format("la colonne participant {} ; seules des références pseudonymes sont admises", why),
            "remplacez-la par la référence du participant (P-0001…), sans donnée nominative", table.sheet()));
        into.unreadable.push_back(
            {file, r.line, row.lot, Reason::personal_data, 0, fmt::format("participant qui {}", why)});
        return;
      }
      known = into.participants.intern(ref);
    }
    row.participant = *known;
    std::optional<Month> m = parse_month(field(month));
    if (m) row.month = m->index();
    else
      problem(month, fmt::format("mois {} invalide (attendu 2027-04, 04/2027, avril 2027 ou une date)",
                                 quoted(field(month))));
    if (auto v = route_named(field(route))) {
      row.route = *v;
    } else {
      problem(route, fmt::format("modalité {} inconnue", quoted(field(route))));
      if (hint.empty()) hint = code_hints(FormKind::route, field(route));
    }
    if (auto v = contract_named(field(contract))) {
      row.contract = *v;
    } else {
      problem(contract, fmt::format("contrat {} inconnu", quoted(field(contract))));
      if (hint.empty()) hint = code_hints(FormKind::contract, field(contract));
    }
    auto uncalculated = [&](Field f) { return r.is_uncalculated(index[f]); };
    auto hours = [&](Field f, std::string_view label, double& target, bool required) {
      std::string_view value = field(f);
      if (value.empty() && uncalculated(f)) {  // not 0 hours: a number nobody can see in the file
        problem(f, fmt::format("{} : formule sans résultat enregistré (fichier jamais recalculé)", label));
        return;
      }
      if (value.empty() && !required) return;
      auto v = io::parse_decimal(value);
      if (!v) problem(f, fmt::format("{} {} : nombre attendu", label, quoted(value)));
      else if (*v < 0) problem(f, fmt::format("{} négatives ({})", label, value));
      else target = *v;
    };
    hours(work, "heures de travail", row.work_hours, true);
    hours(training, "heures de formation", row.training_hours, false);
    if (!field(declared).empty() || uncalculated(declared)) {
      hours(declared, "heures déclarées", row.declared, false);
      row.has_declared = true;
    }
    if (!problems.empty()) {
      std::string detail = join(problems, " ; ");
      diags.push_back(table.diagnostic(
          "statement-row", Severity::error, position_of(*faulty), fmt::format("ligne illisible : {}", detail),
          hint.empty() ? fmt::format("corrigez la ligne dans le fichier de l'entreprise{}", others_count) : hint));
      into.unreadable.push_back(
          {file, r.line, row.lot, Reason::invalid_row, row.work_hours + row.training_hours, std::move(detail)});
      return;
    }
    // formats.md 5.3: more hours than one person may legally work in the month is a typo.
    if (double total = row.work_hours + row.training_hours; over_legal_maximum(total, *m)) {
      std::string detail = over_maximum_detail(total, *m);
      diags.push_back(table.diagnostic("over-legal-maximum", Severity::error, position_of(index[work]),
                                       fmt::format("ligne illisible : {}", detail),
                                       fmt::format("vérifiez les heures avec l'entreprise (une virgule oubliée ?){}",
                                                   others_count)));
      into.unreadable.push_back({file, r.line, row.lot, Reason::over_legal_maximum, total, std::move(detail)});
      return;
    }
    into.rows.push_back(row);
  });
  // A file the reader could not read to its end (a workbook refused past a limit, a damaged part, a
  // quote never closed) counts nothing, like a file that cannot be read at all: a facilitator never sees
  // a total made of the first half of a file. Its errors say so; those of its rows are kept.
  if (any_table && count_severity(read, Severity::error) > 0) {
    const std::size_t dropped = into.rows.size() + into.unreadable.size() - rows_before - unreadable_before;
    into.rows.resize(rows_before);
    into.unreadable.resize(unreadable_before);
    io::say_nothing_kept(read, "aucune ligne de ce fichier ne compte", dropped,
                         {"la ligne lue avant l'erreur", "lignes lues avant l'erreur"});
    for (Diagnostic& d : diags)
      if (d.hint.ends_with(others_count)) d.hint.resize(d.hint.size() - others_count.size());
  }
  diags.insert(diags.begin(), read.begin(), read.end());
  return diags;
}

std::vector<const Participant*> people_of(const TextTable& texts, const Participants& participants,
                                         std::vector<bool>* without_case) {
  std::vector<const Participant*> out(texts.size(), nullptr);
  for (const Participant& p : participants.list)
    if (std::optional<TextId> id = texts.find(p.ref); id && out[*id] == nullptr) out[*id] = &p;  // the first wins
  if (without_case != nullptr) without_case->assign(texts.size(), false);
  for (TextId id = 0; id < out.size(); ++id) {
    if (out[id] != nullptr) continue;
    out[id] = participants.find(texts[id]);  // without case, or none
    if (out[id] != nullptr && without_case != nullptr) (*without_case)[id] = true;
  }
  return out;
}

void match_refs(Statements& statements, const Participants& participants) {
  const auto texts = static_cast<TextId>(statements.participants.size());
  std::vector<bool> without_case;
  const std::vector<const Participant*> people = people_of(statements.participants, participants, &without_case);
  std::vector<TextId> to(texts);
  bool any = false;
  for (TextId id = 0; id < texts; ++id) {
    to[id] = without_case[id] ? statements.participants.intern(people[id]->ref) : id;
    any = any || to[id] != id;
  }
  if (any)
    for (StatementRow& row : statements.rows) row.participant = to[row.participant];
}

Diagnostics over_maximum_warnings(const Statements& statements, const Participants& participants) {
  // Each participant text once: its person's number, so that no text is hashed per row. A participant's
  // number is its place in the file (two texts naming it without case are one person, formats.md 5.2);
  // a text no participant has comes after them, one number per ref_key. The participants are read in
  // their order: 60 000 read at random missed the cache each.
  const std::vector<const Participant*> known = people_of(statements.participants, participants);
  const auto listed = static_cast<std::uint32_t>(participants.list.size());
  TextTable others;  // by ref_key
  std::vector<std::uint32_t> person_ids(known.size());
  for (TextId id = 0; id < known.size(); ++id)
    person_ids[id] = known[id] != nullptr ? static_cast<std::uint32_t>(known[id] - participants.list.data())
                                          : listed + others.intern(ref_key(statements.participants[id]));
  std::vector<std::string_view> names(listed + others.size());
  for (std::uint32_t i = 0; i < listed; ++i) names[i] = participants.list[i].ref;
  for (TextId i = 0; i < others.size(); ++i) names[listed + i] = others[i];
  std::vector<PersonMonthHours> hours;
  hours.reserve(statements.rows.size());
  for (std::uint32_t i = 0; i < statements.rows.size(); ++i) {
    const StatementRow& row = statements.rows[i];
    hours.push_back({i, person_ids[row.participant], row.month, row.work_hours + row.training_hours});
  }
  Diagnostics out;
  for (const OverMaximum& group : over_maximum_groups(std::move(hours), names)) {
    std::string detail = over_maximum_group_detail(group);
    for (std::uint32_t i : group.rows) {
      const StatementRow& row = statements.rows[i];
      const std::string& sheet = statements.sheets[row.file];
      Diagnostic d = make_diagnostic(rule("hours-over-legal-maximum"), statements.files[row.file],
                                     {row.line, sheet.empty() ? 1 : 0}, detail,
                                     "vérifiez ces lignes avec les entreprises : elles comptent");
      d.sheet = sheet;
      out.push_back(std::move(d));
    }
  }
  return out;
}

bool same_lot(std::string_view tender_id, std::string_view statement_id) {
  if (tender_id == statement_id) return true;
  auto a = digits_value(tender_id), b = digits_value(statement_id);
  return a && b && *a == *b;
}

}  // namespace clausier::track
