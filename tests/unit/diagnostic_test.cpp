#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "printers.hpp"

#include "clausier/core/outcome.hpp"
#include "clausier/core/source.hpp"
#include "clausier/core/text.hpp"

using namespace clausier;

TEST_CASE("diagnostic: exit codes follow formats.md section 7") {
  Diagnostics d;
  CHECK(exit_code_for(d) == 0);
  d.push_back({"w", Severity::warning, Category::finding, "f", {}, "m", ""});
  CHECK(exit_code_for(d) == 0);
  d.push_back({"e", Severity::error, Category::finding, "f", {}, "m", ""});
  CHECK(exit_code_for(d) == 1);
  d.push_back({"i", Severity::error, Category::input, "f", {}, "m", ""});
  CHECK(exit_code_for(d) == 2);
  d.push_back({"io", Severity::error, Category::io, "f", {}, "m", ""});
  CHECK(exit_code_for(d) == 3);
}

TEST_CASE("diagnostic: rendering with the source line and a caret counted in characters") {
  SourceText src("t.yaml", "a: 1\n  titre: Égalité: x\r\nlast");
  Diagnostic d{"schema-type", Severity::error, Category::input, "t.yaml", {2, 17}, "message", "un conseil"};
  CHECK(render_diagnostic(d, &src) ==
        "t.yaml:2:17: error: message [schema-type]\n"
        " 2 |   titre: Égalité: x\n"
        "   |                 ^\n"
        "  aide : un conseil\n");
  CHECK(src.line(3) == "last");
  CHECK(src.line(4).empty());
}

TEST_CASE("source text: lines end at LF, CR LF or a lone CR, as the YAML and CSV readers number them") {
  // An old Mac file (CR alone) and a file of mixed line ends: line 3 is the third line an editor shows.
  for (std::string text : {"a: 1\rb: 2\rrate: 7\rlast", "a: 1\nb: 2\r\nrate: 7\rlast", "a: 1\r\nb: 2\r\nrate: 7\r\nlast\r\n"}) {
    CAPTURE(text);
    SourceText src("t.yaml", text);
    CHECK(src.line(1) == "a: 1");
    CHECK(src.line(3) == "rate: 7");
    CHECK(src.line(4) == "last");
    CHECK(src.line(5).empty());
    Diagnostic d{"schema-range", Severity::error, Category::input, "t.yaml", {3, 7}, "hors limites", ""};
    CHECK(render_diagnostic(d, &src) == "t.yaml:3:7: error: hors limites [schema-range]\n"
                                        " 3 | rate: 7\n"
                                        "   |       ^\n");
    src.keep_lines({3, 1});  // what track keeps of a file once its diagnostics are known
    CHECK(src.line(3) == "rate: 7");
    CHECK(src.line(1) == "a: 1");
    CHECK(src.line(2).empty());
  }
  CHECK(next_line_start("a\rb", 0) == 2);
  CHECK(next_line_start("a\r\nb", 0) == 3);
  CHECK(next_line_start("a\n\rb", 0) == 2);
  CHECK(next_line_start("a\n\rb", 2) == 3);
  CHECK(next_line_start("ab\r", 0) == 3);
  CHECK(next_line_start("ab", 1) == 2);
  // Lines longer than the first window, and every mix of CR, LF and text: as a plain scan ends them.
  auto reference = [](std::string_view t, std::size_t pos) {
    for (std::size_t i = pos; i < t.size(); ++i) {
      if (t[i] == '\n') return i + 1;
      if (t[i] == '\r') return i + 1 < t.size() && t[i + 1] == '\n' ? i + 2 : i + 1;
    }
    return t.size();
  };
  std::uint32_t seed = 11;
  for (int round = 0; round < 300; ++round) {
    std::string t;
    const std::size_t length = (seed = seed * 1664525u + 1013904223u) % 2000;
    const std::uint32_t line_odds = 1 + (seed >> 8) % 700;  // from a break every few bytes to long lines
    for (std::size_t i = 0; i < length; ++i) {
      seed = seed * 1664525u + 1013904223u;
      t += (seed >> 8) % line_odds != 0 ? 'x' : (seed >> 20) % 2 ? '\r' : '\n';
    }
    for (std::size_t pos = 0; pos < t.size(); pos = next_line_start(t, pos)) REQUIRE(next_line_start(t, pos) == reference(t, pos));
  }
  // A Markdown or text piece is read with lines at LF only: a lone CR stays inside its line.
  SourceText piece("cctp.md", "# Titre\rsuite\r\n## Article\n", SourceText::LineEnds::lf);
  CHECK(piece.line(1) == "# Titre\rsuite");
  CHECK(piece.line(2) == "## Article");
  piece.keep_lines({1});
  CHECK(piece.line(1) == "# Titre\rsuite");
}

TEST_CASE("diagnostic: a whole-file diagnostic has no position") {
  Diagnostic d{"io", Severity::error, Category::io, "x.yaml", {}, "lecture impossible", ""};
  CHECK(render_diagnostic(d, nullptr) == "x.yaml: error: lecture impossible [io]\n");
}

TEST_CASE("diagnostic: stable order by path, line, column, rule") {
  Diagnostics d{{"b", Severity::error, Category::input, "f", {2, 1}, "", ""},
                {"a", Severity::error, Category::input, "f", {2, 1}, "", ""},
                {"c", Severity::error, Category::input, "e", {9, 9}, "", ""},
                {"d", Severity::error, Category::input, "f", {1, 5}, "", ""}};
  sort_diagnostics(d);
  CHECK(d[0].rule == "c");
  CHECK(d[1].rule == "d");
  CHECK(d[2].rule == "a");
  CHECK(d[3].rule == "b");
}

TEST_CASE("text: suggestions and UTF-8") {
  CHECK(edit_distance("hourly_cots", "hourly_cost") == 2);
  CHECK(closest_match("hourly_cots", {"rate", "hourly_cost"}) == "hourly_cost");
  CHECK(closest_match("zzzzzz", {"rate", "hourly_cost"}).empty());
  CHECK(utf8_width("Égalité") == 7);
  CHECK(is_valid_utf8("Égalité"));
  CHECK_FALSE(is_valid_utf8("\xC9galit\xE9"));
  // Read eight ASCII bytes at a time: a sequence at or across the 8-byte boundaries, and one cut at the end.
  for (std::size_t before = 0; before < 17; ++before) {
    const std::string ascii(before, 'a');
    CHECK(is_valid_utf8(ascii + "\u00E9" + ascii));
    CHECK(is_valid_utf8(ascii + "\u20AC\U0001F600"));
    CHECK_FALSE(is_valid_utf8(ascii + "\xE9" + ascii));
    CHECK_FALSE(is_valid_utf8(ascii + "\xE2\x82"));
    CHECK_FALSE(is_valid_utf8(ascii + "\xC3" + "aaaaaaaaaa"));
  }
  CHECK(sanitize_utf8("\xC9galit\xE9 ok") == "\uFFFDgalit\uFFFD ok");
  CHECK(sanitize_utf8("Égalité") == "Égalité");
}

TEST_CASE("trim_spaces trims ASCII spaces and tabs only") {
  // Used by the Markdown writer's parser and the document readers: a no-break space is text.
  CHECK(clausier::trim_spaces(" \t 1\u202F542 \t") == "1\u202F542");
  CHECK(clausier::trim_spaces("\u00A0a\u00A0") == "\u00A0a\u00A0");
  CHECK(clausier::trim_spaces(" \t ").empty());
  CHECK(clausier::trim_spaces("").empty());
}

TEST_CASE("split_lines splits at LF and drops the CR of CRLF") {
  CHECK(clausier::split_lines("a\r\nb\nc") == std::vector<std::string_view>{"a", "b", "c"});
  CHECK(clausier::split_lines("a\n\nb\n") == std::vector<std::string_view>{"a", "", "b"});  // no line after a final LF
  CHECK(clausier::split_lines("").empty());
}

TEST_CASE("html_escaped: the one escaper of the HTML and SVG writers") {
  CHECK(html_escaped("Jardins & Cie <b> \"cité\" l'été") == "Jardins &amp; Cie &lt;b&gt; &quot;cité&quot; l&#39;été");
  // Safe in a single-quoted attribute too, and never invalid UTF-8.
  CHECK(html_escaped("a='x'") == "a=&#39;x&#39;");
  CHECK(html_escaped("\xC3") == "\uFFFD");
  CHECK(html_escaped("") == "");
}

TEST_CASE("diagnostic: what --quiet keeps (is_error, Outcome::errors)") {
  Diagnostic error{"x", Severity::error, Category::finding, "f", {1, 1}, "erreur", ""};
  Diagnostic warning{"x", Severity::warning, Category::finding, "f", {2, 1}, "avertissement", ""};
  Diagnostic note{"x", Severity::note, Category::finding, "f", {3, 1}, "remarque", ""};
  Diagnostic input_note{"x", Severity::note, Category::input, "f", {4, 1}, "entrée", ""};  // exit 2 all the same
  CHECK(is_error(error));
  CHECK_FALSE(is_error(warning));
  CHECK_FALSE(is_error(note));
  CHECK(is_error(input_note));
  Outcome out;
  for (const auto& d : {error, warning, note, input_note}) out.report(d, nullptr);
  CHECK(out.messages == "f:1:1: error: erreur [x]\nf:2:1: warning: avertissement [x]\nf:3:1: note: remarque [x]\n"
                        "f:4:1: note: entrée [x]\n");
  CHECK(out.errors == "f:1:1: error: erreur [x]\nf:4:1: note: entrée [x]\n");
  CHECK(out.diagnostics.size() == 4);
}

// ---- Issue 17: what reaches a terminal ------------------------------------------------------------

TEST_CASE("printable: control characters become visible, one character each, tabs stay") {
  using namespace std::string_literals;
  CHECK(printable("a\x1B[31mrouge\x07") == "a\u241B[31mrouge\u2407");
  CHECK(printable("nul\0ici"s) == "nul\u2400ici");
  CHECK(printable("ligne\rcachée") == "ligne\u240Dcachée");
  CHECK(printable("x\x7Fy") == "x\u2421y");
  CHECK(printable("col\tonne") == "col\tonne");
  CHECK(printable("a\nb") == "a\u240Ab");
  CHECK(printable("c1\u009B2J") == "c1\uFFFD2J");           // C1 CSI
  CHECK(printable("bidi\u202Eevil\u2066") == "bidi\uFFFDevil\uFFFD");
  CHECK(printable("R\xe9" "fection") == "R\uFFFDfection");  // invalid UTF-8
  CHECK(printable("\xC3") == "\uFFFD");                      // cut at the end of the text
  CHECK(printable("a\xE2\x82z\u20AC") == "a\uFFFD\uFFFDz\u20AC");  // each invalid byte, then a valid €
  CHECK(printable("d\u00E9j\u00E0 \uFFFD vu") == "d\u00E9j\u00E0 \uFFFD vu");  // plain text: unchanged
  CHECK(printable("Œuvre « 1 250 € »") == "Œuvre « 1 250 € »");
  CHECK(utf8_width(printable("a\x1B\x07z")) == 4);
}

TEST_CASE("render_diagnostic: no control character of an input reaches the terminal") {
  using namespace std::string_literals;
  SourceText src("ent\x1B[2J.csv", "lot;participant\n1;P-1\x1B]0;pwned\x07;\0;\r\n"s);
  Diagnostic d{"statement-row", Severity::error, Category::input, src.path(), {2, 7},
               "modalité « \x1B[31m » inconnue", "corrigez \x07la ligne"};
  std::string out = render_diagnostic(d, &src);
  for (char c : out) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
  CHECK(out ==
        "ent\u241B[2J.csv:2:7: error: modalité « \u241B[31m » inconnue [statement-row]\n"
        " 2 | 1;P-1\u241B]0;pwned\u2407;\u2400;\n"
        "   |       ^\n"
        "  aide : corrigez \u2407la ligne\n");
}

TEST_CASE("render_diagnostic: a tab in the line keeps the caret under its column") {
  SourceText src("f.csv", "a\tb;c\n");
  Diagnostic d{"x", Severity::error, Category::input, "f.csv", {1, 5}, "ici", ""};
  CHECK(render_diagnostic(d, &src) == "f.csv:1:5: error: ici [x]\n 1 | a\tb;c\n   |  \t  ^\n");
}

TEST_CASE("render_diagnostic: a very long line is shown around its column, not whole") {
  std::string line = std::string(5000, 'a') + "X" + std::string(100000, 'b');
  SourceText src("f.csv", line + "\n");
  Diagnostic d{"x", Severity::error, Category::input, "f.csv", {1, 5001}, "ici", ""};
  std::string out = render_diagnostic(d, &src);
  CHECK(out.size() < 2100);
  auto shown = out.substr(out.find(" 1 | ") + 5);
  shown = shown.substr(0, shown.find('\n'));
  CHECK(shown == "…" + std::string(500, 'a') + "X" + std::string(499, 'b') + "…");
  CHECK(out.ends_with("   | " + std::string(501, ' ') + "^\n"));

  Diagnostic huge{"x", Severity::error, Category::input, "f.csv", {1, 1}, "valeur « " + line + " »", ""};
  CHECK(render_diagnostic(huge, nullptr).size() < 1200);
}

TEST_CASE("render_diagnostic: a line that holds personal data is never shown") {
  SourceText src("p.csv", "ref;sex\njean.dupont@example.org;Q\n");
  Diagnostic d{"schema-enum", Severity::error, Category::input, "p.csv", {2, 1}, "valeur inconnue", ""};
  CHECK(render_diagnostic(d, &src).find("dupont") != std::string::npos);
  d.hide_line = true;
  CHECK(render_diagnostic(d, &src) == "p.csv:2:1: error: valeur inconnue [schema-enum]\n");
}

// Issue 17, item 7: a statement whose first line never ends lacked five columns, and each of the five
// errors quoted the line again. Diagnostics that follow each other at one place quote it once.
TEST_CASE("Outcome::report: a line is quoted once for the diagnostics at the same place") {
  const std::string line = "lot;" + std::string(100000, 'x');
  SourceText src("s.csv", line + "\nnext\n");
  auto at = [](std::string column, Position pos) {
    return Diagnostic{"statement-header", Severity::error, Category::input, "s.csv", pos,
                      "colonne « " + column + " » introuvable", ""};
  };
  auto quotes = [](const std::string& messages) {
    std::size_t n = 0;
    for (std::size_t i = messages.find(" 1 | "); i != std::string::npos; i = messages.find(" 1 | ", i + 1)) ++n;
    return n;
  };
  Outcome out;
  for (const char* column : {"participant", "month", "route", "contract", "work_hours"}) out.report(at(column, {1, 1}), &src);
  CHECK(out.diagnostics.size() == 5);
  CHECK(quotes(out.messages) == 1);
  CHECK(out.messages.size() < 1500);
  CHECK(out.messages.find("colonne « work_hours » introuvable") != std::string::npos);

  // Another place, or a message written in between, quotes the line again.
  out.report(at("lot", {2, 1}), &src);
  out.report(at("lot", {1, 1}), &src);
  out.messages += "note\n";
  out.report(at("lot", {1, 1}), &src);
  CHECK(quotes(out.messages) == 3);
  CHECK(out.messages.find(" 2 | next") != std::string::npos);
}
