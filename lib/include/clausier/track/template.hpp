#pragma once
// The blank statement a facilitator sends a contractor (formats.md section 5.1): a CSV, or an Excel
// workbook a company fills in without a manual. Both read back with no edit.
#include <string>

#include "clausier/io/values.hpp"
#include "clausier/track/statements.hpp"

namespace clausier::track {

struct StatementTemplate {
  std::string lot;       // as the tender names it
  std::string employer;  // the contractor, for the example row
  Month month;           // the month of the example row
  io::Date created;      // the workbook's date: the same day gives the same bytes
};

// UTF-8 with BOM, ';', CRLF: the header and one commented example row.
std::string statement_template_csv(const StatementTemplate& t);

// The rows of the workbook's sheet « Heures » ready for a company (the lot filled in, lists and checks).
inline constexpr int template_rows = 500;

// An .xlsx (libxlsxwriter) of two sheets. « Heures »: a title, the French header on row 4 (frozen),
// then template_rows rows whose lot is filled in, with drop-down lists of the route and contract
// labels, hours checked between 0 and the legal monthly maximum, help on each column. « Mode
// d'emploi »: the rules, every code with its labels, an example. Throws std::runtime_error ("xlsx : …")
// when its temporary file cannot be made or read.
std::string statement_template_xlsx(const StatementTemplate& t);

}  // namespace clausier::track
