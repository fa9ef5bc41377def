#include <doctest/doctest.h>
#include <zip.h>

#include <pugixml.hpp>

#include <algorithm>
#include <ctime>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "clausier/doc/blocks.hpp"
#include "printers.hpp"
#include "zip_files.hpp"

using namespace clausier::doc;
using clausier::test::unzip;
using clausier::test::ZipEntry;

namespace {

std::string part(const std::vector<ZipEntry>& entries, const std::string& name) {
  for (const ZipEntry& e : entries)
    if (e.name == name) return e.bytes;
  FAIL("no part " << name);
  return {};
}

// The part parsed; fails the test when it is not well-formed XML.
void load(pugi::xml_document& xml, const std::string& bytes) {
  const pugi::xml_parse_result result = xml.load_buffer(bytes.data(), bytes.size());
  REQUIRE_MESSAGE(result, result.description());
}

// All the text below a node, as Word would show it (without tabs and breaks).
std::string all_text(const pugi::xml_node& node) {
  if (node.type() == pugi::node_pcdata) return node.value();
  std::string out;
  for (const pugi::xml_node& child : node.children()) out += all_text(child);
  return out;
}

// The text of each node, or the value of each attribute, that the XPath selects, in document order.
std::vector<std::string> texts(const pugi::xml_node& root, const char* xpath) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& n : root.select_nodes(xpath)) out.push_back(n.node() ? all_text(n.node()) : n.attribute().value());
  return out;
}

const std::string nnbsp = "\u202F";
const std::string declaration = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
const std::string document_start =
    declaration + R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
                  R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>)";
const std::string page_setup =
    R"(<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" )"
    R"(w:header="567" w:footer="567" w:gutter="0"/>)";
const std::string footer_reference = R"(<w:footerReference w:type="default" r:id="rIdFooter"/>)";
// The last section: a running header (part `header`, 0 for none), the footer, the page.
std::string section_end(int header = 0) {
  std::string out = "<w:sectPr>";
  if (header > 0)
    out += R"(<w:headerReference w:type="default" r:id="rIdHeader)" + std::to_string(header) + R"("/>)";
  return out + footer_reference + page_setup + "</w:sectPr></w:body></w:document>";
}

const std::string sample_markdown =
    "# Clause d'insertion sociale\n"
    "## Article 1 – Objet\n"
    "Le titulaire réalise **au moins 1" + nnbsp + "250 heures** pour un marché de 1" + nnbsp + "250" + nnbsp +
    "000,00" + nnbsp + "€ HT.\n"
    "- embauche directe ;\n"
    "- mise à disposition.\n"
    "## Article 2 – Heures par lot\n"
    "| Lot | Intitulé | Heures |\n|---|---|---:|\n| 01 | Gros œuvre | 1" + nnbsp + "542 |\n| 02 | Peinture | 86 |\n"
    "\f\n"
    "### 2.1 Suivi\n"
    "Le facilitateur suit l'exécution.\n";

}  // namespace

TEST_CASE("docx: a zip of the WordprocessingML parts, in a fixed order, each dated 1980-01-01 00:00") {
  const std::vector<ZipEntry> entries = unzip(write_docx(parse_markdown(sample_markdown, "CCAP")));
  std::vector<std::string> names;
  for (const ZipEntry& e : entries) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                          "word/document.xml", "word/styles.xml", "word/numbering.xml",
                                          "word/settings.xml", "word/footer1.xml", "word/header1.xml",
                                          "word/_rels/document.xml.rels"});
  std::tm first_dos_date{};  // libzip reads the DOS date as local time, so the expected value is local too
  first_dos_date.tm_year = 80;
  first_dos_date.tm_mday = 1;
  first_dos_date.tm_isdst = -1;
  const std::time_t expected = std::mktime(&first_dos_date);
  for (const ZipEntry& e : entries) {
    CAPTURE(e.name);
    CHECK(e.mtime == expected);
    pugi::xml_document xml;
    load(xml, e.bytes);  // every part is well-formed XML
    CHECK(e.bytes.starts_with(declaration));
  }
}

TEST_CASE("docx: the same document gives the same bytes") {
  const Document d = parse_markdown(sample_markdown, "CCAP");
  const std::string once = write_docx(d);
  CHECK(write_docx(d) == once);
  CHECK(write_docx(parse_markdown(sample_markdown, "CCAP")) == once);
  CHECK(write_docx(parse_markdown(sample_markdown + "Fin.", "CCAP")) != once);
}

TEST_CASE("docx: document.xml of a heading and a paragraph with a bold span, exactly") {
  const auto entries = unzip(write_docx(parse_markdown("# Titre\nTexte **gras** et 1" + nnbsp + "250 €.", "T")));
  CHECK(part(entries, "word/document.xml") ==
        document_start +
            R"(<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Titre</w:t></w:r></w:p>)"
            R"(<w:p><w:r><w:t xml:space="preserve">Texte </w:t></w:r>)"
            R"(<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">gras</w:t></w:r>)"
            R"(<w:r><w:t xml:space="preserve"> et 1)" + nnbsp + R"(250 €.</w:t></w:r></w:p>)" + section_end(1));
}

TEST_CASE("docx: a title in bold, a lead-in ending with a colon and a form line stay with what follows") {
  const auto entries = unzip(write_docx(parse_markdown(
      "**Lot 07 — Électricité**\n\nTexte du lot.\n\nParmi les suivantes" + nnbsp + ":\n- une\n\n"
      "Fait à ____, le ____\n\nSignature" + nnbsp + ":\n\n________\n\n**Fin**", "T")));
  const std::string keep = R"(<w:pPr><w:keepNext/></w:pPr>)";
  const std::string form = R"(<w:pPr><w:keepNext/><w:jc w:val="left"/></w:pPr>)";
  pugi::xml_document xml;
  load(xml, part(entries, "word/document.xml"));
  std::vector<std::string> props;
  for (const pugi::xpath_node& n : xml.select_nodes("//w:body/w:p")) {
    std::ostringstream out;
    n.node().child("w:pPr").print(out, "", pugi::format_raw);
    props.push_back(out.str());
  }
  // « Texte du lot. » announces nothing; the bullet keeps its own properties; « ________ » is a form
  // line followed by a paragraph, so it keeps with it; nothing follows « **Fin** ».
  const std::string bullet =
      R"(<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>)";
  const std::vector<std::string> expected = {keep, "", keep, bullet, form, keep, form, ""};
  CHECK(props == expected);
}

TEST_CASE("docx: hyphens between digits and inside an e-mail address do not break, others do") {
  const auto entries = unzip(write_docx(parse_markdown(
      "L. 2112-2-1, sous-traitance, clauses.sud-toulousain@example.org, Jean-Pierre, a-b@c-d.fr", "T")));
  pugi::xml_document xml;
  load(xml, part(entries, "word/document.xml"));
  const pugi::xml_node run = xml.select_node("//w:body/w:p/w:r").node();
  std::string shown;  // the run as Word lays it out, "~" for a non-breaking hyphen
  for (const pugi::xml_node& child : run.children())
    shown += std::string_view(child.name()) == "w:noBreakHyphen" ? std::string("~") : all_text(child);
  CHECK(shown == "L. 2112~2~1, sous-traitance, clauses.sud~toulousain@example.org, Jean-Pierre, a~b@c~d.fr");
}

TEST_CASE("docx: document.xml of a bullet, a table and a page break, exactly") {
  const auto entries =
      unzip(write_docx(parse_markdown("- un\n| Lot | Heures |\n|---|---:|\n| 01 | 86 |\nAprès\n\f\n- deux", "T")));
  // "Lot" and "Heures" in bold DejaVu Serif at 11 pt, plus the cell margins (276 twips): 680 and 1 164
  // twips; the rest of the 9 638 twips of text width goes to each in proportion, the rounding to the last.
  const std::string first_width = R"(<w:tcW w:w="3554" w:type="dxa"/>)";
  const std::string second_width = R"(<w:tcW w:w="6084" w:type="dxa"/>)";
  const std::string shading = R"(<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>)";
  const std::string bullet_props =
      R"(<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>)";
  CHECK(part(entries, "word/document.xml") ==
        document_start +
            "<w:p>" + bullet_props + R"(<w:r><w:t xml:space="preserve">un</w:t></w:r></w:p>)"
            R"(<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9638" w:type="dxa"/><w:tblLayout w:type="fixed"/>)"
            R"(<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" )"
            R"(w:noHBand="0" w:noVBand="1"/></w:tblPr>)"
            R"(<w:tblGrid><w:gridCol w:w="3554"/><w:gridCol w:w="6084"/></w:tblGrid>)"
            R"(<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>)"
            "<w:tc><w:tcPr>" + first_width + shading +
            R"(</w:tcPr><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Lot</w:t></w:r></w:p></w:tc>)"
            "<w:tc><w:tcPr>" + second_width + shading + R"(</w:tcPr><w:p><w:pPr><w:jc w:val="right"/></w:pPr>)"
            R"(<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Heures</w:t></w:r></w:p></w:tc></w:tr>)"
            R"(<w:tr><w:trPr><w:cantSplit/></w:trPr>)"
            "<w:tc><w:tcPr>" + first_width + R"(</w:tcPr><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">01</w:t></w:r></w:p></w:tc>)"
            "<w:tc><w:tcPr>" + second_width + R"(</w:tcPr><w:p><w:pPr><w:jc w:val="right"/></w:pPr>)"
            R"(<w:r><w:t xml:space="preserve">86</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
            R"(<w:p><w:pPr><w:spacing w:before="120"/></w:pPr><w:r><w:t xml:space="preserve">Après</w:t></w:r></w:p>)"
            R"(<w:p><w:r><w:br w:type="page"/></w:r></w:p>)"
            "<w:p>" + bullet_props + R"(<w:r><w:t xml:space="preserve">deux</w:t></w:r></w:p>)" + section_end());
}

TEST_CASE("docx: headings, bold runs, header row, right-aligned cells and no-break spaces in document.xml") {
  const auto entries = unzip(write_docx(parse_markdown(sample_markdown, "CCAP")));
  pugi::xml_document xml;
  load(xml, part(entries, "word/document.xml"));
  CHECK(texts(xml, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']") == std::vector<std::string>{"Clause d'insertion sociale"});
  CHECK(texts(xml, "//w:p[w:pPr/w:pStyle/@w:val='Heading2']") ==
        std::vector<std::string>{"Article 1 – Objet", "Article 2 – Heures par lot"});
  CHECK(texts(xml, "//w:p[w:pPr/w:pStyle/@w:val='Heading3']") == std::vector<std::string>{"2.1 Suivi"});
  CHECK(texts(xml, "/w:document/w:body/w:p/w:r[w:rPr/w:b]/w:t") == std::vector<std::string>{"au moins 1" + nnbsp + "250 heures"});
  CHECK(texts(xml, "//w:p[w:pPr/w:numPr/w:numId/@w:val='1']") ==
        std::vector<std::string>{"embauche directe ;", "mise à disposition."});
  CHECK(texts(xml, "//w:tbl/w:tr[w:trPr/w:tblHeader]/w:tc") == std::vector<std::string>{"Lot", "Intitulé", "Heures"});
  CHECK(texts(xml, "//w:tbl/w:tr/w:tc[w:p/w:pPr/w:jc/@w:val='right']") ==
        std::vector<std::string>{"Heures", "1" + nnbsp + "542", "86"});
  CHECK(xml.select_nodes("//w:tr[w:trPr/w:tblHeader]").size() == 1);
  CHECK(xml.select_nodes("//w:br[@w:type='page']").size() == 1);
  CHECK(texts(xml, "//w:t[contains(., '000,00')]") ==
        std::vector<std::string>{" pour un marché de 1" + nnbsp + "250" + nnbsp + "000,00" + nnbsp + "€ HT."});
  CHECK(xml.select_nodes("//w:t[not(@xml:space='preserve')]").empty());
}

TEST_CASE("docx: styles with outline levels, French, Times New Roman 11 pt; one bullet list") {
  const auto entries = unzip(write_docx(Document{}));
  pugi::xml_document styles;
  load(styles, part(entries, "word/styles.xml"));
  CHECK(texts(styles, "//w:style/@w:styleId") ==
        std::vector<std::string>{"Normal", "Heading1", "Heading2", "Heading3", "Title", "Header", "Footer",
                                 "ListParagraph", "DefaultParagraphFont", "TableNormal", "TableGrid"});
  CHECK(texts(styles, "//w:style[w:pPr/w:outlineLvl]/w:name/@w:val") ==
        std::vector<std::string>{"heading 1", "heading 2", "heading 3"});
  CHECK(texts(styles, "//w:style/w:pPr/w:outlineLvl/@w:val") == std::vector<std::string>{"0", "1", "2"});
  CHECK(texts(styles, "//w:rPrDefault/w:rPr/w:lang/@w:val") == std::vector<std::string>{"fr-FR"});
  CHECK(texts(styles, "//w:rPrDefault/w:rPr/w:rFonts/@w:ascii") == std::vector<std::string>{"Times New Roman"});
  CHECK(texts(styles, "//w:rPrDefault/w:rPr/w:sz/@w:val") == std::vector<std::string>{"22"});
  CHECK(texts(styles, "//w:style[@w:styleId='TableGrid']/w:tblPr/w:tblBorders/*/@w:val") ==
        std::vector<std::string>(6, "single"));

  pugi::xml_document numbering;
  load(numbering, part(entries, "word/numbering.xml"));
  CHECK(texts(numbering, "//w:abstractNum/w:lvl/w:numFmt/@w:val") == std::vector<std::string>{"bullet"});
  CHECK(texts(numbering, "//w:num/@w:numId") == std::vector<std::string>{"1"});

  CHECK(part(entries, "word/document.xml") == document_start + section_end());  // no title, no running header
  CHECK(part(entries, "docProps/core.xml") ==
        declaration +
            R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
            R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
            R"(xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">)"
            R"(<dc:title></dc:title><dc:language>fr-FR</dc:language></cp:coreProperties>)");
}

TEST_CASE("docx: the title goes to the document properties, escaped; the relationships point to every part") {
  const auto entries = unzip(write_docx(parse_markdown("", "CCAP – lot 1 & 2 <clause>")));
  pugi::xml_document core;
  load(core, part(entries, "docProps/core.xml"));
  CHECK(texts(core, "//dc:title") == std::vector<std::string>{"CCAP – lot 1 & 2 <clause>"});
  pugi::xml_document package_rels;
  load(package_rels, part(entries, "_rels/.rels"));
  CHECK(texts(package_rels, "//Relationship/@Target") ==
        std::vector<std::string>{"word/document.xml", "docProps/core.xml", "docProps/app.xml"});
  pugi::xml_document document_rels;
  load(document_rels, part(entries, "word/_rels/document.xml.rels"));
  CHECK(texts(document_rels, "//Relationship/@Target") ==
        std::vector<std::string>{"styles.xml", "numbering.xml", "settings.xml", "footer1.xml"});
  pugi::xml_document types;
  load(types, part(entries, "[Content_Types].xml"));
  CHECK(texts(types, "//Override/@PartName") ==
        std::vector<std::string>{"/word/document.xml", "/word/styles.xml", "/word/numbering.xml", "/word/settings.xml",
                                 "/docProps/core.xml", "/docProps/app.xml", "/word/footer1.xml"});
}

TEST_CASE("docx: text XML cannot hold stays out; tabs and line breaks become Word's") {
  Document d;
  d.blocks.resize(1);
  d.blocks[0].text = {{std::string("a\fb\x01") + "c\xFF" + "d\te\nf", false}};
  const auto entries = unzip(write_docx(d));
  CHECK(part(entries, "word/document.xml") ==
        document_start +
            R"(<w:p><w:r><w:t xml:space="preserve">abc)" "\uFFFD" R"(d</w:t><w:tab/><w:t xml:space="preserve">e</w:t>)"
            R"(<w:br/><w:t xml:space="preserve">f</w:t></w:r></w:p>)" + section_end());
}

TEST_CASE("docx: each level-1 heading starts a section, with its name and the operation as running header") {
  Document d = parse_markdown("# CCAP\nTexte.\n\f\n# RC\nAutre.\n", "T");
  d.header = "Consultation OP-1";
  const auto entries = unzip(write_docx(d));
  pugi::xml_document xml;
  load(xml, part(entries, "word/document.xml"));
  // The page break before the second part gives way to the section break, which starts the page.
  CHECK(xml.select_nodes("//w:br[@w:type='page']").empty());
  CHECK(texts(xml, "//w:sectPr/w:headerReference/@r:id") == std::vector<std::string>{"rIdHeader1", "rIdHeader2"});
  CHECK(texts(xml, "//w:sectPr/w:footerReference/@r:id") == std::vector<std::string>{"rIdFooter", "rIdFooter"});
  CHECK(xml.select_nodes("/w:document/w:body/w:p/w:pPr/w:sectPr").size() == 1);
  pugi::xml_document header;
  load(header, part(entries, "word/header2.xml"));
  CHECK(texts(header, "//w:p") == std::vector<std::string>{"RCConsultation OP-1"});  // a tab between them
  CHECK(header.select_nodes("//w:r/w:tab").size() == 1);
  CHECK(texts(header, "//w:pStyle/@w:val") == std::vector<std::string>{"Header"});
  pugi::xml_document rels;
  load(rels, part(entries, "word/_rels/document.xml.rels"));
  CHECK(texts(rels, "//Relationship/@Target") ==
        std::vector<std::string>{"styles.xml", "numbering.xml", "settings.xml", "footer1.xml", "header1.xml", "header2.xml"});
  pugi::xml_document types;
  load(types, part(entries, "[Content_Types].xml"));
  CHECK(xml.select_nodes("//w:sectPr").size() == 2);
  CHECK(types.select_nodes("//Override[@PartName='/word/header2.xml']").size() == 1);
}

TEST_CASE("docx: the footer numbers the pages, « Page X sur Y », with Word's PAGE and NUMPAGES fields") {
  const auto entries = unzip(write_docx(parse_markdown("Texte.", "T")));
  pugi::xml_document footer;
  load(footer, part(entries, "word/footer1.xml"));
  CHECK(texts(footer, "//w:fldSimple/@w:instr") == std::vector<std::string>{" PAGE ", " NUMPAGES "});
  CHECK(texts(footer, "//w:p") == std::vector<std::string>{"Page 1 sur 1"});
  CHECK(texts(footer, "//w:jc/@w:val") == std::vector<std::string>{"center"});
}

TEST_CASE("docx: columns as wide as their longest word; a table too wide for 11 pt is set smaller") {
  const std::string amount = "1" + nnbsp + "850" + nnbsp + "000,00" + nnbsp + "€" + "\u00A0HT";
  const auto widths = [](const std::string& markdown) {
    const auto entries = unzip(write_docx(parse_markdown(markdown, "T")));
    pugi::xml_document xml;
    load(xml, part(entries, "word/document.xml"));
    std::vector<int> out;
    for (const std::string& w : texts(xml, "//w:gridCol/@w:w")) out.push_back(std::stoi(w));
    return std::make_pair(out, texts(xml, "//w:tc//w:sz/@w:val"));
  };
  // The amount, held together by its no-break spaces, makes its column the widest; all fill the text width.
  auto [three, sizes] = widths("| Lot | Montant | Heures |\n|---|---:|---:|\n| 01 | " + amount + " | 1" + nnbsp + "542 |\n");
  REQUIRE(three.size() == 3);
  CHECK(three[0] + three[1] + three[2] == 9638);
  CHECK(three[1] > three[0]);
  CHECK(three[1] > three[2]);
  CHECK(sizes.empty());  // 11 pt, the body size
  // Nine columns of long words cannot all hold them at 11 pt: the table's text is set at 10 or 9 pt.
  std::string header = "|", separator = "|", row = "|";
  for (int c = 0; c < 9; ++c) {
    header += " Rémunération |";
    separator += "---|";
    row += " " + amount + " |";
  }
  auto [nine, small] = widths(header + "\n" + separator + "\n" + row + "\n");
  REQUIRE(nine.size() == 9);
  REQUIRE_FALSE(small.empty());
  CHECK((small.front() == "20" || small.front() == "18"));
  CHECK(std::all_of(small.begin(), small.end(), [&](const std::string& s) { return s == small.front(); }));
}
