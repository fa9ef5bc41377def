// Refusing personal data where only pseudonyms belong (formats.md section 4; docs/robustness.md says
// what each detector covers and what it cannot).
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/track/participants.hpp"

namespace clausier::track {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// Latin letters with accents (À to ɏ, without × and ÷): in names, never in pseudonyms.
bool is_accented_letter(char32_t cp) { return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7; }
bool is_letter(char32_t cp) {
  return (cp < 0x80 && (is_ascii_upper(static_cast<char>(cp)) || is_ascii_lower(static_cast<char>(cp)))) ||
         is_accented_letter(cp);
}
bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F; }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// ---- E-mail ----------------------------------------------------------------------------------

bool looks_like_email(std::string_view s) {
  if (s.find('@') != std::string_view::npos || s.find("\uFF20") != std::string_view::npos) return true;
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; });
  return lower.find("(at)") != std::string::npos || lower.find("[at]") != std::string::npos ||
         lower.find("{at}") != std::string::npos;
}

// ---- NIR -------------------------------------------------------------------------------------

// The value without the separators people put in a NIR, upper case.
std::string compact_upper(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '.' || c == '-' || c == '_' || c == '/') continue;
    out += is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

bool two_digits_in(std::string_view s, std::size_t at, int low, int high) {
  if (!is_digit(s[at]) || !is_digit(s[at + 1])) return false;
  int v = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return v >= low && v <= high;
}

// A NIR (or a temporary NIA) at `at`: sex 1, 2 (3, 4, 7, 8 for temporary numbers), year, month (01–12,
// or 20–42 and 50–99 for the unknown ones), département (01–99, 2A, 2B), commune, order; 13 characters,
// then maybe the 2-digit key. The key is not checked: a NIR with a wrong key is a typing slip, not a
// pseudonym.
bool nir_at(std::string_view s, std::size_t at) {
  if (at + 13 > s.size() || std::string_view("123478").find(s[at]) == std::string_view::npos) return false;
  if (!is_digit(s[at + 1]) || !is_digit(s[at + 2])) return false;
  if (!two_digits_in(s, at + 3, 1, 12) && !two_digits_in(s, at + 3, 20, 42) && !two_digits_in(s, at + 3, 50, 99))
    return false;
  bool corsica = s[at + 5] == '2' && (s[at + 6] == 'A' || s[at + 6] == 'B');
  if (!corsica && !two_digits_in(s, at + 5, 1, 99)) return false;
  for (std::size_t k = at + 7; k < at + 13; ++k)
    if (!is_digit(s[k])) return false;
  return true;
}

bool looks_like_nir(std::string_view value) {
  std::string s = compact_upper(value);
  for (std::size_t at = 0; at + 13 <= s.size(); ++at) {
    if (at > 0 && is_digit(s[at - 1])) continue;
    if (!nir_at(s, at)) continue;
    std::size_t end = at + 13;
    if (end + 2 <= s.size() && is_digit(s[end]) && is_digit(s[end + 1])) end += 2;
    if (end == s.size() || !is_digit(s[end])) return true;
  }
  return false;
}

// ---- Phone numbers ---------------------------------------------------------------------------

// The digits of each run of digits that people write as one number: groups joined by single spaces
// (also U+00A0, U+202F), dots, dashes or slashes, an optional leading "+", and "(0)" as in
// "+33 (0)6 12 34 56 78". `plus` says whether the run started with "+".
struct DigitRun {
  std::string digits;
  bool plus = false;
};

std::vector<DigitRun> digit_runs(std::string_view s) {
  std::vector<DigitRun> runs;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) && !(s[i] == '+' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      ++i;
      continue;
    }
    DigitRun run;
    run.plus = s[i] == '+';
    if (run.plus) ++i;
    while (i < s.size()) {
      if (is_digit(s[i])) {
        run.digits += s[i++];
        continue;
      }
      // One separator, then more digits: still the same number.
      std::size_t skip = 0;
      if (s.compare(i, 4, " (0)") == 0 || s.compare(i, 3, "(0)") == 0) {
        skip = s[i] == ' ' ? 4 : 3;
        run.digits += '0';
      } else if (s[i] == ' ' || s[i] == '.' || s[i] == '-' || s[i] == '/') {
        skip = 1;
      } else if (s.compare(i, 2, "\u00A0") == 0) {
        skip = 2;
      } else if (s.compare(i, 3, "\u202F") == 0) {
        skip = 3;
      }
      std::size_t next = i + skip;
      if (skip > 0 && next < s.size() && s[next] == ' ' && s[next - 1] == ')') ++next;  // "(0) 6"
      if (skip == 0 || next >= s.size() || !is_digit(s[next])) break;
      i = next;
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

bool looks_like_phone(std::string_view s) {
  for (const DigitRun& run : digit_runs(s)) {
    const std::string& d = run.digits;
    // National form: 0 then nine digits (metropolitan and overseas: 01–09, 0262, 0590, 0692…).
    if (d.size() == 10 && d[0] == '0' && d[1] != '0') return true;
    // International: +CC…, or 00CC… (0033, 00262…); +33 (0)6… keeps its 0 after 33.
    if (run.plus && d.size() >= 8 && d.size() <= 15) return true;
    if (d.size() >= 10 && d.size() <= 17 && d.starts_with("00") && d[2] != '0') return true;
  }
  return false;
}

// ---- Names -----------------------------------------------------------------------------------

// Why the letters of a value that has digits still look like a name, or empty.
std::string name_reason(std::string_view s) {
  std::size_t word_letters = 0, lower_after_capital = 0;
  bool capital_first = false;
  std::size_t previous_word = 0;  // letters of the word before the last spaces, when only spaces followed it
  bool after_space = false, after_letter = false, after_apostrophe = false;
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, len] = code_point_at(s, i);
    i += len;
    if (is_accented_letter(cp)) return "contient une lettre accentuée : ressemble à un nom";
    if (is_letter(cp)) {
      if (after_apostrophe) return "contient une apostrophe entre deux lettres : ressemble à un nom";
      if (word_letters == 0) {
        capital_first = is_ascii_upper(static_cast<char>(cp));
        lower_after_capital = 0;
      } else if (capital_first && is_ascii_lower(static_cast<char>(cp))) {
        if (++lower_after_capital == 3) return "contient un mot à majuscule initiale : ressemble à un nom";
      }
      ++word_letters;
      if (after_space && previous_word >= 2 && word_letters == 2)
        return "contient des mots séparés par une espace : ressemble à un nom";
      after_letter = true;
      continue;
    }
    after_apostrophe = is_apostrophe(cp) && after_letter;
    if (is_space(cp)) {
      if (word_letters > 0) previous_word = word_letters;
      after_space = previous_word > 0;
    } else {
      after_space = false;
      previous_word = 0;
    }
    word_letters = 0;
    after_letter = false;
  }
  return {};
}

}  // namespace

std::string personal_data_reason(std::string_view value) {
  if (looks_like_email(value)) return "ressemble à une adresse e-mail";
  if (looks_like_nir(value)) return "ressemble à un numéro de sécurité sociale";
  if (looks_like_phone(value)) return "ressemble à un numéro de téléphone";
  if (std::none_of(value.begin(), value.end(), is_digit)) return "ne contient aucun chiffre : ressemble à un nom";
  return name_reason(value);
}

Diagnostic personal_data_diagnostic(const std::string& path, Position pos, std::string message, std::string hint,
                                    const std::string& sheet) {
  Diagnostic d{"personal-data", Severity::error, Category::input, path, pos, std::move(message), std::move(hint)};
  d.sheet = sheet;
  d.hide_line = true;
  return d;
}

}  // namespace clausier::track
