#include <doctest/doctest.h>
#include <zip.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "clausier/doc/blocks.hpp"
#include "clausier/document/read.hpp"
#include "clausier/text/table.hpp"
#include "printers.hpp"
#include "zip_files.hpp"

using namespace clausier;
using namespace clausier::document;

namespace {

using clausier::test::make_zip;
using clausier::test::Part;

const std::string nbsp = "\u00A0";
const std::string nnbsp = "\u202F";

// One line a paragraph: number, line ("l"), heading level ("h"), table/row/column ("t"), the nearest
// heading in brackets, then the text.
std::string summary(const Paragraph& p) {
  std::string s = std::to_string(p.number);
  if (p.line > 0) s += " l" + std::to_string(p.line);
  if (p.heading_level > 0) s += " h" + std::to_string(p.heading_level);
  if (p.table > 0) s += " t" + std::to_string(p.table) + "/" + std::to_string(p.row) + "/" + std::to_string(p.column);
  if (!p.heading.empty()) s += " [" + p.heading + "]";
  return s + " " + p.text;
}

std::vector<std::string> summaries(const Document& d) {
  std::vector<std::string> out;
  for (const Paragraph& p : d.paragraphs) out.push_back(summary(p));
  return out;
}

std::string path_for(Format f) { return "ccap." + std::string(name(f)); }

Document parsed(std::string_view bytes, Format f, const Limits& limits = {}) {
  ReadResult r = parse_document(bytes, f, path_for(f), limits);
  for (const Diagnostic& d : r.diagnostics) MESSAGE(d.rule << ": " << d.message);
  REQUIRE(r.document);
  CHECK(r.diagnostics.empty());
  CHECK(r.document->path == path_for(f));
  CHECK(r.document->format == f);
  return *r.document;
}

std::vector<std::string> read(std::string_view bytes, Format f, const Limits& limits = {}) {
  return summaries(parsed(bytes, f, limits));
}

// The one diagnostic of a refused document (no document at all).
Diagnostic refused(std::string_view bytes, Format f, const Limits& limits = {}) {
  ReadResult r = parse_document(bytes, f, path_for(f), limits);
  CHECK_FALSE(r.document);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].path == path_for(f));
  CHECK(r.diagnostics[0].severity == Severity::error);
  return r.diagnostics[0];
}

// The compressed size of the first entry of a zip, as its central directory says.
zip_uint64_t compressed_size(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  zip_stat_t stat;
  REQUIRE(zip_stat_index(archive, 0, 0, &stat) == 0);
  zip_discard(archive);
  return stat.comp_size;
}

const std::string word_namespace = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string word_document(const std::string& body) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         "\n<w:document " + word_namespace + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

std::string docx(const std::string& document_xml, const std::string& styles_xml = {}) {
  std::vector<Part> parts{{"word/document.xml", document_xml}};
  if (!styles_xml.empty()) parts.push_back({"word/styles.xml", styles_xml});
  return make_zip(parts);
}

// <w:p> with one run per text.
std::string p(const std::string& text, const std::string& props = {}) {
  return "<w:p>" + (props.empty() ? "" : "<w:pPr>" + props + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r></w:p>";
}
std::string style(const std::string& id) { return "<w:pStyle w:val=\"" + id + "\"/>"; }
std::string cell(const std::string& content, const std::string& props = {}) {
  return "<w:tc>" + (props.empty() ? "" : "<w:tcPr>" + props + "</w:tcPr>") + content + "</w:tc>";
}

const std::string odf_namespaces =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
    R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink")";

std::string odt(const std::string& body_text) {
  const std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                              "\n<office:document-content " + odf_namespaces +
                              R"( office:version="1.3"><office:body><office:text>)" + body_text +
                              "</office:text></office:body></office:document-content>";
  return make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

}  // namespace

TEST_CASE("document read: formats by extension") {
  CHECK(format_from_path("CCAP.DOCX") == Format::docx);
  CHECK(format_from_path("dossier/rc.odt") == Format::odt);
  CHECK(format_from_path("notice.Md") == Format::markdown);
  CHECK(format_from_path("notice.markdown") == Format::markdown);
  CHECK(format_from_path("ccap.txt") == Format::text);
  CHECK(format_from_path("ccap.htm") == Format::html);
  CHECK(format_from_path("ccap.html") == Format::html);
  CHECK_FALSE(format_from_path("ccap.doc"));
  CHECK_FALSE(format_from_path("ccap.pdf"));
  CHECK_FALSE(format_from_path("dossier.v2/ccap"));
  CHECK_FALSE(format_from_path(".docx"));
  CHECK(name(Format::docx) == "docx");
  CHECK(name(Format::odt) == "odt");
  CHECK(name(Format::markdown) == "md");
  CHECK(name(Format::text) == "txt");
  CHECK(name(Format::html) == "html");
}

// One source written by clausier's four writers reads back as the same paragraphs in every format;
// only the lines differ (text formats), counted by hand on each writer's output.
TEST_CASE("document read: what clausier's writers produce reads back the same in every format") {
  const std::string source = "# Article 1 — Objet\n\n"
                             "Le titulaire réalise **1" + nnbsp + "250 heures** d'insertion,\nsoit 5" + nnbsp +
                             "% des heures.\n\n"
                             "## 1.1 Lots\n\n"
                             "- Lot 1 : nettoyage\n- Lot 2 : espaces verts\n\n"
                             "| Lot | Heures |\n|---|---:|\n| 1 | 1" + nnbsp + "250 |\n| 2 | 300 |\n\n"
                             "Fin du texte.\n";
  const doc::Document d = doc::parse_markdown(source, "CCAP");
  const std::string h1 = "Article 1 — Objet";
  const std::string text = "Le titulaire réalise 1" + nnbsp + "250 heures d'insertion, soit 5" + nnbsp + "% des heures.";
  // (line in Markdown, in plain text, in HTML) for each paragraph, then what every format shares.
  struct Expected {
    int md, txt, html;
    std::string rest;
  };
  const std::vector<Expected> expected{
      {1, 1, 23, "h1 " + h1},
      {3, 4, 24, "[" + h1 + "] " + text},
      {5, 6, 25, "h2 [" + h1 + "] 1.1 Lots"},
      {7, 9, 27, "[1.1 Lots] Lot 1 : nettoyage"},
      {8, 10, 28, "[1.1 Lots] Lot 2 : espaces verts"},
      {10, 12, 32, "t1/1/1 [1.1 Lots] Lot"},
      {10, 12, 32, "t1/1/2 [1.1 Lots] Heures"},
      {12, 13, 35, "t1/2/1 [1.1 Lots] 1"},
      {12, 13, 35, "t1/2/2 [1.1 Lots] 1" + nnbsp + "250"},
      {13, 14, 36, "t1/3/1 [1.1 Lots] 2"},
      {13, 14, 36, "t1/3/2 [1.1 Lots] 300"},
      {15, 16, 39, "[1.1 Lots] Fin du texte."},
  };
  auto with_lines = [&](int Expected::*line) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string s = std::to_string(i + 1);
      if (line != nullptr) s += " l" + std::to_string(expected[i].*line);
      out.push_back(s + " " + expected[i].rest);
    }
    return out;
  };
  CHECK(read(doc::write_markdown(d), Format::markdown) == with_lines(&Expected::md));
  CHECK(read(doc::write_text(d), Format::text) == with_lines(&Expected::txt));
  CHECK(read(doc::write_html(d), Format::html) == with_lines(&Expected::html));
  CHECK(read(doc::write_docx(d), Format::docx) == with_lines(nullptr));
}

TEST_CASE("document read: Markdown") {
  const std::string md =
      "Titre du document\n"                                                      // 1
      "=================\n"                                                      // 2
      "\n"                                                                        // 3
      "Préambule sur\n"                                                          // 4
      "deux lignes avec `code`, _emphase_, un snake_case et 2 * 3.\n"           // 5
      "\n"                                                                        // 6
      "# Article 1 #\n"                                                          // 7
      "\n"                                                                        // 8
      "* premier point\n"                                                        // 9
      "  suite du premier\n"                                                     // 10
      "+ second point\n"                                                         // 11
      "1. Premier numéroté\n"                                                    // 12
      "\n"                                                                        // 13
      "> Citation **grasse**\n"                                                  // 14
      "\n"                                                                        // 15
      "```\n"                                                                    // 16
      "code **non traité**\n"                                                    // 17
      "```\n"                                                                    // 18
      "\n"                                                                        // 19
      "## Article 1.1\n"                                                         // 20
      "| Lot | Heures |\n"                                                       // 21
      "|:---|---:|\n"                                                            // 22
      "| Lot 1 \\| A | 1" + nnbsp + "250 |\n"                                   // 23
      "| [Lot 2](https://exemple.fr) | |\n"                                     // 24
      "---\n"                                                                    // 25
      "### Sous-article\n"                                                       // 26
      "Texte \\*final\\*\r\n"                                                    // 27
      "<!-- commentaire\n"                                                       // 28
      "sur deux lignes -->\n"                                                    // 29
      "Après.\n"                                                                 // 30
      "\n"                                                                        // 31
      "________";  // a line to sign on, as clausier's drafts write it: text       // 32
  CHECK(read(md, Format::markdown) ==
        std::vector<std::string>{
            "1 l1 h1 Titre du document",
            "2 l4 [Titre du document] Préambule sur deux lignes avec code, emphase, un snake_case et 2 * 3.",
            "3 l7 h1 Article 1",
            "4 l9 [Article 1] premier point suite du premier",
            "5 l11 [Article 1] second point",
            "6 l12 [Article 1] 1. Premier numéroté",
            "7 l14 [Article 1] Citation grasse",
            "8 l17 [Article 1] code **non traité**",
            "9 l20 h2 [Article 1] Article 1.1",
            "10 l21 t1/1/1 [Article 1.1] Lot",
            "11 l21 t1/1/2 [Article 1.1] Heures",
            "12 l23 t1/2/1 [Article 1.1] Lot 1 | A",
            "13 l23 t1/2/2 [Article 1.1] 1" + nnbsp + "250",
            "14 l24 t1/3/1 [Article 1.1] Lot 2",
            "15 l26 h3 [Article 1.1] Sous-article",
            "16 l27 [Sous-article] Texte *final*",
            "17 l30 [Sous-article] Après.",
            "18 l32 [Sous-article] ________",
        });
}

// Issue 17, item 1: a table that starts inside a quotation (">|" then "|-") made the reader go back to
// the line it had just read, for ever. A quoted table reads as a table, whatever quotes its rows.
TEST_CASE("document read: a Markdown table inside a quotation ends") {
  const std::vector<std::string> five_bytes = read(">|\n|-", Format::markdown);
  CHECK(five_bytes.empty());
  CHECK(read("> | Lot | Heures |\n> |---|---|\n| Lot 1 | 35 |\n>| Lot 2 | 70 |\nAprès.", Format::markdown) ==
        std::vector<std::string>{
            "1 l1 t1/1/1 Lot",
            "2 l1 t1/1/2 Heures",
            "3 l3 t1/2/1 Lot 1",
            "4 l3 t1/2/2 35",
            "5 l4 t1/3/1 Lot 2",
            "6 l4 t1/3/2 70",
            "7 l5 Après.",
        });
  CHECK(read(">>|a|\n> >|-|-|\n", Format::markdown) == std::vector<std::string>{"1 l1 t1/1/1 a"});
}

// Fuzzing (issue 17): a blank line inside a fenced block that never closes left an anchor of no text.
TEST_CASE("document read: a blank line of fenced code adds nothing") {
  const Document d = parsed("```\n`\n\n`", Format::markdown);
  REQUIRE(d.paragraphs.size() == 1);
  CHECK(d.paragraphs[0].text == "` `");
  CHECK(d.paragraphs[0].line == 2);
  const auto& anchors = d.paragraphs[0].anchors;
  REQUIRE(anchors.size() == 3);  // "`" of line 2, the joining space, "`" of line 4: none empty
  for (std::size_t a = 0; a + 1 < anchors.size(); ++a) CHECK(anchors[a].offset < anchors[a + 1].offset);
  CHECK(anchors.back().pos == clausier::Position{4, 1});
}

TEST_CASE("document read: plain text") {
  // The table as clausier's text writer aligns it: widths 5, 6 (right-aligned) and 7.
  const std::string table = text::render_text_table(
      {{"Lot", false}, {"Heures", true}, {"Publics", false}},
      {{"1", "1" + nnbsp + "250", "jeunes"}, {"2", "300", ""}, {"Total", "1" + nnbsp + "550", ""}});
  REQUIRE(table == "Lot    Heures  Publics\n1       1" + nnbsp + "250  jeunes\n2         300\nTotal   1" + nnbsp + "550\n");
  const std::string txt = "\xEF\xBB\xBF"  // a BOM, skipped
                          "CAHIER DES CLAUSES\n"                                        // 1
                          "==================\n"                                        // 2
                          "\n"                                                          // 3
                          "Article 1 - Objet\n"                                         // 4
                          "-----------------\n"                                         // 5
                          "\n"                                                          // 6
                          "Le titulaire réalise les heures.  Il rend compte\n"          // 7
                          "chaque mois.\n"                                              // 8
                          "\n"                                                          // 9
                          "- premier point\n"                                           // 10
                          "  sur deux lignes\n"                                         // 11
                          "- second point\n"                                            // 12
                          "\n" +                                                        // 13
                          table +                                                       // 14-17
                          "\n"                                                          // 18
                          "----------\n"                                                // 19
                          "\n"                                                          // 20
                          "\tFin.  \n";                                                 // 21
  CHECK(read(txt, Format::text) ==
        std::vector<std::string>{
            "1 l1 h1 CAHIER DES CLAUSES",
            "2 l4 h2 [CAHIER DES CLAUSES] Article 1 - Objet",
            "3 l7 [Article 1 - Objet] Le titulaire réalise les heures. Il rend compte chaque mois.",
            "4 l10 [Article 1 - Objet] premier point sur deux lignes",
            "5 l12 [Article 1 - Objet] second point",
            "6 l14 t1/1/1 [Article 1 - Objet] Lot",
            "7 l14 t1/1/2 [Article 1 - Objet] Heures",
            "8 l14 t1/1/3 [Article 1 - Objet] Publics",
            "9 l15 t1/2/1 [Article 1 - Objet] 1",
            "10 l15 t1/2/2 [Article 1 - Objet] 1" + nnbsp + "250",
            "11 l15 t1/2/3 [Article 1 - Objet] jeunes",
            "12 l16 t1/3/1 [Article 1 - Objet] 2",
            "13 l16 t1/3/2 [Article 1 - Objet] 300",
            "14 l17 t1/4/1 [Article 1 - Objet] Total",
            "15 l17 t1/4/2 [Article 1 - Objet] 1" + nnbsp + "550",
            "16 l21 [Article 1 - Objet] Fin.",
        });
}

TEST_CASE("document read: HTML") {
  const std::string html =
      "<!DOCTYPE html>\n"                                                                           // 1
      "<html><head><title>Titre ignoré</title>\n"                                                  // 2
      "<style>p { color: red; }</style>\n"                                                         // 3
      "<script>if (a < b) { document.write(\"<p>non</p>\"); }</script>\n"                          // 4
      "</head><body>\n"                                                                             // 5
      "<H1 class=\"titre\">Article&nbsp;1 &mdash; Objet</H1>\n"                                    // 6
      "<p>Le titulaire r&eacute;alise <strong>1&#x202F;250</strong>&#160;heures<br>d&rsquo;insertion\n"  // 7
      "&amp; de formation.</p>\n"                                                                   // 8
      "<!-- <p>commentaire</p> -->\n"                                                               // 9
      "<ul><li>Premier</li><li>Second &unknown; &amp</li></ul>\n"                                  // 10
      "<h2>Tableau</h2>\n"                                                                          // 11
      "<table><tr><th>Lot</th><th colspan=\"2\">Heures</th><th>Public</th></tr>\n"                 // 12
      "<tr><td>1</td><td colspan=2>1 250</td><td><p>Jeunes</p><p>adultes</p></td></tr>\n"          // 13
      "<tr><td>Imbriqué :<table><tr><td>A</td></tr></table>fin</td></tr></table>\n"               // 14
      "<p>Après 1 < 2 et <em>fin</em>.\n"                                                          // 15
      "<div>Bloc\n   sans p</div>\n"                                                               // 16
      "</body></html>\n";
  const std::string h1 = "Article" + nbsp + "1 — Objet";
  CHECK(read(html, Format::html) ==
        std::vector<std::string>{
            "1 l6 h1 " + h1,
            "2 l7 [" + h1 + "] Le titulaire réalise 1" + nnbsp + "250" + nbsp + "heures d’insertion & de formation.",
            "3 l10 [" + h1 + "] Premier",
            "4 l10 [" + h1 + "] Second &unknown; &amp",
            "5 l11 h2 [" + h1 + "] Tableau",
            "6 l12 t1/1/1 [Tableau] Lot",
            "7 l12 t1/1/2 [Tableau] Heures",
            "8 l12 t1/1/4 [Tableau] Public",
            "9 l13 t1/2/1 [Tableau] 1",
            "10 l13 t1/2/2 [Tableau] 1 250",
            "11 l13 t1/2/4 [Tableau] Jeunes adultes",
            "12 l14 t1/3/1 [Tableau] Imbriqué :",
            "13 l14 t2/1/1 [Tableau] A",
            "14 l14 t1/3/1 [Tableau] fin",
            "15 l15 [Tableau] Après 1 < 2 et fin.",
            "16 l16 [Tableau] Bloc sans p",
        });
  // A "<" that opens no tag is text, and may start a paragraph.
  CHECK(read("<p>a</p>\n< b</p>", Format::html) == std::vector<std::string>{"1 l1 a", "2 l2 < b"});
}

TEST_CASE("document read: Word tracked changes, fields, special characters and tables") {
  const std::string body =
      p("Article 1", style("Heading1")) +
      // Insertion kept, deletion dropped; a tab is a space.
      "<w:p><w:r><w:t xml:space=\"preserve\">Le titulaire réalise </w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>1 000</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>1" + nnbsp + "250</w:t></w:r></w:ins>"
      "<w:r><w:t xml:space=\"preserve\"> heures</w:t><w:tab/><w:t>d'insertion.</w:t></w:r></w:p>"
      // A complex field: its result is text, its instruction is not; a simple field's runs are its result.
      "<w:p><w:r><w:t xml:space=\"preserve\">Voir page </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc1 \\h </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>, sur </w:t></w:r>"
      "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>12</w:t></w:r></w:fldSimple></w:p>"
      // A move: the text at its new place only.
      "<w:p><w:moveFrom w:id=\"3\" w:author=\"A\"><w:r><w:t>ancien</w:t></w:r></w:moveFrom>"
      "<w:moveTo w:id=\"4\" w:author=\"A\"><w:r><w:t>nouveau</w:t></w:r></w:moveTo></w:p>"
      // A deleted paragraph mark joins the paragraph to the next; a paragraph deleted whole disappears.
      "<w:p><w:pPr><w:rPr><w:del w:id=\"5\" w:author=\"A\"/></w:rPr></w:pPr><w:r><w:t>Première moitié</w:t></w:r></w:p>" +
      p(" et seconde moitié.") +
      "<w:p><w:pPr><w:rPr><w:del w:id=\"6\" w:author=\"A\"/></w:rPr></w:pPr>"
      "<w:del w:id=\"7\" w:author=\"A\"><w:r><w:delText>Supprimé.</w:delText></w:r></w:del></w:p>" +
      p("Suite.") +
      "<w:p><w:r><w:t>Saint</w:t><w:noBreakHyphen/><w:t>Denis</w:t><w:br/><w:t>1" + nnbsp + "250" + nbsp +
      "€</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0E0\"/><w:softHyphen/><w:t>.</w:t></w:r></w:p>" +
      p("") +  // empty: dropped
      "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr>" + cell(p("Lot")) + cell(p("Heures")) + "</w:tr>"
      "<w:tr>" + cell(p("Lots 1 et 2"), "<w:gridSpan w:val=\"2\"/>") + cell(p("Deux") + p("paragraphes")) + "</w:tr>"
      "<w:tr><w:trPr><w:del w:id=\"8\" w:author=\"A\"/></w:trPr>" +
      cell("<w:p><w:del w:id=\"9\" w:author=\"A\"><w:r><w:delText>ligne supprimée</w:delText></w:r></w:del></w:p>") +
      "</w:tr>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" +
      cell(p("Avant") + "<w:tbl><w:tr>" + cell(p("Imbriqué")) + "</w:tr></w:tbl>" + p("Après")) + "</w:tr>"
      "</w:tbl>" +
      p("Article 1.1", style("Heading2")) +
      "<w:sdt><w:sdtPr><w:alias w:val=\"Champ\"/></w:sdtPr><w:sdtContent>" + p("Fin.") + "</w:sdtContent></w:sdt>";
  const Document d = parsed(docx(word_document(body)), Format::docx);
  CHECK(summaries(d) == std::vector<std::string>{
                            "1 h1 Article 1",
                            "2 [Article 1] Le titulaire réalise 1" + nnbsp + "250 heures d'insertion.",
                            "3 [Article 1] Voir page 3, sur 12",
                            "4 [Article 1] nouveau",
                            "5 [Article 1] Première moitié et seconde moitié.",
                            "6 [Article 1] Suite.",
                            "7 [Article 1] Saint-Denis 1" + nnbsp + "250" + nbsp + "€.",
                            "8 t1/1/1 [Article 1] Lot",
                            "9 t1/1/2 [Article 1] Heures",
                            "10 t1/2/1 [Article 1] Lots 1 et 2",
                            "11 t1/2/3 [Article 1] Deux paragraphes",
                            "12 t1/3/2 [Article 1] Avant",
                            "13 t2/1/1 [Article 1] Imbriqué",
                            "14 t1/3/2 [Article 1] Après",
                            "15 h2 [Article 1] Article 1.1",
                            "16 [Article 1.1] Fin.",
                        });
  CHECK(describe(d, d.paragraphs[0]) == "paragraphe 1");
  CHECK(describe(d, d.paragraphs[1]) == "paragraphe 2, sous « Article 1 »");
  CHECK(describe(d, d.paragraphs[13]) == "paragraphe 14, tableau 1, ligne 3, colonne 2, sous « Article 1 »");
  CHECK(position(d, d.paragraphs[13]) == Position{14, 0});
}

TEST_CASE("document read: Word headings by style name, outline level and style inheritance") {
  const std::string styles =
      R"(<?xml version="1.0" encoding="UTF-8"?><w:styles )" + word_namespace + ">"
      R"(<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
      // French Word: the id is translated, the name of a built-in style is not.
      R"(<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="MonTitre"><w:name w:val="Titre 2"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Chapitre"><w:name w:val="Chapitre"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="ChapitreBis"><w:name w:val="Chapitre bis"/><w:basedOn w:val="Chapitre"/></w:style>)"
      R"(<w:style w:type="paragraph" w:styleId="Corps"><w:name w:val="heading 4"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>)"
      "</w:styles>";
  const std::string body = p("Un", style("Titre1")) + p("Deux", style("MonTitre")) + p("Trois", style("Chapitre")) +
                           p("Trois bis", style("ChapitreBis")) + p("Corps", style("Corps")) +
                           p("Niveau direct", style("Normal") + "<w:outlineLvl w:val=\"1\"/>") +
                           p("Sans style inconnu", style("Inconnu")) +
                           p("Titre annulé", style("Titre1") + "<w:outlineLvl w:val=\"9\"/>");
  CHECK(read(docx(word_document(body), styles), Format::docx) ==
        std::vector<std::string>{
            "1 h1 Un",
            "2 h2 [Un] Deux",
            "3 h3 [Deux] Trois",
            "4 h3 [Deux] Trois bis",
            "5 [Trois bis] Corps",
            "6 h2 [Un] Niveau direct",
            "7 [Niveau direct] Sans style inconnu",
            "8 [Niveau direct] Titre annulé",
        });
  // Without word/styles.xml, Word's style ids say the level ("Titre" alone is the title, no heading).
  const std::string bare = p("Titre", style("Titre")) + p("A", style("Titre1")) + p("B", style("Heading3")) + p("C");
  CHECK(read(docx(word_document(bare)), Format::docx) ==
        std::vector<std::string>{"1 Titre", "2 h1 A", "3 h3 [A] B", "4 [B] C"});
}

TEST_CASE("document read: the Word main part is the one the package relationships name") {
  const std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/texte/principal.xml"/>)"
      "</Relationships>";
  const std::string part_rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../styles/styles.xml"/>)"
      "</Relationships>";
  const std::string styles = R"(<w:styles )" + word_namespace +
                             R"(><w:style w:type="paragraph" w:styleId="T"><w:name w:val="Titre 1"/></w:style></w:styles>)";
  // A default namespace instead of the w: prefix reads the same.
  const std::string main =
      R"(<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>)"
      R"(<p><pPr><pStyle val="T"/></pPr><r><t>Objet</t></r></p><p><r><t>Texte.</t></r></p></body></document>)";
  const std::string bytes = make_zip({{"_rels/.rels", rels},
                                 {"texte/_rels/principal.xml.rels", part_rels},
                                 {"styles/styles.xml", styles},
                                 {"texte/principal.xml", main},
                                 {"word/document.xml", word_document(p("Leurre"))}});
  CHECK(read(bytes, Format::docx) == std::vector<std::string>{"1 h1 Objet", "2 [Objet] Texte."});
}

TEST_CASE("document read: ODF text") {
  const std::string body =
      // Deleted text lives in the tracked-changes region only; the body holds the accepted text.
      "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion><office:change-info>"
      "<dc:creator>A</dc:creator></office:change-info><text:p>1 000</text:p></text:deletion></text:changed-region>"
      "<text:changed-region text:id=\"ct2\"><text:insertion><office:change-info><dc:creator>A</dc:creator>"
      "</office:change-info></text:insertion></text:changed-region></text:tracked-changes>"
      "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" text:name=\"Table\"/></text:sequence-decls>"
      "<text:h text:outline-level=\"1\">Article 1</text:h>"
      "<text:p>Le titulaire réalise <text:change text:change-id=\"ct1\"/><text:change-start text:change-id=\"ct2\"/>1" +
      nnbsp + "250<text:change-end text:change-id=\"ct2\"/> heures<text:tab/>d'insertion.</text:p>"
      "<text:p>Deux<text:s text:c=\"3\"/>espaces, <text:span text:style-name=\"T1\">gras</text:span> et "
      "<text:a xlink:href=\"https://exemple.fr\">lien</text:a><text:line-break/>suite<text:note text:note-class=\"footnote\">"
      "<text:note-citation>1</text:note-citation><text:note-body><text:p>Note.</text:p></text:note-body></text:note>.</text:p>"
      "<text:p>Commenté<office:annotation><dc:creator>A</dc:creator><text:p>Commentaire</text:p></office:annotation> ici"
      "<draw:frame><draw:text-box><text:p>Cadre</text:p></draw:text-box></draw:frame>.</text:p>"
      "<text:list><text:list-item><text:p>Premier</text:p></text:list-item><text:list-item><text:p>Second</text:p>"
      "<text:list><text:list-item><text:p>Imbriqué</text:p></text:list-item></text:list></text:list-item></text:list>"
      "<text:h text:outline-level=\"2\">Article 1.1</text:h>"
      "<table:table table:name=\"T\"><table:table-column table:number-columns-repeated=\"4\"/>"
      "<table:table-header-rows><table:table-row><table:table-cell><text:p>Lot</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-spanned=\"2\"><text:p>Heures</text:p></table:table-cell>"
      "<table:covered-table-cell/><table:table-cell><text:p>Public</text:p></table:table-cell>"
      "</table:table-row></table:table-header-rows>"
      "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/><table:table-cell><text:p>1" + nnbsp +
      "250</text:p><text:p>heures</text:p></table:table-cell></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell/></table:table-row>"
      "<table:table-row><table:table-cell><text:p>Fin</text:p><table:table><table:table-row><table:table-cell>"
      "<text:p>Imbriqué</text:p></table:table-cell></table:table-row></table:table></table:table-cell></table:table-row>"
      "</table:table>"
      "<text:section text:name=\"S\"><text:p>Dans une section.</text:p></text:section>"
      "<text:table-of-content><text:table-of-content-source><text:index-title-template>Modèle</text:index-title-template>"
      "</text:table-of-content-source><text:index-body><text:index-title><text:p>Sommaire</text:p></text:index-title>"
      "<text:p>Article 1<text:tab/>1</text:p></text:index-body></text:table-of-content>"
      "<text:h>Niveau par défaut</text:h>";
  const Document d = parsed(odt(body), Format::odt);
  CHECK(summaries(d) == std::vector<std::string>{
                            "1 h1 Article 1",
                            "2 [Article 1] Le titulaire réalise 1" + nnbsp + "250 heures d'insertion.",
                            "3 [Article 1] Deux espaces, gras et lien suite.",
                            "4 [Article 1] Commenté ici.",
                            "5 [Article 1] Premier",
                            "6 [Article 1] Second",
                            "7 [Article 1] Imbriqué",
                            "8 h2 [Article 1] Article 1.1",
                            "9 t1/1/1 [Article 1.1] Lot",
                            "10 t1/1/2 [Article 1.1] Heures",
                            "11 t1/1/4 [Article 1.1] Public",
                            "12 t1/2/3 [Article 1.1] 1" + nnbsp + "250 heures",
                            "13 t1/5/1 [Article 1.1] Fin",
                            "14 t2/1/1 [Article 1.1] Imbriqué",
                            "15 [Article 1.1] Dans une section.",
                            "16 [Article 1.1] Sommaire",
                            "17 [Article 1.1] Article 1 1",
                            "18 h1 Niveau par défaut",
                        });
  CHECK(describe(d, d.paragraphs[11]) == "paragraphe 12, tableau 1, ligne 2, colonne 3, sous « Article 1.1 »");
}

TEST_CASE("document read: positions and descriptions") {
  Document text{"notice.md", Format::markdown, {}};
  Paragraph line;
  line.number = 4;
  line.line = 12;
  line.heading = "Article 1";
  CHECK(describe(text, line) == "ligne 12");
  CHECK(position(text, line) == Position{12, 1});
  line.table = 1;
  line.row = 3;
  line.column = 2;
  CHECK(describe(text, line) == "ligne 12, tableau 1, colonne 2");

  Document word{"ccap.docx", Format::docx, {}};
  Paragraph paragraph;
  paragraph.number = 12;
  paragraph.heading = "X.2 — Volume d'heures d'insertion";
  CHECK(describe(word, paragraph) == "paragraphe 12, sous « X.2 — Volume d'heures d'insertion »");
  CHECK(position(word, paragraph) == Position{12, 0});
  // A long heading is cut: 79 characters and an ellipsis.
  paragraph.heading = std::string(100, 'a');
  CHECK(describe(word, paragraph) == "paragraphe 12, sous « " + std::string(79, 'a') + "… »");
}

// The line and column (characters, 1-based) where `needle` of the paragraph that holds it stands in the file.
Position where_is(const Document& d, std::string_view needle) {
  for (const Paragraph& p : d.paragraphs) {
    const std::size_t at = p.text.find(needle);
    if (at != std::string::npos) return position(d, p, at);
  }
  FAIL("not in the text: " << needle);
  return {};
}

TEST_CASE("document read: the line and column of a word in a text file, whatever stands around it") {
  // Markdown: bullets, emphasis, code, links, escapes, quotations, a paragraph over two lines, a table
  // with an escaped pipe, a BOM (not a character), CRLF line ends.
  const std::string md = "\xEF\xBB\xBF# Titre **gras**\r\n"
                         "\r\n"
                         "- **Lot 01 :** `code` et [un lien](http://x) puis \\*étoile\r\n"
                         "> citée ici\r\n"
                         "\r\n"
                         "Première ligne,\r\n"
                         "   *suite* de l'été\r\n"
                         "\r\n"
                         "| Lot | Texte |\r\n"
                         "|---|---|\r\n"
                         "| 01 | a \\| b ; é **c** |\r\n";
  const Document m = parsed(md, Format::markdown);
  CHECK(where_is(m, "Titre") == Position{1, 3});
  CHECK(where_is(m, "gras") == Position{1, 11});
  CHECK(where_is(m, "Lot 01") == Position{3, 5});
  CHECK(where_is(m, "code") == Position{3, 17});
  CHECK(where_is(m, "un lien") == Position{3, 27});
  CHECK(where_is(m, "puis") == Position{3, 46});
  CHECK(where_is(m, "*étoile") == Position{3, 52});
  CHECK(where_is(m, "citée") == Position{4, 3});
  CHECK(where_is(m, "Première") == Position{6, 1});
  CHECK(where_is(m, "suite") == Position{7, 5});
  CHECK(where_is(m, "été") == Position{7, 17});
  CHECK(where_is(m, "| b") == Position{11, 11});  // the pipe, after its backslash
  CHECK(where_is(m, "é c") == Position{11, 17});
  const Paragraph& cell = m.paragraphs.back();
  REQUIRE(cell.text == "a | b ; é c");
  CHECK(position(m, cell, cell.text.size() - 1) == Position{11, 21});  // "c", after "**"

  // Plain text: a paragraph over two lines, an item, an aligned table.
  const std::string txt = "Titre\n"
                          "=====\n"
                          "\n"
                          "Le lot 01 réserve\n"
                          "  mille (1 000) heures.\n"
                          "\n"
                          "- item à puce\n"
                          "\n"
                          "Lot   Heures d'insertion\n"
                          "01    1 542\n"
                          "02    379\n";
  const Document t = parsed(txt, Format::text);
  CHECK(where_is(t, "réserve") == Position{4, 11});
  CHECK(where_is(t, "mille") == Position{5, 3});
  CHECK(where_is(t, "item") == Position{7, 3});
  CHECK(where_is(t, "1 542") == Position{10, 7});
  CHECK(where_is(t, "Heures d'") == Position{9, 7});

  // HTML: tags, entities (a decoded entity stands where its "&" is), a line break inside a paragraph.
  const std::string html = "<html><body>\n"
                           "<p>Le lot&nbsp;01 r&eacute;serve <b>mille</b>\n"
                           "   cinq (1&#8239;005) heures</p>\n"
                           "<table><tr><td>01</td><td> 1 542 </td></tr></table>\n"
                           "</body></html>\n";
  const Document h = parsed(html, Format::html);
  CHECK(where_is(h, "Le lot") == Position{2, 4});
  CHECK(where_is(h, "01 r") == Position{2, 16});
  CHECK(where_is(h, "éserve") == Position{2, 20});
  CHECK(where_is(h, "serve") == Position{2, 28});
  CHECK(where_is(h, "mille") == Position{2, 37});
  CHECK(where_is(h, "cinq") == Position{3, 4});
  CHECK(where_is(h, "005") == Position{3, 18});
  CHECK(where_is(h, "1 542") == Position{4, 28});
}

TEST_CASE("document read: a file on disk, and the errors of reading one") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "clausier-document-read-test";
  std::filesystem::create_directories(dir);
  const std::string md = (dir / "notice.md").string();
  std::ofstream(md, std::ios::binary) << "# Titre\n\nTexte.\n";
  ReadResult ok = read_document(md);
  REQUIRE(ok.document);
  CHECK(ok.diagnostics.empty());
  CHECK(ok.document->path == md);
  CHECK(summaries(*ok.document) == std::vector<std::string>{"1 l1 h1 Titre", "2 l3 [Titre] Texte."});

  // Over max_file_size: refused before reading (20 bytes on disk, 10 allowed).
  Limits small;
  small.max_file_size = 10;
  ReadResult big = read_document(md, small);
  CHECK_FALSE(big.document);
  REQUIRE(big.diagnostics.size() == 1);
  CHECK(big.diagnostics[0].rule == "document-too-large");
  CHECK(big.diagnostics[0].category == Category::input);
  CHECK(big.diagnostics[0].message == "le fichier fait plus de 0" + nnbsp + "ko : document refusé");

  ReadResult missing = read_document((dir / "absent.docx").string());
  CHECK_FALSE(missing.document);
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].category == Category::io);
  CHECK(missing.diagnostics[0].message == "lecture impossible : fichier introuvable");

  ReadResult old = read_document((dir / "ccap.doc").string());
  REQUIRE(old.diagnostics.size() == 1);
  CHECK(old.diagnostics[0].rule == "document-format");
  CHECK(old.diagnostics[0].message == "format de document non reconnu (formats lus : .docx, .odt, .md, .txt, .html)");
  CHECK(old.diagnostics[0].hint == "enregistrez-le au format .docx (Word : Fichier, Enregistrer sous)");
  std::filesystem::remove_all(dir);
}

TEST_CASE("document read: text that is not UTF-8") {
  // "é" in Windows-1252 (0xE9) on line 2, after "Ligne " (6 characters): column 7.
  const Diagnostic latin1 = refused("Titre\nLigne \xE9t\xE9\n", Format::text);
  CHECK(latin1.rule == "encoding");
  CHECK(latin1.category == Category::input);
  CHECK(latin1.pos == Position{2, 7});
  CHECK(latin1.message == "le fichier n'est pas encodé en UTF-8 (enregistré en Windows-1252 ?)");
  const Diagnostic utf16 = refused(std::string("\xFF\xFE#\0 \0", 6), Format::markdown);
  CHECK(utf16.rule == "encoding");
  CHECK(utf16.message == "le fichier est encodé en UTF-16, pas en UTF-8");
  CHECK(refused("<p>\xC3</p>", Format::html).pos == Position{1, 4});
}

TEST_CASE("document read: a binary file under a text name is not taken for Windows-1252") {
  const Diagnostic zip = refused(std::string("PK\x03\x04\x14\0\x06\0", 8), Format::markdown);
  CHECK(zip.rule == "encoding");
  CHECK(zip.pos == Position{1, 1});
  CHECK(zip.message == "le fichier est une archive zip (un .docx ou un .odt ?), pas du texte");
  CHECK(zip.hint == "donnez-lui l'extension de son format, .docx ou .odt");
  CHECK(refused("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", Format::text).message == "le fichier est un PDF, pas du texte");
  const Diagnostic binary = refused(std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10), Format::html);
  CHECK(binary.message == "le fichier est binaire, pas du texte");
  CHECK(binary.pos == Position{1, 1});
}

TEST_CASE("document read: an empty file, in any format, is said to be empty") {
  for (Format f : {Format::docx, Format::odt, Format::markdown, Format::text, Format::html}) {
    CAPTURE(name(f));
    for (std::string_view bytes : {std::string_view(), std::string_view("\xEF\xBB\xBF")}) {
      const Diagnostic empty = refused(bytes, f);
      CHECK(empty.rule == "document-empty");
      CHECK(empty.category == Category::input);
      CHECK(empty.severity == Severity::error);
      CHECK(empty.message == "le fichier est vide : il n'y a aucune pièce à vérifier");
    }
  }
  // A single blank line is a text, with nothing in it: no error, no paragraph.
  const ReadResult blank = parse_document("\n", Format::markdown, "avis.md");
  REQUIRE(blank.document);
  CHECK(blank.document->paragraphs.empty());
}

TEST_CASE("document read: archives that are no document") {
  const Diagnostic text = refused("Ceci n'est pas un zip.", Format::docx);
  CHECK(text.rule == "document-archive");
  CHECK(text.message == "document illisible : ce n'est pas une archive zip (un .docx ou un .odt est une archive zip)");
  CHECK(refused("PK", Format::odt).rule == "document-archive");

  const Diagnostic old_word = refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), Format::docx);
  CHECK(old_word.message == "ce fichier est un document Word ancien (.doc) ou protégé par un mot de passe, pas un .docx");

  // Cut in the middle, a zip loses its central directory.
  const std::string whole = doc::write_docx(doc::parse_markdown("# Titre\n\nTexte.", "T"));
  const Diagnostic truncated = refused(std::string_view(whole).substr(0, whole.size() / 2), Format::docx);
  CHECK(truncated.rule == "document-archive");
  CHECK(truncated.message == "document illisible : archive tronquée ou abîmée (un .docx ou un .odt est une archive zip)");

  // The compressed bytes of the first entry damaged: the inflater or the checksum says so.
  std::string damaged = make_zip({{"word/document.xml", word_document(p(std::string(2000, 'x') + "fin"))}});
  for (std::size_t i = 60; i < 90; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x55);
  const Diagnostic corrupt = refused(damaged, Format::docx);
  CHECK(corrupt.rule == "document-archive");
  const bool inflate_or_crc = corrupt.message == "partie word/document.xml illisible : données compressées abîmées" ||
                              corrupt.message == "partie word/document.xml illisible : données abîmées (somme de contrôle fausse)";
  CHECK_MESSAGE(inflate_or_crc, corrupt.message);

  const Diagnostic no_main = refused(make_zip({{"content.xml", "<x/>"}}), Format::docx);
  CHECK(no_main.rule == "document-archive");
  CHECK(no_main.message == "l'archive ne contient pas word/document.xml : ce n'est pas un document Word (.docx)");
  const Diagnostic no_content = refused(make_zip({{"word/document.xml", "<x/>"}}), Format::odt);
  CHECK(no_content.message == "l'archive ne contient pas content.xml : ce n'est pas un document OpenDocument (.odt)");

  // The stray </w:body> starts at byte 96 (12 + 70 + 14); pugixml points past its "</".
  const Diagnostic broken_xml = refused(docx("<w:document " + word_namespace + "><w:body><w:p></w:body>"), Format::docx);
  CHECK(broken_xml.rule == "document-xml");
  CHECK(broken_xml.message ==
        "XML invalide dans la partie word/document.xml (octet 98) : balise fermante qui ne correspond pas à la balise ouverte");
  const Diagnostic not_word = refused(docx("<html><body/></html>"), Format::docx);
  CHECK(not_word.message == "la partie word/document.xml n'est pas un document Word (pas de w:body)");
  const Diagnostic spreadsheet = refused(
      make_zip({{"content.xml", "<office:document-content " + odf_namespaces +
                               "><office:body><office:spreadsheet/></office:body></office:document-content>"}}),
      Format::odt);
  CHECK(spreadsheet.message == "la partie content.xml ne contient pas de texte ODF (un tableur ou une présentation ?)");

  if (zip_encryption_method_supported(ZIP_EM_AES_256, 1)) {
    const Diagnostic encrypted =
        refused(make_zip({{"word/document.xml", word_document(p("Secret")), true}}), Format::docx);
    CHECK(encrypted.rule == "document-archive");
    CHECK(encrypted.message == "partie word/document.xml chiffrée : document protégé par un mot de passe");
  }
}

TEST_CASE("document read: hostile archives stay within the limits") {
  // 100 MiB of zeros deflate to about 100 KB: a zip bomb, built here rather than committed (once: each
  // subcase runs the test case again).
  static const std::string bomb = make_zip({{"word/document.xml", std::string(100u << 20, '\0')}});
  const zip_uint64_t compressed = compressed_size(bomb);
  REQUIRE(compressed < 200000);

  SUBCASE("the declared size is over the entry limit: refused before inflating") {
    Limits limits;
    limits.max_entry_size = 1u << 20;
    const Diagnostic d = refused(bomb, Format::docx, limits);
    CHECK(d.rule == "document-too-large");
    CHECK(d.category == Category::input);
    CHECK(d.message == "la partie word/document.xml fait plus de 1" + nnbsp + "Mo une fois décompressée : document refusé");
  }
  SUBCASE("the declared ratio is over the limit") {
    Limits limits;
    limits.max_entry_size = limits.max_total_size = 200u << 20;
    const Diagnostic d = refused(bomb, Format::docx, limits);
    CHECK(d.rule == "document-too-large");
    // 104 857 600 bytes / the compressed size, rounded, against the default limit of 200.
    const long ratio = std::lround(104857600.0 / static_cast<double>(compressed));
    CHECK(ratio > 200);
    std::string grouped = std::to_string(ratio);
    if (grouped.size() > 3) grouped.insert(grouped.size() - 3, nnbsp);
    CHECK(d.message == "la partie word/document.xml se décompresse " + grouped +
                           " fois, plus que la limite de 200 : document refusé");
  }
  SUBCASE("a forged small declared size does not fool the reader: it counts what it inflates") {
    // Patch the uncompressed size of the entry to 1000 bytes in its local header (offset 22) and in
    // the central directory (offset 24 of the record that starts with PK\1\2).
    std::string forged = bomb;
    auto put32 = [&forged](std::size_t at, std::uint32_t v) {
      for (int i = 0; i < 4; ++i) forged[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    REQUIRE(forged.compare(0, 4, "PK\x03\x04") == 0);
    put32(22, 1000);
    const std::size_t central = forged.rfind("PK\x01\x02");
    REQUIRE(central != std::string::npos);
    put32(central + 24, 1000);
    Limits limits;
    limits.max_entry_size = 1u << 20;
    limits.max_ratio = 1e9;
    const Diagnostic d = refused(forged, Format::docx, limits);
    CHECK(d.rule == "document-too-large");
    CHECK(d.message == "la partie word/document.xml fait plus de 1" + nnbsp + "Mo une fois décompressée : document refusé");
  }
  SUBCASE("the total of the parts read is bounded too") {
    Limits limits;
    limits.max_total_size = 2048;
    const std::string styles = "<w:styles " + word_namespace + ">" + std::string(1500, ' ') + "</w:styles>";
    const Diagnostic d = refused(docx(word_document(p(std::string(1500, 'x'))), styles), Format::docx, limits);
    CHECK(d.rule == "document-too-large");
    CHECK(d.message == "les parties lues font plus de 2" + nnbsp + "ko une fois décompressées : document refusé");
  }
  SUBCASE("too many entries") {
    std::vector<Part> parts{{"word/document.xml", word_document(p("Texte"))}};
    for (int i = 0; i < 10; ++i) parts.push_back({"media/image" + std::to_string(i) + ".png", "x"});
    Limits limits;
    limits.max_entries = 10;
    const Diagnostic d = refused(make_zip(parts), Format::docx, limits);
    CHECK(d.rule == "document-too-large");
    CHECK(d.message == "l'archive contient 11 fichiers, plus que la limite de 10 : document refusé");
    limits.max_entries = 11;
    CHECK(read(make_zip(parts), Format::docx, limits) == std::vector<std::string>{"1 Texte"});
  }
  SUBCASE("bytes over max_file_size, whatever the format") {
    Limits limits;
    limits.max_file_size = 4;
    CHECK(refused("Texte.", Format::text, limits).message == "le fichier fait plus de 0" + nnbsp + "ko : document refusé");
  }
}

TEST_CASE("document read: XML with a DOCTYPE is refused, entities are never expanded") {
  std::string laughs = "<!DOCTYPE w:document [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n";
  const std::string expected = "la partie word/document.xml déclare un DOCTYPE (entités XML) : document refusé par sécurité";
  const Diagnostic billion = refused(
      docx(R"(<?xml version="1.0"?>)" "\n" + laughs + "<w:document " + word_namespace +
           "><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"),
      Format::docx);
  CHECK(billion.rule == "document-xml");
  CHECK(billion.message == expected);

  const Diagnostic external = refused(
      docx(R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
           "<w:document " + word_namespace + "><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"),
      Format::docx);
  CHECK(external.message == expected);
  CHECK(external.hint == "Word et LibreOffice n'en écrivent jamais ; vérifiez d'où vient ce fichier");

  const Diagnostic in_styles =
      refused(docx(word_document(p("Texte")), R"(<!DOCTYPE s SYSTEM "http://exemple.fr/s.dtd"><w:styles/>)"), Format::docx);
  CHECK(in_styles.message == "la partie word/styles.xml déclare un DOCTYPE (entités XML) : document refusé par sécurité");

  const std::string odf_laughs = R"(<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY a "aaaa">]>)"
                                 "<office:document-content " + odf_namespaces +
                                 "><office:body><office:text><text:p>&a;</text:p></office:text></office:body>"
                                 "</office:document-content>";
  CHECK(refused(make_zip({{"content.xml", odf_laughs}}), Format::odt).message ==
        "la partie content.xml déclare un DOCTYPE (entités XML) : document refusé par sécurité");

  // Without a DOCTYPE an undeclared entity is no entity: it stays as written.
  CHECK(read(docx(word_document(p("a &xxe; b"))), Format::docx) == std::vector<std::string>{"1 a &xxe; b"});
}

TEST_CASE("document read: nesting deeper than the walk allows is refused") {
  std::string body;
  for (int i = 0; i < 150; ++i) body += "<w:sdt><w:sdtContent>";
  body += p("Profond");
  for (int i = 0; i < 150; ++i) body += "</w:sdtContent></w:sdt>";
  const Diagnostic d = refused(docx(word_document(body)), Format::docx);
  CHECK(d.rule == "document-xml");
  CHECK(d.message == "la partie word/document.xml imbrique plus de 200 niveaux d'éléments : document refusé");
  // 40 levels read fine.
  std::string shallow;
  for (int i = 0; i < 20; ++i) shallow += "<w:sdt><w:sdtContent>";
  shallow += p("Profond");
  for (int i = 0; i < 20; ++i) shallow += "</w:sdtContent></w:sdt>";
  CHECK(read(docx(word_document(shallow)), Format::docx) == std::vector<std::string>{"1 Profond"});
}
