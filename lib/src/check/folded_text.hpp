#pragma once
// Private to the document checks: text compared without case or typographic spaces, and numbers
// written in digits the way French documents write them.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/text/words.hpp"

namespace clausier::check::detail {

// The text for comparisons without case or typographic spaces: ASCII and Latin-1 capitals in lower
// case ("É" -> "é"), no-break and thin spaces (U+00A0, U+2009, U+202F) as plain spaces, typographic
// apostrophes (U+2019) as "'". Every character keeps its byte length (padded with spaces), so an
// offset in the folded text is the same offset in the original.
std::string fold(std::string_view text);
// The first occurrence of `pattern` (folded, plain spaces) in `folded` at or after `from`, where a
// space of the pattern matches one or more spaces of the text and its first and last characters fall
// on word boundaries when they are letters or digits. npos when none; *end receives its end.
std::size_t find_folded(std::string_view folded, std::string_view pattern, std::size_t from = 0,
                        std::size_t* end = nullptr);
inline bool contains_folded(std::string_view folded, std::string_view pattern) {
  return find_folded(folded, pattern) != std::string_view::npos;
}
using text::letter_at;  // the letter at s[i] (ASCII or Latin-1, œ): its byte length, else 0
bool is_digit(char c);
bool is_ascii_alnum(char c);
// Pads a folded character to the byte length of the original; skipped by every matcher.
constexpr char filler = '\x01';
// ASCII blanks and the filler.
bool is_space(char c);
std::size_t skip_spaces(std::string_view s, std::size_t i);
// The character ending just before byte i, or the one at byte i, is a letter or a digit.
bool word_char_before(std::string_view s, std::size_t i);
bool word_char_at(std::string_view s, std::size_t i);
// `pattern` (folded) matches `folded` starting exactly at `at`: the end of the match, or npos.
// A space of the pattern matches one or more spaces; a pattern ending with "*" is a prefix.
std::size_t match_at(std::string_view folded, std::size_t at, std::string_view pattern);
// One of `patterns` matches at `at` (match_at); *end receives the end of the first that does.
bool starts_with_any(std::string_view folded, std::size_t at, std::initializer_list<std::string_view> patterns,
                     std::size_t* end = nullptr);

// A number written in digits: "1 542", "1 541,67", "1542", "4 700", groups of three separated by a
// space, U+00A0, U+202F or a dot; a comma for decimals. Not a number: digits glued to letters or to
// another number by "-" or "/" ("L2112-2", "2015-899", "TO1", "30/11/2026", "2e").
struct DigitsNumber {
  std::size_t begin = 0, end = 0;  // bytes
  double value = 0;
  bool decimals = false;  // a decimal part is written ("1 541,67", "262,5")
  bool unit_h = false;    // glued to "h" ("120h"): end is past the "h"
};
std::vector<DigitsNumber> find_numbers_in_digits(std::string_view text);

}  // namespace clausier::check::detail
