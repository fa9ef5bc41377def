#include <doctest/doctest.h>

#include "clausier/text/words.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace t = clausier::text;
using t::Spelling;

namespace {

struct Row {
  std::uint64_t n;
  const char* traditional;
  const char* reformed;
};

// Written by hand, not generated.
const Row table[] = {
    {0, "zéro", "zéro"},
    {1, "un", "un"},
    {2, "deux", "deux"},
    {3, "trois", "trois"},
    {7, "sept", "sept"},
    {10, "dix", "dix"},
    {11, "onze", "onze"},
    {12, "douze", "douze"},
    {16, "seize", "seize"},
    {17, "dix-sept", "dix-sept"},
    {18, "dix-huit", "dix-huit"},
    {19, "dix-neuf", "dix-neuf"},
    {20, "vingt", "vingt"},
    {21, "vingt et un", "vingt-et-un"},
    {22, "vingt-deux", "vingt-deux"},
    {29, "vingt-neuf", "vingt-neuf"},
    {30, "trente", "trente"},
    {31, "trente et un", "trente-et-un"},
    {32, "trente-deux", "trente-deux"},
    {41, "quarante et un", "quarante-et-un"},
    {45, "quarante-cinq", "quarante-cinq"},
    {51, "cinquante et un", "cinquante-et-un"},
    {58, "cinquante-huit", "cinquante-huit"},
    {60, "soixante", "soixante"},
    {61, "soixante et un", "soixante-et-un"},
    {69, "soixante-neuf", "soixante-neuf"},
    {70, "soixante-dix", "soixante-dix"},
    {71, "soixante et onze", "soixante-et-onze"},
    {72, "soixante-douze", "soixante-douze"},
    {76, "soixante-seize", "soixante-seize"},
    {77, "soixante-dix-sept", "soixante-dix-sept"},
    {79, "soixante-dix-neuf", "soixante-dix-neuf"},
    {80, "quatre-vingts", "quatre-vingts"},
    {81, "quatre-vingt-un", "quatre-vingt-un"},
    {82, "quatre-vingt-deux", "quatre-vingt-deux"},
    {89, "quatre-vingt-neuf", "quatre-vingt-neuf"},
    {90, "quatre-vingt-dix", "quatre-vingt-dix"},
    {91, "quatre-vingt-onze", "quatre-vingt-onze"},
    {92, "quatre-vingt-douze", "quatre-vingt-douze"},
    {96, "quatre-vingt-seize", "quatre-vingt-seize"},
    {97, "quatre-vingt-dix-sept", "quatre-vingt-dix-sept"},
    {99, "quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf"},
    {100, "cent", "cent"},
    {101, "cent un", "cent-un"},
    {110, "cent dix", "cent-dix"},
    {111, "cent onze", "cent-onze"},
    {117, "cent dix-sept", "cent-dix-sept"},
    {121, "cent vingt et un", "cent-vingt-et-un"},
    {171, "cent soixante et onze", "cent-soixante-et-onze"},
    {180, "cent quatre-vingts", "cent-quatre-vingts"},
    {181, "cent quatre-vingt-un", "cent-quatre-vingt-un"},
    {199, "cent quatre-vingt-dix-neuf", "cent-quatre-vingt-dix-neuf"},
    {200, "deux cents", "deux-cents"},
    {201, "deux cent un", "deux-cent-un"},
    {220, "deux cent vingt", "deux-cent-vingt"},
    {280, "deux cent quatre-vingts", "deux-cent-quatre-vingts"},
    {300, "trois cents", "trois-cents"},
    {301, "trois cent un", "trois-cent-un"},
    {333, "trois cent trente-trois", "trois-cent-trente-trois"},
    {480, "quatre cent quatre-vingts", "quatre-cent-quatre-vingts"},
    {500, "cinq cents", "cinq-cents"},
    {571, "cinq cent soixante et onze", "cinq-cent-soixante-et-onze"},
    {600, "six cents", "six-cents"},
    {700, "sept cents", "sept-cents"},
    {800, "huit cents", "huit-cents"},
    {833, "huit cent trente-trois", "huit-cent-trente-trois"},
    {900, "neuf cents", "neuf-cents"},
    {999, "neuf cent quatre-vingt-dix-neuf", "neuf-cent-quatre-vingt-dix-neuf"},
    {1000, "mille", "mille"},
    {1001, "mille un", "mille-un"},
    {1010, "mille dix", "mille-dix"},
    {1021, "mille vingt et un", "mille-vingt-et-un"},
    {1080, "mille quatre-vingts", "mille-quatre-vingts"},
    {1100, "mille cent", "mille-cent"},
    {1200, "mille deux cents", "mille-deux-cents"},
    {1250, "mille deux cent cinquante", "mille-deux-cent-cinquante"},
    {1607, "mille six cent sept", "mille-six-cent-sept"},
    {1980, "mille neuf cent quatre-vingts", "mille-neuf-cent-quatre-vingts"},
    {2000, "deux mille", "deux-mille"},
    {2001, "deux mille un", "deux-mille-un"},
    {2026, "deux mille vingt-six", "deux-mille-vingt-six"},
    {10000, "dix mille", "dix-mille"},
    {17000, "dix-sept mille", "dix-sept-mille"},
    {21000, "vingt et un mille", "vingt-et-un-mille"},
    {71000, "soixante et onze mille", "soixante-et-onze-mille"},
    {80000, "quatre-vingt mille", "quatre-vingt-mille"},
    {80080, "quatre-vingt mille quatre-vingts", "quatre-vingt-mille-quatre-vingts"},
    {81000, "quatre-vingt-un mille", "quatre-vingt-un-mille"},
    {100000, "cent mille", "cent-mille"},
    {101000, "cent un mille", "cent-un-mille"},
    {180000, "cent quatre-vingt mille", "cent-quatre-vingt-mille"},
    {200000, "deux cent mille", "deux-cent-mille"},
    {200001, "deux cent mille un", "deux-cent-mille-un"},
    {200200, "deux cent mille deux cents", "deux-cent-mille-deux-cents"},
    {280000, "deux cent quatre-vingt mille", "deux-cent-quatre-vingt-mille"},
    {999999, "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf",
     "neuf-cent-quatre-vingt-dix-neuf-mille-neuf-cent-quatre-vingt-dix-neuf"},
    {1000000, "un million", "un million"},
    {1000001, "un million un", "un million un"},
    {1001000, "un million mille", "un million mille"},
    {1080000, "un million quatre-vingt mille", "un million quatre-vingt-mille"},
    {1250000, "un million deux cent cinquante mille", "un million deux-cent-cinquante-mille"},
    {2000000, "deux millions", "deux millions"},
    {2300000, "deux millions trois cent mille", "deux millions trois-cent-mille"},
    {21000000, "vingt et un millions", "vingt-et-un millions"},
    {80000000, "quatre-vingts millions", "quatre-vingts millions"},
    {80080000, "quatre-vingts millions quatre-vingt mille",
     "quatre-vingts millions quatre-vingt-mille"},
    {81000000, "quatre-vingt-un millions", "quatre-vingt-un millions"},
    {100000000, "cent millions", "cent millions"},
    {200000000, "deux cents millions", "deux-cents millions"},
    {200000200, "deux cents millions deux cents", "deux-cents millions deux-cents"},
    {201000000, "deux cent un millions", "deux-cent-un millions"},
    {999999999,
     "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent "
     "quatre-vingt-dix-neuf",
     "neuf-cent-quatre-vingt-dix-neuf millions "
     "neuf-cent-quatre-vingt-dix-neuf-mille-neuf-cent-quatre-vingt-dix-neuf"},
    {1000000000, "un milliard", "un milliard"},
    {1000000001, "un milliard un", "un milliard un"},
    {1001001001, "un milliard un million mille un", "un milliard un million mille-un"},
    {2000000000, "deux milliards", "deux milliards"},
    {80000000000, "quatre-vingts milliards", "quatre-vingts milliards"},
    {200000000000, "deux cents milliards", "deux-cents milliards"},
    {300000080000, "trois cents milliards quatre-vingt mille",
     "trois-cents milliards quatre-vingt-mille"},
    {999999999999,
     "neuf cent quatre-vingt-dix-neuf milliards neuf cent quatre-vingt-dix-neuf millions neuf "
     "cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf",
     "neuf-cent-quatre-vingt-dix-neuf milliards neuf-cent-quatre-vingt-dix-neuf millions "
     "neuf-cent-quatre-vingt-dix-neuf-mille-neuf-cent-quatre-vingt-dix-neuf"},
};

// ---------------------------------------------------------------------------------------
// Independent checks: a tokenizer, a vocabulary and a words-to-number parser that share
// nothing with the implementation.

enum class Kind { zero, unit, ten, vingt, cent, mille, million, milliard, et };

struct Word {
  std::string_view text;
  Kind kind;
  unsigned value;  // for zero, unit, ten, vingt (20)
  bool plural;     // vingts, cents, millions, milliards
};

constexpr std::array<Word, 31> vocabulary = {{
    {"zéro", Kind::zero, 0, false},      {"un", Kind::unit, 1, false},
    {"deux", Kind::unit, 2, false},      {"trois", Kind::unit, 3, false},
    {"quatre", Kind::unit, 4, false},    {"cinq", Kind::unit, 5, false},
    {"six", Kind::unit, 6, false},       {"sept", Kind::unit, 7, false},
    {"huit", Kind::unit, 8, false},      {"neuf", Kind::unit, 9, false},
    {"dix", Kind::unit, 10, false},      {"onze", Kind::unit, 11, false},
    {"douze", Kind::unit, 12, false},    {"treize", Kind::unit, 13, false},
    {"quatorze", Kind::unit, 14, false}, {"quinze", Kind::unit, 15, false},
    {"seize", Kind::unit, 16, false},    {"vingt", Kind::vingt, 20, false},
    {"vingts", Kind::vingt, 20, true},   {"trente", Kind::ten, 30, false},
    {"quarante", Kind::ten, 40, false},  {"cinquante", Kind::ten, 50, false},
    {"soixante", Kind::ten, 60, false},  {"cent", Kind::cent, 100, false},
    {"cents", Kind::cent, 100, true},    {"mille", Kind::mille, 1000, false},
    {"million", Kind::million, 0, false}, {"millions", Kind::million, 0, true},
    {"milliard", Kind::milliard, 0, false}, {"milliards", Kind::milliard, 0, true},
    {"et", Kind::et, 0, false},
}};

// Raw pointers rather than string_view calls: this runs tens of millions of times and must
// stay fast in unoptimised and sanitizer builds too.
const Word* lookup(const char* text, std::size_t size) {
  for (const Word& w : vocabulary) {
    const char* candidate = w.text.data();
    if (candidate[0] == text[0] && w.text.size() == size &&
        std::memcmp(candidate, text, size) == 0) {
      return &w;
    }
  }
  return nullptr;
}

struct Token {
  std::string_view text;
  char sep;  // separator before the word: '\0' for the first, ' ' or '-'
  const Word* word;
};

struct Tokens {
  std::array<Token, 40> items;  // only [0, size) is ever read
  std::size_t size = 0;
};

bool is_noun(const Token& tok) {
  return tok.word->kind == Kind::million || tok.word->kind == Kind::milliard;
}
bool is_ten_word(const Token& tok) {  // vingt (alone, not in quatre-vingt) .. soixante
  return tok.word->kind == Kind::ten || (tok.word->kind == Kind::vingt && !tok.word->plural);
}
bool is_multiplied_vingt(const Tokens& toks, std::size_t i) {
  return toks.items[i].word->kind == Kind::vingt && i > 0 && toks.items[i].sep == '-' &&
         toks.items[i - 1].text == "quatre";
}

// Splits on ' ' and '-'; fails on an empty word, an unexpected byte or an unknown word.
const char* tokenize(std::string_view s, Tokens& out) {
  out.size = 0;
  if (s.empty()) return "empty string";
  const char* const data = s.data();
  const std::size_t size = s.size();
  std::size_t start = 0;
  char sep = '\0';
  for (std::size_t i = 0; i <= size; ++i) {
    const bool end = i == size;
    const char c = end ? '\0' : data[i];
    if (end || c == ' ' || c == '-') {
      if (i == start) return "empty word (leading, trailing or doubled separator)";
      if (out.size == out.items.size()) return "too many words";
      const Word* w = lookup(data + start, i - start);
      if (w == nullptr) return "word outside the vocabulary";
      out.items[out.size++] = Token{std::string_view(data + start, i - start), sep, w};
      sep = c;
      start = i + 1;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      const bool ok = (c >= 'a' && c <= 'z') || byte == 0xC3 || byte == 0xA9;  // é
      if (!ok) return "unexpected character";
    }
  }
  return nullptr;
}

// Words [begin, end) to a number. Additive reading: units and tens add up, "quatre-vingt"
// turns the 4 just read into 80, "cent" multiplies what precedes it in its group (<10),
// "mille"/"million"/"milliard" close a group, in strictly decreasing order.
const char* parse(const Tokens& toks, std::size_t begin, std::size_t end, std::uint64_t& value) {
  std::uint64_t total = 0;
  std::uint64_t current = 0;
  int last_rank = 4;
  const auto close = [&](int rank, std::uint64_t scale, bool default_one) -> const char* {
    if (rank >= last_rank) return "big words out of order or repeated";
    if (current == 0 && !default_one) return "million/milliard without a multiplier";
    if (current >= 1000) return "group above 999";
    total += (current == 0 ? 1 : current) * scale;
    current = 0;
    last_rank = rank;
    return nullptr;
  };
  for (std::size_t i = begin; i < end; ++i) {
    const Token& tok = toks.items[i];
    const char* error = nullptr;
    switch (tok.word->kind) {
      case Kind::zero:
        if (end - begin != 1) return "zéro inside a longer number";
        break;
      case Kind::unit:
      case Kind::ten:
        current += tok.word->value;
        break;
      case Kind::vingt:
        if (is_multiplied_vingt(toks, i)) {
          current = current - 4 + 80;
        } else if (tok.word->plural) {
          return "vingts without quatre";
        } else {
          current += 20;
        }
        break;
      case Kind::cent:
        if (current >= 10) return "cent multiplied by more than 9";
        current = (current == 0 ? 1 : current) * 100;
        break;
      case Kind::mille: error = close(1, 1000, true); break;
      case Kind::million: error = close(2, 1000000, false); break;
      case Kind::milliard: error = close(3, 1000000000, false); break;
      case Kind::et:
        if (i == begin || i + 1 == end) return "et at an edge";
        break;
    }
    if (error != nullptr) return error;
  }
  value = total + current;
  return nullptr;
}

// Rules for the traditional spelling. Returns nullptr when every rule holds.
const char* check_traditional(std::uint64_t n, std::string_view s, Tokens& toks) {
  if (const char* e = tokenize(s, toks)) return e;
  const std::size_t count = toks.size;
  if ((n == 0) != (s == "zéro")) return "zéro iff 0";

  for (std::size_t i = 0; i < count; ++i) {
    const Token& tok = toks.items[i];
    const Kind kind = tok.word->kind;
    const bool last = i + 1 == count;
    const Token* prev = i > 0 ? &toks.items[i - 1] : nullptr;
    const Token* next = last ? nullptr : &toks.items[i + 1];

    // Hyphens exactly between two numerals below one hundred; spaces around cent, mille,
    // million, milliard and et.
    if (prev != nullptr) {
      const auto spaced = [](const Token& x) {
        const Kind k = x.word->kind;
        return k == Kind::cent || k == Kind::mille || k == Kind::million ||
               k == Kind::milliard || k == Kind::et;
      };
      const bool want_space = spaced(*prev) || spaced(tok);
      if (want_space != (tok.sep == ' ')) return "hyphen/space misplaced";
    }

    // "et" only in vingt|trente|quarante|cinquante|soixante et un, soixante et onze.
    if (kind == Kind::et) {
      if (prev == nullptr || next == nullptr) return "et at an edge";
      if (!is_ten_word(*prev) || is_multiplied_vingt(toks, i - 1)) return "et after a non-ten";
      if (next->text != "un" && !(next->text == "onze" && prev->text == "soixante")) {
        return "et before something other than un/onze";
      }
      if (i + 2 < count && toks.items[i + 2].sep == '-') return "et un followed by a hyphen";
    }
    // ... and never "trente-un", "soixante-onze" or "quatre-vingt et un".
    if ((tok.text == "un" || tok.text == "onze") && prev != nullptr && tok.sep == '-' &&
        is_ten_word(*prev) && !is_multiplied_vingt(toks, i - 1)) {
      if (tok.text == "un" || prev->text == "soixante") return "missing et";
    }

    // s on vingt/cent: only when multiplied and last or before million(s)/milliard(s).
    if (kind == Kind::vingt || kind == Kind::cent) {
      const bool multiplied =
          kind == Kind::vingt
              ? is_multiplied_vingt(toks, i)
              : prev != nullptr && tok.sep == ' ' && prev->word->kind == Kind::unit &&
                    prev->word->value >= 2 && prev->word->value <= 9 &&
                    (i < 2 || toks.items[i - 1].sep != '-');
      const bool ending = last || is_noun(*next);
      if (tok.word->plural != (multiplied && ending)) return "wrong s on vingt/cent";
    }

    // mille is never multiplied by a lone "un" ("un mille", "un million un mille"), but
    // "vingt et un mille", "quatre-vingt-un mille", "cent un mille" are right.
    if (kind == Kind::mille && prev != nullptr && prev->text == "un") {
      const bool lone = i < 2 || is_noun(toks.items[i - 2]);
      if (lone) return "un mille";
    }

    // million/milliard plural iff the multiplier is above 1.
    if (kind == Kind::million || kind == Kind::milliard) {
      std::size_t start = i;
      while (start > 0 && !is_noun(toks.items[start - 1])) --start;
      std::uint64_t multiplier = 0;
      if (start == i) return "noun without multiplier";
      if (const char* e = parse(toks, start, i, multiplier)) return e;
      if (multiplier < 1 || multiplier > 999) return "noun multiplier out of 1..999";
      if (tok.word->plural != (multiplier > 1)) return "wrong s on million/milliard";
    }
  }

  std::uint64_t back = 0;
  if (const char* e = parse(toks, 0, count, back)) return e;
  if (back != n) return "parses back to another number";
  return nullptr;
}

// Rules for the 1990 spelling, given the traditional string already checked.
const char* check_reformed(std::uint64_t n, std::string_view s, std::string_view traditional,
                           Tokens& toks) {
  if (const char* e = tokenize(s, toks)) return e;
  for (std::size_t i = 1; i < toks.size; ++i) {
    const bool noun_edge = is_noun(toks.items[i - 1]) || is_noun(toks.items[i]);
    if (noun_edge != (toks.items[i].sep == ' ')) return "space exactly around million/milliard";
  }
  std::uint64_t back = 0;
  if (const char* e = parse(toks, 0, toks.size, back)) return e;
  if (back != n) return "parses back to another number";

  // The traditional form with every space turned into a hyphen, except next to a noun.
  if (traditional.size() != s.size()) return "differs from the hyphenated traditional form";
  std::size_t word_start = 0;
  std::string_view prev_word;
  for (std::size_t i = 0; i <= traditional.size(); ++i) {
    if (i < traditional.size() && traditional[i] != ' ' && traditional[i] != '-') continue;
    const std::string_view word = traditional.substr(word_start, i - word_start);
    if (word_start > 0) {
      const char sep = traditional[word_start - 1];
      const auto noun = [](std::string_view w) { return w.starts_with("milli"); };  // million(s), milliard(s)
      const char expected = sep == ' ' && (noun(word) || noun(prev_word)) ? ' ' : '-';
      if (s[word_start - 1] != expected) return "differs from the hyphenated traditional form";
    }
    if (s.substr(word_start, word.size()) != word) {
      return "differs from the hyphenated traditional form";
    }
    prev_word = word;
    word_start = i + 1;
  }
  return nullptr;
}

struct Failures {
  std::size_t count = 0;
  std::vector<std::string> first;

  void check(std::uint64_t n) {
    const std::string trad = t::number_to_words(n, Spelling::traditional);
    const std::string reformed = t::number_to_words(n, Spelling::reformed_1990);
    Tokens toks;
    const char* error = check_traditional(n, trad, toks);
    if (error == nullptr) error = check_reformed(n, reformed, trad, toks);
    if (error != nullptr) {
      ++count;
      if (first.size() < 20) {
        first.push_back(std::to_string(n) + ": " + error + " [" + trad + "] [" + reformed + "]");
      }
    }
  }

  std::string report() const {
    std::string out;
    for (const std::string& line : first) out += line + "\n";
    return out;
  }
};

}  // namespace

TEST_SUITE("text/words") {

TEST_CASE("number_to_words: hand-written table, traditional spelling") {
  for (const Row& row : table) {
    CAPTURE(row.n);
    CHECK(t::number_to_words(row.n, Spelling::traditional) == row.traditional);
  }
}

TEST_CASE("number_to_words: hand-written table, 1990 spelling") {
  for (const Row& row : table) {
    CAPTURE(row.n);
    CHECK(t::number_to_words(row.n, Spelling::reformed_1990) == row.reformed);
  }
}

TEST_CASE("number_to_words: defaults and limits") {
  CHECK(std::size(table) >= 80);
  CHECK(t::number_to_words(833) == "huit cent trente-trois");
  CHECK(t::number_to_words(71) == "soixante et onze");
  CHECK(t::max_number_in_words == 999'999'999'999ULL);
  CHECK_NOTHROW(t::number_to_words(999'999'999'999ULL));
  CHECK_THROWS_AS(t::number_to_words(1'000'000'000'000ULL), std::out_of_range);
  CHECK_THROWS_AS(t::number_to_words(UINT64_MAX, Spelling::reformed_1990), std::out_of_range);
}

TEST_CASE("the independent checker rejects wrong spellings") {
  // Guards the checker itself: each of these breaks one rule.
  const struct {
    std::uint64_t n;
    const char* words;
  } wrong[] = {
      {21, "vingt-et-un"},          {21, "vingt-un"},
      {31, "trente un"},            {71, "soixante-onze"},
      {81, "quatre-vingt et un"},   {80, "quatre-vingt"},
      {82, "quatre-vingts-deux"},   {200, "deux cent"},
      {201, "deux cents un"},       {100, "cents"},
      {80000, "quatre-vingts mille"}, {200000, "deux cents mille"},
      {80000000, "quatre-vingt millions"}, {200000000, "deux cent millions"},
      {1000, "un mille"},           {2000, "deux milles"},
      {1000000, "un millions"},     {2000000, "deux million"},
      {1000000, "million"},         {17, "dix sept"},
      {833, "huit-cent trente-trois"}, {833, "huit cent trente trois"},
      {1001, "un mille un"},        {1000001, "mille un million"},
      {1001000, "un million un mille"},
      {0, ""},                      {5, "cinq "},
      {6, "Six"},                   {832, "huit cent trente-trois"},
  };
  for (const auto& w : wrong) {
    CAPTURE(w.words);
    Tokens toks;
    CHECK(check_traditional(w.n, w.words, toks) != nullptr);
  }
  Tokens toks;
  CHECK(check_reformed(2300000, "deux-millions-trois-cent-mille", "deux millions trois cent mille",
                       toks) != nullptr);
  CHECK(check_reformed(2300000, "deux millions trois cent mille", "deux millions trois cent mille",
                       toks) != nullptr);
  for (const Row& row : table) {
    CAPTURE(row.n);
    CHECK(check_traditional(row.n, row.traditional, toks) == nullptr);
    CHECK(check_reformed(row.n, row.reformed, row.traditional, toks) == nullptr);
  }
}

TEST_CASE("number_to_words: rules hold for every number below one million") {
  Failures failures;
  for (std::uint64_t n = 0; n < 1'000'000; ++n) failures.check(n);
  INFO(failures.report());
  CHECK(failures.count == 0);
}

TEST_CASE("number_to_words: rules hold on a deterministic sample up to 999 999 999 999") {
  Failures failures;
  std::size_t checked = 0;
  // Every 9 973rd number below one milliard, from two starting points.
  for (std::uint64_t n = 0; n < 1'000'000'000; n += 9973, ++checked) failures.check(n);
  for (std::uint64_t n = 4999; n < 1'000'000'000; n += 9973, ++checked) failures.check(n);
  // Every 9 999 991st number up to the limit.
  for (std::uint64_t n = 7; n <= t::max_number_in_words; n += 9'999'991, ++checked) {
    failures.check(n);
  }
  // Round numbers k x 10^j and their neighbours.
  for (std::uint64_t k = 1; k <= 999; ++k) {
    for (std::uint64_t scale = 1; k * scale <= t::max_number_in_words; scale *= 10) {
      for (std::uint64_t n : {k * scale - 1, k * scale, k * scale + 1}) {
        if (n <= t::max_number_in_words) {
          failures.check(n);
          ++checked;
        }
      }
    }
  }
  // Every combination of interesting groups in each of the four positions.
  const std::uint64_t groups[] = {0, 1, 2, 21, 71, 80, 81, 100, 101, 180, 200, 280, 999};
  for (std::uint64_t g : groups) {
    for (std::uint64_t m : groups) {
      for (std::uint64_t k : groups) {
        for (std::uint64_t u : groups) {
          failures.check(g * 1'000'000'000 + m * 1'000'000 + k * 1000 + u);
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 300'000);
  INFO(failures.report());
  CHECK(failures.count == 0);
}

}  // TEST_SUITE

TEST_CASE("hours in words and digits: the one wording of draft and check, feminine as « heure » asks") {
  CHECK(t::hours_in_words(833, Spelling::traditional) == "huit cent trente-trois (833) heures");
  CHECK(t::hours_in_words(21, Spelling::traditional) == "vingt et une (21) heures");
  CHECK(t::hours_in_words(81, Spelling::traditional) == "quatre-vingt-une (81) heures");
  CHECK(t::hours_in_words(1, Spelling::traditional) == "une (1) heure");
  CHECK(t::hours_in_words(1542, Spelling::traditional) == "mille cinq cent quarante-deux (1\u202F542) heures");
  CHECK(t::hours_in_words(280, Spelling::traditional) == "deux cent quatre-vingts (280) heures");
  CHECK(t::hours_in_words(833, Spelling::reformed_1990) == "huit-cent-trente-trois (833) heures");
  CHECK(t::hours_in_words(833.5, Spelling::traditional) == "huit cent trente-trois heures et demie (833,5 heures)");
  CHECK(t::hours_words(833.5, Spelling::traditional) == "huit cent trente-trois heures et demie");
  CHECK(t::hours_in_words(21, Spelling::reformed_1990) == "vingt-et-une (21) heures");
  CHECK(t::hours_in_words(1.5) == "une heure et demie (1,5 heures)");
  CHECK(t::hours_in_words(0) == "zéro (0) heure");
  // Another fraction is no contract wording: digits only, as format_hours writes them (not "262,25 (262,25) heures").
  CHECK(t::hours_in_words(262.25) == "262,25\u202Fheures");
  CHECK(t::hours_words(262.25) == "262,25");
  // Beyond what number_to_words writes: digits, never an exception.
  CHECK(t::hours_in_words(2e12) == "2\u202F000\u202F000\u202F000\u202F000\u202Fheures");
  CHECK(t::hours_words(2e12) == "2\u202F000\u202F000\u202F000\u202F000");
}
