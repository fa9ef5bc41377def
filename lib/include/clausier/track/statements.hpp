#pragma once
// Monthly hour statements (formats.md section 5), what counts in them, and why the rest does not.
//
// A million rows are held compactly: a row keeps its lot, participant and employer as ids into the
// statements' text tables (each distinct text stored once), its month as an integer and its codes as
// enums, in 56 bytes; a refused row is its index and a reason code, and its French explanation is
// made only when it is written (Count::detail).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/track/participants.hpp"
#include "clausier/track/text_table.hpp"

namespace clausier::track {

enum class Route : std::uint8_t { direct, etti, ai, geiq, siae_subcontract, siae_cocontract, ea };
enum class Contract : std::uint8_t { cdi, cdi_inclusion, cdd, cddi, cdd_usage, interim, apprenticeship, professionalisation, other };
std::string_view name(Route r);
std::string_view name(Contract c);
std::string_view french_label(Route r);
std::string_view french_label(Contract c);

// The years a statement's month may name (track::parse_month refuses the others): the counting keys
// and the report's sums by month and year are sized on them.
inline constexpr int first_statement_year = 1990, last_statement_year = 2200;

struct Month {
  int year = 0, month = 0;
  friend auto operator<=>(const Month&, const Month&) = default;
  int index() const { return year * 12 + month - 1; }
  static Month at(int index) { return {index / 12, index % 12 + 1}; }  // the month of an index()
  static Month of(Date d);
  std::string iso() const;               // "2026-11"
  void append_iso(std::string& out) const;  // the same, appended (no string made: a million refused rows)
};

// Why a row counts nothing: the reasons of formats.md section 5 in its order, then what only tracking
// adds (a row after the date of the count, a row that cannot be read, refused personal data).
enum class Reason : std::uint8_t {
  unknown_lot, lot_without_clause, lot_not_awarded, unknown_participant, before_validation, after_validity, outside_execution,
  duplicate, after_as_of, invalid_row, over_legal_maximum, personal_data
};
std::string_view name(Reason r);          // the stable code of the JSON: "unknown-lot", "invalid-row"...
std::string_view french_label(Reason r);  // "lot inconnu", "ligne illisible"...
std::optional<Reason> reason_named(std::string_view code);

struct StatementRow {
  std::uint32_t file = 0;                         // index in Statements::files
  std::int32_t line = 0;
  TextId lot = 0, participant = 0, employer = 0;  // as written: in Statements::lots, participants, employers
  std::int32_t month = 0;                         // Month::index()
  Route route = Route::direct;
  Contract contract = Contract::other;
  bool has_declared = false;                      // the row gives `declared`
  double work_hours = 0, training_hours = 0;
  double declared = 0;  // total hours worked on the lot that month (percent-of-hours lots)
};

// A row that cannot be read, also reported as a diagnostic: what could be read of it, and why not.
struct UnreadableRow {
  std::uint32_t file = 0;
  std::int32_t line = 0;
  TextId lot = 0;
  Reason reason = Reason::invalid_row;  // or personal_data
  double hours = 0;                     // the hours that could be read (0 for personal data: not read)
  std::string detail;                   // French
};

// The statement files of an operation, read into one list.
struct Statements {
  std::vector<std::string> files;  // paths, in reading order: one per table (a CSV file, a sheet of a workbook)
  std::vector<std::string> sheets;  // each file's sheet (formats.md 5.1), empty for a CSV
  TextTable lots, participants, employers;
  std::vector<StatementRow> rows;         // every readable row: files in reading order, rows in file order
  std::vector<UnreadableRow> unreadable;  // the others, in the same order
};

// Reads one statement file and appends its rows to `into`, in one pass (a row is never copied): a CSV of
// French spreadsheets, or a workbook (.xlsx, .ods; an .xls says what to do) whose every sheet with a
// header is read (io/table.hpp). French forms (formats.md 5.2), totals rows named, rows over the legal
// maximum unreadable (5.3). A file the reader cannot read to its end (a workbook refused past a limit of
// io::SheetLimits or damaged, a CSV quote never closed) appends nothing: all or nothing, like a file that
// cannot be read, and its error says so. Returns its diagnostics: the file's, the header's, one per
// unreadable row. Pure: bytes in, rows out.
Diagnostics read_statements(std::string_view text, const std::string& path, Statements& into);

// Each row's participant written as the participants file writes it, when it names one without the same
// case ("r-001" for "R-001", formats.md 5.2): every count and list then knows one person.
void match_refs(Statements& statements, const Participants& participants);

// The participant each text of `texts` names (Participants::find: as written, else without case), or
// nullptr, by TextId. Each participant is looked up among the texts, in the file's order, rather than
// each text among the participants: one look-up in a flat table instead of three cache misses in a
// hash map's nodes (60 000 texts took 10 times as long as 15 000). `without_case`, when given, says which
// texts name their participant only without case ("r-001" for R-001).
std::vector<const Participant*> people_of(const TextTable& texts, const Participants& participants,
                                         std::vector<bool>* without_case = nullptr);

// The warnings hours-over-legal-maximum (formats.md 5.3): one per row of a person whose readable rows of one
// month, all lots and files together, exceed the legal maximum.
Diagnostics over_maximum_warnings(const Statements& statements, const Participants& participants);

// The header of a statement file, and the header aliases readers accept (French spreadsheets).
inline constexpr std::string_view statement_header = "lot;participant;month;route;contract;employer;work_hours;training_hours";

// A statement's lot id matches the tender's, or equals it as a number: Excel writes lot "01" as 1.
bool same_lot(std::string_view tender_id, std::string_view statement_id);

struct CountingRules {
  tender::TrainingHours training = tender::TrainingHours::work_contracts;
  std::optional<int> validity_months;
};
CountingRules counting_rules(const tender::Tender& t);

// A row that counts nothing: its index in Statements::rows, or in Statements::unreadable when it
// cannot be read (invalid-row, personal-data).
struct NotCounted {
  std::uint32_t row = 0;
  Reason reason = Reason::invalid_row;
  std::uint32_t first = 0;  // duplicate: the row that counts (in Statements::rows)
  bool unreadable() const {
    return reason == Reason::invalid_row || reason == Reason::over_legal_maximum || reason == Reason::personal_data;
  }
};

// What counting decided, and what it needs to explain a refusal when one is written. Points into the
// tender result, participants and statements it was given: they must outlive it.
struct Count {
  static constexpr std::uint32_t no_lot = ~std::uint32_t{0};

  const hours::TenderResult* result = nullptr;
  const Participants* participants = nullptr;
  const Statements* statements = nullptr;
  CountingRules rules;
  std::vector<std::uint32_t> counted;         // the rows that count (in Statements::rows), in row order
  std::vector<NotCounted> not_counted;        // the readable rows refused, in row order
  std::vector<std::uint32_t> lot_of;          // per statement lot text: its lot (index in result->lots), or no_lot
  std::vector<const Participant*> person_of;  // per statement participant text: the participant, or nullptr
  std::vector<std::optional<Date>> end_of;     // per tender lot: the end of its execution at the date of the count

  // The hours a row that counts brings: its work hours, plus its training hours when they count.
  double hours(const StatementRow& row) const;
  std::vector<int> validated_month;           // per statement participant text: Month::index of its validation

  // A refused row, readable or not, as the lists show it. Inline: a million refused rows are written
  // twice, and each accessor reads the same row.
  const std::string& file(const NotCounted& n) const { return statements->files[file_index(n)]; }
  std::uint32_t file_index(const NotCounted& n) const {  // in Statements::files
    return n.unreadable() ? statements->unreadable[n.row].file : statements->rows[n.row].file;
  }
  int line(const NotCounted& n) const {
    return n.unreadable() ? statements->unreadable[n.row].line : statements->rows[n.row].line;
  }
  std::string_view lot(const NotCounted& n) const { return statements->lots[lot_id(n)]; }  // as written
  std::uint32_t tender_lot(const NotCounted& n) const { return lot_of[lot_id(n)]; }
  double declared_hours(const NotCounted& n) const {  // the hours the row declared
    if (n.unreadable()) return statements->unreadable[n.row].hours;
    const StatementRow& row = statements->rows[n.row];
    return row.work_hours + row.training_hours;
  }
  std::string detail(const NotCounted& n) const;     // why, in French
  void detail(std::string& out, const NotCounted& n) const;  // the same, appended to `out`
  // Whether the explanation of `reason` is made of months, numbers and fixed French only (no text of the
  // input, no quote, backslash nor control character): a JSON string as it is, with no escaping to do.
  static bool plain_detail(Reason reason);

 private:
  TextId lot_id(const NotCounted& n) const {
    return n.unreadable() ? statements->unreadable[n.row].lot : statements->rows[n.row].lot;
  }
};

// Applies formats.md section 5 to the rows (files in reading order, rows in file order: the first of
// duplicates counts), at the date `as_of`: rows of later months do not count, a lot not awarded at that date
// counts nothing, and each lot's execution ends at its end at that date (lot events: end-changed,
// terminated). Unreadable rows are not counted here: Tracking lists them with the others.
Count count_rows(const hours::TenderResult& result, const Participants& participants, const Statements& statements,
                 Date as_of);

}  // namespace clausier::track
