#include "clausier/track/statements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "clausier/core/text.hpp"
#include "clausier/hours/target.hpp"
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

template <class E, std::size_t N>
std::string_view code_of(const std::pair<std::string_view, E> (&table)[N], E v) {
  for (const auto& [n, e] : table)
    if (e == v) return n;
  return "";
}
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

}  // namespace

std::string_view name(Route r) { return code_of(routes, r); }
std::string_view name(Contract c) { return code_of(contracts, c); }

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

Month Month::of(Date d) {
  auto ymd = d.year_month_day();
  return {static_cast<int>(ymd.year), static_cast<int>(ymd.month)};
}
std::string Month::iso() const { return fmt::format("{:04}-{:02}", year, month); }

StatementsFile parse_statements(std::string_view text, const std::string& path) {
  StatementsFile out;
  auto file = std::make_shared<const std::string>(path);
  std::shared_ptr<const std::string> sheet;
  Columns index;
  bool header_ok = false;
  // Each table (a CSV file, a sheet of a workbook) has its header.
  auto check_header = [&](const io::TableSource& table) {
    sheet = table.sheet().empty() ? nullptr : std::make_shared<const std::string>(table.sheet());
    index = columns_of(table.header());
    header_ok = true;
    for (Field required : required_fields) {
      if (index[required] != std::string::npos) continue;
      header_ok = false;
      out.diagnostics.push_back(table.diagnostic(
          "statement-header", Severity::error, {table.header_line(), 1},
          fmt::format("colonne {} introuvable dans l'en-tête", quoted(field_names[required])),
          fmt::format("en-tête attendu : {} (ou mois, modalite, contrat, employeur, heures_travail, heures_formation)",
                      statement_header)));
    }
  };
  const io::TableSpec spec{is_statement_header, "relevé d'heures",
                           "lot;participant;mois;modalite;contrat;employeur;heures_travail;heures_formation"};
  std::string empty;
  // Rows are read one at a time (io::for_each_table_row): a million-row file never exists twice in memory.
  Diagnostics read = io::for_each_table_row(text, path, spec, check_header, [&](const io::TableSource& table,
                                                                                io::TableRow& r) {
    if (!header_ok) return;
    if (!r.fields.empty() && !r.fields[0].empty() && r.fields[0][0] == '#') return;  // a commented example row
    auto field = [&](Field f) -> std::string& { return index[f] < r.fields.size() ? r.fields[index[f]] : empty; };
    empty.clear();
    auto position_of = [&](std::size_t column) -> Position {
      return table.position(r, column == std::string::npos ? r.fields.size() : column);
    };
    if (is_totals_row(r.fields)) {
      std::size_t first = 0;
      while (first < r.fields.size() && trim_spaces(r.fields[first]).empty()) ++first;
      Diagnostic note = table.diagnostic("statement-total", Severity::note, position_of(first),
                                         fmt::format("ligne de totaux ({}) : elle n'est pas lue comme une ligne d'état",
                                                     quoted(r.fields[first])));
      note.category = Category::finding;
      out.diagnostics.push_back(std::move(note));
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
    std::string hint;  // of the first unknown code
    auto unreadable = [&](const StatementRow& row, std::string reason, std::string detail, double hours) {
      NotCounted n{path, r.line, std::move(reason), std::move(detail), row.lot, hours};
      n.sheet = table.sheet();
      out.unreadable.push_back(std::move(n));
    };
    StatementRow row;
    row.file = file;
    row.sheet = sheet;
    row.line = r.line;
    row.lot = std::string(trim_spaces(field(lot)));
    row.participant = std::move(field(participant));
    row.employer = std::move(field(employer));
    if (row.lot.empty()) problem(lot, "lot vide");
    if (row.participant.empty()) problem(participant, "participant vide");
    if (std::string why = personal_data_reason(row.participant); !row.participant.empty() && !why.empty()) {
      // Never repeated, and the line is not shown: it holds personal data.
      out.diagnostics.push_back(table.diagnostic(
          "personal-data", Severity::error, position_of(index[participant]),
          fmt::format("la colonne participant {} ; seules des références pseudonymes sont admises", why),
          "remplacez-la par la référence du participant (P-0001…), sans donnée nominative"));
      unreadable(row, "personal-data", fmt::format("participant qui {}", why), 0);
      return;
    }
    std::optional<Month> m = parse_month(field(month));
    if (m) row.month = *m;
    else
      problem(month, fmt::format("mois {} invalide (attendu 2027-04, 04/2027, avril 2027 ou une date)",
                                 quoted(field(month))));
    if (auto v = route_named(field(route))) {
      row.route = *v;
    } else {
      problem(route, fmt::format("modalité {} inconnue", quoted(field(route))));
      if (hint.empty()) hint = code_hint(FormKind::route, field(route));
    }
    if (auto v = contract_named(field(contract))) {
      row.contract = *v;
    } else {
      problem(contract, fmt::format("contrat {} inconnu", quoted(field(contract))));
      if (hint.empty()) hint = code_hint(FormKind::contract, field(contract));
    }
    auto hours = [&](Field f, std::string_view label, double& target, bool required) {
      std::string_view value = field(f);
      if (value.empty() && !required) return;
      auto v = io::parse_decimal(value);
      if (!v) problem(f, fmt::format("{} {} : nombre attendu", label, quoted(value)));
      else if (*v < 0) problem(f, fmt::format("{} négatives ({})", label, value));
      else target = *v;
    };
    hours(work, "heures de travail", row.work_hours, true);
    hours(training, "heures de formation", row.training_hours, false);
    if (!field(declared).empty()) {
      double v = 0;
      hours(declared, "heures déclarées", v, false);
      row.declared = v;
    }
    if (!problems.empty()) {
      std::string detail = join(problems, " ; ");
      out.diagnostics.push_back(table.diagnostic(
          "statement-row", Severity::error, position_of(*faulty), fmt::format("ligne illisible : {}", detail),
          hint.empty() ? "corrigez la ligne dans le fichier de l'entreprise : les autres lignes comptent" : hint));
      unreadable(row, "invalid-row", std::move(detail), row.work_hours + row.training_hours);
      return;
    }
    // formats.md 5.3: more hours than one person may legally work in the month is a typo.
    if (double total = row.work_hours + row.training_hours; over_legal_maximum(total, *m)) {
      std::string detail = over_maximum_detail(total, *m);
      out.diagnostics.push_back(table.diagnostic(
          "over-legal-maximum", Severity::error, position_of(index[work]), fmt::format("ligne illisible : {}", detail),
          "vérifiez les heures avec l'entreprise (une virgule oubliée ?) : les autres lignes comptent"));
      unreadable(row, "over-legal-maximum", std::move(detail), total);
      return;
    }
    out.rows.push_back(std::move(row));
  });
  out.diagnostics.insert(out.diagnostics.begin(), read.begin(), read.end());
  return out;
}

void match_refs(std::vector<StatementRow>& rows, const Participants& participants) {
  for (StatementRow& row : rows)
    if (const Participant* p = participants.find(row.participant); p != nullptr && p->ref != row.participant)
      row.participant = p->ref;
}

Diagnostics over_maximum_warnings(const std::vector<StatementRow>& rows) {
  std::vector<std::string> people;  // each row's participant as matched: without case
  people.reserve(rows.size());
  for (const StatementRow& row : rows) people.push_back(ref_key(row.participant));
  std::vector<PersonMonthHours> hours;
  hours.reserve(rows.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i)
    hours.push_back({i, people[i], rows[i].month.index(), rows[i].work_hours + rows[i].training_hours});
  Diagnostics out;
  for (const OverMaximum& group : over_maximum_groups(hours)) {
    std::string detail = over_maximum_group_detail(group);
    for (std::uint32_t i : group.rows) {
      const StatementRow& row = rows[i];
      Diagnostic d = make_diagnostic(rule("hours-over-legal-maximum"), *row.file, {row.line, row.sheet ? 0 : 1}, detail,
                                     "vérifiez ces lignes avec les entreprises : elles comptent");
      if (row.sheet) d.sheet = *row.sheet;
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

CountingRules counting_rules(const tender::Tender& t) {
  CountingRules c;
  if (t.counting && t.counting->training_hours) c.training = t.counting->training_hours->value;
  if (t.counting && t.counting->eligibility_validity_months) c.validity_months = t.counting->eligibility_validity_months->value;
  return c;
}

Count count_rows(const hours::TenderResult& result, const Participants& participants,
                 const std::vector<StatementRow>& rows, Date as_of_date) {
  Count out;
  CountingRules rules = counting_rules(*result.tender);
  std::vector<std::string> lot_ids;
  for (const auto& r : result.lots) lot_ids.push_back(r.lot->id.value);
  const Month as_of = Month::of(as_of_date);
  // Each lot, awarded or not at the date, with the end of its execution then: an end-changed or terminated
  // event moves it.
  struct LotAt {
    const hours::LotResult* result;
    bool awarded;
    std::optional<Date> end;
  };
  std::unordered_map<std::string_view, LotAt> lots;
  for (const auto& r : result.lots) {
    const hours::Target target = hours::target_at(r, as_of_date);
    lots.emplace(r.lot->id.value, LotAt{&r, target.awarded, target.end});
  }
  // Each lot as written is looked up once (formats.md 5.2: "1" names the only lot numbered 1).
  std::unordered_map<std::string_view, const LotAt*> named;
  struct Key {
    std::string_view lot, participant;
    int month;
    Route route;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::size_t h = std::hash<std::string_view>{}(k.lot);
      h = h * 31 + std::hash<std::string_view>{}(k.participant);
      return h * 31 + static_cast<std::size_t>(k.month * 8 + static_cast<int>(k.route));
    }
  };
  std::unordered_map<Key, const StatementRow*, KeyHash> seen;
  seen.reserve(rows.size());
  out.counted.reserve(rows.size());
  for (const StatementRow& row : rows) {
    double declared = row.work_hours + row.training_hours;
    auto refuse = [&](std::string reason, std::string detail) {
      out.not_counted.push_back({*row.file, row.line, std::move(reason), std::move(detail), row.lot, declared,
                                 row.sheet ? *row.sheet : std::string()});
    };
    if (row.month > as_of) {
      refuse("after-as-of", fmt::format("mois {} postérieur à la date du suivi", row.month.iso()));
      continue;
    }
    auto lot_it = named.find(row.lot);
    if (lot_it == named.end()) {
      std::optional<std::size_t> found = find_lot(lot_ids, row.lot);
      lot_it = named.emplace(row.lot, found ? &lots.at(lot_ids[*found]) : nullptr).first;
    }
    if (lot_it->second == nullptr) {
      refuse("unknown-lot", fmt::format("lot {} inconnu de la consultation", quoted(row.lot)));
      continue;
    }
    const tender::Lot& lot = *lot_it->second->result->lot;
    const std::optional<Date>& end = lot_it->second->end;
    if (!lot.has_clause()) {
      refuse("lot-without-clause", fmt::format("le lot {} n'a pas de clause", quoted(row.lot)));
      continue;
    }
    if (!lot_it->second->awarded) {
      refuse("lot-not-awarded", lot.award ? fmt::format("le lot {} n'est pas encore attribué à la date du suivi (notifié le {})",
                                                        quoted(row.lot), io::iso(lot.award->notified->value))
                                          : fmt::format("le lot {} n'est pas attribué (pas de « award » dans tender.yaml)",
                                                        quoted(row.lot)));
      continue;
    }
    const Participant* p = participants.find(row.participant);
    if (p == nullptr) {
      refuse("unknown-participant", fmt::format("participant {} absent du fichier des participants", quoted(row.participant)));
      continue;
    }
    Month validated = Month::of(p->validated_on);
    if (row.month < validated) {
      refuse("before-validation", fmt::format("mois {} antérieur à la validation de l'éligibilité ({})", row.month.iso(),
                                              validated.iso()));
      continue;
    }
    if (rules.validity_months && row.month.index() > validated.index() + *rules.validity_months) {
      refuse("after-validity", fmt::format("mois {} au-delà de la validité de l'éligibilité ({} mois après {})",
                                           row.month.iso(), *rules.validity_months, validated.iso()));
      continue;
    }
    if ((lot.start && row.month < Month::of(lot.start->value)) || (end && row.month > Month::of(*end))) {
      refuse("outside-execution", fmt::format("mois {} hors de la période d'exécution du lot ({} à {})", row.month.iso(),
                                              lot.start ? Month::of(lot.start->value).iso() : "…",
                                              end ? Month::of(*end).iso() : "…"));
      continue;
    }
    // Keyed on the tender's lot id: "1" and "01" rows of the same person, month and route are one.
    if (auto [it, inserted] = seen.emplace(Key{lot.id.value, row.participant, row.month.index(), row.route}, &row);
        !inserted) {
      refuse("duplicate", fmt::format("déjà déclaré pour ce lot, ce participant, ce mois et cette modalité ({} ligne {})",
                                      *it->second->file == *row.file ? "même fichier," : *it->second->file,
                                      it->second->line));
      continue;
    }
    bool training = rules.training == TrainingHours::all ||
                    (rules.training == TrainingHours::work_contracts &&
                     (row.contract == Contract::apprenticeship || row.contract == Contract::professionalisation));
    out.counted.push_back({&row, row.work_hours + (training ? row.training_hours : 0)});
  }
  return out;
}

}  // namespace clausier::track
