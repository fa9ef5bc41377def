#include "clausier/text/words.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausier/text/french.hpp"

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

// ---- Reading numbers written in words -------------------------------------------------------------

// The words numbers are made of. The first seventeen are their own value (zero..seize).
enum class Word : unsigned char {
  zero, un, deux, trois, quatre, cinq, six, sept, huit, neuf, dix, onze, douze, treize, quatorze, quinze, seize,
  vingt, vingts, trente, quarante, cinquante, soixante, cent, cents, mille, million, millions, milliard, milliards,
  et,
};

struct VocabularyEntry {
  std::string_view text;
  Word word;
};
constexpr std::array<VocabularyEntry, 32> vocabulary = {{
    {"zéro", Word::zero},     {"un", Word::un},           {"une", Word::un},          {"deux", Word::deux},
    {"trois", Word::trois},   {"quatre", Word::quatre},   {"cinq", Word::cinq},       {"six", Word::six},
    {"sept", Word::sept},     {"huit", Word::huit},       {"neuf", Word::neuf},       {"dix", Word::dix},
    {"onze", Word::onze},     {"douze", Word::douze},     {"treize", Word::treize},   {"quatorze", Word::quatorze},
    {"quinze", Word::quinze}, {"seize", Word::seize},     {"vingt", Word::vingt},     {"vingts", Word::vingts},
    {"trente", Word::trente}, {"quarante", Word::quarante}, {"cinquante", Word::cinquante},
    {"soixante", Word::soixante}, {"cent", Word::cent},   {"cents", Word::cents},     {"mille", Word::mille},
    {"million", Word::million}, {"millions", Word::millions}, {"milliard", Word::milliard},
    {"milliards", Word::milliards}, {"et", Word::et},
}};

// Longest number of words max_number_in_words needs is 27 ("neuf cent quatre-vingt-dix-neuf
// milliards ..."); a little margin for "et".
constexpr std::size_t max_number_words = 32;

// A word in lower case: ASCII letters and "É" (the only capital accented letter of the vocabulary).
std::optional<Word> lookup(std::string_view token) {
  if (token.empty() || token.size() > 12) return std::nullopt;
  std::string lower;
  lower.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c >= 'A' && c <= 'Z') {
      lower.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\xC3' && i + 1 < token.size() && token[i + 1] == '\x89') {  // É
      lower += "é";
      ++i;
    } else {
      lower.push_back(c);
    }
  }
  for (const VocabularyEntry& e : vocabulary)
    if (e.text == lower) return e.word;
  return std::nullopt;
}

using Words = std::span<const Word>;

unsigned value_of(Word w) { return static_cast<unsigned>(w); }  // zero..seize only
bool is_unit(Word w) { return w >= Word::un && w <= Word::seize; }

// 1..19: "un" .. "seize", "dix", "dix-sept" .. "dix-neuf".
std::optional<unsigned> read_below_20(Words s) {
  if (s.size() == 1 && (is_unit(s[0]) || s[0] == Word::dix)) return value_of(s[0]);
  if (s.size() == 2 && s[0] == Word::dix && (s[1] == Word::sept || s[1] == Word::huit || s[1] == Word::neuf))
    return 10 + value_of(s[1]);
  return std::nullopt;
}

std::optional<unsigned> tens_value(Word w) {
  switch (w) {
    case Word::vingt: return 20;
    case Word::trente: return 30;
    case Word::quarante: return 40;
    case Word::cinquante: return 50;
    case Word::soixante: return 60;
    default: return std::nullopt;
  }
}

// 1..99.
std::optional<unsigned> read_below_100(Words s) {
  if (s.empty()) return std::nullopt;
  if (s.size() >= 2 && s[0] == Word::quatre && (s[1] == Word::vingt || s[1] == Word::vingts)) {
    Words rest = s.subspan(2);
    if (rest.empty()) return 80;
    auto r = read_below_20(rest);  // never "et": quatre-vingt-un, quatre-vingt-onze
    return r ? std::optional(80 + *r) : std::nullopt;
  }
  if (auto base = tens_value(s[0])) {
    Words rest = s.subspan(1);
    if (rest.empty()) return *base;
    if (rest[0] == Word::et) {
      if (rest.size() != 2) return std::nullopt;
      if (rest[1] == Word::un) return *base + 1;
      if (rest[1] == Word::onze && *base == 60) return 71;
      return std::nullopt;
    }
    auto r = read_below_20(rest);
    if (!r || *r == 1 || *r == 11) return std::nullopt;  // "vingt et un", "soixante et onze"
    if (*base < 60 && *r >= 10) return std::nullopt;      // "trente-douze" is no number
    return *base + *r;
  }
  return read_below_20(s);
}

// 1..999.
std::optional<unsigned> read_below_1000(Words s) {
  std::size_t k = 0;
  while (k < s.size() && s[k] != Word::cent && s[k] != Word::cents) ++k;
  if (k == s.size()) return read_below_100(s);
  unsigned hundreds = 1;
  if (k == 0) {
    if (s[0] == Word::cents) return std::nullopt;  // "cents" needs a multiplier
  } else if (k == 1 && value_of(s[0]) >= 2 && value_of(s[0]) <= 9 && is_unit(s[0])) {
    hundreds = value_of(s[0]);
  } else {
    return std::nullopt;  // "un cent", "dix cents", "vingt cent"
  }
  Words rest = s.subspan(k + 1);
  if (rest.empty()) return hundreds * 100;
  auto r = read_below_100(rest);
  return r ? std::optional(hundreds * 100 + *r) : std::nullopt;
}

std::optional<std::uint64_t> read_number(Words s) {
  if (s.empty()) return std::nullopt;
  if (s.size() == 1 && s[0] == Word::zero) return 0;
  for (Word w : s)
    if (w == Word::zero) return std::nullopt;
  if (s.front() == Word::et || s.back() == Word::et) return std::nullopt;
  std::uint64_t total = 0;
  std::size_t pos = 0;
  auto find = [&](Word a, Word b) {
    for (std::size_t i = pos; i < s.size(); ++i)
      if (s[i] == a || s[i] == b) return i;
    return s.size();
  };
  // Nouns first: "milliard(s)", then "million(s)", each after a multiplier of 1..999.
  constexpr std::array<std::pair<std::pair<Word, Word>, std::uint64_t>, 2> nouns = {{
      {{Word::milliard, Word::milliards}, 1'000'000'000ULL},
      {{Word::million, Word::millions}, 1'000'000ULL},
  }};
  for (const auto& [forms, scale] : nouns) {
    std::size_t k = find(forms.first, forms.second);
    if (k == s.size()) continue;
    auto v = read_below_1000(s.subspan(pos, k - pos));
    if (!v) return std::nullopt;
    total += *v * scale;
    pos = k + 1;
  }
  std::size_t k = find(Word::mille, Word::mille);
  if (k != s.size()) {
    Words multiplier = s.subspan(pos, k - pos);
    std::uint64_t v = 1;
    if (!multiplier.empty()) {
      if (multiplier.size() == 1 && multiplier[0] == Word::un) return std::nullopt;  // "un mille"
      auto m = read_below_1000(multiplier);
      if (!m) return std::nullopt;
      v = *m;
    }
    total += v * 1000;
    pos = k + 1;
  }
  if (pos < s.size()) {
    auto v = read_below_1000(s.subspan(pos));
    if (!v) return std::nullopt;
    total += *v;
  }
  return total;
}

// Length of the space character at s[i] (ASCII white space, U+00A0, U+2009, U+202F), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (s.substr(i, 2) == "\u00A0") return 2;
  if (s.substr(i, 3) == "\u202F" || s.substr(i, 3) == "\u2009") return 3;
  return 0;
}
// Length of the hyphen at s[i] ("-", U+2010, U+2011), or 0.
std::size_t hyphen_at(std::string_view s, std::size_t i) {
  if (s[i] == '-') return 1;
  if (s.substr(i, 3) == "\u2010" || s.substr(i, 3) == "\u2011") return 3;
  return 0;
}

// The gap between two words joins them into one number: white space and at most one hyphen.
bool joins(std::string_view gap) {
  int hyphens = 0;
  for (std::size_t i = 0; i < gap.size();) {
    if (std::size_t n = space_at(gap, i)) {
      i += n;
    } else if (std::size_t h = hyphen_at(gap, i)) {
      i += h;
      ++hyphens;
    } else {
      return false;
    }
  }
  return hyphens <= 1;
}

}  // namespace

std::optional<std::uint64_t> words_to_number(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  bool need_word = false;  // after a hyphen
  int hyphens = 0;         // in the current gap
  while (i < text.size()) {
    if (std::size_t n = space_at(text, i)) {
      i += n;
      continue;
    }
    if (std::size_t h = hyphen_at(text, i)) {
      if (words.empty() || ++hyphens > 1) return std::nullopt;  // leading or doubled hyphen
      need_word = true;
      i += h;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && space_at(text, i) == 0 && hyphen_at(text, i) == 0) ++i;
    auto w = lookup(text.substr(start, i - start));
    if (!w || words.size() >= max_number_words) return std::nullopt;
    words.push_back(*w);
    need_word = false;
    hyphens = 0;
  }
  if (need_word) return std::nullopt;  // trailing hyphen
  return read_number(words);
}

std::vector<NumberInWords> find_numbers_in_words(std::string_view text) {
  std::vector<NumberInWords> out;
  struct Token {
    std::size_t begin, end;
    Word word;
  };
  std::vector<Token> run;  // vocabulary words joined by spaces or a hyphen

  auto flush = [&] {
    std::vector<Word> words;
    for (std::size_t start = 0; start < run.size();) {
      const std::size_t longest = std::min(run.size() - start, max_number_words);
      bool found = false;
      for (std::size_t len = longest; len > 0; --len) {
        words.clear();
        for (std::size_t j = start; j < start + len; ++j) words.push_back(run[j].word);
        if (auto v = read_number(words)) {
          out.push_back({run[start].begin, run[start + len - 1].end, *v});
          start += len;
          found = true;
          break;
        }
      }
      if (!found) ++start;
    }
    run.clear();
  };

  std::size_t i = 0;
  std::size_t previous_end = 0;
  while (i < text.size()) {
    std::size_t n = letter_at(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && (n = letter_at(text, i)) != 0) i += n;
    auto w = lookup(text.substr(start, i - start));
    if (!w) {
      flush();
      continue;
    }
    if (!run.empty() && !joins(text.substr(previous_end, start - previous_end))) flush();
    run.push_back({start, i, *w});
    previous_end = i;
  }
  flush();
  return out;
}

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

namespace {

// "heure" is feminine: a number of hours that ends with "un" says "une" (vingt et une heures).
std::string feminine(std::string words) {
  if (words == "un" || words.ends_with(" un") || words.ends_with("-un")) words += "e";
  return words;
}

bool in_words(double hours) {
  return std::isfinite(hours) && hours >= 0 && std::floor(hours) <= static_cast<double>(max_number_in_words);
}

std::string whole_in_words(double whole, Spelling spelling) {
  return feminine(number_to_words(static_cast<std::uint64_t>(whole), spelling));
}

bool is_half(double fraction) { return std::fabs(fraction - 0.5) < 1e-9; }

}  // namespace

std::string hours_words(double hours, Spelling spelling) {
  if (!in_words(hours)) return format_number(hours);
  const double whole = std::floor(hours);
  const double fraction = hours - whole;
  if (fraction < 1e-9) return whole_in_words(whole, spelling);
  // 833.5: "huit cent trente-trois heures et demie", the only fraction a rounding step usually gives.
  if (is_half(fraction)) return fmt::format("{} heure{} et demie", whole_in_words(whole, spelling), whole >= 2 ? "s" : "");
  return format_number(hours);
}

std::string hours_in_words(double hours, Spelling spelling) {
  if (!in_words(hours)) return format_hours(hours);
  const double whole = std::floor(hours);
  const double fraction = hours - whole;
  if (is_half(fraction)) return fmt::format("{} ({} heures)", hours_words(hours, spelling), format_number(hours));
  if (fraction >= 1e-9) return format_hours(hours);
  return fmt::format("{} ({}) {}", hours_words(hours, spelling), format_number(hours), hours < 2 ? "heure" : "heures");
}

std::size_t letter_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  auto c = static_cast<unsigned char>(s[i]);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return 1;
  if (i + 1 >= s.size()) return 0;
  auto d = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC3 && d >= 0x80 && d <= 0xBF && d != 0x97 && d != 0xB7) return 2;  // À..ÿ but × and ÷
  if (c == 0xC5 && (d == 0x92 || d == 0x93)) return 2;                          // Œ œ
  return 0;
}

}  // namespace clausier::text
