#pragma once
// Monthly hour statements (formats.md section 5), what counts in them, and why the rest does not.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/track/participants.hpp"

namespace clausier::track {

enum class Route { direct, etti, ai, geiq, siae_subcontract, siae_cocontract, ea };
enum class Contract { cdi, cdi_inclusion, cdd, cddi, cdd_usage, interim, apprenticeship, professionalisation, other };
std::string_view name(Route r);
std::string_view name(Contract c);
std::string_view french_label(Route r);
std::string_view french_label(Contract c);

struct Month {
  int year = 0, month = 0;
  friend auto operator<=>(const Month&, const Month&) = default;
  int index() const { return year * 12 + month - 1; }
  static Month of(Date d);
  std::string iso() const;  // "2026-11"
};

struct StatementRow {
  std::shared_ptr<const std::string> file;  // shared by every row of a file: a million rows, one path
  std::shared_ptr<const std::string> sheet;  // the sheet of a workbook (formats.md 5.1), or null for a CSV
  int line = 0;                              // a CSV's line, a sheet's row
  std::string lot, participant;
  Month month;
  Route route = Route::direct;
  Contract contract = Contract::other;
  std::string employer;
  double work_hours = 0, training_hours = 0;
  std::optional<double> declared;  // total hours worked on the lot that month (percent-of-hours lots)
};

// Why a row counts nothing. Codes are stable (JSON); the detail is French.
struct NotCounted {
  std::string file;
  int line = 0;
  std::string reason;  // invalid-row, over-legal-maximum, unknown-lot, lot-without-clause, lot-not-awarded,
                       // unknown-participant, before-validation, after-validity, outside-execution, after-as-of,
                       // duplicate
  std::string detail;
  std::string lot;
  double hours = 0;  // the hours the row declared
  std::string sheet;  // of a workbook's row (formats.md 5.1), else empty
};

struct StatementsFile {
  std::vector<StatementRow> rows;
  std::vector<NotCounted> unreadable;  // rows that cannot be read, also reported as diagnostics
  Diagnostics diagnostics;             // category input (invalid rows) or csv errors
};
// Reads one statement file: a CSV of French spreadsheets, or a workbook (.xlsx, .ods; an .xls says what
// to do) whose every sheet with a header is read (io/table.hpp). French forms (formats.md 5.2), totals
// rows named, rows over the legal maximum unreadable (5.3). Pure: bytes in, rows out.
StatementsFile parse_statements(std::string_view text, const std::string& path);

// The header of a statement file, and the header aliases readers accept (French spreadsheets).
inline constexpr std::string_view statement_header = "lot;participant;month;route;contract;employer;work_hours;training_hours";

// A statement's lot id matches the tender's, or equals it as a number: Excel writes lot "01" as 1.
bool same_lot(std::string_view tender_id, std::string_view statement_id);

struct CountedRow {
  const StatementRow* row = nullptr;
  double hours = 0;  // work hours, plus training hours when they count
};

struct CountingRules {
  tender::TrainingHours training = tender::TrainingHours::work_contracts;
  std::optional<int> validity_months;
};
CountingRules counting_rules(const tender::Tender& t);

struct Count {
  std::vector<CountedRow> counted;
  std::vector<NotCounted> not_counted;
};
// Each row's participant written as the participants file writes it, when it names one without the
// same case ("r-001" for "R-001", formats.md 5.2): every count and list then knows one person.
void match_refs(std::vector<StatementRow>& rows, const Participants& participants);

// The warnings hours-over-legal-maximum (formats.md 5.3): one per row of a person whose rows of one month,
// all lots and files together, exceed the legal maximum.
Diagnostics over_maximum_warnings(const std::vector<StatementRow>& rows);

// Applies formats.md section 5 to rows given in file-name then line order (the first of duplicates counts), at
// the date `as_of`: rows of later months do not count, and each lot's execution ends at its end at that date
// (lot events: end-changed, terminated).
Count count_rows(const hours::TenderResult& result, const Participants& participants,
                 const std::vector<StatementRow>& rows, Date as_of);

}  // namespace clausier::track
