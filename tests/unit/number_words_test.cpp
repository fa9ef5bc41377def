// Reading numbers written in French words: words_to_number (the inverse of number_to_words) and
// find_numbers_in_words (numbers inside a sentence), as the document checks use them.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/text/words.hpp"

namespace t = clausier::text;
using t::Spelling;

namespace {

// "1542@2..32" for each number found: value @ byte offsets, to compare a whole scan at once.
std::string scan(std::string_view text) {
  std::string out;
  for (const t::NumberInWords& n : t::find_numbers_in_words(text)) {
    if (!out.empty()) out += " ";
    out += std::to_string(n.value) + "@" + std::to_string(n.begin) + ".." + std::to_string(n.end);
  }
  return out;
}

}  // namespace

TEST_CASE("number words: round trip of every number below a million, both spellings") {
  // Every n of 0..999 999: reading what number_to_words writes gives n back. Stops at the first
  // failure so a regression prints one line, not a million.
  std::uint64_t failed_traditional = UINT64_MAX, failed_reformed = UINT64_MAX;
  for (std::uint64_t n = 0; n < 1'000'000; ++n) {
    if (failed_traditional == UINT64_MAX && t::words_to_number(t::number_to_words(n, Spelling::traditional)) != n)
      failed_traditional = n;
    if (failed_reformed == UINT64_MAX && t::words_to_number(t::number_to_words(n, Spelling::reformed_1990)) != n)
      failed_reformed = n;
  }
  CHECK(failed_traditional == UINT64_MAX);
  CHECK(failed_reformed == UINT64_MAX);
}

TEST_CASE("number words: round trip of a sample up to 999 999 999 999") {
  // A deterministic sample: a linear congruential sequence over the whole range, plus the edges of
  // each group (x 000 000, x 000 001, x 999 999) and the largest number.
  std::vector<std::uint64_t> sample = {1'000'000,       1'000'001,       2'000'000,       80'000'000,
                                       200'000'000,     201'000'000,     999'999'999,     1'000'000'000,
                                       1'000'000'001,   2'000'000'000,   80'080'080'080,  200'200'200'200,
                                       999'999'999'999, 21'021'021'021, 71'071'071'071, 101'101'101'101};
  std::uint64_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    sample.push_back((x >> 11) % (t::max_number_in_words + 1));
  }
  int failures = 0;
  for (std::uint64_t n : sample) {
    for (Spelling s : {Spelling::traditional, Spelling::reformed_1990}) {
      if (t::words_to_number(t::number_to_words(n, s)) != n && ++failures <= 5)
        FAIL_CHECK(n << " : " << t::number_to_words(n, s));
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("number words: the variations people type") {
  // Capitals, hyphens for spaces and spaces for hyphens, no-break spaces, spaces around a hyphen.
  CHECK(t::words_to_number("Mille Cinq Cent Quarante-Deux") == 1542u);
  CHECK(t::words_to_number("MILLE CINQ CENT QUARANTE-DEUX") == 1542u);
  CHECK(t::words_to_number("mille-cinq-cent-quarante-deux") == 1542u);
  CHECK(t::words_to_number("mille cinq cent quarante deux") == 1542u);
  CHECK(t::words_to_number("quatre - vingt - dix") == 90u);
  CHECK(t::words_to_number("  trois cents  ") == 300u);
  CHECK(t::words_to_number("mille\u00A0deux\u202Fcents") == 1200u);
  CHECK(t::words_to_number("ZÉRO") == 0u);
  // "et" joined by hyphens (1990) or spaces (traditional), in either spelling of the rest.
  CHECK(t::words_to_number("vingt-et-un") == 21u);
  CHECK(t::words_to_number("soixante et onze") == 71u);
  CHECK(t::words_to_number("soixante-et-onze mille") == 71000u);
  // The plural s, present or not: "deux cent" and "quatre-vingt" as last word, "cents" before a numeral.
  CHECK(t::words_to_number("deux cent") == 200u);
  CHECK(t::words_to_number("quatre-vingt") == 80u);
  CHECK(t::words_to_number("quatre-vingts-deux") == 82u);
  CHECK(t::words_to_number("trois cents un") == 301u);
  CHECK(t::words_to_number("deux million") == 2'000'000u);
  CHECK(t::words_to_number("un milliards") == 1'000'000'000u);
  // "une" for "un" (agreement with a feminine noun: "vingt et une heures").
  CHECK(t::words_to_number("vingt et une") == 21u);
  CHECK(t::words_to_number("une") == 1u);
}

TEST_CASE("number words: what is not a number") {
  for (std::string_view text :
       {"", " ", "-", "heures", "cent deux cent", "vingt un", "vingt-un", "quatre-vingt et un", "un cent", "un mille",
        "milles", "deux milles", "cents", "vingts", "zéro un", "un zéro", "et", "et un", "vingt et", "mille mille",
        "million", "mille million", "deux cent trois cent", "trente-dix", "soixante-onze", "soixante-un",
        "dix-deux", "-vingt", "vingt-", "vingt--deux", "mille cinq cent quarante-deux heures", "dixième",
        "deux,cents", "1542"}) {
    CAPTURE(text);
    CHECK_FALSE(t::words_to_number(text).has_value());
  }
}

TEST_CASE("number words: numbers inside a sentence") {
  // "mille cinq cent quarante-deux" runs from byte 17 to byte 46 (29 bytes, all ASCII).
  CHECK(scan("un volume de     mille cinq cent quarante-deux (1 542) heures") == "1@0..2 1542@17..46");
  // The longest reading wins; "et" between two numbers that do not combine separates them.
  CHECK(scan("lots trois et quatre") == "3@5..10 4@14..20");
  CHECK(scan("vingt et un mille") == "21000@0..17");
  // A hyphen joins, other punctuation ends a number; a word is taken whole.
  CHECK(scan("quatre-vingt-dix, neuf") == "90@0..16 9@18..22");
  CHECK(scan("le dixième jour, cinquantaine, vingtaine") == "");
  CHECK(scan("deux cent soixante-deux heures et demie") == "262@0..23");
  // Accented and capital words: "Zéro" is 5 bytes (é is 2).
  CHECK(scan("Zéro heure") == "0@0..5");
  // Two hyphens in a row do not join.
  CHECK(scan("vingt--deux") == "20@0..5 2@7..11");
  // Hostile input: a long run of number words is read in bounded time (at most 32 words per try).
  // 40 000 words "vingt mille vingt mille ...": "vingt mille vingt" (20 020), then 19 998 times
  // "mille vingt" (1 020), then the last "mille": 20 000 numbers.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "vingt mille ";
  auto found = t::find_numbers_in_words(many);
  REQUIRE(found.size() == 20000);
  CHECK(found.front().value == 20020u);
  CHECK(found[1].value == 1020u);
  CHECK(found.back().value == 1000u);
}
