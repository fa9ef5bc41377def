#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/doc/blocks.hpp"

using namespace clausier::doc;

namespace {

// Bold as <b>…</b>, so a test tells a bold span from literal "**".
std::string describe(const Inline& text) {
  std::string out;
  for (const Span& span : text) out += span.bold ? "<b>" + span.text + "</b>" : span.text;
  return out;
}

std::string describe_cells(const std::vector<Inline>& cells) {
  std::string out;
  for (const Inline& cell : cells) out += " [" + describe(cell) + "]";
  return out;
}

// One line a block: "h2: Article", "p: texte", "li: élément", "table (l r)" and its rows, "page break".
std::string describe(const Document& d) {
  std::string out;
  for (const Block& b : d.blocks) {
    switch (b.kind) {
      case Block::Kind::heading: out += "h" + std::to_string(b.level) + ": " + describe(b.text) + "\n"; break;
      case Block::Kind::paragraph: out += "p: " + describe(b.text) + "\n"; break;
      case Block::Kind::bullet: out += "li: " + describe(b.text) + "\n"; break;
      case Block::Kind::page_break: out += "page break\n"; break;
      case Block::Kind::table: {
        out += "table (";
        for (std::size_t c = 0; c < b.table.right_aligned.size(); ++c)
          out += std::string(c ? " " : "") + (b.table.right_aligned[c] ? "r" : "l");
        out += ")\n " + describe_cells(b.table.header) + "\n";
        for (const auto& row : b.table.rows) out += " " + describe_cells(row) + "\n";
        break;
      }
    }
  }
  return out;
}

std::string parsed(std::string_view markdown) { return describe(parse_markdown(markdown, "")); }

std::string normalised(std::string_view markdown) { return write_markdown(parse_markdown(markdown, "")); }

const std::string nnbsp = "\u202F";  // the French thin no-break space
const std::string nbsp = "\u00A0";

}  // namespace

TEST_CASE("doc: parse_inline splits bold spans") {
  const Inline spans = parse_inline("**gras** et normal");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].text == "gras");
  CHECK(spans[0].bold);
  CHECK(spans[1].text == " et normal");
  CHECK_FALSE(spans[1].bold);

  CHECK(parse_inline("").empty());
  CHECK(describe(parse_inline("a **b** c **d**")) == "a <b>b</b> c <b>d</b>");
  CHECK(describe(parse_inline("**a****b**")) == "<b>ab</b>");
  CHECK(describe(parse_inline("***a***")) == "<b>*a</b>*");
}

TEST_CASE("doc: an unclosed or empty ** is literal text") {
  CHECK(describe(parse_inline("a **b** c ** d")) == "a <b>b</b> c ** d");
  CHECK(describe(parse_inline("a ** b **c** d **")) == "a <b> b </b>c<b> d </b>");  // pairs from the left
  const Inline literal = parse_inline("5 ** 2");
  REQUIRE(literal.size() == 1);
  CHECK(literal[0].text == "5 ** 2");
  CHECK_FALSE(literal[0].bold);
  CHECK(describe(parse_inline("****")) == "****");
  CHECK(describe(parse_inline("****x**")) == "**<b>x</b>");
}

TEST_CASE("doc: headings of levels 1 to 3; deeper or unspaced marks are text") {
  CHECK(parsed("# Titre\n## Article 1 – **Objet**\n###\t1.1 Détail  \n#### Quatre\n#Collé\n#\n") ==
        "h1: Titre\n"
        "h2: Article 1 – <b>Objet</b>\n"
        "h3: 1.1 Détail\n"
        "p: #### Quatre #Collé\n"
        "h1: \n");
}

TEST_CASE("doc: consecutive lines are joined into a paragraph, blank lines separate paragraphs") {
  CHECK(parsed("Première ligne\r\nseconde ligne.\r\n\r\n  Autre   paragraphe.  \n \t \n\n\nUn **gras\nsur deux lignes** fin") ==
        "p: Première ligne seconde ligne.\n"
        "p: Autre   paragraphe.\n"
        "p: Un <b>gras sur deux lignes</b> fin\n");
  CHECK(parsed(nbsp + "texte" + nbsp) == "p: " + nbsp + "texte" + nbsp + "\n");  // U+00A0 is text, not space
}

TEST_CASE("doc: bullets are one line each and interrupt a paragraph") {
  CHECK(parsed("Modalités :\n- embauche ;\n  -   mise à disposition ;\n- **sous-traitance**.\nSuite.\n-sans espace\n-") ==
        "p: Modalités :\n"
        "li: embauche ;\n"
        "li: mise à disposition ;\n"
        "li: <b>sous-traitance</b>.\n"
        "p: Suite. -sans espace\n"
        "li: \n");
}

TEST_CASE("doc: a table with right-aligned columns; ragged rows are padded, nothing is lost") {
  CHECK(parsed("Avant\n| Lot | Intitulé | Heures |\n|---|:---:|---:|\n| 01 | Gros œuvre | 1" + nnbsp +
               "542 |\n|02|a \\| **b**|\n| 03 | x | 3 | en trop |\nAprès") ==
        "p: Avant\n"
        "table (l r r l)\n"
        "  [Lot] [Intitulé] [Heures] []\n"
        "  [01] [Gros œuvre] [1" + nnbsp + "542] []\n"
        "  [02] [a | <b>b</b>] [] []\n"
        "  [03] [x] [3] [en trop]\n"
        "p: Après\n");
  CHECK(parsed("| seul |\n|-|") == "table (l)\n  [seul]\n");
  CHECK(parsed("| a | b |\n| pas | un séparateur |") == "p: | a | b | | pas | un séparateur |\n");
  CHECK(parsed("|---|\n|---|\n|---|") == "table (l)\n  [---]\n  [---]\n");
}

TEST_CASE("doc: a form feed alone on its line is a page break") {
  CHECK(parsed("Avant\n\f\nAprès\n  \f\t\r\na\fb") ==
        "p: Avant\n"
        "page break\n"
        "p: Après\n"
        "page break\n"
        "p: a\fb\n");
}

TEST_CASE("doc: garbage never throws and gives valid UTF-8") {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  for (const std::string& input : {every_byte, std::string("\xC3"), std::string("| \xFF |\n|---|\n**\xE2\x82"),
                                   std::string(3000, '*'), std::string(500, '|') + "\n" + std::string(500, '-')}) {
    Document d;
    CHECK_NOTHROW(d = parse_markdown(input, "\xFFtitre"));
    CHECK(clausier::is_valid_utf8(d.title));
    CHECK(clausier::is_valid_utf8(write_markdown(d)));
    CHECK(clausier::is_valid_utf8(write_text(d)));
  }
  CHECK(parsed("\xC3") == "p: \uFFFD\n");
  CHECK(parse_markdown("", "").blocks.empty());
  CHECK(parse_markdown("\n\n \n", "").blocks.empty());
}

TEST_CASE("doc: write_markdown writes the subset back") {
  CHECK(normalised("#   Clause\n## Article 1\nLe titulaire\nréalise **1" + nnbsp + "250 heures**.\n- un\n\n- deux\n"
                   "| Lot |Heures|\n|:--|--:|\n|01|1|\n|02\n\f\n### Fin") ==
        "# Clause\n"
        "\n"
        "## Article 1\n"
        "\n"
        "Le titulaire réalise **1" + nnbsp + "250 heures**.\n"
        "\n"
        "- un\n"
        "- deux\n"
        "\n"
        "| Lot | Heures |\n"
        "|---|---:|\n"
        "| 01 | 1 |\n"
        "| 02 |  |\n"
        "\n"
        "\f\n"
        "\n"
        "### Fin\n");
  Document built;  // a line break inside a span cannot leak into the Markdown structure
  built.blocks.resize(1);
  built.blocks[0].text = {{"a\n# b", false}};
  CHECK(write_markdown(built) == "a # b\n");
  CHECK(write_markdown(Document{}) == "");
}

TEST_CASE("doc: parse then write is stable") {
  for (const char* input : {"#\nx", "-\nx", "| a |\nx", "a\n|---|", "**a****b** c", "a ** b **c**", "****x**",
                            "***a***", "| a\\|b | \\\\| c\\ |\n|---|---|\n| \\| |", "x\n#### y\n- - z", "|\n|-|\n||"}) {
    CAPTURE(input);
    const std::string once = normalised(input);
    CHECK(normalised(once) == once);
  }
  // Many small random texts made of the subset's marks.
  const std::vector<std::string> pieces = {"# ", "## ", "### ", "#### ", "#", "-", "- ", "|", "| a ", "|---", ":",
                                           "---:", "**", "*", "b", " ", "\t", "\n", "\n\n", "\r\n", "\f", "\\",
                                           "\\|", "é", nnbsp, "\xFF", "x y"};
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;  // a fixed LCG: the same texts on every run
    return state >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (std::uint32_t n = next() % 24; n > 0; --n) input += pieces[next() % pieces.size()];
    const std::string once = normalised(input);
    if (normalised(once) != once) {
      CAPTURE(input);
      CHECK(normalised(once) == once);
      break;
    }
  }
}

TEST_CASE("doc: write_text underlines headings, wraps on breakable spaces, aligns tables") {
  const std::string amount = "1" + nnbsp + "250" + nnbsp + "000,00" + nnbsp + "€";
  const std::string markdown =
      "# Clause sociale\n"
      "## Article 1 – Objet\n"
      "Le titulaire s'engage à réaliser une action d'insertion pour un marché d'un montant estimé de " + amount +
      " HT, soit au moins 5" + nbsp + "% des heures **travaillées**.\n"
      "- Recrutement direct de personnes éloignées de l'emploi, en contrat à durée déterminée ou indéterminée, "
      "pour la durée du marché.\n"
      "- Mise à disposition.\n"
      "### 1.1 Heures par lot\n"
      "| Lot | Intitulé | Heures |\n|---|---|---:|\n| 01 | Gros œuvre | 1" + nnbsp + "542 |\n| 02 | Peinture | 86 |\n"
      "\f\n"
      "## Article 2\n"
      "Un mot-très-long-" + std::string(110, 'x') + " seul.";
  CHECK(write_text(parse_markdown(markdown, "Titre")) ==
        "Clause sociale\n"
        "==============\n"
        "\n"
        "Article 1 – Objet\n"
        "-----------------\n"
        "\n"
        "Le titulaire s'engage à réaliser une action d'insertion pour un marché d'un montant estimé de\n" +
        amount + " HT, soit au moins 5" + nbsp + "% des heures travaillées.\n"
        "\n"
        "- Recrutement direct de personnes éloignées de l'emploi, en contrat à durée déterminée ou\n"
        "  indéterminée, pour la durée du marché.\n"
        "- Mise à disposition.\n"
        "\n"
        "1.1 Heures par lot\n"
        "\n"
        "Lot  Intitulé    Heures\n"
        "01   Gros œuvre   1" + nnbsp + "542\n"
        "02   Peinture        86\n"
        "\n"
        "Article 2\n"
        "---------\n"
        "\n"
        "Un\n"
        "mot-très-long-" + std::string(110, 'x') + "\n"
        "seul.\n");
}

namespace {

const std::string html_head =
    "<!DOCTYPE html>\n"
    "<html lang=\"fr\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n";
const std::string html_style =
    "<style>\n"
    "@page { size: A4; margin: 2cm; }\n"
    "body { font-family: \"Times New Roman\", \"Liberation Serif\", serif; font-size: 11pt; line-height: 1.35; }\n"
    "@media screen { body { max-width: 17cm; margin: 1cm auto; } }\n"
    "h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
    "h1 { font-size: 16pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }\n"
    "p, li { orphans: 2; widows: 2; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }\n"
    "th { background: #e6e6e6; }\n"
    ".right { text-align: right; }\n"
    ".page-break { break-after: page; page-break-after: always; }\n"
    "</style>\n"
    "</head>\n"
    "<body>\n";
const std::string html_tail = "</body>\n</html>\n";

}  // namespace

TEST_CASE("doc: write_html writes a standalone printable page") {
  const Document d = parse_markdown(
      "# Clause\nMontant : **1" + nnbsp + "250 €**.\n- un\n- deux\n| Lot | Heures |\n|---|---:|\n| 01 | 86 |\n\f\n## Fin",
      "CCAP – clause sociale");
  CHECK(write_html(d) == html_head + "<title>CCAP – clause sociale</title>\n" + html_style +
                             "<h1>Clause</h1>\n"
                             "<p>Montant : <strong>1" + nnbsp + "250 €</strong>.</p>\n"
                             "<ul>\n"
                             "<li>un</li>\n"
                             "<li>deux</li>\n"
                             "</ul>\n"
                             "<table>\n"
                             "<thead>\n"
                             "<tr><th>Lot</th><th class=\"right\">Heures</th></tr>\n"
                             "</thead>\n"
                             "<tbody>\n"
                             "<tr><td>01</td><td class=\"right\">86</td></tr>\n"
                             "</tbody>\n"
                             "</table>\n"
                             "<div class=\"page-break\"></div>\n"
                             "<h2>Fin</h2>\n" +
                             html_tail);
}

TEST_CASE("doc: write_html escapes every text") {
  const Document d = parse_markdown("# A & B\nL'offre \"<b>\" **x > y**\n- <script>\n| a<b | c&d |\n|---|---|\n| ' | \" |",
                                    "<T&C \"'\">");
  CHECK(write_html(d) == html_head + "<title>&lt;T&amp;C &quot;&#39;&quot;&gt;</title>\n" + html_style +
                             "<h1>A &amp; B</h1>\n"
                             "<p>L&#39;offre &quot;&lt;b&gt;&quot; <strong>x &gt; y</strong></p>\n"
                             "<ul>\n"
                             "<li>&lt;script&gt;</li>\n"
                             "</ul>\n"
                             "<table>\n"
                             "<thead>\n"
                             "<tr><th>a&lt;b</th><th>c&amp;d</th></tr>\n"
                             "</thead>\n"
                             "<tbody>\n"
                             "<tr><td>&#39;</td><td>&quot;</td></tr>\n"
                             "</tbody>\n"
                             "</table>\n" +
                             html_tail);
  CHECK(write_html(Document{}) == html_head + "<title></title>\n" + html_style + html_tail);
}
