// io/table: the one row interface of statement and participant readers, over a CSV file and over the
// spreadsheets of tests/data/sheets (made by LibreOffice Calc and openpyxl: tests/data/sheets/make.py).
#include "clausier/io/table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clausier/core/source.hpp"
#include "clausier/io/csv.hpp"
#include "clausier/io/files.hpp"
#include "zip_files.hpp"

namespace clausier::io {
namespace {

std::string data(const std::string& name) {
  const ReadResult file = read_file(std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/sheets/" + name);
  REQUIRE(file.text);
  return *file.text;
}

// A header names the month and the hours, in any of their forms.
const TableSpec spec{[](const std::vector<std::string>& fields) {
                       bool month = false, hours = false;
                       for (const auto& f : fields) {
                         const std::string key = header_key(f);
                         month = month || key == "mois" || key == "month";
                         hours = hours || key == "heures_travail" || key == "heures_de_travail";
                       }
                       return month && hours;
                     },
                     "relevé d'heures", "lot;participant;mois;modalite;contrat;employeur;heures_travail"};

struct Read {
  std::vector<std::string> lines;  // "Heures!4 | 1 | P-0001 | 2027-04-01 …", headers as "header Heures!3 …"
  std::vector<std::string> diagnostics;
  std::vector<std::string> uncalculated;  // "Relevé!G7": formulas with no result stored
};

Read read(const std::string& bytes, const std::string& path) {
  Read out;
  auto text = [](const TableSource& t, int line, const std::vector<std::string>& fields) {
    std::string s = (t.sheet().empty() ? "" : t.sheet() + "!") + std::to_string(line);
    for (const auto& f : fields) s += " | " + f;
    return s;
  };
  Diagnostics diags = for_each_table_row(
      bytes, path, spec,
      [&](const TableSource& t) { out.lines.push_back("header " + text(t, t.header_line(), t.header())); },
      [&](const TableSource& t, TableRow& row) {
        out.lines.push_back(text(t, row.line, row.fields));
        for (std::size_t i = 0; i < row.fields.size(); ++i)
          if (row.is_uncalculated(i))
            out.uncalculated.push_back(t.sheet() + "!" + static_cast<char>('A' + i) + std::to_string(row.line));
        // Every diagnostic of a reader points at a field this way: the last field of each row here.
        if (row.line == 5) out.diagnostics.push_back(render_diagnostic(
                               t.diagnostic("x", Severity::error, t.position(row, row.fields.size() - 1), "ici"), nullptr));
      });
  for (const auto& d : diags) out.diagnostics.push_back(render_diagnostic(d, nullptr));
  return out;
}

TEST_CASE("table: a CSV is one table, its first row the header, positions at the field") {
  Read r = read("lot;mois;heures_travail\n1;2027-04;140\n\n1;  \"2027-05\";12\n1;2027-06;7\n", "etat.csv");
  CHECK(r.lines == std::vector<std::string>{"header 1 | lot | mois | heures_travail", "2 | 1 | 2027-04 | 140",
                                            "4 | 1 | 2027-05 | 12", "5 | 1 | 2027-06 | 7"});
  CHECK(r.diagnostics == std::vector<std::string>{"etat.csv:5:11: error: ici [x]\n"});
  CHECK(r.uncalculated.empty());  // a CSV holds values only
  // A header alone is still handed out, so that its reader can say what it lacks.
  r = read("lot;participant\n", "vide.csv");
  CHECK(r.lines == std::vector<std::string>{"header 1 | lot | participant"});
}

TEST_CASE("table: openpyxl's workbook, instructions first, a title above the header, date cells") {
  Read r = read(data("statements-openpyxl.xlsx"), "etat.xlsx");
  CHECK(r.lines == std::vector<std::string>{
                       "header Relevé!3 | Lot | Référence | Mois | Modalité | Contrat | Employeur | Heures de travail | "
                       "Heures de formation | Validé",
                       "Relevé!4 | 2 | R-001 | 2027-01-01 | Embauche directe | CDI | Colas | 151.67 | 0 | VRAI |  | 0.25 | 0.0625",
                       "Relevé!5 | 2 | r-002 | 2027-02-01 | ETTI | intérim | Colas | 120.5 | 14 | FAUX",
                       "Relevé!6 | 2 | R-003 | 2027-03-15T08:30:00 | GEIQ | contrat de professionnalisation | Colas | 98 | 21",
                       "Relevé!7 | TOTAL |  |  |  |  |  |  | "});  // formulas never calculated: empty
  CHECK(r.uncalculated == std::vector<std::string>{"Relevé!G7", "Relevé!H7"});  // ...and said so
  CHECK(r.diagnostics ==
        std::vector<std::string>{
            "etat.xlsx:Relevé!I5: error: ici [x]\n",
            "etat.xlsx:Mode d'emploi: note: la feuille « Mode d'emploi » n'a pas d'en-tête de relevé d'heures parmi ses 10 "
            "premières lignes : elle n'est pas lue [sheet-no-header]\n"
            "  aide : si elle contient des lignes, donnez-lui l'en-tête : lot;participant;mois;modalite;contrat;employeur;"
            "heures_travail\n",
            "etat.xlsx:Listes: note: la feuille « Listes » (masquée) n'a pas d'en-tête de relevé d'heures parmi ses 10 "
            "premières lignes : elle n'est pas lue [sheet-no-header]\n"
            "  aide : si elle contient des lignes, donnez-lui l'en-tête : lot;participant;mois;modalite;contrat;employeur;"
            "heures_travail\n"});
}

TEST_CASE("table: LibreOffice's .xlsx and .ods read alike") {
  Read xlsx = read(data("statements-lo.xlsx"), "etat.xlsx");
  Read ods = read(data("statements-lo.ods"), "etat.ods");
  REQUIRE(xlsx.lines.size() >= 4);
  CHECK(xlsx.lines == ods.lines);
  CHECK(xlsx.lines[0] == "header Heures!3 | N° lot | Participant | Mois | Modalité | Contrat | Employeur | Heures travail | "
                         "Heures formation | Contrôlé");
  CHECK(xlsx.lines[1] == "Heures!4 | 1 | P-0001 | 2027-04-01 | DIRECT | CDD | Trajectoire Intérim | 140 | 0 | VRAI");
  CHECK(xlsx.lines[2] == "Heures!5 | 1 | P-0002 | 09/2027 | ETTI | intérim | BTP  Sud | 105.5 | 35 | FAUX");
}

TEST_CASE("table: what is not a readable workbook says what to do") {
  Read r = read(data("statements-lo.xls"), "etat.xls");
  CHECK(r.lines.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].starts_with("etat.xls: error: ce fichier est un classeur Excel 97-2003 (.xls)"));
  CHECK(r.diagnostics[0].find("enregistrez-le au format .xlsx") != std::string::npos);
  // A workbook with no table: its one sheet named, and an error.
  r = read(data("statements-lo.ods"), "etat.ods");
  TableSpec none = spec;
  none.is_header = [](const std::vector<std::string>&) { return false; };
  Diagnostics diags = for_each_table_row(data("statements-lo.ods"), "etat.ods", none, [](const TableSource&) {},
                                         [](const TableSource&, TableRow&) {});
  REQUIRE(!diags.empty());
  CHECK(diags.back().rule == "sheet-no-table");
  CHECK(diags.back().severity == Severity::error);
  // A zip bomb (3 MB of spaces in a few kB) is refused, and its sheet is not called empty after it.
  r = read(test::make_xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(3u << 20, ' ')), "etat.xlsx");
  CHECK(r.lines.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].find("classeur refusé [sheet-too-large]") != std::string::npos);
  CHECK(is_table_file("a/B.XLSX"));
  CHECK(is_table_file("b.ods"));
  CHECK_FALSE(is_table_file("devis.pdf"));
  CHECK_FALSE(is_table_file("notes.docx"));
  CHECK(table_format_of("x.csv") == TableFormat::csv);
  CHECK(table_format_of("x.Xls") == TableFormat::xls);
}

}  // namespace
}  // namespace clausier::io

namespace clausier::io {

TEST_CASE("table: a Windows-1252 line is quoted as the text it is") {
  const std::string bytes = "lot;employeur\r\n1;Trajectoire Int\xE9rim\r\n";
  const std::string text = csv_text(bytes);
  CHECK(text == "lot;employeur\r\n1;Trajectoire Intérim\r\n");
  SourceText source("etat.csv", text);
  Diagnostic d{"statement-row", Severity::error, Category::input, "etat.csv", {2, 3}, "ligne illisible", ""};
  CHECK(render_diagnostic(d, &source) ==
        "etat.csv:2:3: error: ligne illisible [statement-row]\n 2 | 1;Trajectoire Intérim\n   |   ^\n");
  CHECK(csv_text("\xEF\xBB\xBFlot\n") == "lot\n");
}

}  // namespace clausier::io
