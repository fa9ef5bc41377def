#include "clausier/track/statements.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "clausier/core/names.hpp"
#include "clausier/core/text.hpp"
#include "clausier/track/catalogue.hpp"
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

constexpr std::pair<std::string_view, Reason> reasons[] = {
    {"unknown-lot", Reason::unknown_lot},
    {"lot-without-clause", Reason::lot_without_clause},
    {"lot-not-awarded", Reason::lot_not_awarded},
    {"unknown-participant", Reason::unknown_participant},
    {"before-validation", Reason::before_validation},
    {"after-validity", Reason::after_validity},
    {"outside-execution", Reason::outside_execution},
    {"duplicate", Reason::duplicate},
    {"after-as-of", Reason::after_as_of},
    {"invalid-row", Reason::invalid_row},
    {"personal-data", Reason::personal_data}};

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

std::string_view name(Reason r) { return name_of<Reason>(reasons, r); }
std::optional<Reason> reason_named(std::string_view code) { return value_named<Reason>(reasons, code); }

// The labels live in track's catalogue, beside the codes (catalogue.cpp).
std::string_view french_label(Reason r) { return reason_label(name(r)); }

namespace {

// Eight bytes at a time, multiplied and folded: the texts are short (a lot, a ref, an employer).
std::uint64_t text_hash(std::string_view s) {
  constexpr std::uint64_t k = 0xff51afd7ed558ccdULL;
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, s.data() + i, s.size() - i);
  h = (h ^ w) * k;
  // MurmurHash3's finaliser: every byte reaches the low bits, which pick the slot ("P-0" starts every ref).
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

}  // namespace

std::size_t TextTable::slot_of(std::string_view text, std::uint64_t hash) const {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    TextId slot = slots_[i];
    if (slot == 0 || (hashes_[slot - 1] == hash && views_[slot - 1] == text)) return i;
  }
}

void TextTable::grow() {
  std::vector<TextId> slots(slots_.empty() ? 64 : 2 * slots_.size(), 0);
  slots_.swap(slots);
  std::size_t mask = slots_.size() - 1;
  for (TextId id = 0; id < views_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id + 1;
  }
}

TextId TextTable::intern(std::string_view text) {
  if (!views_.empty() && views_[last_] == text) return last_;
  if (2 * (views_.size() + 1) > slots_.size()) grow();
  std::uint64_t hash = text_hash(text);
  std::size_t i = slot_of(text, hash);
  if (slots_[i] == 0) {
    slots_[i] = static_cast<TextId>(views_.size()) + 1;
    views_.push_back(texts_.emplace_back(text));
    hashes_.push_back(hash);
  }
  return last_ = slots_[i] - 1;
}

std::optional<TextId> TextTable::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  TextId slot = slots_[slot_of(text, text_hash(text))];
  if (slot == 0) return std::nullopt;
  return slot - 1;
}

Month Month::of(Date d) {
  auto ymd = d.year_month_day();
  return {static_cast<int>(ymd.year), static_cast<int>(ymd.month)};
}
std::string Month::iso() const { return fmt::format(FMT_COMPILE("{:04}-{:02}"), year, month); }

Diagnostics read_statements(std::string_view text, const std::string& path, Statements& into) {
  Diagnostics diags;
  auto file = static_cast<std::uint32_t>(into.files.size());
  into.files.push_back(path);
  // Column of each field, looked up once from the header (npos: absent).
  enum Field { lot, participant, month, route, contract, employer, work, training, declared, count };
  constexpr const char* names[count] = {"lot", "participant", "month", "route", "contract",
                                        "employer", "work_hours", "training_hours", "declared"};
  std::size_t index[count];
  bool header_checked = false, header_ok = false;
  auto check_header = [&](const io::CsvTable& table) {
    header_checked = true;
    std::map<std::string, std::size_t> col;
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
      diags.push_back({"statement-header", Severity::error, Category::input, path, {table.header_line, 1},
                       fmt::format("colonne {} introuvable dans l'en-tête", quoted(required)),
                       fmt::format("en-tête attendu : {} (ou mois, modalite, contrat, employeur, "
                                   "heures_travail, heures_formation)",
                                   statement_header)});
    }
  };
  std::string empty;
  // Rows are read one at a time (io::for_each_csv_row) and stored once: a million-row file never exists
  // twice in memory.
  io::CsvResult csv = io::for_each_csv_row(text, path, [&](const io::CsvTable& table, io::CsvRow& r) {
    if (!header_checked) check_header(table);
    if (!header_ok) return;
    if (!r.fields.empty() && !r.fields[0].empty() && r.fields[0][0] == '#') return;  // a commented example row
    auto field = [&](Field f) -> std::string& { return index[f] < r.fields.size() ? r.fields[index[f]] : empty; };
    empty.clear();
    std::vector<std::string> problems;
    // The first faulty field: where the diagnostic of the row points.
    std::optional<std::size_t> faulty;
    auto problem = [&](Field f, std::string what) {
      if (!faulty) faulty = index[f];
      problems.push_back(std::move(what));
    };
    auto position_of = [&](std::size_t column) -> Position {
      if (column == std::string::npos || column >= r.fields.size()) return {r.line, 1};
      return io::csv_field_position(table, r, column);
    };
    StatementRow row;
    row.file = file;
    row.line = r.line;
    row.lot = into.lots.intern(field(lot));
    row.employer = into.employers.intern(field(employer));
    const std::string& ref = field(participant);
    if (field(lot).empty()) problem(lot, "lot vide");
    if (ref.empty()) problem(participant, "participant vide");
    // Each text is checked once, when first met; personal data is never stored, nor repeated.
    std::optional<TextId> known = into.participants.find(ref);
    if (!known) {
      if (std::string why = ref.empty() ? "" : personal_data_reason(ref); !why.empty()) {
        // The line is not shown either: it holds personal data.
        diags.push_back(personal_data_diagnostic(
            path, position_of(index[participant]),
            fmt::format("la colonne participant {} ; seules des références pseudonymes sont admises", why),
            "remplacez-la par la référence du participant (P-0001…), sans donnée nominative"));
        into.unreadable.push_back(
            {file, r.line, row.lot, Reason::personal_data, 0, fmt::format("participant qui {}", why)});
        return;
      }
      known = into.participants.intern(ref);
    }
    row.participant = *known;
    if (auto m = parse_month(field(month))) row.month = m->index();
    else problem(month, fmt::format("mois {} invalide (attendu AAAA-MM)", quoted(field(month))));
    lower(field(route));
    lower(field(contract));
    if (auto v = value_named<Route>(routes, field(route))) row.route = *v;
    else problem(route, fmt::format("modalité {} inconnue (attendu {})", quoted(field(route)), join(codes(routes), ", ")));
    if (auto v = value_named<Contract>(contracts, field(contract))) row.contract = *v;
    else
      problem(contract, fmt::format("contrat {} inconnu (attendu {})", quoted(field(contract)), join(codes(contracts), ", ")));
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
      hours(declared, "heures déclarées", row.declared, false);
      row.has_declared = true;
    }
    if (!problems.empty()) {
      std::string detail = join(problems, " ; ");
      diags.push_back({"statement-row", Severity::error, Category::input, path, position_of(*faulty),
                       fmt::format("ligne illisible : {}", detail),
                       "corrigez la ligne dans le fichier de l'entreprise : les autres lignes comptent"});
      into.unreadable.push_back(
          {file, r.line, row.lot, Reason::invalid_row, row.work_hours + row.training_hours, std::move(detail)});
      return;
    }
    into.rows.push_back(row);
  });
  diags.insert(diags.begin(), csv.diagnostics.begin(), csv.diagnostics.end());
  // A file with a header and no row never called back: check its header all the same.
  if (!header_checked && csv.table) check_header(*csv.table);
  return diags;
}

bool same_lot(std::string_view tender_id, std::string_view statement_id) {
  if (tender_id == statement_id) return true;
  auto a = digits_value(tender_id), b = digits_value(statement_id);
  return a && b && *a == *b;
}

}  // namespace clausier::track
