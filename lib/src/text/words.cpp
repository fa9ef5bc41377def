#include "clausier/text/words.hpp"

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace clausier::text {
namespace {

// How a word is joined to the one before it.
enum class Join {
  hyphen,   // always "-" (inside the numerals below one hundred: "dix-sept", "quatre-vingt")
  numeral,  // between numerals: " " in traditional spelling, "-" in the 1990 spelling
  noun,     // around "million(s)"/"milliard(s)": always " "
};

constexpr std::array<std::string_view, 17> small = {
    "zéro", "un",   "deux", "trois",  "quatre",   "cinq",   "six",   "sept", "huit",
    "neuf", "dix",  "onze", "douze",  "treize",   "quatorze", "quinze", "seize"};

// Index t is the word for t x 10, for 2 <= t <= 6.
constexpr std::array<std::string_view, 7> tens = {
    "", "", "vingt", "trente", "quarante", "cinquante", "soixante"};

class Builder {
 public:
  explicit Builder(Spelling spelling) : spelling_(spelling) { out_.reserve(96); }

  void put(Join join, std::string_view word) {
    if (!out_.empty()) {
      const bool space =
          join == Join::noun || (join == Join::numeral && spelling_ == Spelling::traditional);
      out_.push_back(space ? ' ' : '-');
    }
    out_.append(word);
  }

  std::string take() { return std::move(out_); }

 private:
  Spelling spelling_;
  std::string out_;
};

// 1..19, the first word joined by `join`.
void below_20(Builder& b, Join join, unsigned k) {
  if (k <= 16) {
    b.put(join, small[k]);
  } else {
    b.put(join, "dix");
    b.put(Join::hyphen, small[k - 10]);
  }
}

// 1..99. `final` is true when nothing but a noun (million, milliard) or the end follows,
// which is when "quatre-vingt" takes its s.
void below_100(Builder& b, Join join, unsigned k, bool final) {
  if (k < 20) {
    below_20(b, join, k);
    return;
  }
  if (k >= 80) {
    const unsigned rest = k - 80;
    b.put(join, "quatre");
    b.put(Join::hyphen, rest == 0 && final ? "vingts" : "vingt");
    if (rest != 0) below_20(b, Join::hyphen, rest);  // never "et": quatre-vingt-un, -onze
    return;
  }
  const unsigned t = k >= 70 ? 6 : k / 10;  // 70..79 are "soixante-dix" ... "soixante-dix-neuf"
  const unsigned rest = k - t * 10;
  b.put(join, tens[t]);
  if (rest == 1 || rest == 11) {  // vingt et un ... soixante et un, soixante et onze
    b.put(Join::numeral, "et");
    b.put(Join::numeral, small[rest]);
  } else if (rest != 0) {
    below_20(b, Join::hyphen, rest);
  }
}

// 1..999; see below_100 for `final`.
void below_1000(Builder& b, Join join, unsigned k, bool final) {
  const unsigned hundreds = k / 100;
  const unsigned rest = k % 100;
  if (hundreds == 0) {
    below_100(b, join, rest, final);
    return;
  }
  if (hundreds == 1) {
    b.put(join, "cent");
  } else {
    b.put(join, small[hundreds]);
    b.put(Join::numeral, rest == 0 && final ? "cents" : "cent");
  }
  if (rest != 0) below_100(b, Join::numeral, rest, final);
}

}  // namespace

std::string number_to_words(std::uint64_t n, Spelling spelling) {
  if (n > max_number_in_words) {
    throw std::out_of_range(
        fmt::format("number_to_words: {} is above the largest supported number {}", n,
                    max_number_in_words));
  }
  if (n == 0) return std::string(small[0]);

  const auto milliards = static_cast<unsigned>(n / 1'000'000'000ULL);
  const auto millions = static_cast<unsigned>(n / 1'000'000ULL % 1000);
  const auto thousands = static_cast<unsigned>(n / 1000 % 1000);
  const auto units = static_cast<unsigned>(n % 1000);

  Builder b(spelling);
  Join next = Join::numeral;  // how the next group joins what is already written
  if (milliards != 0) {
    below_1000(b, next, milliards, true);
    b.put(Join::noun, milliards > 1 ? "milliards" : "milliard");
    next = Join::noun;
  }
  if (millions != 0) {
    below_1000(b, next, millions, true);
    b.put(Join::noun, millions > 1 ? "millions" : "million");
    next = Join::noun;
  }
  if (thousands != 0) {
    if (thousands > 1) {
      below_1000(b, next, thousands, false);  // "mille" is an adjective: no s before it
      b.put(Join::numeral, "mille");
    } else {
      b.put(next, "mille");
    }
    next = Join::numeral;
  }
  if (units != 0) below_1000(b, next, units, true);
  return b.take();
}

}  // namespace clausier::text
