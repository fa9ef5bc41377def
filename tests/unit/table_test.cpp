#include <doctest/doctest.h>

#include "clausier/text/table.hpp"

using namespace clausier::text;

TEST_CASE("table: text columns aligned on characters, numbers to the right, no trailing spaces") {
  std::vector<Column> cols{{"Lot"}, {"Intitulé"}, {"Heures", true}};
  std::vector<Row> rows{{"01", "Gros œuvre", "1 542"}, {"2", "Peinture", "86"}};
  CHECK(render_text_table(cols, rows) ==
        "Lot  Intitulé    Heures\n"
        "01   Gros œuvre   1 542\n"
        "2    Peinture        86\n");
}

TEST_CASE("table: Markdown escapes pipes and marks numeric columns") {
  std::vector<Column> cols{{"Lot"}, {"Heures", true}};
  CHECK(render_markdown_table(cols, {{"a|b", "3"}}) ==
        "| Lot | Heures |\n"
        "|---|---:|\n"
        "| a\\|b | 3 |\n");
}

TEST_CASE("table: CSV for French spreadsheets") {
  CHECK(csv_row({"a", "b;c", "d\"e", "f\ng"}) == "a;\"b;c\";\"d\"\"e\";\"f\ng\"\r\n");
  CHECK(csv_number(1541.666667) == "1541,666667");
  CHECK(csv_number(1850000) == "1850000");
  CHECK(csv_number(0.05) == "0,05");
  CHECK(csv_number(-2.5) == "-2,5");
}
