#include "clausier/track/statements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "clausier/core/text.hpp"
#include "clausier/io/csv.hpp"

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
template <class E, std::size_t N>
std::optional<E> from_code(const std::pair<std::string_view, E> (&table)[N], std::string_view s) {
  for (const auto& [n, e] : table)
    if (n == s) return e;
  return std::nullopt;
}
template <class E, std::size_t N>
std::vector<std::string> codes(const std::pair<std::string_view, E> (&table)[N]) {
  std::vector<std::string> out;
  for (const auto& [n, e] : table) out.emplace_back(n);
  return out;
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

// Codes typed in capitals (DIRECT, CDD) are the same codes.
void lower(std::string& s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
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

std::optional<Month> parse_month(std::string_view s) {
  // "2026-11", also "11/2026" as spreadsheets often write it.
  std::optional<int> year, month;
  if (s.size() == 7 && s[4] == '-') {
    year = digits_value(s.substr(0, 4));
    month = digits_value(s.substr(5, 2));
  } else if (s.size() == 7 && s[2] == '/') {
    year = digits_value(s.substr(3, 4));
    month = digits_value(s.substr(0, 2));
  } else if (s.size() == 10 && s[4] == '-' && s[7] == '-') {  // 2027-04-01: the month of a date
    year = digits_value(s.substr(0, 4));
    month = digits_value(s.substr(5, 2));
  } else if (s.size() == 10 && s[2] == '/' && s[5] == '/') {  // 01/04/2027
    year = digits_value(s.substr(6, 4));
    month = digits_value(s.substr(3, 2));
  }
  if (!year || !month) return std::nullopt;
  Month m{*year, *month};
  if (m.month < 1 || m.month > 12 || m.year < 1990 || m.year > 2200) return std::nullopt;
  return m;
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
  std::map<std::string, std::size_t> col;
  // Column of each field, looked up once from the header (npos: absent).
  enum Field { lot, participant, month, route, contract, employer, work, training, declared, count };
  constexpr const char* names[count] = {"lot", "participant", "month", "route", "contract",
                                        "employer", "work_hours", "training_hours", "declared"};
  std::size_t index[count];
  bool header_checked = false, header_ok = false;
  auto check_header = [&](const io::CsvTable& table) {
    header_checked = true;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      auto it = aliases().find(io::header_key(table.header[i]));
      if (it != aliases().end()) col.emplace(it->second, i);
    }
    for (int f = 0; f < count; ++f) {
      auto it = col.find(names[f]);
      index[f] = it == col.end() ? std::string::npos : it->second;
    }
    header_ok = true;
    for (const char* required : {"lot", "participant", "month", "route", "contract", "work_hours"}) {
      if (col.count(required) > 0) continue;
      header_ok = false;
      out.diagnostics.push_back({"statement-header", Severity::error, Category::input, path, {table.header_line, 1},
                                 fmt::format("colonne {} introuvable dans l'en-tête", quoted(required)),
                                 fmt::format("en-tête attendu : {} (ou mois, modalite, contrat, employeur, "
                                             "heures_travail, heures_formation)",
                                             statement_header)});
    }
  };
  // Rows are read one at a time (io::for_each_csv_row): a million-row file never exists twice in memory.
  io::CsvResult csv = io::for_each_csv_row(text, path, [&](const io::CsvTable& table, io::CsvRow& r) {
    if (!header_checked) check_header(table);
    if (!header_ok) return;
    if (!r.fields.empty() && !r.fields[0].empty() && r.fields[0][0] == '#') return;  // a commented example row
    auto field = [&](const char* name) -> std::string& {
      thread_local std::string empty;  // report loads operations on several threads
      int f = 0;
      while (f < count && std::strcmp(names[f], name) != 0) ++f;
      if (f == count || index[f] >= r.fields.size()) {
        empty.clear();
        return empty;
      }
      return r.fields[index[f]];
    };
    std::vector<std::string> problems;
    // The first faulty field: where the diagnostic of the row points.
    std::optional<std::size_t> faulty;
    auto problem = [&](const char* name, std::string what) {
      if (!faulty) {
        int f = 0;
        while (f < count && std::strcmp(names[f], name) != 0) ++f;
        faulty = f < count ? index[f] : std::string::npos;
      }
      problems.push_back(std::move(what));
    };
    auto position_of = [&](std::size_t column) -> Position {
      if (column == std::string::npos || column >= r.fields.size()) return {r.line, 1};
      return io::csv_field_position(table, r, column);
    };
    StatementRow row;
    row.file = file;
    row.line = r.line;
    row.lot = std::move(field("lot"));
    row.participant = std::move(field("participant"));
    row.employer = std::move(field("employer"));
    if (row.lot.empty()) problem("lot", "lot vide");
    if (row.participant.empty()) problem("participant", "participant vide");
    if (std::string why = personal_data_reason(row.participant); !row.participant.empty() && !why.empty()) {
      // Never repeated, and the line is not shown: it holds personal data.
      out.diagnostics.push_back(personal_data_diagnostic(
          path, position_of(index[participant]),
          fmt::format("la colonne participant {} ; seules des références pseudonymes sont admises", why),
          "remplacez-la par la référence du participant (P-0001…), sans donnée nominative"));
      out.unreadable.push_back({path, r.line, "personal-data", fmt::format("participant qui {}", why), row.lot,
                                0});
      return;
    }
    if (auto m = parse_month(field("month"))) row.month = *m;
    else problem("month", fmt::format("mois {} invalide (attendu AAAA-MM)", quoted(field("month"))));
    lower(field("route"));
    lower(field("contract"));
    if (auto v = from_code(routes, std::string_view(field("route")))) row.route = *v;
    else problem("route", fmt::format("modalité {} inconnue (attendu {})", quoted(field("route")), join(codes(routes), ", ")));
    if (auto v = from_code(contracts, std::string_view(field("contract")))) row.contract = *v;
    else
      problem("contract",
              fmt::format("contrat {} inconnu (attendu {})", quoted(field("contract")), join(codes(contracts), ", ")));
    auto hours = [&](const char* name, std::string_view label, double& target, bool required) {
      std::string_view value = field(name);
      if (value.empty() && !required) return;
      auto v = io::parse_decimal(value);
      if (!v) problem(name, fmt::format("{} {} : nombre attendu", label, quoted(value)));
      else if (*v < 0) problem(name, fmt::format("{} négatives ({})", label, value));
      else target = *v;
    };
    hours("work_hours", "heures de travail", row.work_hours, true);
    hours("training_hours", "heures de formation", row.training_hours, false);
    if (!field("declared").empty()) {
      double v = 0;
      hours("declared", "heures déclarées", v, false);
      row.declared = v;
    }
    if (!problems.empty()) {
      std::string detail = join(problems, " ; ");
      out.diagnostics.push_back({"statement-row", Severity::error, Category::input, path, position_of(*faulty),
                                 fmt::format("ligne illisible : {}", detail),
                                 "corrigez la ligne dans le fichier de l'entreprise : les autres lignes comptent"});
      out.unreadable.push_back({path, r.line, "invalid-row", detail, row.lot, row.work_hours + row.training_hours});
      return;
    }
    out.rows.push_back(std::move(row));
  });
  out.diagnostics.insert(out.diagnostics.begin(), csv.diagnostics.begin(), csv.diagnostics.end());
  // A file with a header and no row never called back: check its header all the same.
  if (!header_checked && csv.table) check_header(*csv.table);
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
                 const std::vector<StatementRow>& rows, Month as_of) {
  Count out;
  CountingRules rules = counting_rules(*result.tender);
  std::unordered_map<std::string_view, const hours::LotResult*> lots;
  for (const auto& r : result.lots) lots.emplace(r.lot->id.value, &r);
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
      out.not_counted.push_back({*row.file, row.line, std::move(reason), std::move(detail), row.lot, declared});
    };
    if (row.month > as_of) {
      refuse("after-as-of", fmt::format("mois {} postérieur à la date du suivi", row.month.iso()));
      continue;
    }
    auto lot_it = lots.find(row.lot);
    if (lot_it == lots.end())
      lot_it = std::find_if(lots.begin(), lots.end(), [&](const auto& l) { return same_lot(l.first, row.lot); });
    if (lot_it == lots.end()) {
      refuse("unknown-lot", fmt::format("lot {} inconnu de la consultation", quoted(row.lot)));
      continue;
    }
    const tender::Lot& lot = *lot_it->second->lot;
    if (!lot.has_clause()) {
      refuse("lot-without-clause", fmt::format("le lot {} n'a pas de clause", quoted(row.lot)));
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
    if ((lot.start && row.month < Month::of(lot.start->value)) || (lot.end && row.month > Month::of(lot.end->value))) {
      refuse("outside-execution", fmt::format("mois {} hors de la période d'exécution du lot ({} à {})", row.month.iso(),
                                              lot.start ? Month::of(lot.start->value).iso() : "…",
                                              lot.end ? Month::of(lot.end->value).iso() : "…"));
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
