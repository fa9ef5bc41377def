// track/template: the blank statement in CSV and as an .xlsx (libxlsxwriter), read back by the
// library's own spreadsheet reader and checked in its XML: drop-down lists, number checks, the
// instructions sheet. tests/track/sheets_roundtrip.py fills it with openpyxl and counts it.
#include "clausier/track/template.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clausier/io/sheet.hpp"
#include "clausier/track/forms.hpp"
#include "zip_files.hpp"

using namespace clausier;
using namespace clausier::track;

namespace {

const StatementTemplate lot01{"01", "Net Sport Services", {2027, 4}, io::Date(2027, 4, 1)};

std::string part(const std::string& xlsx, const std::string& name) {
  for (const auto& e : test::unzip(xlsx))
    if (e.name == name) return e.bytes;
  FAIL("no part " << name);
  return {};
}

}  // namespace

TEST_CASE("template: the CSV form, a header and a commented example") {
  CHECK(statement_template_csv(lot01) ==
        "\xEF\xBB\xBFlot;participant;month;route;contract;employer;work_hours;training_hours\r\n"
        "# 01;P-0001;2027-04;direct;cdi;Net Sport Services;140;0\r\n");
}

TEST_CASE("template: the workbook reads back: its sheets, its header, the lot filled in") {
  const std::string xlsx = statement_template_xlsx(lot01);
  Diagnostics diags;
  auto book = io::Workbook::open(xlsx, io::SheetFormat::xlsx, "modele.xlsx", diags);
  REQUIRE(book);
  CHECK(diags.empty());
  REQUIRE(book->sheets().size() == 2);
  CHECK(book->sheets()[0].name == "Heures");
  CHECK(book->sheets()[1].name == "Mode d'emploi");
  std::vector<std::string> heures;
  int lots = 0;
  book->read_rows(0, [&](std::size_t, io::SheetRow& row) {
    if (row.number <= 4) {
      std::string line = std::to_string(row.number);
      for (const auto& c : row.cells) line += "|" + io::cell_text(c);
      heures.push_back(line);
    } else {
      REQUIRE(row.cells.size() == 1);  // only the lot: a blank row to the reader
      CHECK(io::cell_text(row.cells[0]) == "01");
      ++lots;
    }
    return true;
  }, diags);
  CHECK(heures == std::vector<std::string>{
                      "1|Relevé mensuel des heures d'insertion — lot 01",
                      "2|Une ligne par personne, par mois et par modalité. Les codes et les règles : feuille « Mode "
                      "d'emploi ».",
                      "4|Lot|Participant|Mois|Modalité|Contrat|Employeur|Heures de travail|Heures de formation"});
  CHECK(lots == template_rows);
  // Every code is listed on the instructions sheet with its label.
  std::string instructions;
  book->read_rows(1, [&](std::size_t, io::SheetRow& row) {
    for (const auto& c : row.cells) instructions += io::cell_text(c) + "|";
    instructions += "\n";
    return true;
  }, diags);
  CHECK(diags.empty());
  for (std::string_view code : {"direct", "siae-cocontract", "professionalisation", "cdd-usage"})
    CHECK(instructions.find("|" + std::string(code) + "|") != std::string::npos);
  CHECK(instructions.find("embauche directe|direct|recrutement direct, embauche|") != std::string::npos);
  CHECK(instructions.find("article L. 3121-20 du code du travail") != std::string::npos);
}

TEST_CASE("template: drop-down lists of the labels the reader accepts, hours checked") {
  const std::string sheet = part(statement_template_xlsx(lot01), "xl/worksheets/sheet1.xml");
  // Lists in the sheet itself (no hidden sheet to break), each label one the reader reads back.
  std::string routes, contracts;
  for (Route r : {Route::direct, Route::etti, Route::ai, Route::geiq, Route::siae_subcontract, Route::siae_cocontract,
                  Route::ea})
    routes += (routes.empty() ? "" : ",") + std::string(display_label(r));
  for (Contract c : {Contract::cdi, Contract::cdi_inclusion, Contract::cdd, Contract::cddi, Contract::cdd_usage,
                     Contract::interim, Contract::apprenticeship, Contract::professionalisation, Contract::other})
    contracts += (contracts.empty() ? "" : ",") + std::string(display_label(c));
  CHECK(sheet.find("sqref=\"D5:D504\"><formula1>\"" + routes + "\"</formula1>") != std::string::npos);
  CHECK(sheet.find("sqref=\"E5:E504\"><formula1>\"" + contracts + "\"</formula1>") != std::string::npos);
  CHECK(sheet.find("sqref=\"A5:A504\"><formula1>\"01\"</formula1>") != std::string::npos);
  CHECK(sheet.find("<dataValidation type=\"decimal\" allowBlank=\"1\" showInputMessage=\"1\" "
                   "showErrorMessage=\"1\" errorTitle=\"Valeur refusée\" error=\"Un nombre d'heures entre 0 et 212,58 : au "
                   "plus 48 heures par semaine et par personne (article L. 3121-20 du code du travail).\" "
                   "promptTitle=\"Heures de travail\"") != std::string::npos);
  CHECK(sheet.find("sqref=\"G5:G504\"><formula1>0</formula1><formula2>212.58</formula2>") != std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"4\" topLeftCell=\"A5\"") != std::string::npos);
  // The same day gives the same bytes.
  CHECK(statement_template_xlsx(lot01) == statement_template_xlsx(lot01));
}
