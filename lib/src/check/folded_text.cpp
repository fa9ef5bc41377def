// Folded text and numbers in digits (folded_text.hpp).
#include "folded_text.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace clausier::check::detail {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_space(char c) { return c == ' ' || c == filler || c == '\t' || c == '\n' || c == '\r'; }

// The character ending just before byte i is a letter or a digit.
bool word_char_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  if (is_ascii_alnum(s[i - 1])) return true;
  return i >= 2 && letter_at(s, i - 2) == 2;
}
bool word_char_at(std::string_view s, std::size_t i) {
  return i < s.size() && (is_digit(s[i]) || letter_at(s, i) != 0);
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

std::size_t match_at(std::string_view folded, std::size_t at, std::string_view pattern) {
  bool prefix = !pattern.empty() && pattern.back() == '*';
  if (prefix) pattern.remove_suffix(1);
  if (pattern.empty()) return std::string_view::npos;
  std::size_t i = at, j = 0;
  while (j < pattern.size()) {
    if (pattern[j] == ' ') {
      std::size_t k = skip_spaces(folded, i);
      if (k == i) return std::string_view::npos;
      i = k;
      while (j < pattern.size() && pattern[j] == ' ') ++j;
      continue;
    }
    while (i < folded.size() && folded[i] == filler) ++i;
    if (i >= folded.size() || folded[i] != pattern[j]) return std::string_view::npos;
    ++i;
    ++j;
  }
  const char last = pattern.back();
  const bool word_end = is_ascii_alnum(last) || static_cast<unsigned char>(last) >= 0x80;
  if (!prefix && word_end && word_char_at(folded, i)) return std::string_view::npos;
  return i;
}

bool starts_with_any(std::string_view folded, std::size_t at, std::initializer_list<std::string_view> patterns,
                     std::size_t* end) {
  for (std::string_view p : patterns) {
    std::size_t e = match_at(folded, at, p);
    if (e != std::string_view::npos) {
      if (end) *end = e;
      return true;
    }
  }
  return false;
}

std::string fold(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if (c == 0xC5 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0x92) {
      out[i + 1] = static_cast<char>(0x93);
      ++i;
    } else if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0xA0) {
      out[i] = ' ';
      out[i + 1] = filler;
      ++i;
    } else if (c == 0xE2 && i + 2 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0x80) {
      auto e = static_cast<unsigned char>(out[i + 2]);
      char to = e == 0xAF || e == 0x89 ? ' ' : e == 0x99 ? '\'' : e == 0x91 || e == 0x90 ? '-' : '\0';
      if (to != '\0') {
        out[i] = to;
        out[i + 1] = filler;
        out[i + 2] = filler;
      }
      i += 2;
    }
  }
  return out;
}

std::size_t find_folded(std::string_view folded, std::string_view pattern, std::size_t from, std::size_t* end) {
  if (pattern.empty()) return std::string_view::npos;
  const char first = pattern.front();
  const bool word_start = is_ascii_alnum(first) || static_cast<unsigned char>(first) >= 0x80;
  for (std::size_t s = from; s < folded.size(); ++s) {
    if (folded[s] != first || (word_start && word_char_before(folded, s))) continue;
    std::size_t e = match_at(folded, s, pattern);
    if (e != std::string_view::npos) {
      if (end) *end = e;
      return s;
    }
  }
  return std::string_view::npos;
}

std::vector<DigitsNumber> find_numbers_in_digits(std::string_view text) {
  std::vector<DigitsNumber> out;
  auto digits_run = [&](std::size_t i) {
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    return j;
  };
  // The separator of groups at i (space, U+00A0, U+2009, U+202F, "."): its length, else 0.
  auto group_separator = [&](std::size_t i) -> std::size_t {
    if (i >= text.size()) return 0;
    if (text[i] == ' ' || text[i] == '.') return 1;
    if (text.substr(i, 2) == "\u00A0") return 2;
    if (text.substr(i, 3) == "\u202F" || text.substr(i, 3) == "\u2009") return 3;
    return 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    std::size_t end = digits_run(i);
    // Glued to a word, an identifier or another number: not a quantity.
    char before = begin > 0 ? text[begin - 1] : ' ';
    bool glued = word_char_before(text, begin) || before == '-' || before == '/' || before == '_' ||
                 ((before == '.' || before == ',') && begin >= 2 &&
                  (is_digit(text[begin - 2]) || letter_at(text, begin - 2) != 0));
    if (glued) {
      i = end;
      continue;
    }
    std::string digits(text.substr(begin, end - begin));
    // Groups of three after a first group of one to three digits.
    if (end - begin <= 3) {
      for (;;) {
        std::size_t sep = group_separator(end);
        if (sep == 0) break;
        std::size_t g = end + sep;
        std::size_t g_end = digits_run(g);
        if (g_end - g != 3) break;
        // "1.5" is a decimal, "1.542" a group; "1 542,5" keeps its comma decimal.
        digits.append(text.substr(g, 3));
        end = g_end;
      }
    }
    std::string decimals;
    if (end + 1 < text.size() && (text[end] == ',' || text[end] == '.') && is_digit(text[end + 1])) {
      std::size_t d_end = digits_run(end + 1);
      decimals = std::string(text.substr(end + 1, d_end - end - 1));
      end = d_end;
    }
    // Followed by "-12", "/2026", a letter ("2e", "1er"), except a glued hour unit ("120h").
    bool unit_h = false;
    if (end < text.size()) {
      char after = text[end];
      bool next_digit = end + 1 < text.size() && is_digit(text[end + 1]);
      if ((after == '-' || after == '/') && next_digit) {
        i = digits_run(end + 1);
        continue;
      }
      if (letter_at(text, end) != 0) {
        if ((after == 'h' || after == 'H') && !word_char_at(text, end + 1)) {
          unit_h = true;
        } else {
          i = end;
          while (i < text.size() && (letter_at(text, i) != 0 || is_digit(text[i])))
            i += std::max<std::size_t>(1, letter_at(text, i));
          continue;
        }
      }
    }
    if (digits.size() > 15) {  // no count of hours; and a double would round it
      i = end;
      continue;
    }
    // from_chars reads "1541.67" the same in every locale.
    std::string number = digits + (decimals.empty() ? "" : "." + decimals.substr(0, 6));
    double value = 0;
    std::from_chars(number.data(), number.data() + number.size(), value);
    out.push_back({begin, unit_h ? end + 1 : end, value, !decimals.empty(), unit_h});
    i = unit_h ? end + 1 : end;
  }
  return out;
}
}  // namespace clausier::check::detail
