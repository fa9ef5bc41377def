#include <doctest/doctest.h>

#include <iconv.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "printers.hpp"

#include "clausier/io/csv.hpp"

using namespace clausier;
using io::header_key;
using io::parse_csv;
using io::parse_decimal;

namespace {

// Every data row as "line: field|field|...", to compare whole tables at once.
std::vector<std::string> rows_of(const io::CsvTable& table) {
  std::vector<std::string> out;
  for (const auto& row : table.rows) {
    std::string s = std::to_string(row.line) + ":";
    for (std::size_t i = 0; i < row.fields.size(); ++i) s += (i ? "|" : " ") + row.fields[i];
    out.push_back(s);
  }
  return out;
}

const std::vector<std::string> statement_header = {"lot",      "participant", "month",      "route",
                                                   "contract", "employer",    "work_hours", "training_hours"};

// The example of formats.md section 5, with the separator, line end and encoding of each dialect.
io::CsvTable read_ok(const std::string& bytes) {
  auto result = parse_csv(bytes, "releve.csv");
  CHECK(result.diagnostics.empty());
  REQUIRE(result.table);
  return *result.table;
}

}  // namespace

TEST_CASE("csv: semicolons, LF, UTF-8 without BOM (formats.md section 5)") {
  auto t = read_ok(
      "lot;participant;month;route;contract;employer;work_hours;training_hours\n"
      "1;P-0001;2026-11;etti;interim;Trajectoire Intérim;140;0\n"
      "1;P-0002;2026-11;direct;professionalisation;BTP Sud;105,5;35\n");
  CHECK(t.separator == ';');
  CHECK(t.encoding == "utf-8");
  CHECK(t.header == statement_header);
  CHECK(t.header_line == 1);
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|P-0001|2026-11|etti|interim|Trajectoire Intérim|140|0",
                                                "3: 1|P-0002|2026-11|direct|professionalisation|BTP Sud|105,5|35"});
}

TEST_CASE("csv: commas, CRLF, UTF-8 with BOM (Excel's \"CSV UTF-8\")") {
  auto t = read_ok(
      "\xEF\xBB\xBFlot,participant,mois,heures_travail\r\n"
      "1,P-0001,2026-11,\"105,5\"\r\n"
      "2,P-0002,2026-12,35\r\n");
  CHECK(t.separator == ',');
  CHECK(t.encoding == "utf-8 (BOM)");
  CHECK(t.header == std::vector<std::string>{"lot", "participant", "mois", "heures_travail"});
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|P-0001|2026-11|105,5", "3: 2|P-0002|2026-12|35"});
}

TEST_CASE("csv: tabs, CRLF") {
  auto t = read_ok("lot\tparticipant\temployeur\r\n1\tP-0001\tBTP Sud\r\n1\t\tTrajectoire Intérim\r\n");
  CHECK(t.separator == '\t');
  CHECK(t.header == std::vector<std::string>{"lot", "participant", "employeur"});
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|P-0001|BTP Sud", "3: 1||Trajectoire Intérim"});
}

TEST_CASE("csv: Windows-1252 bytes become UTF-8 (Excel's \"CSV (séparateur: point-virgule)\")") {
  auto t = read_ok(
      "lot;participant;modalit\xE9;employeur;co\xFBt\r\n"
      "1;P-0001;etti;Trajectoire Int\xE9rim;1\xA0" "250 \x80\r\n"
      "2;P-0002;direct;\x8C" "uvres Fran\xE7" "aises \x96 \x93" "SIAE\x94;0\r\n");
  CHECK(t.encoding == "windows-1252");
  CHECK(t.separator == ';');
  CHECK(t.header == std::vector<std::string>{"lot", "participant", "modalité", "employeur", "coût"});
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|P-0001|etti|Trajectoire Intérim|1\u00A0250 €",
                                                "3: 2|P-0002|direct|Œuvres Françaises – “SIAE”|0"});
}

TEST_CASE("csv: the five bytes Windows-1252 leaves unassigned become U+FFFD") {
  auto t = read_ok("a;b\n\x81;x\x8D\x8F\x90\x9D\xE9\n");
  CHECK(t.encoding == "windows-1252");
  CHECK(rows_of(t) == std::vector<std::string>{"2: \uFFFD|x\uFFFD\uFFFD\uFFFD\uFFFDé"});
}

TEST_CASE("csv: every Windows-1252 byte becomes what glibc's iconv makes of it") {
  // The reader converts by a table of its own; iconv is the reference, byte by byte.
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string bytes = "a\nx", expected = "x";
  for (int b = 0x80; b <= 0xFF; ++b) {
    char in = static_cast<char>(b), out[8];
    char* from = &in;
    char* to = out;
    std::size_t in_left = 1, out_left = sizeof out;
    bool ok = iconv(cd, &from, &in_left, &to, &out_left) != static_cast<std::size_t>(-1);
    expected += ok ? std::string(out, static_cast<std::size_t>(to - out)) : "\uFFFD";
    bytes += in;
  }
  iconv_close(cd);
  bytes += "\n";
  auto t = read_ok(bytes);
  CHECK(t.encoding == "windows-1252");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields[0] == expected);
}

TEST_CASE("csv: Windows-1252 text around ASCII runs of every length up to 17") {
  // The decoder copies ASCII eight bytes at a time: a high byte at, before and after each boundary.
  for (std::size_t n = 0; n < 17; ++n) {
    const std::string ascii(n, 'x');
    CAPTURE(n);
    auto t = read_ok("a\n" + ascii + "\x80" + ascii + "\xE9\x81" + ascii + "\n");  // never UTF-8
    CHECK(t.encoding == "windows-1252");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].fields[0] == ascii + "\u20AC" + ascii + "\u00E9\uFFFD" + ascii);
  }
}

TEST_CASE("csv: invalid UTF-8 after a UTF-8 BOM becomes U+FFFD") {
  auto t = read_ok("\xEF\xBB\xBFnom;ville\nEl\xE9onore;Paris\n");
  CHECK(t.encoding == "utf-8 (BOM)");
  CHECK(rows_of(t) == std::vector<std::string>{"2: El\uFFFDonore|Paris"});
}

TEST_CASE("csv: UTF-16 with BOM (Excel's \"Texte Unicode\") is converted") {
  std::string le = "\xFF\xFE";
  for (char c : std::string("lot\tnom\r\n1\tL\xE9" "a\r\n")) {
    le += c;
    le += '\0';
  }
  auto t = read_ok(le);
  CHECK(t.encoding == "utf-16 (BOM)");
  CHECK(t.separator == '\t');
  CHECK(t.header == std::vector<std::string>{"lot", "nom"});
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|Léa"});
}

// Issue 17: without a BOM, UTF-16 was read as UTF-8 full of NUL bytes: six « colonne introuvable » and
// raw NULs on the terminal. Its pattern (one NUL byte in each pair of mostly ASCII text) gives it away.
TEST_CASE("csv: UTF-16 without BOM is recognised by its NUL bytes, both byte orders") {
  const std::string text = "lot;nom\r\n1;Léa œuvre\r\n";  // re-encoded below, code point by code point
  std::string le, be;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    unsigned cp = c;
    std::size_t len = 1;
    if (c >= 0xE0) {
      cp = (c & 0x0Fu) << 12 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6 | (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      len = 3;
    } else if (c >= 0xC0) {
      cp = (c & 0x1Fu) << 6 | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      len = 2;
    }
    i += len;
    le += static_cast<char>(cp & 0xFF);
    le += static_cast<char>(cp >> 8);
    be += static_cast<char>(cp >> 8);
    be += static_cast<char>(cp & 0xFF);
  }
  for (const auto& [bytes, name] : {std::pair{le, "utf-16le (sans BOM)"}, std::pair{be, "utf-16be (sans BOM)"}}) {
    CAPTURE(name);
    auto t = read_ok(bytes);
    CHECK(t.encoding == name);
    CHECK(t.header == std::vector<std::string>{"lot", "nom"});
    CHECK(rows_of(t) == std::vector<std::string>{"2: 1|Léa œuvre"});
  }
  // A stray NUL in UTF-8 text is not UTF-16.
  CHECK(read_ok(std::string("a;b\n1;x\0y\n", 11)).encoding == "utf-8");
}

TEST_CASE("csv: quoted fields hold separators, \"\" escapes and line breaks; later rows keep their lines") {
  auto t = read_ok(
      "lot;employeur;commentaire;heures\r\n"
      "1;\"Dupont; Fils & Cie\";\"dit \"\"le chantier\"\"\";140\r\n"
      "2;\"BTP\r\nSud\";\"ligne 1\r\nligne 2\r\n\r\nligne 4\";35\r\n"
      "3;Trajectoire Intérim;;7\r\n"
      "\"4\";\"\";\"  espaces gardés  \";  espaces retirés  \r\n");
  CHECK(t.header == std::vector<std::string>{"lot", "employeur", "commentaire", "heures"});
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|Dupont; Fils & Cie|dit \"le chantier\"|140",
                                                "3: 2|BTP\r\nSud|ligne 1\r\nligne 2\r\n\r\nligne 4|35",
                                                "8: 3|Trajectoire Intérim||7",
                                                "9: 4||  espaces gardés  |espaces retirés"});
}

TEST_CASE("csv: blank lines and rows of empty fields are skipped; line numbers stay physical") {
  auto t = read_ok(
      "\n"
      "  \r\n"
      ";;;\r\n"
      "lot;participant;mois;heures\r\n"
      "1;P-0001;2026-11;140\r\n"
      "\r\n"
      ";;;\r\n"
      "\"\";\"\"; ;\r\n"
      "1;P-0002;2026-11;35\r\n"
      "\r\n"
      ";;;\r\n"
      "\r\n");
  CHECK(t.header == std::vector<std::string>{"lot", "participant", "mois", "heures"});
  CHECK(t.header_line == 4);
  CHECK(rows_of(t) == std::vector<std::string>{"5: 1|P-0001|2026-11|140", "9: 1|P-0002|2026-11|35"});
}

TEST_CASE("csv: rows with fewer or more fields are kept as they are, for the caller to report") {
  auto t = read_ok("a;b;c\n1;2\n1;2;3;4\n1\n");
  CHECK(rows_of(t) == std::vector<std::string>{"2: 1|2", "3: 1|2|3|4", "4: 1"});
}

TEST_CASE("csv: the last line needs no line end; a lone CR ends a line (old Mac files)") {
  CHECK(rows_of(read_ok("a;b\n1;2")) == std::vector<std::string>{"2: 1|2"});
  CHECK(rows_of(read_ok("a;b\n1;\"2\"")) == std::vector<std::string>{"2: 1|2"});
  CHECK(rows_of(read_ok("a;b\r1;2\r\r3;4\r")) == std::vector<std::string>{"2: 1|2", "4: 3|4"});
}

TEST_CASE("csv: a header with nothing else has no rows") {
  auto t = read_ok("lot;participant\r\n\r\n");
  CHECK(t.header == std::vector<std::string>{"lot", "participant"});
  CHECK(t.rows.empty());
}

TEST_CASE("csv: the separator is the one the header line uses most outside quotes") {
  CHECK(read_ok("\"Nom, prénom\";\"Heures, total\";lot\n").separator == ';');
  CHECK(read_ok("\"Nom; prénom\",\"Heures; total\",lot\n").separator == ',');
  CHECK(read_ok("a;b,c;d\n").separator == ';');
  CHECK(read_ok("a,b;c,d\n").separator == ',');
  CHECK(read_ok("a;b,c\n").separator == ';');  // a tie goes to ';', what French spreadsheets write
  CHECK(read_ok("participant\nP-0001\n").separator == ';');
  CHECK(read_ok(";;\n,,\nlot,mois\n").separator == ',');  // empty rows before the header do not count
  CHECK(read_ok("\"a\nb\";c;d\n").header == std::vector<std::string>{"a\nb", "c", "d"});
}

TEST_CASE("csv: an unterminated quote is csv-syntax at the quote; the rows before it stay") {
  auto result = parse_csv(
      "lot;employeur;heures\n"
      "1;BTP Sud;140\n"
      "2;Été;\"35\n"
      "3;Trajectoire;7\n",
      "releve.csv");
  REQUIRE(result.diagnostics.size() == 1);
  const Diagnostic& d = result.diagnostics[0];
  CHECK(d.rule == "csv-syntax");
  CHECK(d.severity == Severity::error);
  CHECK(d.category == Category::input);
  CHECK(d.path == "releve.csv");
  CHECK(d.pos == Position{3, 7});
  CHECK(d.message == "ce guillemet ouvre un champ qui n'est jamais fermé");
  CHECK(d.hint == "fermez le guillemet, ou doublez-le (\"\") s'il fait partie du texte");
  REQUIRE(result.table);
  CHECK(rows_of(*result.table) == std::vector<std::string>{"2: 1|BTP Sud|140"});
}

TEST_CASE("csv: the quote is found after fields that span lines, and in the header") {
  auto later = parse_csv("a;b;c\n1;\"x\r\ny\";  \"z\"\"\r\n", "f.csv");
  REQUIRE(later.diagnostics.size() == 1);
  CHECK(later.diagnostics[0].pos == Position{3, 6});

  auto first = parse_csv("a;b\n\n  \"open;x\n", "f.csv");
  REQUIRE(first.diagnostics.size() == 1);
  CHECK(first.diagnostics[0].pos == Position{3, 3});

  auto header = parse_csv("lot;\"employeur\n1;2\n", "f.csv");
  REQUIRE(header.diagnostics.size() == 1);
  CHECK(header.diagnostics[0].rule == "csv-syntax");
  CHECK(header.diagnostics[0].pos == Position{1, 5});
  CHECK_FALSE(header.table);
}

TEST_CASE("csv: an empty file, or one of blank lines, is csv-empty") {
  for (std::string bytes : {"", "\xEF\xBB\xBF", "\r\n\r\n  \n", ";;;\r\n;;\r\n", "\"\";\"\"\n"}) {
    CAPTURE(bytes);
    auto result = parse_csv(bytes, "vide.csv");
    CHECK_FALSE(result.table);
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.rule == "csv-empty");
    CHECK(d.category == Category::input);
    CHECK(d.path == "vide.csv");
    CHECK(d.pos == Position{});
    CHECK(d.message == "le fichier est vide : aucune ligne d'en-tête");
    CHECK(d.hint == "enregistrez la feuille au format CSV avec sa ligne d'en-tête");
  }
}

TEST_CASE("csv: bytes that are not text still give a table, in valid UTF-8") {
  auto result = parse_csv(std::string("a;b\n\0;\x01\x02\n", 9), "bin.csv");
  REQUIRE(result.table);
  CHECK(result.table->rows.size() == 1);
  CHECK(result.table->rows[0].fields == std::vector<std::string>{std::string(1, '\0'), "\x01\x02"});
}

TEST_CASE("csv: decimals as French spreadsheets write them") {
  CHECK(parse_decimal("105,5") == 105.5);
  CHECK(parse_decimal("105.5") == 105.5);
  CHECK(parse_decimal("140") == 140.0);
  CHECK(parse_decimal("0,25") == 0.25);
  CHECK(parse_decimal("-3") == -3.0);
  CHECK(parse_decimal("+3") == 3.0);
  CHECK(parse_decimal("007") == 7.0);
  CHECK(parse_decimal("1 234,5") == 1234.5);
  CHECK(parse_decimal("1\u00A0234,5") == 1234.5);
  CHECK(parse_decimal("1\u202F234,5") == 1234.5);
  CHECK(parse_decimal("12 345 678.25") == 12345678.25);
  CHECK(parse_decimal("-1 234") == -1234.0);
  CHECK(parse_decimal(" 140 ") == 140.0);
  CHECK(parse_decimal("\u00A0140\t") == 140.0);
  auto zero = parse_decimal("-0");
  REQUIRE(zero);
  CHECK_FALSE(std::signbit(*zero));
}

TEST_CASE("csv: what is not a decimal") {
  for (const char* s : {"", " ", "\u00A0", "1e3", "1E3", "1,5e2", "1.234,5", "1,234.5", "12 34", "1234 567",
                        "1 2345", "1  234", " 1 234 5", ",5", ".5", "5,", "5.", "-", "+", "--3", "- 3", "inf", "nan",
                        "0x10", "1,5h", "140 h", "abc", "1'234", "\u2212" "3"}) {
    CAPTURE(s);
    CHECK_FALSE(parse_decimal(s));
  }
  CHECK_FALSE(parse_decimal("1" + std::string(400, '0')));  // out of range
}

TEST_CASE("csv: header keys") {
  CHECK(header_key("Heures travail") == "heures_travail");
  CHECK(header_key("Modalité") == "modalite");
  CHECK(header_key("N° lot") == "n_lot");
  CHECK(header_key("work_hours") == "work_hours");
  CHECK(header_key("MOIS") == "mois");
  CHECK(header_key("  Contrat  ") == "contrat");
  CHECK(header_key("heures-formation") == "heures_formation");
  CHECK(header_key("Heures – formation") == "heures_formation");
  CHECK(header_key("Nom de l'employeur") == "nom_de_l_employeur");
  CHECK(header_key("Nom de l\u2019employeur") == "nom_de_l_employeur");
  CHECK(header_key("Employeur (raison sociale)") == "employeur_raison_sociale");
  CHECK(header_key("Ça") == "ca");
  CHECK(header_key("Œuvre cœur") == "oeuvre_coeur");
  CHECK(header_key("ÉLÈVE à l'ÎLE") == "eleve_a_l_ile");
  CHECK(header_key("Straße") == "strasse");
  CHECK(header_key("Ÿ ÿ æ Æ") == "y_y_ae_ae");
  CHECK(header_key("__a__b__") == "a_b");
  CHECK(header_key("Heures\u00A0travail") == "heures_travail");
  CHECK(header_key("") == "");
  CHECK(header_key("°") == "");
  CHECK(header_key("x\xFFy") == "x_y");
}

TEST_CASE("csv: for_each_csv_row hands over the rows one at a time, with the header") {
  std::vector<std::string> seen;
  auto result = io::for_each_csv_row(
      "\xEF\xBB\xBF" "lot;heures\r\n1;140\r\n\r\n2;\"35\r\n\"\r\n3;7;x\r\n", "r.csv",
      [&](const io::CsvTable& table, io::CsvRow& row) {
        CHECK(table.header == std::vector<std::string>{"lot", "heures"});
        CHECK(table.rows.empty());
        std::string s = std::to_string(row.line) + ":";
        for (const auto& f : row.fields) s += " " + f;
        seen.push_back(s);
        if (row.line == 4) io::CsvRow taken = std::move(row);  // moving out is allowed
      });
  CHECK(result.diagnostics.empty());
  REQUIRE(result.table);
  CHECK(result.table->header == std::vector<std::string>{"lot", "heures"});
  CHECK(result.table->encoding == "utf-8 (BOM)");
  CHECK(result.table->rows.empty());
  CHECK(seen == std::vector<std::string>{"2: 1 140", "4: 2 35\r\n", "6: 3 7 x"});
}

TEST_CASE("csv: a peeked field comes before its row, for every data row that has it") {
  std::vector<std::string> events;
  std::vector<std::string> header_asked;
  io::FieldPeek peek{[&](const std::vector<std::string>& header) {
                       header_asked = header;
                       return std::size_t{1};
                     },
                     [&](std::string_view field) { events.push_back("peek " + std::string(field)); }};
  auto result = io::for_each_csv_row(
      "lot;participant;heures\n1;P-1;7\n\n2;\"P\n2\";8\n3\n;;\n4;P-4\n", "r.csv",
      [&](const io::CsvTable&, io::CsvRow& row) { events.push_back("row " + std::to_string(row.line)); }, &peek);
  CHECK(result.diagnostics.empty());
  CHECK(header_asked == std::vector<std::string>{"lot", "participant", "heures"});
  // Line 6 has no second field; line 7 has only empty ones (not a row, though its field was peeked).
  CHECK(events == std::vector<std::string>{"peek P-1", "row 2", "peek P\n2", "row 4", "row 6", "peek ", "peek P-4",
                                           "row 8"});
  // No column: nothing peeked.
  events.clear();
  io::FieldPeek none{[](const std::vector<std::string>&) { return std::string::npos; },
                     [&](std::string_view field) { events.push_back(std::string(field)); }};
  io::for_each_csv_row("a;b\n1;2\n", "r.csv", [](const io::CsvTable&, io::CsvRow&) {}, &none);
  CHECK(events.empty());
}

TEST_CASE("csv: an exception from the row handler stops the reading and comes out") {
  int calls = 0;
  auto read = [&] {
    io::for_each_csv_row("a\n1\n2\n3\n", "r.csv", [&](const io::CsvTable&, io::CsvRow&) {
      if (++calls == 2) throw std::runtime_error("assez");
    });
  };
  CHECK_THROWS_WITH_AS(read(), "assez", std::runtime_error);
  CHECK(calls == 2);
}

TEST_CASE("csv: the line and column of a field, for a diagnostic that points at it") {
  // Row 2 starts line 2; its quoted employer spans lines 2 and 3; row 3 starts line 4. Blanks before
  // a field are skipped; a quoted field starts at its quote; columns count characters (é is one).
  const std::string bytes = "lot;participant;employer;work_hours\n"
                            "1; P-1 ;\"Élan\nSud\";7\n"
                            "01;é;\"x\";  -3\n";
  std::vector<std::vector<Position>> seen;
  auto result = io::for_each_csv_row(bytes, "r.csv", [&](const io::CsvTable& table, io::CsvRow& row) {
    std::vector<Position> positions;
    for (std::size_t i = 0; i <= row.fields.size(); ++i) positions.push_back(io::csv_field_position(table, row, i));
    seen.push_back(positions);
  });
  CHECK(result.diagnostics.empty());
  REQUIRE(seen.size() == 2);
  // Past the last field: the row's line, column 1.
  CHECK(seen[0] == std::vector<Position>{{2, 1}, {2, 4}, {2, 9}, {3, 6}, {2, 1}});
  CHECK(seen[1] == std::vector<Position>{{4, 1}, {4, 4}, {4, 6}, {4, 12}, {4, 1}});
  // Once the reading is over the text is gone: the row's line only.
  REQUIRE(result.table);
  CHECK(result.table->text.empty());
  io::CsvRow row;
  row.line = 4;
  row.fields = {"01", "é"};
  CHECK(io::csv_field_position(*result.table, row, 1) == Position{4, 1});
}

TEST_CASE("csv: field columns in a Windows-1252 file count characters of the converted text") {
  const std::string bytes = "a;b;c\n\xC9t\xE9;caf\xE9;x\n";  // "Été;café;x"
  std::vector<Position> seen;
  io::for_each_csv_row(bytes, "r.csv", [&](const io::CsvTable& table, io::CsvRow& row) {
    seen.push_back(io::csv_field_position(table, row, 2));
  });
  CHECK(seen == std::vector<Position>{{2, 10}});
}
