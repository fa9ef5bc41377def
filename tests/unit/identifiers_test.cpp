#include <doctest/doctest.h>

#include "clausier/tender/identifiers.hpp"

using namespace clausier::tender;

TEST_CASE("identifiers: Luhn key, computed by hand") {
  // 732 829 320: from the right 0, 2×2=4, 3, 9×2=18→9, 2, 8×2=16→7, 2, 3×2=6, 7 → sum 40.
  CHECK(luhn_valid("732829320"));
  CHECK_FALSE(luhn_valid("732829321"));
  CHECK_FALSE(luhn_valid(""));
  CHECK_FALSE(luhn_valid("73282932a"));
}

TEST_CASE("identifiers: SIRET") {
  // 732 829 320 00074, from the right: 4, 7×2→5, 0, 0, 0, 0×2, 2, 3×2=6, 9, 2×2=4, 8, 2×2=4, 3, 7×2→5 → 50.
  CHECK(siret_valid("73282932000074"));
  CHECK_FALSE(siret_valid("73282932000075"));
  CHECK_FALSE(siret_valid("7328293200007"));
  // The example SIRET of formats.md fails its key: 3,1×2,0,0,0,7×2→5,8,6×2→3,8,6×2→3,0,0,0,2×2 → 36.
  CHECK_FALSE(siret_valid("20006868700013"));
  // La Poste's head office follows Luhn (sum 30) ...
  CHECK(siret_valid("35600000000048"));
  // ... its establishments a sum of digits multiple of 5: 3+5+6+5+1 = 20, although Luhn rejects it.
  CHECK(siret_valid("35600000000051"));
  CHECK_FALSE(luhn_valid("35600000000051"));
  CHECK_FALSE(siret_valid("35600000000052"));
}
