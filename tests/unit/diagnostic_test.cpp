#include <doctest/doctest.h>

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
