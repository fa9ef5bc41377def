#include <doctest/doctest.h>

#include <vector>

#include "clausier/track/plausibility.hpp"
#include "printers.hpp"

using namespace clausier;
using namespace clausier::track;

TEST_CASE("plausibility: 48 hours a week over the days of the month") {
  // 48 × 31 ÷ 7 = 212,571…; 48 × 30 ÷ 7 = 205,714…; 48 × 28 ÷ 7 = 192; 48 × 29 ÷ 7 = 198,857…
  CHECK(legal_monthly_maximum({2027, 1}) == doctest::Approx(212.5714).epsilon(1e-6));
  CHECK(legal_monthly_maximum({2027, 4}) == doctest::Approx(205.7143).epsilon(1e-6));
  CHECK(legal_monthly_maximum({2027, 2}) == 192);
  CHECK(legal_monthly_maximum({2028, 2}) == doctest::Approx(198.8571).epsilon(1e-6));
  CHECK_FALSE(over_legal_maximum(192, {2027, 2}));
  CHECK(over_legal_maximum(192.01, {2027, 2}));
  CHECK_FALSE(over_legal_maximum(212.57, {2027, 1}));  // the maximum typed rounded
  CHECK(over_legal_maximum(1012.5, {2027, 4}));
  CHECK_FALSE(over_legal_maximum(151.67, {2027, 4}));  // a full-time month
}

TEST_CASE("plausibility: a row over the maximum says why in French") {
  CHECK(over_maximum_detail(1012.5, {2027, 4}) ==
        "1\u202F012,5\u202Fheures en avril 2027 : au plus 205,71\u202Fheures pour une personne "
        "(48\u202Fheures par semaine, article L. 3121-20 du code du travail)");
}

TEST_CASE("plausibility: one person's rows of one month, all lots together") {
  int april = Month{2027, 4}.index(), may = Month{2027, 5}.index();
  const std::vector<std::string_view> people = {"P-0", "P-1", "P-2", "P-3", "P-4"};
  std::vector<PersonMonthHours> rows = {
      {0, 1, april, 120}, {1, 2, april, 150}, {2, 1, april, 100},  // P-1: 220 > 205,71
      {3, 1, may, 100},   {4, 2, april, 50},                       // P-2: 200, under
      {5, 3, may, 200},   {6, 3, may, 12.57},                      // P-3: 212,57: the maximum
      {7, 4, may, 110},   {8, 4, may, 110},                        // P-4: 220 > 212,57
  };
  std::vector<OverMaximum> over = over_maximum_groups(rows, people);
  REQUIRE(over.size() == 2);
  CHECK(over[0].person == "P-1");
  CHECK(over[0].month == Month{2027, 4});
  CHECK(over[0].hours == 220);
  CHECK(over[0].rows == std::vector<std::uint32_t>{0, 2});
  CHECK(over[1].person == "P-4");
  CHECK(over[1].rows == std::vector<std::uint32_t>{7, 8});
  CHECK(over_maximum_group_detail(over[0]) ==
        "« P-1 » a 220\u202Fheures déclarées en avril 2027, sur 2 lignes tous lots et fichiers confondus : au plus "
        "205,71\u202Fheures pour une personne (48\u202Fheures par semaine, article L. 3121-20 du code du travail)");
  CHECK(over_maximum_groups({}, people).empty());
}

TEST_CASE("plausibility: groups come in the order of their first row, whatever the numbers of their people") {
  int april = Month{2027, 4}.index(), may = Month{2027, 5}.index();
  const std::vector<std::string_view> people = {"P-A", "P-B", "P-C"};
  std::vector<PersonMonthHours> rows = {
      {10, 2, may, 150}, {11, 1, april, 120}, {12, 2, april, 300}, {13, 2, may, 100}, {14, 1, april, 100},
      {15, 2, april, 1},  // P-C in April: 301 on two rows; in May: 250 on two rows; P-B in April: 220
  };
  std::vector<OverMaximum> over = over_maximum_groups(rows, people);
  REQUIRE(over.size() == 3);
  CHECK(over[0].person == "P-C");
  CHECK(over[0].month == Month{2027, 5});
  CHECK(over[0].rows == std::vector<std::uint32_t>{10, 13});
  CHECK(over[1].person == "P-B");
  CHECK(over[1].rows == std::vector<std::uint32_t>{11, 14});
  CHECK(over[2].person == "P-C");
  CHECK(over[2].month == Month{2027, 4});
  CHECK(over[2].hours == 301);
  CHECK(over[2].rows == std::vector<std::uint32_t>{12, 15});
}
