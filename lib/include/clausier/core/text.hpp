#pragma once
// Small UTF-8 and string helpers shared by the library.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausier {

// Number of code points in s (a column count for a terminal, ignoring wide characters).
std::size_t utf8_width(std::string_view s);
// Byte offset of the code point number `chars` in s (clamped to s.size()).
std::size_t utf8_offset(std::string_view s, int chars);
bool is_valid_utf8(std::string_view s);
// The offset of the first byte of s that does not begin a valid UTF-8 sequence (a stray or cut one), or
// s.size(): where an encoding error is shown.
std::size_t utf8_valid_prefix(std::string_view s);
// The end of the run of ASCII bytes starting at `from`, found eight bytes at a time (a statement file of
// 50 MB is nearly all ASCII): the index of the first byte above 0x7F, or s.size().
std::size_t ascii_run_end(std::string_view s, std::size_t from);
// The code point starting at byte i of s and its length in bytes; an invalid byte is U+FFFD of length 1.
std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t i);
// s with every byte that is not valid UTF-8 replaced by U+FFFD, so output stays valid UTF-8.
std::string sanitize_utf8(std::string_view s);
// s as it may reach a terminal: sanitize_utf8, then every control character made visible and inert,
// one character for one so columns still line up. C0 controls and DEL become their Unicode pictures
// (NUL ␀, BEL ␇, ESC ␛, CR ␍, LF ␊, DEL ␡); C1 controls and the bidirectional overrides and isolates
// (which reorder what is shown) become U+FFFD. A tab stays a tab.
std::string printable(std::string_view s);

// Damerau-free Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// The lines of text, split at LF with a CR before it dropped (CRLF files); no line for a final LF.
// (The Markdown and plain-text readers count lines so.)
std::vector<std::string_view> split_lines(std::string_view text);
// Where the line starting at `pos` ends, just after its LF, CR LF or lone CR (an old Mac file), or the
// end of the text: lines as an editor shows them, and as the CSV and YAML readers number them.
std::size_t next_line_start(std::string_view text, std::size_t pos);
// s without its leading and trailing ASCII spaces and tabs; U+00A0 and U+202F are text and stay.
std::string_view trim_spaces(std::string_view s);

std::string join(const std::vector<std::string>& items, std::string_view sep);
// Text for HTML or XML content and attributes, double- or single-quoted: invalid UTF-8 replaced by
// U+FFFD, and & < > " ' escaped (the one escaper of the HTML writers: draft's pages, report's pages
// and their SVG charts).
std::string html_escaped(std::string_view text);
// « value » with French quotes and no-break spaces inside.
std::string quoted(std::string_view s);

}  // namespace clausier
