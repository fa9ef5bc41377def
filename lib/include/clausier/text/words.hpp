#pragma once
// Whole numbers written in French words, for contract wording such as
// "huit cent trente-trois (833) heures".
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// A number of hours as contracts write it, the one wording of draft and check: in words, then in
// digits, the words in the feminine as "heure" asks ("un" ending a number becomes "une"):
// "huit cent trente-trois (833) heures", "vingt et une (21) heures", "une (1) heure",
// "mille cinq cent quarante-deux (1 542) heures"; a half hour "deux cent soixante-deux heures et
// demie (262,5 heures)"; any other fraction, and a number beyond max_number_in_words, in digits only
// ("262,25 heures", format_hours).
std::string hours_in_words(double hours, Spelling spelling = Spelling::traditional);
// The words alone: "huit cent trente-trois", "vingt et une", "huit cent trente-trois heures et demie";
// digits for any other fraction ("262,25").
std::string hours_words(double hours, Spelling spelling = Spelling::traditional);

// The inverse of number_to_words, for reading contract wording back: what either spelling writes,
// read exactly, with the variations people type and that change nothing to the number:
// - capitals ("Mille Cinq Cent"), hyphens or spaces between any two words, spaces around a hyphen
//   ("quatre - vingt"), no-break spaces (U+00A0, U+202F) as spaces;
// - the plural s of "vingt", "cent", "million", "milliard" present or not ("deux cent", "quatre-vingt",
//   "deux million" are read as 200, 80, 2 000 000), but "cents" and "vingts" only where a multiplier
//   makes a plural possible ("cents" alone is not 100);
// - "une" for "un" (feminine agreement: "vingt et une heures").
// Not a number (nullopt): an empty text, an unknown word, words in an order French never uses
// ("cent deux cent", "vingt un" without "et", "un cent", "un mille", "milles"), "zéro" with other
// words, a leading or trailing hyphen, or a value above max_number_in_words.
std::optional<std::uint64_t> words_to_number(std::string_view words);

// A number written in words inside a sentence: bytes [begin, end) of the text and its value.
struct NumberInWords {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint64_t value = 0;
};
// Every number written in words in `text`, left to right, each the longest run of words that
// words_to_number reads ("mille cinq cent quarante-deux (1 542) heures" gives one number, 1542,
// over "mille cinq cent quarante-deux"). Words are joined by spaces or one hyphen; any other
// character ends a number. A word is taken whole: "dixième" and "l'un" hold no number but "un" in
// "l'un" does (an article reads like a number: the caller decides from what follows). Linear in the
// size of the text (a number has at most 32 words).
std::vector<NumberInWords> find_numbers_in_words(std::string_view text);

// Length in bytes of the letter at s[i] (ASCII, the Latin-1 letters À..ÿ but × and ÷, Œ œ), or 0
// (not a letter, or i past the end): how French words are cut out of UTF-8 text.
std::size_t letter_at(std::string_view s, std::size_t i);

}  // namespace clausier::text
