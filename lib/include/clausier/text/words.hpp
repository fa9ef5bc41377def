#pragma once
// Whole numbers written in French words, for contract wording such as
// "huit cent trente-trois (833) heures".
#include <cstdint>
#include <string>

namespace clausier::text {

enum class Spelling {
  // What legal documents use. Hyphens only inside the numerals below one hundred, except
  // where "et" joins them: "dix-sept", "vingt et un", "soixante et onze", "quatre-vingt-un",
  // "huit cent trente-trois", "mille deux cent cinquante".
  traditional,
  // 1990 reform (rectifications orthographiques): every numeral of the compound is joined by
  // hyphens, "et" included ("vingt-et-un", "deux-cent-un", "mille-deux-cent-cinquante");
  // "million" and "milliard" are nouns and keep spaces around them:
  // "un million deux-cent-cinquante-mille", "deux millions trois-cent-mille".
  reformed_1990,
};

// Largest number number_to_words accepts: 999 999 999 999.
inline constexpr std::uint64_t max_number_in_words = 999'999'999'999ULL;

// n in words, lower case, UTF-8 ("zéro" for 0). Rules common to both spellings:
// - "vingt" (in "quatre-vingt") and "cent" take an s when multiplied and ending the number
//   or followed by "million(s)"/"milliard(s)" (nouns): "quatre-vingts", "deux cents",
//   "deux cents millions"; not before "mille" (an adjective) nor when followed by another
//   numeral: "quatre-vingt mille", "deux cent mille", "quatre-vingt-deux", "deux cent un";
//   "cent" alone is never plural ("cent", "cent un").
// - "mille" is invariable and never preceded by "un": "mille", "mille un", "deux mille"
//   (but "vingt et un mille", where "un" belongs to "vingt et un").
// - "un million", "deux millions", "un milliard", "deux milliards".
// Throws std::out_of_range when n > max_number_in_words.
std::string number_to_words(std::uint64_t n, Spelling spelling = Spelling::traditional);

}  // namespace clausier::text
