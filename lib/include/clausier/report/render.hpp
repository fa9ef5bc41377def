#pragma once
// Renderings of the report model (report/model.hpp). Every renderer is deterministic (same inputs, same
// bytes), writes numbers the French way in documents (1 250 000,00 €, 833 heures) and never prints a
// suppressed cell's value.
#include <string>

#include "clausier/report/model.hpp"

namespace clausier::report {

// JSON (formats.md section 7): {"format": "clausier/report/1", "kind": "operation" | "consolidation" |
// "participant", "rules": {...}, "as_of", "min_cell", ...}; suppressed cells: "people": null,
// "hours": null, "suppressed": true. Numbers through io::json_number (integers stay integers).
std::string render_json(const OperationReport& r);
std::string render_json(const Consolidation& c);
std::string render_json(const ParticipantSheet& s);

// Markdown, French.
std::string render_markdown(const OperationReport& r);
std::string render_markdown(const Consolidation& c);
std::string render_markdown(const ParticipantSheet& s);

// One self-contained HTML file (no external resource): inline CSS with A4 print rules, inline SVG charts
// (cumulative realised hours against the expected schedule, breakdown bars, outcomes), French.
std::string render_html(const OperationReport& r);
std::string render_html(const Consolidation& c);
std::string render_html(const ParticipantSheet& s);  // with signature blocks (contractor, facilitator)

// CSV, long format (UTF-8 with BOM, ';', decimal comma, CRLF): one row per figure,
// columns table;operation;lot;group;breakdown;key;label;people;hours;suppressed.
std::string render_csv(const OperationReport& r);
std::string render_csv(const Consolidation& c);

// XLSX bytes (libxlsxwriter): one sheet per table, numbers as numbers with French number formats.
// libxlsxwriter only writes files: the workbook goes through a temporary file, and a failure to make,
// write or read it back throws std::runtime_error with a French message (report::run reports it as io).
std::string render_xlsx(const OperationReport& r);
std::string render_xlsx(const Consolidation& c);

// Open data. decp: JSON, one entry per lot with its DECP `considerationsSociales` values.
// flat: CSV, one row per operation, lot and year (target hours of the year from the schedule, realised
// hours of the year, participants of the year, suppressible).
std::string render_decp(const std::vector<OperationReport>& reports);
std::string render_flat(const std::vector<OperationReport>& reports);

}  // namespace clausier::report
