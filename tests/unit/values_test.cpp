#include <doctest/doctest.h>

#include "printers.hpp"

#include "clausier/io/values.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace clausier;
using io::parse_iso_date;
using io::parse_number;
using io::parse_percent;

TEST_CASE("values: numbers are what YAML calls numbers, nothing more") {
  CHECK(parse_number("1000000") == 1000000.0);
  CHECK(parse_number("0.05") == 0.05);
  CHECK(parse_number("-3") == -3.0);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number("1e6") == 1e6);
  CHECK(parse_number("2.5E-1") == 0.25);
  CHECK_FALSE(parse_number("0,05"));
  CHECK_FALSE(parse_number("1 000"));
  CHECK_FALSE(parse_number(".inf"));
  CHECK_FALSE(parse_number("abc"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("-"));
  CHECK_FALSE(parse_number("1e999"));
}

TEST_CASE("values: percent strings") {
  CHECK(parse_percent("5 %") == doctest::Approx(0.05));
  CHECK(parse_percent("5%") == doctest::Approx(0.05));
  CHECK(parse_percent("7,5 %") == doctest::Approx(0.075));
  CHECK(parse_percent("7.5%") == doctest::Approx(0.075));
  CHECK(parse_percent("5\u00A0%") == doctest::Approx(0.05));
  CHECK(parse_percent("5\u202F%") == doctest::Approx(0.05));
  CHECK_FALSE(parse_percent("5"));
  CHECK_FALSE(parse_percent("cinq %"));
  CHECK_FALSE(parse_percent("%"));
  CHECK_FALSE(parse_percent("-5 %"));
}

TEST_CASE("values: ISO dates must exist") {
  CHECK(parse_iso_date("2026-09-15") == io::Date(2026, 9, 15));
  CHECK(parse_iso_date("2028-02-29") == io::Date(2028, 2, 29));
  CHECK_FALSE(parse_iso_date("2027-02-29"));
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("2026-9-15"));
  CHECK_FALSE(parse_iso_date("15/09/2026"));
  CHECK(io::iso(io::Date(2026, 1, 2)) == "2026-01-02");
}

namespace {
struct Fixture {
  Diagnostics diags;
  io::Reader reader{"f.yaml", diags};
  yaml::Node scalar(std::string v, bool quoted = false) {
    yaml::Node n;
    n.kind = yaml::Kind::scalar;
    n.value = std::move(v);
    n.quoted = quoted;
    n.pos = {3, 7};
    return n;
  }
};
}  // namespace

TEST_CASE_FIXTURE(Fixture, "values: a quoted number is a string, and the hint says so") {
  CHECK_FALSE(reader.number(scalar("1000", true), "amount", io::positive));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "schema-type");
  CHECK(diags[0].pos == Position{3, 7});
  CHECK(diags[0].hint == "retirez les guillemets : 1000");
}

TEST_CASE_FIXTURE(Fixture, "values: a decimal comma gets a hint with the dot") {
  CHECK_FALSE(reader.number(scalar("0,05"), "rate", io::positive));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].hint == "utilisez un point décimal : 0.05");
}

TEST_CASE_FIXTURE(Fixture, "values: hints for numbers written with spaces or in words") {
  CHECK_FALSE(reader.number(scalar("1 000 000"), "amount", io::positive));
  CHECK_FALSE(reader.number(scalar("1\u202F250,5"), "amount", io::positive));
  CHECK_FALSE(reader.number(scalar("un million", true), "amount", io::positive));
  REQUIRE(diags.size() == 3);
  CHECK(diags[0].hint == "écrivez le nombre sans espaces : 1000000");
  CHECK(diags[1].hint == "écrivez le nombre sans espaces : 1250.5");
  CHECK(diags[2].hint == "écrivez un nombre en chiffres, sans guillemets, avec un point décimal : 1250000 ou 0.05");
}

TEST_CASE_FIXTURE(Fixture, "values: a rate written as a percentage number is out of range, with a hint") {
  CHECK_FALSE(reader.fraction(scalar("5"), "rate"));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "schema-range");
  CHECK(diags[0].hint == "pour 5 %, écrivez 0.05 ou \"5 %\"");
}

TEST_CASE_FIXTURE(Fixture, "values: fractions accept numbers and percent strings") {
  CHECK(reader.fraction(scalar("0.07"), "rate") == doctest::Approx(0.07));
  CHECK(reader.fraction(scalar("7 %", true), "rate") == doctest::Approx(0.07));
  CHECK(reader.fraction(scalar("100 %", true), "rate") == doctest::Approx(1.0));
  CHECK(diags.empty());
  CHECK_FALSE(reader.fraction(scalar("0"), "rate"));
  CHECK(diags.size() == 1);
}

TEST_CASE_FIXTURE(Fixture, "values: identifiers") {
  CHECK(reader.identifier(scalar("1"), "id") == "1");
  CHECK(reader.identifier(scalar("CARC-2026.014_b"), "id") == "CARC-2026.014_b");
  CHECK(diags.empty());
  CHECK_FALSE(reader.identifier(scalar("lot 1"), "id"));
  CHECK_FALSE(reader.identifier(scalar("-1"), "id"));
  CHECK_FALSE(reader.identifier(scalar("été"), "id"));
  CHECK(diags.size() == 3);
}

TEST_CASE_FIXTURE(Fixture, "values: an unknown enum value suggests the closest one") {
  static constexpr std::string_view allowed[] = {"nearest", "up", "down"};
  CHECK_FALSE(reader.choice_text(scalar("neareast"), "rounding", allowed));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "schema-enum");
  CHECK(diags[0].hint == "vouliez-vous dire « nearest » ?");
}

TEST_CASE_FIXTURE(Fixture, "values: MapReader reports unknown keys but not x- keys") {
  auto doc = yaml::parse("rate: 0.05\nrat: 1\nx-note: libre\n", "f.yaml");
  REQUIRE(doc.root);
  io::MapReader m(reader, *doc.root, "parameters");
  CHECK(m.get("rate") != nullptr);
  CHECK(m.require("hourly_cost", "un nombre") == nullptr);
  m.finish();
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].rule == "schema-required");
  CHECK(diags[1].rule == "schema-unknown-key");
  CHECK(diags[1].pos == Position{2, 1});
  CHECK(diags[1].hint == "vouliez-vous dire « rate » ?");
}

// Issue 17: a title "Lot\e[31m" (a YAML escape in a double-quoted value) reached the track table, the
// hours table and the report on standard output, raw. Control characters are refused in any text.
TEST_CASE_FIXTURE(Fixture, "values: a text with a control character is refused, tabs and line ends are not") {
  CHECK(reader.string(scalar("Entretien\tdes parcs\nsecteur nord\r\n"), "title") ==
        std::optional<std::string>("Entretien\tdes parcs\nsecteur nord\r\n"));
  CHECK(reader.string(scalar("Espaces verts — été"), "title"));
  CHECK(diags.empty());
  for (const auto& [text, code] : std::vector<std::pair<std::string, std::string>>{
           {"Jardins\x1b[31m", "U+001B"}, {"bip\x07", "U+0007"}, {std::string("a\0b", 3), "U+0000"},
           {"del\x7f", "U+007F"}, {"csi\xc2\x9b" "31m", "U+009B"}}) {
    diags.clear();
    CHECK_FALSE(reader.string(scalar(text), "title"));
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].rule == "schema-format");
    CHECK(diags[0].message == "« title » contient un caractère de contrôle (" + code + ")");
  }
}
