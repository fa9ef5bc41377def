// io/sheet: spreadsheets made by the real programs (tests/data/sheets, rebuilt by make.py: LibreOffice
// Calc and openpyxl), read whole and compared cell by cell; then every refusal, on files made by the
// programs where they can make them and crafted here where they cannot (a password, a bomb).
#include "clausier/io/sheet.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

#include "clausier/core/source.hpp"
#include "clausier/io/files.hpp"
#include "zip_files.hpp"

namespace clausier::io {
namespace {

using test::document_rels;
using test::main_ns;
using test::make_xlsx;
using test::make_zip;
using test::package_rels;
using test::Part;

std::string data(const std::string& name) {
  const ReadResult file = read_file(std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/sheets/" + name);
  REQUIRE(file.text);
  return *file.text;
}

std::string value_of(const Cell& cell) {
  std::string out{name(cell.type)};
  if (cell.type != CellType::empty) out += " " + cell_text(cell);
  if (cell.formula) out += " (formule)";
  return out;
}

struct Dump {
  std::string text;         // one line per sheet, then one per cell holding something
  Diagnostics diagnostics;  // of open and read_rows
  bool ok = false;
};

// The whole workbook as text: "Heures!C4 date 2027-04-01".
Dump dump(const std::string& bytes, SheetFormat format, const SheetLimits& limits = {}) {
  Dump d;
  std::unique_ptr<Workbook> book = Workbook::open(bytes, format, "etat" + std::string(extension(format)), d.diagnostics, limits);
  if (!book) return d;
  std::string cells;
  d.ok = book->read_rows(
      [&](std::size_t sheet, SheetRow& row) {
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
          if (row.cells[c].type == CellType::empty && !row.cells[c].formula) continue;
          cells += book->sheets()[sheet].name + "!" + cell_name(row.number, static_cast<int>(c) + 1) + " " +
                   value_of(row.cells[c]) + "\n";
        }
        return true;
      },
      d.diagnostics);
  for (const SheetInfo& s : book->sheets()) d.text += "feuille " + s.name + (s.hidden ? " (masquée)" : "") + "\n";
  d.text += cells;
  return d;
}

std::string rules(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags) out += d.rule + ": " + d.message + " | " + d.hint + "\n";
  return out;
}

}  // namespace

// Both files Calc wrote from statements.fods read the same: what the source says, cell by cell.
const std::string calc_statements = R"(feuille Instructions
feuille Heures
feuille Masquée (masquée)
Instructions!A1 text Relevé mensuel des heures d'insertion
Instructions!A2 text Une ligne par personne, par mois et par modalité.
Les heures en nombres décimaux : 105,5.
Heures!A1 text Relevé des heures — lot 1 — avril 2027
Heures!A3 text N° lot
Heures!B3 text Participant
Heures!C3 text Mois
Heures!D3 text Modalité
Heures!E3 text Contrat
Heures!F3 text Employeur
Heures!G3 text Heures travail
Heures!H3 text Heures formation
Heures!I3 text Contrôlé
Heures!A4 number 1
Heures!B4 text P-0001
Heures!C4 date 2027-04-01
Heures!D4 text DIRECT
Heures!E4 text CDD
Heures!F4 text Trajectoire Intérim
Heures!G4 number 140
Heures!H4 number 0
Heures!I4 boolean VRAI
Heures!A5 number 1
Heures!B5 text P-0002
Heures!C5 text 09/2027
Heures!D5 text ETTI
Heures!E5 text intérim
Heures!F5 text BTP  Sud
Heures!G5 number 105.5
Heures!H5 number 35
Heures!I5 boolean FAUX
Heures!A6 number 2
Heures!B6 text P-0003
Heures!C6 text juin 2027
Heures!D6 text AI
Heures!E6 text apprentissage
Heures!F6 text Jardins d'Éole
Heures!G6 number 105.5 (formule)
Heures!H6 error #N/A (formule)
Heures!I6 text non vu (formule)
Heures!A7 number 3
Heures!B7 text P-0004
Heures!C7 date 2027-05-31
Heures!D7 text GEIQ
Heures!E7 text CDI
Heures!G7 number 7
Heures!A8 number 3
Heures!B8 text P-0004
Heures!C8 date 2027-05-31
Heures!D8 text GEIQ
Heures!E8 text CDI
Heures!G8 number 7
Heures!A9 text TOTAL
Heures!G9 number 365 (formule)
Heures!H9 error #N/A (formule)
Masquée!A1 text feuille masquée
)";

TEST_CASE("sheet: an .xlsx and an .ods saved by LibreOffice Calc") {
  // The hidden row 6 counts; the comment on F6 is not its text; Calc writes the two identical rows out.
  for (const char* name : {"statements-lo.xlsx", "statements-lo.ods"}) {
    CAPTURE(name);
    const Dump d = dump(data(name), *sheet_format_of(name));
    CHECK(d.ok);
    CHECK(rules(d.diagnostics).empty());
    CHECK(d.text == calc_statements);
  }
}

TEST_CASE("sheet: an .xlsx written by openpyxl, as a script or Excel writes it") {
  // Inline strings; months as date cells shown mmm-yy; a date with a time; a time of day (day 0, shown
  // as its number); a percentage; a TOTAL row of formulas never calculated: empty, marked as formulas.
  const Dump d = dump(data("statements-openpyxl.xlsx"), SheetFormat::xlsx);
  CHECK(d.ok);
  CHECK(rules(d.diagnostics).empty());
  CHECK(d.text == R"(feuille Mode d'emploi
feuille Relevé
feuille Listes (masquée)
Mode d'emploi!A1 text Relevé mensuel des heures d'insertion
Mode d'emploi!A3 text Une ligne par salarié et par mois ; modalités : embauche directe, ETTI, GEIQ.
Relevé!A1 text Colas — lot 2 — relevé du 1er trimestre 2027
Relevé!A3 text Lot
Relevé!B3 text Référence
Relevé!C3 text Mois
Relevé!D3 text Modalité
Relevé!E3 text Contrat
Relevé!F3 text Employeur
Relevé!G3 text Heures de travail
Relevé!H3 text Heures de formation
Relevé!I3 text Validé
Relevé!A4 number 2
Relevé!B4 text R-001
Relevé!C4 date 2027-01-01
Relevé!D4 text Embauche directe
Relevé!E4 text CDI
Relevé!F4 text Colas
Relevé!G4 number 151.67
Relevé!H4 number 0
Relevé!I4 boolean VRAI
Relevé!K4 number 0.25
Relevé!L4 date 0.0625
Relevé!A5 number 2
Relevé!B5 text r-002
Relevé!C5 date 2027-02-01
Relevé!D5 text ETTI
Relevé!E5 text intérim
Relevé!F5 text Colas
Relevé!G5 number 120.5
Relevé!H5 number 14
Relevé!I5 boolean FAUX
Relevé!A6 number 2
Relevé!B6 text R-003
Relevé!C6 date 2027-03-15T08:30:00
Relevé!D6 text GEIQ
Relevé!E6 text contrat de professionnalisation
Relevé!F6 text Colas
Relevé!G6 number 98
Relevé!H6 number 21
Relevé!A7 text TOTAL
Relevé!G7 empty (formule)
Relevé!H7 empty (formule)
Listes!A1 text direct
)");
}

namespace {

// A one-part .ods from the tables of its spreadsheet and its automatic styles.
std::string ods(const std::string& tables, const std::string& styles = "", std::vector<Part> more = {}) {
  std::vector<Part> parts = {
      {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
      {"content.xml",
       R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
       R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
       R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
       R"(xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"><office:automatic-styles>)" +
           styles + "</office:automatic-styles><office:body><office:spreadsheet>" + tables +
           "</office:spreadsheet></office:body></office:document-content>"}};
  parts.insert(parts.end(), more.begin(), more.end());
  return make_zip(parts);
}

}  // namespace

TEST_CASE("sheet: .xlsx cell types, number formats and positions") {
  // Shared and inline strings with runs (the phonetic guide rPh is not text), an error, booleans, an ISO
  // date cell, a cached formula string, a formula never calculated, rows and cells without a reference,
  // number formats: mmm-yy is a date, [h]:mm a duration (a number), built-in 14 a date, 46 not.
  const std::string styles =
      R"(<numFmts><numFmt numFmtId="164" formatCode="mmm\-yy"/><numFmt numFmtId="165" formatCode="[h]:mm"/>)"
      R"(<numFmt numFmtId="166" formatCode="&quot;le &quot;d&quot; du mois&quot;"/><numFmt numFmtId="167" formatCode="# ##0,00\ &quot;h&quot;"/></numFmts>)"
      R"(<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>)"
      R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="46"/>)"
      R"(<xf numFmtId="166"/><xf numFmtId="167"/></cellXfs>)";
  const std::string strings = R"(<si><t>Relevé</t></si><si><r><rPr><b/></rPr><t>ri</t></r><r><t xml:space="preserve">ch </t></r><rPh><t>ルビ</t></rPh></si>)";
  const std::string sheet =
      R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>)"
      R"(<c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="d"><v>2027-04-15T10:30:00</v></c>)"
      R"(<c r="H2" t="str"><f>A2</f><v>Relevé</v></c><c r="I2"><f>1+1</f></c><c r="J2" s="0"/></row>)"
      R"(<row><c t="n"><v>-1.5E-3</v></c><c s="1"><v>46478</v></c><c s="2"><v>1.25</v></c><c s="3"><v>46508.75</v></c>)"
      R"(<c s="4"><v>0.5</v></c><c s="5"><v>46478</v></c><c s="6"><v>151.67</v></c><c s="9"><v>3</v></c></row>)"
      R"(<row r="7"><c r="XFD7"><v>1E+20</v></c></row>)";
  const Dump d = dump(make_xlsx(sheet, strings, styles), SheetFormat::xlsx);
  CHECK(d.ok);
  CHECK(rules(d.diagnostics).empty());
  CHECK(d.text == R"(feuille Feuil1
Feuil1!A2 text Relevé
Feuil1!B2 text rich 
Feuil1!D2 text inline
Feuil1!E2 error #DIV/0!
Feuil1!F2 boolean VRAI
Feuil1!G2 date 2027-04-15T10:30:00
Feuil1!H2 text Relevé (formule)
Feuil1!I2 empty (formule)
Feuil1!A3 number -0.0015
Feuil1!B3 date 2027-04-01
Feuil1!C3 number 1.25
Feuil1!D3 date 2027-05-01T18:00:00
Feuil1!E3 number 0.5
Feuil1!F3 date 2027-04-01
Feuil1!G3 number 151.67
Feuil1!H3 number 3
Feuil1!XFD7 number 100000000000000000000
)");
}

TEST_CASE("sheet: .xlsx in the 1904 date system") {
  const std::string styles = R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>)";
  const Dump d = dump(make_xlsx(R"(<row r="1"><c r="A1" s="1"><v>45016</v></c></row>)", "", styles, R"(<workbookPr date1904="1"/>)"),
                      SheetFormat::xlsx);
  CHECK(d.text == "feuille Feuil1\nFeuil1!A1 date 2027-04-01\n");
}

TEST_CASE("sheet: .ods repeats, texts and types") {
  // Three identical rows stored once, a value repeated over two columns, then LibreOffice's trailing
  // 1 048 570 empty rows of 1 024 empty cells: positions move, nothing is materialised. A covered cell
  // (under a merge) keeps its column. Spaces (text:s), a tab, a line break, two paragraphs.
  const std::string tables =
      R"(<table:table table:name="Heures" table:style-name="ta1"><table:table-row table:number-rows-repeated="3">)"
      R"(<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="2"/>)"
      R"(<table:table-cell office:value-type="date" office:date-value="2027-04-01T12:00:00"/>)"
      R"(<table:table-cell office:value-type="time" office:time-value="PT36H00M00S"/>)"
      R"(<table:table-cell table:number-columns-repeated="2"/>)"
      R"(<table:table-cell><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p><text:p>e</text:p></table:table-cell>)"
      R"(</table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/>)"
      R"(</table:table-row></table:table>)"
      R"(<table:table table:name="Suite"><table:table-row table:number-rows-repeated="4"/><table:table-row>)"
      R"(<table:covered-table-cell/><table:covered-table-cell office:value-type="percentage" office:value="0.5"/>)"
      R"(<table:table-cell office:value-type="currency" office:value="12.5"/><table:table-cell office:value-type="void" table:formula="of:=1"/>)"
      R"(<table:table-cell office:value-type="boolean" office:boolean-value="false"/></table:table-row></table:table>)";
  const std::string styles = R"(<style:style style:name="ta1" style:family="table"><style:table-properties table:display="false"/></style:style>)";
  const Dump d = dump(ods(tables, styles), SheetFormat::ods);
  CHECK(d.ok);
  CHECK(rules(d.diagnostics).empty());
  CHECK(d.text == "feuille Heures (masquée)\nfeuille Suite\n"
                  "Heures!A1 number 1\nHeures!B1 number 1\nHeures!C1 date 2027-04-01T12:00:00\nHeures!D1 number 1.5\n"
                  "Heures!G1 text a   b\tc\nd\ne\n"
                  "Heures!A2 number 1\nHeures!B2 number 1\nHeures!C2 date 2027-04-01T12:00:00\nHeures!D2 number 1.5\n"
                  "Heures!G2 text a   b\tc\nd\ne\n"
                  "Heures!A3 number 1\nHeures!B3 number 1\nHeures!C3 date 2027-04-01T12:00:00\nHeures!D3 number 1.5\n"
                  "Heures!G3 text a   b\tc\nd\ne\n"
                  "Suite!B5 number 0.5\nSuite!C5 number 12.5\nSuite!D5 empty (formule)\nSuite!E5 boolean FAUX\n");
}

TEST_CASE("sheet: rows are handed out one at a time, a sheet may be skipped or read alone") {
  const std::string bytes = data("statements-lo.xlsx");
  Diagnostics diags;
  std::unique_ptr<Workbook> book = Workbook::open(bytes, SheetFormat::xlsx, "etat.xlsx", diags);
  REQUIRE(book);
  REQUIRE(book->sheets().size() == 3);
  std::vector<std::string> seen;
  CHECK(book->read_rows(
      [&](std::size_t sheet, SheetRow& row) {
        seen.push_back(book->sheets()[sheet].name + ":" + std::to_string(row.number) + ":" +
                       std::to_string(row.cells.size()));
        return book->sheets()[sheet].name != "Heures" || row.number < 3;  // no header in the first rows: skip
      },
      diags));
  CHECK(seen == std::vector<std::string>{"Instructions:1:1", "Instructions:2:1", "Heures:1:1", "Heures:3:9", "Masquée:1:1"});
  seen.clear();
  CHECK(book->read_rows(
      1,
      [&](std::size_t sheet, SheetRow& row) {
        seen.push_back(std::to_string(sheet) + ":" + std::to_string(row.number));
        return true;
      },
      diags));
  CHECK(seen == std::vector<std::string>{"1:1", "1:3", "1:4", "1:5", "1:6", "1:7", "1:8", "1:9"});
  CHECK(diags.empty());
}

TEST_CASE("sheet: an .xls, a workbook protected by a password") {
  // An .xls saved by LibreOffice; Excel's encrypted container (OLE2 with EncryptionInfo and
  // EncryptedPackage streams) crafted: LibreOffice cannot be given a password on its command line.
  Diagnostics diags;
  CHECK_FALSE(Workbook::open(data("statements-lo.xls"), SheetFormat::xlsx, "etat.xlsx", diags));
  std::string encrypted = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
  for (const std::string name : {"EncryptionInfo", "EncryptedPackage"})
    for (char c : name) encrypted += std::string{c, '\0'};
  CHECK_FALSE(Workbook::open(encrypted, SheetFormat::xlsx, "etat.xlsx", diags));
  // An .ods saved with a password (its manifest says how its parts are encrypted), and zip encryption.
  const std::string manifest =
      R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry )"
      R"(manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>)";
  CHECK_FALSE(Workbook::open(ods("", "", {{"META-INF/manifest.xml", manifest}}), SheetFormat::ods, "etat.ods", diags));
  CHECK_FALSE(Workbook::open(make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>", true}}),
                             SheetFormat::xlsx, "etat.xlsx", diags));
  CHECK(rules(diags) ==
        "sheet-xls: ce fichier est un classeur Excel 97-2003 (.xls), un format ancien que Clausier ne lit pas | ouvrez-le "
        "dans Excel ou LibreOffice Calc et enregistrez-le au format .xlsx (Classeur Excel)\n"
        "sheet-encrypted: ce classeur est protégé par un mot de passe (chiffré) : il ne peut pas être lu | ouvrez-le avec "
        "son mot de passe et enregistrez-le sans mot de passe, ou demandez à l'entreprise de le renvoyer sans mot de passe\n"
        "sheet-encrypted: ce classeur est protégé par un mot de passe (chiffré) : il ne peut pas être lu | ouvrez-le avec "
        "son mot de passe et enregistrez-le sans mot de passe, ou demandez à l'entreprise de le renvoyer sans mot de passe\n"
        "sheet-encrypted: ce classeur est protégé par un mot de passe (chiffré) : il ne peut pas être lu | ouvrez-le avec "
        "son mot de passe et enregistrez-le sans mot de passe, ou demandez à l'entreprise de le renvoyer sans mot de passe\n");
  for (const Diagnostic& d : diags) CHECK((d.path == "etat.xlsx" || d.path == "etat.ods"));
}

TEST_CASE("sheet: a content that does not match its extension") {
  Diagnostics diags;
  const std::vector<std::pair<std::string, SheetFormat>> files = {
      {"lot;participant;mois\r\n1;P-0001;2027-04\r\n", SheetFormat::xlsx},
      {"\xEF\xBB\xBF<html><table><tr><td>1</td></tr></table></html>", SheetFormat::xlsx},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", SheetFormat::ods},
      {"", SheetFormat::xlsx},
      {std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), SheetFormat::xlsx},
      {data("statements-lo.ods"), SheetFormat::xlsx},
      {data("statements-lo.xlsx"), SheetFormat::ods},
      {make_zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}}), SheetFormat::xlsx},
      {make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}), SheetFormat::ods},
      {make_zip({{"notes.txt", "bonjour"}}), SheetFormat::xlsx},
  };
  for (const auto& [bytes, format] : files) CHECK_FALSE(Workbook::open(bytes, format, "etat", diags));
  CHECK(rules(diags) ==
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais il contient du texte (un fichier CSV ?) | renommez-le "
        "en .csv si c'est un CSV, ou ouvrez-le dans un tableur et enregistrez-le au format .xlsx\n"
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais il contient une page HTML ou du XML (un export d'un "
        "site web ?) | ouvrez-le dans un tableur et enregistrez-le au format .xlsx\n"
        "sheet-content-mismatch: ce fichier porte l'extension .ods mais c'est un PDF | demandez à l'entreprise son relevé au "
        "format .xlsx, .ods ou .csv\n"
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais le fichier est vide | demandez à l'entreprise de "
        "renvoyer le fichier\n"
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais son contenu n'est pas un classeur | demandez à "
        "l'entreprise son relevé au format .xlsx, .ods ou .csv\n"
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais c'est un classeur OpenDocument (.ods) | renommez-le "
        "en .ods\n"
        "sheet-content-mismatch: ce fichier porte l'extension .ods mais c'est un classeur Excel (.xlsx) | renommez-le en "
        ".xlsx\n"
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais c'est un document Word (.docx) | demandez à "
        "l'entreprise son relevé au format .xlsx, .ods ou .csv\n"
        "sheet-content-mismatch: ce fichier porte l'extension .ods mais c'est un document texte OpenDocument (.odt) | "
        "demandez à l'entreprise son relevé au format .xlsx, .ods ou .csv\n"
        "sheet-content-mismatch: ce fichier porte l'extension .xlsx mais c'est une archive zip qui ne contient pas de "
        "classeur | demandez à l'entreprise son relevé au format .xlsx, .ods ou .csv\n");
}

TEST_CASE("sheet: a truncated zip, a broken part, a DOCTYPE") {
  Diagnostics diags;
  const std::string whole = data("statements-lo.xlsx");
  CHECK_FALSE(Workbook::open(whole.substr(0, whole.size() / 2), SheetFormat::xlsx, "etat.xlsx", diags));
  // A sheet cut in the middle of a row: the rows before are handed out, the reading of the sheet stops.
  const Dump cut = dump(make_zip({{"xl/workbook.xml", "<workbook " + main_ns + "><sheets><sheet name=\"A\" r:id=\"rId1\" "
                                                          "xmlns:r=\"" + document_rels + "\"/></sheets></workbook>"},
                                  {"xl/_rels/workbook.xml.rels",
                                   "<Relationships xmlns=\"" + package_rels + "\"><Relationship Id=\"rId1\" Type=\"" +
                                       document_rels + "/worksheet\" Target=\"worksheets/a.xml\"/></Relationships>"},
                                  {"xl/worksheets/a.xml", "<worksheet " + main_ns + "><sheetData><row r=\"1\"><c r=\"A1\">"
                                                          "<v>1</v></c></row>\n<row r=\"2\"><c r=\"A2\"><v>2"}}),
                        SheetFormat::xlsx);
  CHECK_FALSE(cut.ok);
  CHECK(cut.text == "feuille A\nA!A1 number 1\n");
  // A billion laughs: refused at the DOCTYPE, before any entity is declared, let alone expanded.
  const Dump laughs = dump(make_xlsx(""), SheetFormat::xlsx);  // the same workbook with the DOCTYPE below
  std::vector<Part> parts = {
      {"xl/workbook.xml", "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                          "<workbook " + main_ns + "><sheets/></workbook>"}};
  CHECK_FALSE(Workbook::open(make_zip(parts), SheetFormat::xlsx, "etat.xlsx", diags));
  CHECK(laughs.ok);
  // Rows or cells out of order are a broken file, at their position.
  const Dump disorder = dump(make_xlsx(R"(<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>)"), SheetFormat::xlsx);
  CHECK_FALSE(disorder.ok);
  REQUIRE(disorder.diagnostics.size() == 1);
  CHECK(disorder.diagnostics[0].pos == Position{2, 1});  // A2, the cell out of place
  CHECK(render_diagnostic(disorder.diagnostics[0], nullptr).starts_with("etat.xlsx:Feuil1!A2: error:"));
  diags.insert(diags.end(), cut.diagnostics.begin(), cut.diagnostics.end());
  diags.insert(diags.end(), disorder.diagnostics.begin(), disorder.diagnostics.end());
  CHECK(rules(diags) ==
        "sheet-archive: classeur illisible : archive tronquée ou abîmée (un .xlsx ou un .ods est une archive zip) | "
        "ouvrez-le dans Excel ou LibreOffice Calc et enregistrez-le de nouveau\n"
        "sheet-xml: partie xl/workbook.xml illisible : DOCTYPE (déclarations d'entités XML) refusé par sécurité | Excel et "
        "LibreOffice n'en écrivent jamais ; vérifiez d'où vient ce fichier\n"
        "sheet-xml: partie xl/worksheets/a.xml illisible : ligne 2, colonne 25 : fin inattendue : balises non fermées ou "
        "contenu après la fin (partie tronquée ?) | "
        "ouvrez-le dans Excel ou LibreOffice Calc et enregistrez-le de nouveau\n"
        "sheet-xml: feuille « Feuil1 », cellule A2 : cellule A2 après la cellule B2 : cellules dans le désordre | ouvrez-le "
        "dans Excel ou LibreOffice Calc et enregistrez-le de nouveau\n");
}

TEST_CASE("sheet: an .ods row holding something repeated past max_row_repeat refuses the workbook") {
  // LibreOffice may store identical rows once: up to the limit they are the rows they stand for (the
  // reader then says they are duplicates); past it, one error at the row instead of a million rows.
  auto sheet = [](int repeat) {
    return fmt::format(R"(<table:table table:name="Heures"><table:table-row><table:table-cell><text:p>lot</text:p>)"
                       R"(</table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{}">)"
                       R"(<table:table-cell office:value-type="float" office:value="7"/></table:table-row>)"
                       R"(<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>)"
                       R"(</table:table>)",
                       repeat);
  };
  SheetLimits l;
  l.max_row_repeat = 3;
  const Dump three = dump(ods(sheet(3)), SheetFormat::ods, l);
  CHECK(three.ok);
  CHECK(rules(three.diagnostics).empty());
  CHECK(three.text == "feuille Heures\nHeures!A1 text lot\nHeures!A2 number 7\nHeures!A3 number 7\nHeures!A4 number 7\n");
  const Dump four = dump(ods(sheet(4)), SheetFormat::ods, l);
  CHECK_FALSE(four.ok);
  CHECK(four.text == "feuille Heures\nHeures!A1 text lot\n");  // not one of the four
  CHECK(rules(four.diagnostics) ==
        "sheet-too-large: feuille « Heures » : ligne 2 remplie et répétée 4 fois de suite "
        "(table:number-rows-repeated), au-delà de 3 : classeur refusé | un classeur ordinaire reste bien en deçà ; "
        "vérifiez d'où vient ce fichier\n");
  REQUIRE(four.diagnostics.size() == 1);
  CHECK(four.diagnostics[0].pos == Position{2, 1});  // Heures!A2
  CHECK(four.diagnostics[0].sheet == "Heures");
  // The default: 100; the hostile file of tests/fuzz/hostile_sheets.py repeats its row 1 048 572 times.
  CHECK(SheetLimits{}.max_row_repeat == 100);
  CHECK(dump(ods(sheet(100)), SheetFormat::ods).ok);
  const Dump million = dump(ods(sheet(1048572)), SheetFormat::ods);
  CHECK_FALSE(million.ok);
  CHECK(rules(million.diagnostics).find("répétée 1\u202F048\u202F572 fois de suite") != std::string::npos);
}

TEST_CASE("sheet: limits") {
  const std::string real = data("statements-lo.xlsx");  // 14 entries, 9 600 bytes, 3 sheets, 31 shared strings
  // Each limit alone: the diagnostic it gives.
  auto refusal = [](const std::string& bytes, SheetFormat format, const SheetLimits& limits) {
    const Dump d = dump(bytes, format, limits);
    CHECK_FALSE(d.ok);
    return rules(d.diagnostics);
  };
  const std::string hint = " | un classeur ordinaire reste bien en deçà ; vérifiez d'où vient ce fichier\n";
  SheetLimits l;
  l.max_file_size = 4096;
  CHECK(refusal(real, SheetFormat::xlsx, l) == "sheet-too-large: le fichier fait plus de 4\u202Fko : classeur refusé" + hint);
  l = {};
  l.max_entries = 5;
  CHECK(refusal(real, SheetFormat::xlsx, l) ==
        "sheet-too-large: l'archive contient 14 fichiers, plus que la limite de 5 : classeur refusé" + hint);
  // A zip bomb, small: 3 MB of blanks in a sheet compress a thousandfold; the ratio stops it while
  // inflating, or the size of a part.
  const std::string bomb = make_xlsx("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(3u << 20, ' '));
  l = {};
  l.max_ratio = 100;
  CHECK(refusal(bomb, SheetFormat::xlsx, l) ==
        "sheet-too-large: la partie xl/worksheets/sheet1.xml se décompresse 986 fois, plus que la limite de 100 : "
        "classeur refusé" + hint);
  l = {};
  l.max_part_size = 1u << 20;
  CHECK(refusal(bomb, SheetFormat::xlsx, l) ==
        "sheet-too-large: la partie xl/worksheets/sheet1.xml fait plus de 1\u202FMo une fois décompressée : classeur "
        "refusé" + hint);
  l = {};
  l.max_total_size = 2u << 20;
  CHECK(refusal(bomb, SheetFormat::xlsx, l) ==
        "sheet-too-large: les parties lues font plus de 2\u202FMo une fois décompressées : classeur refusé" + hint);
  l = {};
  l.max_sheets = 2;
  CHECK(refusal(real, SheetFormat::xlsx, l) == "sheet-too-large: plus de 2 feuilles : classeur refusé" + hint);
  l = {};
  l.max_shared_strings = 200;
  CHECK(refusal(real, SheetFormat::xlsx, l) ==
        "sheet-too-large: la table des textes partagés dépasse 0,2\u202Fko : classeur refusé" + hint);
  for (const char* name : {"statements-lo.xlsx", "statements-lo.ods"}) {
    CAPTURE(name);
    const std::string bytes = data(name);
    const SheetFormat format = *sheet_format_of(name);
    // 40 cells: the rows up to the 40th cell are handed out, then the reading stops.
    l = {};
    l.max_cells = 40;
    const Dump cells = dump(bytes, format, l);
    CHECK(cells.text.find("Heures!I6") != std::string::npos);
    CHECK(cells.text.find("Heures!A7") == std::string::npos);
    CHECK(rules(cells.diagnostics) ==
          "sheet-too-large: feuille « Heures » : plus de 40 cellules remplies dans le classeur : classeur refusé" + hint);
    CHECK(cells.diagnostics[0].pos == Position{7, 2});  // B7, the 41st; the hidden sheet is not read
    CHECK(cells.diagnostics[0].sheet == "Heures");        // shown as Heures!B7, not as a line of the file
    l = {};
    l.max_rows = 8;
    CHECK(refusal(bytes, format, l) == "sheet-too-large: feuille « Heures » : valeur au-delà de la ligne 8 : classeur refusé" + hint);
    l = {};
    l.max_columns = 8;
    CHECK(refusal(bytes, format, l) ==
          "sheet-too-large: feuille « Heures » : valeur au-delà de la colonne H (8) : classeur refusé" + hint);
    l = {};
    l.max_text_size = 30;
    CHECK(refusal(bytes, format, l) ==
          (format == SheetFormat::xlsx  // the text is in the shared strings
               ? "sheet-too-large: un texte partagé dépasse 30 octets : classeur refusé" + hint
               : "sheet-too-large: feuille « Instructions », cellule A1 : plus de 30 octets de texte dans la cellule : "
                 "classeur refusé" + hint));
  }
}

TEST_CASE("sheet: cell names, positions and texts") {
  CHECK(column_name(1) == "A");
  CHECK(column_name(26) == "Z");
  CHECK(column_name(27) == "AA");
  CHECK(column_name(702) == "ZZ");
  CHECK(column_name(703) == "AAA");
  CHECK(column_name(16384) == "XFD");
  CHECK(cell_name(12, 3) == "C12");
  CHECK(cell_position("statements/etat.xlsx", "Heures", 12, 3) == "statements/etat.xlsx:Heures!C12");
  CHECK(cell_position("etat.ods", "Heures", 12, 0) == "etat.ods:Heures!12");
  CHECK(sheet_format_of("a/Etat.XLSX") == SheetFormat::xlsx);
  CHECK(sheet_format_of("etat.ods") == SheetFormat::ods);
  CHECK_FALSE(sheet_format_of("etat.xls"));
  CHECK_FALSE(sheet_format_of("dossier.xlsx/etat"));
  auto text = [](CellType type, double number) { return cell_text(Cell{type, number, {}, false}); };
  CHECK(text(CellType::number, 105.5) == "105.5");
  CHECK(text(CellType::number, 0.1 + 0.2) == "0.30000000000000004");
  CHECK(text(CellType::number, 1e-7) == "0.0000001");
  CHECK(text(CellType::number, -3) == "-3");
  CHECK(text(CellType::date, 46478) == "2027-04-01");
  CHECK(text(CellType::date, 46478.999999) == "2027-04-01T23:59:59");  // never the next day
  CHECK(text(CellType::date, 46461.35416666666) == "2027-03-15T08:30:00");
  CHECK(text(CellType::date, 61) == "1900-03-01");
  CHECK(text(CellType::boolean, 1) == "VRAI");
  CHECK(text(CellType::empty, 0).empty());
  CHECK(civil_date(46478) == CivilDate{2027, 4, 1});
  CHECK(civil_date(2958465) == CivilDate{9999, 12, 31});
  CHECK_FALSE(civil_date(0.5));
  CHECK_FALSE(civil_date(2958466));
}

}  // namespace clausier::io
