#include "clausier/core/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace clausier {

namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

std::size_t utf8_width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(static_cast<unsigned char>(c)); }));
}

std::size_t utf8_offset(std::string_view s, int chars) {
  std::size_t i = 0;
  for (int n = 0; n < chars && i < s.size(); ++n) {
    ++i;
    while (i < s.size() && is_continuation(static_cast<unsigned char>(s[i]))) ++i;
  }
  return i;
}

std::size_t ascii_run_end(std::string_view s, std::size_t from) {
  std::size_t i = from;
  for (std::uint64_t w; i + 8 <= s.size() && (std::memcpy(&w, s.data() + i, 8), (w & 0x8080808080808080ull) == 0);) i += 8;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

std::size_t utf8_valid_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i = ascii_run_end(s, i);
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k)
      if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return i;
    i += len;
  }
  return s.size();
}

bool is_valid_utf8(std::string_view s) { return utf8_valid_prefix(s) == s.size(); }

std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = byte(0);
  std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) return {U'\uFFFD', 1};
  char32_t cp = len == 1 ? c : c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if (!is_continuation(byte(k))) return {U'\uFFFD', 1};
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  return {cp, len};
}

std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len > 0 && i + len <= s.size() && is_valid_utf8(s.substr(i, len))) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\uFFFD";
      ++i;
    }
  }
  return out;
}

// One pass, copying the plain characters in runs: every diagnostic on screen goes through here (forty
// thousand for a big operation's statements). An invalid byte becomes U+FFFD as sanitize_utf8 makes it.
std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;  // start of the characters not copied yet
  auto replace = [&](std::size_t at, std::size_t len, std::string_view by) {
    out.append(s, run, at - run);
    out += by;
    run = at + len;
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t') {
      ++i;
      continue;
    }
    if (c < 0x20) {  // U+2400 + c, the control's picture: E2 90 80+c
      const char picture[3] = {'\xE2', '\x90', static_cast<char>(0x80 + c)};
      replace(i, 1, std::string_view(picture, 3));
      ++i;
      continue;
    }
    if (c == 0x7F) {
      replace(i, 1, "\u2421");
      ++i;
      continue;
    }
    const auto [cp, len] = code_point_at(s, i);
    const bool bidi = cp == U'\u061C' || cp == U'\u200E' || cp == U'\u200F' || (cp >= U'\u202A' && cp <= U'\u202E') ||
                      (cp >= U'\u2066' && cp <= U'\u2069');
    // code_point_at gives U+FFFD for one invalid byte: the text's own U+FFFD is three bytes and stays.
    if ((cp == U'\uFFFD' && len == 1) || (cp >= 0x80 && cp < 0xA0) || bidi) replace(i, len, "\uFFFD");
    i += len;
  }
  out.append(s, run, s.size() - run);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& c : candidates) {
    // The distance is at least the difference in size: a 20 MB field would otherwise cost seconds a candidate.
    const std::size_t gap = word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
    if (gap >= best_distance) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::string html_escaped(std::string_view text) {
  std::string out;
  const std::string clean = sanitize_utf8(text);
  out.reserve(clean.size());
  for (char ch : clean) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string quoted(std::string_view s) {
  std::string out = "« ";
  out += s;
  out += " »";
  return out;
}

std::size_t next_line_start(std::string_view text, std::size_t pos) {
  // Looked for in windows that double: an old Mac file has no LF at all, and looking for the next LF in the
  // whole rest of the text at every line made reading it quadratic (50 000 CR-only rows: 2,3 s against 0,5).
  const char* base = text.data();
  for (std::size_t from = pos, window = 256; from < text.size(); from += window, window *= 2) {
    const std::size_t n = std::min(window, text.size() - from);
    const auto* lf = static_cast<const char*>(std::memchr(base + from, '\n', n));
    const std::size_t limit = lf ? static_cast<std::size_t>(lf - base) : from + n;
    if (const auto* cr = static_cast<const char*>(std::memchr(base + from, '\r', limit - from))) {
      const auto at = static_cast<std::size_t>(cr - base);
      return at + 1 < text.size() && text[at + 1] == '\n' ? at + 2 : at + 1;  // CR LF, or a lone CR
    }
    if (lf) return limit + 1;
  }
  return text.size();
}

std::string_view trim_spaces(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace clausier
