// The checks of draft documents against their tender file (check/document_checks.hpp).
//
// Every document here is generated from text by the test: a Markdown string, written by clausier's
// own writers as .md, .txt, .html and .docx, and as .odt by a small ODF writer below (content.xml
// zipped with libzip); each is read back with document::parse_document, then checked. No binary file
// is committed.
#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/check/document_checks.hpp"
#include "clausier/core/text.hpp"
#include "clausier/doc/blocks.hpp"
#include "clausier/document/read.hpp"
#include "clausier/draft/documents.hpp"
#include "clausier/io/files.hpp"
#include "clausier/tender/load.hpp"
#include "printers.hpp"
#include "zip_files.hpp"

using namespace clausier;
using document::Format;

namespace {

const std::string nnbsp = "\u202F";

// "~" stands for U+202F (narrow no-break space) in the texts below, as clausier's writers put it.
std::string nb(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~')
      out += nnbsp;
    else
      out += c;
  }
  return out;
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  std::size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
  text.replace(at, from.size(), to);
  return text;
}

// ---- A tender and its hours ----------------------------------------------------------------------

struct Computed {
  tender::LoadResult loaded;
  hours::TenderResult result;
};

Computed compute(std::string_view yaml) {
  Computed c;
  c.loaded = tender::parse_tender(yaml, "tender.yaml");
  REQUIRE(c.loaded.ok());
  tender::Resolution res = tender::resolve(*c.loaded.tender, rules::RuleSet::builtin());
  REQUIRE(res.ok());
  c.result = hours::compute(*c.loaded.tender, res);
  return c;
}

// Four lots, notice after 22 August 2026 and 6 990 000 € of works (above the 5 404 000 € threshold):
// the Climate and Resilience obligation applies.
//   lot 01: 1 850 000 × 50 % × 5 % ÷ 30 = 1 541,67 -> 1 542 h (execution)
//   lot 02: TF 650 000 × 35 % × 5 % ÷ 30 = 379,17 -> 379 h; TO1 250 000 × ... = 145,83 -> 146 h; 525 h
//   lot 03: 240 000 × 60 % × 5 % ÷ 30 = 240 h (reserved to SIAE)
//   lot 04: no clause, with a derogation
//   total: 1 542 + 525 + 240 = 2 307 h
constexpr std::string_view four_lots = R"(format: clausier/tender/1
id: TEST-DOC
title: Réhabilitation d'un groupe scolaire
buyer: { name: Commune de Trèbes, kind: local }
facilitator: { name: Jeanne Martin, organisation: Maison de l'emploi, email: clauses@example.org, phone: "04 65 71 00 12" }
nature: works
notice_date: 2026-09-01
parameters: { hourly_cost: 30, rate: 0.05 }
penalties: { per_missing_hour: 60, condition: best-efforts }
lots:
  - { id: "01", title: Gros œuvre, labour_share: 0.5, amount: 1850000, clause: execution }
  - id: "02"
    title: Voirie
    labour_share: 0.35
    clause: execution
    tranches:
      - { id: TF, kind: firm, amount: 650000 }
      - { id: TO1, kind: optional, amount: 250000 }
  - { id: "03", title: Espaces verts, labour_share: 0.6, amount: 240000, clause: reserved-siae }
  - { id: "04", title: Ascenseurs, amount: 4000000, clause: none, derogation: "lot technique confié à un ascensoriste agréé" }
)";

// four_lots, with an award criterion on lot 02 weighing 10 %.
std::string with_criterion() {
  return replaced(std::string(four_lots), "    clause: execution\n    tranches:",
                  "    clause: execution\n    award_criterion: { weight: 0.1, description: Qualité du parcours }\n"
                  "    tranches:");
}

// One lot: 240 000 × 60 % × 5 % ÷ 30 = 240 h. No penalties, no notice date.
constexpr std::string_view one_lot = R"(format: clausier/tender/1
id: TEST-DOC-1
title: Entretien des espaces verts
buyer: { name: Commune de Trèbes, kind: local }
facilitator: { name: Jeanne Martin, email: clauses@example.org }
nature: services
parameters: { hourly_cost: 30, rate: 0.05 }
lots:
  - { id: "1", title: Espaces verts, labour_share: 0.6, amount: 240000, clause: execution }
)";

// A correct CCAP for four_lots. Line numbers of the Markdown are used below: keep them.
const std::string ccap = nb(R"(# Cahier des clauses administratives particulières

## Article 9 — Clause sociale d'insertion

### 9.1 — Lots concernés et fondement juridique

- **Lot 01 « Gros œuvre » :** condition d'exécution, au sens de l'article L. 2112-2 du code de la commande publique
- **Lot 02 « Voirie » :** condition d'exécution, au sens de l'article L. 2112-2 du code de la commande publique
- **Lot 03 « Espaces verts » :** marché réservé aux structures d'insertion par l'activité économique, en application de l'article L. 2113-13 du code de la commande publique

Le lot 04 « Ascenseurs » ne comporte pas de clause sociale d'insertion. Justification : lot technique confié à un ascensoriste agréé.

### 9.2 — Volume d'heures d'insertion

**Lot 01 — Gros œuvre**

Le titulaire réserve un volume minimal de mille cinq cent quarante-deux (1~542) heures de travail.

**Lot 02 — Voirie**

- tranche ferme TF : trois cent soixante-dix-neuf (379) heures
- tranche optionnelle TO1 : cent quarante-six (146) heures

**Lot 03 — Espaces verts**

Le titulaire réserve deux cent quarante (240) heures de travail aux personnes en parcours d'insertion.

| Lot | Heures d'insertion |
|---|---:|
| 01 | 1~542 |
| 02 | 525 |
| dont tranche ferme TF | 379 |
| 03 | 240 |
| **Total** | **2~307** |

### 9.3 — Publics éligibles

Sont éligibles les demandeurs d'emploi de longue durée et les bénéficiaires du RSA.

### 9.4 — Facilitateur

Jeanne Martin, Maison de l'emploi, clauses@example.org, 04 65 71 00 12.

### 9.5 — Pénalités

Le titulaire encourt une pénalité de 60,00~€ HT par heure d'insertion non réalisée.
)");

// ---- The same text in every format ---------------------------------------------------------------

std::string xml_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string plain(const doc::Inline& spans) {
  std::string out;
  for (const doc::Span& s : spans) out += s.text;
  return xml_escaped(out);
}

// What LibreOffice writes for these blocks, reduced to the elements the reader uses.
std::string odf_content(const doc::Document& d) {
  std::string body;
  bool in_list = false;
  for (const doc::Block& b : d.blocks) {
    if (b.kind != doc::Block::Kind::bullet && in_list) {
      body += "</text:list>";
      in_list = false;
    }
    switch (b.kind) {
      case doc::Block::Kind::heading:
        body += "<text:h text:outline-level=\"" + std::to_string(b.level) + "\">" + plain(b.text) + "</text:h>";
        break;
      case doc::Block::Kind::paragraph: body += "<text:p>" + plain(b.text) + "</text:p>"; break;
      case doc::Block::Kind::bullet:
        if (!in_list) body += "<text:list>";
        in_list = true;
        body += "<text:list-item><text:p>" + plain(b.text) + "</text:p></text:list-item>";
        break;
      case doc::Block::Kind::table: {
        body += "<table:table table:name=\"T\">";
        auto row = [&](const std::vector<doc::Inline>& cells) {
          body += "<table:table-row>";
          for (const doc::Inline& c : cells)
            body += "<table:table-cell><text:p>" + plain(c) + "</text:p></table:table-cell>";
          body += "</table:table-row>";
        };
        row(b.table.header);
        for (const auto& r : b.table.rows) row(r);
        body += "</table:table>";
        break;
      }
      case doc::Block::Kind::page_break: break;
    }
  }
  if (in_list) body += "</text:list>";
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         "\n<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\">"
         "<office:body><office:text>" +
         body + "</office:text></office:body></office:document-content>";
}

std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::vector<clausier::test::Part> entries;
  for (const auto& [name, bytes] : parts) entries.push_back({name, bytes});
  return clausier::test::make_zip(entries);
}

constexpr Format all_formats[] = {Format::markdown, Format::text, Format::html, Format::docx, Format::odt};

// The Markdown text written in `format`.
std::string written_bytes(const std::string& markdown, Format format) {
  doc::Document blocks = doc::parse_markdown(markdown, "Document de test");
  std::string bytes;
  switch (format) {
    case Format::markdown: bytes = markdown; break;
    case Format::text: bytes = doc::write_text(blocks); break;
    case Format::html: bytes = doc::write_html(blocks); break;
    case Format::docx: bytes = doc::write_docx(blocks); break;
    case Format::odt:
      bytes = zipped({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", odf_content(blocks)}});
      break;
  }
  return bytes;
}

// The Markdown text written in `format` and read back, as `clausier check --doc` reads a file.
document::Document written_as(const std::string& markdown, Format format, const std::string& stem = "dce/ccap") {
  const std::string bytes = written_bytes(markdown, format);
  const std::string path = stem + "." + std::string(document::name(format));
  document::ReadResult r = document::parse_document(bytes, format, path);
  REQUIRE_MESSAGE(r.document.has_value(), (r.diagnostics.empty() ? std::string("?") : r.diagnostics[0].message));
  return *r.document;
}

Diagnostics run_checks(const std::vector<document::Document>& docs, const Computed& c) {
  return check::check_documents(docs, *c.loaded.tender, c.result, rules::RuleSet::builtin());
}

std::string summary(const Diagnostics& ds) {
  std::string out;
  for (const Diagnostic& d : ds)
    out += d.rule + " " + d.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " +
           d.message + " | " + d.hint + "\n";
  return out;
}

// Where a finding points: in the .md, .txt and .html files, a line and the column where `mention`
// (the words the finding is about) starts on it; in the .docx and .odt, the number of the paragraph
// among the document's paragraphs (same blocks, same numbers), column 0.
struct Place {
  std::map<Format, int> lines;  // line (text formats) or paragraph number (docx, odt); absent: the whole file
  std::string mention;
};

// One expected finding: the same rule and message in every format, at its place in each.
struct Expected {
  std::string rule;
  Place place;
  std::string message;
  std::string hint;
};

Place at(int md, int txt, int html, int paragraph, const std::string& mention) {
  return {{{Format::markdown, md}, {Format::text, txt}, {Format::html, html}, {Format::docx, paragraph},
           {Format::odt, paragraph}},
          nb(mention)};
}
// A finding about the whole file: 0:0 in every format.
Place whole_file() { return {}; }

// The text of a file from a line and character column on (both 1-based); empty when there is none.
std::string_view from_position(std::string_view text, Position pos) {
  std::size_t at = 0;
  for (int line = 1; line < pos.line; ++line) {
    at = text.find('\n', at);
    if (at == std::string_view::npos) return {};
    ++at;
  }
  for (int column = 1; column < pos.column && at < text.size(); ++column) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return text.substr(at);
}

void check_place(const Diagnostic& d, const Place& place, Format f, std::string_view bytes) {
  if (place.lines.empty()) {
    CHECK(d.pos == Position{});
  } else if (f == Format::docx || f == Format::odt) {
    CHECK(d.pos == Position{place.lines.at(f), 0});
  } else {
    CHECK(d.pos.line == place.lines.at(f));
    CHECK_MESSAGE(from_position(bytes, d.pos).starts_with(place.mention),
                  "column " << d.pos.column << ": " << from_position(bytes, d.pos).substr(0, 40));
  }
}

// Where the paragraphs of `ccap` are, counted by hand in the Markdown above, in what write_text
// wraps at 100 columns (the table aligned, headings underlined) and in what write_html writes
// (22 lines of head and style first, one line per block, list item and table row):
//                         md  txt html  paragraph (docx, odt; table cells count one each)
//   bullet « Lot 01 »      7    9   27    4
//   bullet « Lot 03 »      9   13   29    6   (its citation wraps to line 14 of the txt)
//   lot 01, its hours     17   23   34   10
//   table cell 1 542      30   36   47   19   (cells "Lot", "Heures d'insertion", "01" are 16..18)
//   table cell 2 307      34   40   51   27
//   the penalty           46   52   59   33
Place bullet_lot_01(const std::string& mention) { return at(7, 9, 27, 4, mention); }
Place hours_lot_01(const std::string& mention) { return at(17, 23, 34, 10, mention); }
Place cell_lot_01(const std::string& mention) { return at(30, 36, 47, 19, mention); }
Place cell_total(const std::string& mention) { return at(34, 40, 51, 27, mention); }
Place penalty(const std::string& mention) { return at(46, 52, 59, 33, mention); }

void expect_one(const std::string& markdown, const Computed& c, const Expected& e,
                const std::vector<document::Document>& others = {}) {
  for (Format f : all_formats) {
    CAPTURE(document::name(f));
    const std::string bytes = written_bytes(markdown, f);
    std::vector<document::Document> docs{written_as(markdown, f)};
    docs.insert(docs.end(), others.begin(), others.end());
    Diagnostics found = run_checks(docs, c);
    REQUIRE_MESSAGE(found.size() == 1, summary(found));
    const Diagnostic& d = found[0];
    CHECK(d.rule == e.rule);
    CHECK(d.severity == Severity::error);
    CHECK(d.category == Category::finding);
    CHECK(d.path == "dce/ccap." + std::string(document::name(f)));
    check_place(d, e.place, f, bytes);
    CHECK(d.message == e.message);
    CHECK(d.hint == e.hint);
  }
}

}  // namespace

TEST_CASE("document checks: the catalogue") {
  std::vector<std::string> ids;
  for (const check::RuleInfo& r : check::document_rule_catalogue()) {
    ids.push_back(std::string(r.id));
    CHECK(r.severity == Severity::error);
    CHECK(r.category == Category::finding);
    CHECK_FALSE(r.summary.empty());
  }
  CHECK(ids == std::vector<std::string>{"doc-hours-mismatch", "doc-hours-words-digits", "doc-hours-missing",
                                        "doc-legal-obsolete", "doc-legal-clause-mismatch", "doc-ccag-scope",
                                        "doc-ccag-facilitator", "doc-ccag-publics", "doc-ccag-volume",
                                        "doc-penalty-missing", "doc-penalty-rate", "doc-award-criterion",
                                        "doc-notice-reservation", "doc-climate-social-consideration"});
}

TEST_CASE("document checks: a correct CCAP has no finding, in every format") {
  Computed c = compute(four_lots);
  REQUIRE(c.result.total_hours == 2307);
  for (Format f : all_formats) {
    CAPTURE(document::name(f));
    Diagnostics found = run_checks({written_as(ccap, f)}, c);
    CHECK_MESSAGE(found.empty(), summary(found));
  }
  // An empty set of documents, and an empty document, do not crash.
  CHECK(run_checks({}, c).empty());
}


TEST_CASE("document checks: doc-hours-mismatch, a lot's hours in a table cell") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap, nb("| 01 | 1~542 |"), nb("| 01 | 1~543 |")), c,
             {"doc-hours-mismatch", cell_lot_01("1~543"),
              nb("lot 01 « Gros œuvre » : le document indique 1~543~heures (« 1~543 »), le calcul donne 1~542~heures"),
              nb("corrigez en « mille cinq cent quarante-deux (1~542) heures », ou recalculez avec « clausier hours » "
                 "si le dossier a changé")});
}

TEST_CASE("document checks: doc-hours-mismatch, the total of the tender") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap, nb("**2~307**"), nb("**2~308**")), c,
             {"doc-hours-mismatch", cell_total("2~308"),
              nb("total des heures d'insertion : le document indique 2~308~heures (« 2~308 »), le calcul donne "
                 "2~307~heures"),
              nb("corrigez en « deux mille trois cent sept (2~307) heures », ou recalculez avec « clausier hours » si "
                 "le dossier a changé")});
}

TEST_CASE("document checks: doc-hours-words-digits") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap, nb("quarante-deux (1~542)"), nb("quarante-deux (1~543)")), c,
             {"doc-hours-words-digits", hours_lot_01("mille cinq cent quarante-deux (1~543)"),
              nb("lot 01 « Gros œuvre » : « mille cinq cent quarante-deux (1~543) heures » : 1~542 en lettres, 1~543 "
                 "en chiffres ; le calcul donne 1~542~heures"),
              nb("écrivez le même nombre en lettres et en chiffres : « mille cinq cent quarante-deux (1~542) "
                 "heures »")});
}

TEST_CASE("document checks: one finding per lot, naming the other places to correct") {
  Computed c = compute(four_lots);
  // Lot 01 changed in its article (words and digits disagree) and in the table (a figure): one finding,
  // at the first disagreement, listing the table cell.
  std::string md = replaced(ccap, nb("quarante-deux (1~542)"), nb("quarante-deux (1~543)"));
  md = replaced(md, nb("| 01 | 1~542 |"), nb("| 01 | 1~543 |"));
  const std::string start = nb("lot 01 « Gros œuvre » : « mille cinq cent quarante-deux (1~543) heures » : 1~542 en "
                               "lettres, 1~543 en chiffres ; le calcul donne 1~542~heures (autres mentions à corriger : ");
  Diagnostics md_found = run_checks({written_as(md, Format::markdown)}, c);
  REQUIRE(md_found.size() == 1);
  CHECK(md_found[0].pos == Position{17, 43});  // "mille", after "Le titulaire réserve un volume minimal de "
  CHECK(md_found[0].message == start + "ligne 30, tableau 1, colonne 2)");
  Diagnostics docx_found = run_checks({written_as(md, Format::docx)}, c);
  REQUIRE(docx_found.size() == 1);
  CHECK(docx_found[0].pos == Position{10, 0});
  CHECK(docx_found[0].message ==
        start + "paragraphe 19, tableau 1, ligne 2, colonne 2, sous « 9.2 — Volume d'heures d'insertion »)");
}

TEST_CASE("document checks: doc-hours-missing") {
  Computed c = compute(four_lots);
  // Lot 03 loses its paragraph and its table row; the 9.1 list still names it, without hours.
  std::string md = replaced(ccap, "**Lot 03 — Espaces verts**\n\nLe titulaire réserve deux cent quarante (240) heures "
                                  "de travail aux personnes en parcours d'insertion.\n\n", "");
  md = replaced(md, "| 03 | 240 |\n", "");
  expect_one(md, c,
             {"doc-hours-missing", whole_file(),
              nb("lot 03 « Espaces verts » : aucun document n'indique son volume d'heures d'insertion ; le calcul "
                 "donne 240~heures"),
              "indiquez-le, en lettres et en chiffres, en nommant le lot : « lot 03 : … deux cent quarante (240) "
              "heures … » (clausier draft le rédige)"});
}

TEST_CASE("document checks: doc-legal-obsolete") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap, "au sens de l'article L. 2112-2 du code de la commande publique\n- **Lot 02",
                      "au sens de l'article 14 du code des marchés publics\n- **Lot 02"),
             c,
             {"doc-legal-obsolete", bullet_lot_01("article 14 du code"),
              "référence abrogée « article 14 du code des marchés publics » (art. 14 CMP) : à remplacer par "
              "L. 2112-2 CCP",
              "citez l'article L. 2112-2 du code de la commande publique"});
}

TEST_CASE("document checks: doc-legal-clause-mismatch") {
  Computed c = compute(four_lots);
  // The reserved lot cites the basis of an execution condition only.
  expect_one(replaced(ccap, "l'article L. 2113-13", "l'article L. 2112-2"), c,
             {"doc-legal-clause-mismatch", at(9, 14, 29, 6, "L. 2112-2"),  // wrapped: the citation is on the next txt line
              "lot 03 « Espaces verts » (marché réservé aux SIAE) : le document ne cite que L. 2112-2 CCP (condition "
              "d'exécution), qui n'en est pas le fondement ; attendu : L. 2113-13 CCP ou R. 2113-7 CCP",
              "citez l'article L. 2113-13 du code de la commande publique ou l'article R. 2113-7 du code de la "
              "commande publique"});
}

TEST_CASE("document checks: doc-ccag-scope") {
  Computed c = compute(one_lot);
  // One lot: its hours are read as the lot's, but nothing says which contract the clause applies to.
  const std::string md = R"(# Cahier des clauses administratives particulières

## Article 9 — Clause sociale d'insertion

Le titulaire réserve aux publics éligibles deux cent quarante (240) heures de travail.

Facilitateur : Jeanne Martin, clauses@example.org.
)";
  expect_one(md, c,
             {"doc-ccag-scope", whole_file(),
              "le document ne désigne aucun des lots qui ont une clause d'insertion (lot 1) : le périmètre de l'action "
              "d'insertion manque (contenu minimal du CCAG 2021)",
              "nommez chaque lot concerné et la nature de sa clause : « Lot 01 « … » : condition d'exécution … »"});
  // "L'exécution du marché comporte une clause" is the scope of a one-lot contract.
  for (Format f : all_formats) {
    CAPTURE(document::name(f));
    std::string fixed =
        replaced(md, "Le titulaire", "L'exécution du marché comporte une clause sociale d'insertion.\n\nLe titulaire");
    Diagnostics found = run_checks({written_as(fixed, f)}, c);
    CHECK_MESSAGE(found.empty(), summary(found));
  }
}

TEST_CASE("document checks: doc-ccag-facilitator") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap, "Jeanne Martin, Maison de l'emploi, clauses@example.org, 04 65 71 00 12.\n\n", ""), c,
             {"doc-ccag-facilitator", whole_file(),
              "le document ne donne pas les coordonnées du facilitateur (clauses@example.org, 04 65 71 00 12) "
              "(contenu minimal du CCAG 2021)",
              "indiquez le nom, la structure, le courriel et le téléphone du facilitateur"});
  // The phone alone is enough, written another way.
  std::string phone = replaced(ccap, "clauses@example.org, 04 65 71 00 12", "+33 4.65.71.00.12");
  CHECK(run_checks({written_as(phone, Format::markdown)}, c).empty());
}

TEST_CASE("document checks: doc-ccag-publics") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap,
                      "### 9.3 — Publics éligibles\n\nSont éligibles les demandeurs d'emploi de longue durée et les "
                      "bénéficiaires du RSA.\n\n",
                      ""),
             c,
             {"doc-ccag-publics", whole_file(),
              "le document ne définit pas les publics éligibles à la clause (contenu minimal du CCAG 2021)",
              "ajoutez un article « Publics éligibles » qui liste les critères (demandeurs d'emploi de longue durée, "
              "bénéficiaires du RSA, …)"});
}

TEST_CASE("document checks: doc-ccag-volume") {
  Computed c = compute(four_lots);
  // The CCAP states no hours at all; the notice states them, so no lot is missing from the set.
  std::string md = ccap.substr(0, ccap.find("### 9.2")) + ccap.substr(ccap.find("### 9.3"));
  const std::string notice = nb(R"(# Avis de publicité

- lot 01 « Gros œuvre » : condition d'exécution (L. 2112-2 CCP), 1~542 heures d'insertion
- lot 02 « Voirie » : condition d'exécution (L. 2112-2 CCP), 525 heures d'insertion
- lot 03 « Espaces verts » : réservé aux SIAE (L. 2113-13 CCP), 240 heures d'insertion
)");
  expect_one(md, c,
             {"doc-ccag-volume", whole_file(),
              "le document n'indique aucun volume d'heures d'insertion (contenu minimal du CCAG 2021)",
              nb("indiquez pour chaque lot le volume d'heures, en lettres et en chiffres : « … (1~542) heures »")},
             {written_as(notice, Format::markdown, "dce/avis")});
}

TEST_CASE("document checks: doc-penalty-missing") {
  Computed c = compute(four_lots);
  std::string md = ccap.substr(0, ccap.find("### 9.5"));
  expect_one(md, c,
             {"doc-penalty-missing", whole_file(),
              nb("le dossier prévoit une pénalité de 60,00~€ par heure d'insertion non réalisée, que le document "
                 "n'indique pas"),
              nb("ajoutez : « le titulaire encourt une pénalité de 60,00~€ HT par heure d'insertion non réalisée »")});
}

TEST_CASE("document checks: doc-penalty-rate") {
  Computed c = compute(four_lots);
  expect_one(replaced(ccap, nb("60,00~€"), nb("50,00~€")), c,
             {"doc-penalty-rate", penalty("50,00~€"),
              nb("pénalité par heure d'insertion non réalisée : le document indique 50,00~€, le dossier prévoit "
                 "60,00~€"),
              nb("écrivez « 60,00~€ HT par heure d'insertion non réalisée », ou corrigez « penalties » dans le "
                 "dossier")});
  // "60 euros par heure" is the same rate.
  std::string euros = replaced(ccap, nb("60,00~€ HT"), "60 euros");
  CHECK(run_checks({written_as(euros, Format::markdown)}, c).empty());
}

TEST_CASE("document checks: doc-climate-social-consideration") {
  Computed c = compute(four_lots);
  REQUIRE(check::climate_obligation_applies(*c.loaded.tender, rules::RuleSet::builtin()));
  expect_one(replaced(ccap,
                      "Le lot 04 « Ascenseurs » ne comporte pas de clause sociale d'insertion. Justification : lot "
                      "technique confié à un ascensoriste agréé.\n\n",
                      ""),
             c,
             {"doc-climate-social-consideration", whole_file(),
              "lot 04 « Ascenseurs » : le document ne dit pas que le lot n'a pas de clause ni pourquoi, alors que "
              "l'obligation de considération sociale de la loi Climat et résilience s'applique",
              "écrivez : « Le lot 04 ne comporte pas de clause sociale d'insertion. Justification : lot technique "
              "confié à un ascensoriste agréé »"});
  // A lot without a clause and without a derogation: no document can be right.
  std::string yaml(four_lots);
  yaml = replaced(yaml, R"(, derogation: "lot technique confié à un ascensoriste agréé")", "");
  Computed bare = compute(yaml);
  Diagnostics found = run_checks({written_as(ccap, Format::markdown)}, bare);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "doc-climate-social-consideration");
  CHECK(found[0].message ==
        "lot 04 « Ascenseurs » : ni clause ni dérogation dans le dossier, alors que l'obligation de considération "
        "sociale de la loi Climat et résilience s'applique ; aucun document ne peut être conforme");
}

namespace {

struct Drafted {
  tender::LoadedFile file;
  hours::TenderResult result;
  std::string markdown;  // what `clausier draft --doc all` writes
};

// What `clausier draft TENDER --doc all` does, in process (tools/draft/main.cpp).
Drafted draft_all(const std::string& path, text::Spelling spelling = text::Spelling::traditional) {
  Drafted d;
  d.file = tender::load_tender(path);
  REQUIRE(d.file.result.ok());
  tender::Resolution res = tender::resolve(*d.file.result.tender, rules::RuleSet::builtin());
  REQUIRE(res.ok());
  d.result = hours::compute(*d.file.result.tender, res);
  draft::Rendered r = draft::draft_markdown(d.result, rules::RuleSet::builtin(), draft::TemplateSet::builtin(),
                                            draft::DocumentKind::all, draft::ModelOptions{spelling, {}});
  REQUIRE(r.diagnostics.empty());
  d.markdown = r.text;
  return d;
}

Diagnostics check_drafted(const Drafted& d, const std::string& markdown, Format f) {
  return check::check_documents({written_as(markdown, f, "dce/dce")}, *d.file.result.tender, d.result,
                                rules::RuleSet::builtin());
}

bool is_digit_or_group(std::string_view s, std::size_t at, bool forward) {
  // A digit, or a group separator (space, U+00A0, U+202F) or a decimal comma next to a digit.
  auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  if (forward) {
    if (digit(at)) return true;
    for (std::string_view sep : {" ", ",", "\u00A0", "\u202F"})
      if (s.substr(at, sep.size()) == sep && digit(at + sep.size())) return true;
    return false;
  }
  if (at == 0) return false;
  if (digit(at - 1)) return true;
  for (std::string_view sep : {" ", ",", "\u00A0", "\u202F"})
    if (at >= sep.size() + 1 && s.substr(at - sep.size(), sep.size()) == sep && digit(at - sep.size() - 1)) return true;
  return false;
}

// `from` replaced by `to` where it is a whole number (not part of "1 850 000,00" or "2 307"), on
// every line but the total of the annex (the tender's total, not the lot's). which: 0 every
// occurrence, 1 the first only, -1 the last only. Returns how many were replaced.
int replace_figure(std::string& text, std::string_view from, std::string_view to, int which) {
  std::vector<std::size_t> places;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
    if (is_digit_or_group(text, at, false) || is_digit_or_group(text, at + from.size(), true)) continue;
    std::size_t line_start = text.rfind('\n', at);
    std::size_t line_end = text.find('\n', at);
    std::string_view line = std::string_view(text).substr(line_start + 1, line_end - line_start - 1);
    if (line.find("**Total**") != std::string_view::npos) continue;
    places.push_back(at);
  }
  if (places.empty()) return 0;
  if (which == 1) places = {places.front()};
  if (which == -1) places = {places.back()};
  for (auto it = places.rbegin(); it != places.rend(); ++it) text.replace(*it, from.size(), to);
  return static_cast<int>(places.size());
}

struct Example {
  const char* folder;
  std::string figure, changed;  // the first lot's hours, and one hour more
  std::string lot;              // how findings name that lot
  int occurrences;              // where the drafts state them (counted in `clausier draft --doc all`)
};

}  // namespace

TEST_CASE("document checks: the drafts of the examples pass; one hour changed in a lot gives one finding") {
  // Occurrences of the first lot's hours in the four drafted documents: CCAP volume article, annex
  // table and calculation line; RC table; AE table and the lot's commitment; notice.
  const std::vector<Example> examples = {
      {"anru-viguier", "1\u202F542", "1\u202F543", "lot 01 « Gros œuvre – maçonnerie »", 7},
      {"proprete-siege", "240", "241", "lot 1 « Nettoyage des bureaux, salles de réunion et parties communes »", 8},
      {"espaces-verts", "120", "121", "lot 1 « Entretien des parcs et jardins, secteur nord »", 8},
  };
  for (const Example& e : examples) {
    CAPTURE(e.folder);
    Drafted d = draft_all(std::string(CLAUSIER_SOURCE_DIR) + "/examples/" + e.folder);
    for (Format f : all_formats) {
      CAPTURE(document::name(f));
      Diagnostics found = check_drafted(d, d.markdown, f);
      CHECK_MESSAGE(found.empty(), summary(found));
    }
    // The 1990 spelling ("mille-cinq-cent-quarante-deux") reads the same.
    Drafted reformed =
        draft_all(std::string(CLAUSIER_SOURCE_DIR) + "/examples/" + e.folder, text::Spelling::reformed_1990);
    REQUIRE(reformed.markdown != d.markdown);
    Diagnostics found_1990 = check_drafted(reformed, reformed.markdown, Format::docx);
    CHECK_MESSAGE(found_1990.empty(), summary(found_1990));
    for (int which : {0, 1, -1}) {
      CAPTURE(which);
      std::string changed = d.markdown;
      const int n = replace_figure(changed, e.figure, e.changed, which);
      CHECK(n == (which == 0 ? e.occurrences : 1));
      for (Format f : all_formats) {
        CAPTURE(document::name(f));
        Diagnostics found = check_drafted(d, changed, f);
        REQUIRE_MESSAGE(found.size() == 1, summary(found));
        // Every occurrence or the first (CCAP volume article, words and digits): words and digits
        // disagree; the last (the notice, digits only): the figure differs from the calculation.
        CHECK(found[0].rule == (which == -1 ? "doc-hours-mismatch" : "doc-hours-words-digits"));
        CHECK(found[0].path == "dce/dce." + std::string(document::name(f)));
        CHECK(found[0].message.rfind(e.lot + " : ", 0) == 0);
      }
    }
  }
}

TEST_CASE("document checks: the drafts of every clause type, tranche and below-minimum lot pass") {
  for (const char* name : {"execution-critere", "marche-insertion", "reserve-handicap", "reserve-les-deux",
                           "reserve-siae", "sans-clause", "travaux-tranches-pourcentage"}) {
    CAPTURE(name);
    Drafted d = draft_all(std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/draft/" + name + ".yaml");
    for (Format f : all_formats) {
      CAPTURE(document::name(f));
      Diagnostics found = check_drafted(d, d.markdown, f);
      CHECK_MESSAGE(found.empty(), summary(found));
    }
  }
}

namespace {

// A correct CCAP for one_lot (240 h), to which a test adds one paragraph.
const std::string one_lot_ccap = R"(# Cahier des clauses administratives particulières

L'exécution du marché comporte une clause sociale d'insertion.

Le titulaire réserve aux publics éligibles deux cent quarante (240) heures de travail.

Facilitateur : Jeanne Martin, clauses@example.org.
)";

std::vector<std::string> rules_found(const Computed& c, const std::string& added) {
  std::vector<std::string> out;
  for (const Diagnostic& d : run_checks({written_as(one_lot_ccap + "\n" + added + "\n", Format::markdown)}, c))
    out.push_back(d.rule + (d.pos.line > 0 ? ":" + std::to_string(d.pos.line) : ""));
  return out;
}

}  // namespace

TEST_CASE("document checks: what is a statement of hours, and what is not") {
  Computed c = compute(one_lot);
  REQUIRE(c.result.lots[0].hours == 240);
  REQUIRE(rules_found(c, "").empty());
  // The added paragraph is line 9 of the Markdown. Each of these states 241 hours for the only lot.
  for (std::string text : {"Le titulaire réalise 241 heures.", "Soit 241h au total.", "Volume : 241 h.",
                           "Un volume de 241 (deux cent quarante et un) heures.",
                           "Deux cent quarante et une heures de travail.", "Deux-Cent-Quarante-Et-Un heures.",
                           "Un volume de 240,5 heures.", "Un volume de deux cent quarante heures et demie.",
                           "Un volume de 1.241 heures.", "La sous-traitance de 241 heures."}) {
    CAPTURE(text);
    CHECK(rules_found(c, text) == std::vector<std::string>{"doc-hours-mismatch:9"});
  }
  // Words and digits that disagree, whatever the order.
  for (std::string text : {"deux cent quarante (241) heures", "241 (deux cent quarante) heures",
                           "deux cent quarante heures et demie (240 heures)"}) {
    CAPTURE(text);
    CHECK(rules_found(c, text) == std::vector<std::string>{"doc-hours-words-digits:9"});
  }
  // The same figure, other ways: "= 240 h", the figure before rounding is 240 exactly.
  for (std::string text : {"240 heures.", "240\u00A0heures", "240h", "= 240,00 h", "deux-cent-quarante heures"}) {
    CAPTURE(text);
    CHECK(rules_found(c, text).empty());
  }
  // Not hours of the lot: time limits, working time, thresholds, operands, money, shares, times of day,
  // identifiers, an article "une heure".
  for (std::string text :
       {"Il prévient le facilitateur dans un délai de 241 heures.", "Réponse sous 241 heures.",
        "Une durée de travail de 35 heures par semaine.", "Dont 241 heures de formation.",
        "Sous le seuil de 241 heures.", "Plancher de 241 h.", "2 ETP × 12 mois × 151,67 h.",
        "Pénalité de 241 € par heure.", "Coût horaire de 30 €/h.", "Au moins 6 % des heures travaillées.",
        "Réunion à 8h30.", "Lot TO1 heures.", "Pendant une heure.", "Tous les 241 heures ouvrées."}) {
    CAPTURE(text);
    CHECK(rules_found(c, text).empty());
  }
}

TEST_CASE("document checks: obsolete references, as people write them") {
  Computed c = compute(one_lot);
  struct Case {
    const char* text;
    std::vector<std::string> messages;
  };
  const std::vector<Case> cases = {
      {"En application de l'art. 14 du CMP.",
       {"référence abrogée « art. 14 du CMP » (art. 14 CMP) : à remplacer par L. 2112-2 CCP"}},
      {"Conformément aux articles 14 et 15 du Code des marchés publics.",
       {"référence abrogée « articles 14 et 15 du Code des marchés publics » (art. 14 CMP) : à remplacer par "
        "L. 2112-2 CCP",
        "référence abrogée « articles 14 et 15 du Code des marchés publics » (art. 15 CMP) : à remplacer par "
        "L. 2113-12 CCP"}},
      {"Article 38 de l'ordonnance n° 2015-899 du 23 juillet 2015.",
       {"référence abrogée « Article 38 de l'ordonnance n° 2015-899 » (art. 38 ord. 2015-899) : à remplacer par "
        "L. 2112-2 CCP"}},
      {"Voir le décret n°2016-360, art. 28.",
       {"référence abrogée « décret n°2016-360, art. 28 » (art. 28 décr. 2016-360) : à remplacer par R. 2123-1, 3° CCP"}},
      {"Au sens de l'article 53-IV du CMP.",
       {"référence abrogée « article 53-IV du CMP » (art. 53 CMP) : à remplacer par L. 2152-7 CCP et R. 2152-7 CCP"}},
      // An article the table does not know, and the code as a whole.
      {"Selon l'article 99 du code des marchés publics.",
       {"référence abrogée « article 99 du code des marchés publics » : l'article 99 du code des marchés publics "
        "n'est plus en vigueur"}},
      {"Dans le respect du code des marchés publics.",
       {"référence abrogée « code des marchés publics » : le code des marchés publics n'est plus en vigueur"}},
      // Not obsolete: the code de la commande publique, an article of a law, "CMP" alone.
      {"Article L. 2112-2 du code de la commande publique ; article 35 de la loi n° 2021-1104 ; CMP.", {}},
  };
  for (const Case& k : cases) {
    CAPTURE(k.text);
    std::vector<std::string> messages;
    for (const Diagnostic& d : run_checks({written_as(one_lot_ccap + "\n" + k.text + "\n", Format::markdown)}, c)) {
      CHECK(d.rule == "doc-legal-obsolete");
      // At the reference the message quotes, on line 9.
      const std::size_t open = d.message.find("« ") + std::string_view("« ").size();
      const std::string written = d.message.substr(open, d.message.find(" »") - open);
      const std::string_view line = k.text;
      REQUIRE(line.find(written) != std::string_view::npos);
      CHECK(d.pos == Position{9, static_cast<int>(utf8_width(line.substr(0, line.find(written)))) + 1});
      messages.push_back(d.message);
    }
    CHECK(messages == k.messages);
  }
}

TEST_CASE("document checks: legal bases, as people cite them") {
  // One clause type in the tender: every citation of the document is about its lots.
  Computed c = compute(one_lot);
  for (std::string text : {"Fondement : L2112-2.", "Fondement : art. L.2112-2 CCP.", "Fondement : L. 2112-2 CCP."}) {
    CAPTURE(text);
    CHECK(rules_found(c, text).empty());
  }
  for (std::string text :
       {"Marché réservé : L2113-13.", "Fondement : art. L.2113-13 du code de la commande publique."}) {
    CAPTURE(text);
    CHECK(rules_found(c, text) == std::vector<std::string>{"doc-legal-clause-mismatch:9"});
  }
  // Both: the execution condition has its basis.
  CHECK(rules_found(c, "L. 2112-2 et L. 2113-13.").empty());
}

TEST_CASE("document checks: documents built by hand, and hostile text, do not crash") {
  Computed c = compute(with_criterion());  // a reserved lot and an award criterion: every rule has work
  // A document as a reader may return it: table cells without a header row, a heading level out of
  // range, empty and huge paragraphs, stray no-break spaces and bytes that are not UTF-8.
  document::Document d{"dce/ccap.docx", Format::docx, {}};
  auto add = [&](std::string text, int heading = 0, int table = 0, int row = 0, int column = 0) {
    document::Paragraph p;
    p.text = std::move(text);
    p.number = static_cast<int>(d.paragraphs.size()) + 1;
    p.heading_level = heading;
    p.table = table;
    p.row = row;
    p.column = column;
    d.paragraphs.push_back(p);
  };
  add("Lot 01", 42);
  add("", -3);
  add("1\u202F", 0, 1, 5, 2);
  add("dont tranche", 0, 1, 6, 1);
  add("Total \xC3", 0, 1, 7, 1);
  add("lot lot lot n° n° (((( mille mille (1 542 ( heures \xE2\x80 \xC3\x97");
  add(std::string(100000, '9') + " heures");
  add("article article 14 14 du du code des marchés publics, art. ordonnance 2015-899 2016-360 L. 9999-");
  const char* tokens[] = {"lot",     "01",    "1",      "heures", "h",        "(",       ")",       "mille",
                          "cent",    "et",    "un",     "€",      "%",        "\u202F", "\u00A0", "article",
                          "14",      "du",    "CMP",    "×",      "2015-899", "dont",    "tranche", "TF",
                          "Total",   "L.",    "2112-2", ",",      "542",      ":",       "«",       "pénalité",
                          "par",     "heure", "seuil",  "quatre", "vingt",    "-",       "n°",      "unique",
                          "critère", "insertion", "sociale", "pondéré", "réservé"};
  std::uint64_t x = 7;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (int w = 0; w < 12; ++w) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      text += tokens[(x >> 33) % std::size(tokens)];
      text += (x >> 20) % 3 == 0 ? "" : " ";
    }
    int table = (x >> 40) % 4 == 0 ? 2 : 0;
    const int heading = (x >> 45) % 7 == 0 ? static_cast<int>((x >> 50) % 4) : 0;
    add(text, heading, table, table ? static_cast<int>((x >> 52) % 5) : 0, table ? static_cast<int>((x >> 56) % 4) : 0);
  }
  // The same paragraphs as each kind of piece (by its file name: no paragraph is a title).
  for (std::string path : {"dce/ccap.docx", "dce/rc.docx", "dce/ae.docx", "dce/avis.docx", "dce/x.docx"}) {
    CAPTURE(path);
    d.path = path;
    Diagnostics found = check::check_documents({d}, *c.loaded.tender, c.result, rules::RuleSet::builtin());
    for (const Diagnostic& f : found) {
      CHECK(f.category == Category::finding);
      CHECK(f.path == path);
    }
  }
  // A tender whose hours could not be computed (no result): the checks that need none still run.
  hours::TenderResult none;
  none.tender = &*c.loaded.tender;
  CHECK_NOTHROW(check::check_documents({d, written_as(ccap, Format::markdown)}, *c.loaded.tender, none,
                                       rules::RuleSet::builtin()));
}

// Issue 11, as a facilitator meets it: the CCAP clausier draft writes for a lot of 21 hours, with
// « vingt et une (21) heures » changed to « vingt-deux (21) heures ».
TEST_CASE("document checks: « vingt-deux (21) heures » in a drafted CCAP, at the column of « vingt-deux »") {
  const std::string path = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/dce-21/tender.yaml";
  const io::ReadResult file = io::read_file(path);
  REQUIRE(file.text);
  Computed c = compute(*file.text);
  REQUIRE(c.result.lots.at(1).hours == 21);
  const draft::Rendered drafted = draft::draft_markdown(c.result, rules::RuleSet::builtin(),
                                                        draft::TemplateSet::builtin(), draft::DocumentKind::ccap, {});
  REQUIRE(drafted.diagnostics.empty());
  const std::string_view right = "vingt et une (21) heures";
  REQUIRE(drafted.text.find(right) != std::string::npos);
  // The first mention only (the article's volume), then every mention (the summary of the calculation too).
  for (bool every : {false, true}) {
    CAPTURE(every);
    std::string md = drafted.text;
    for (std::size_t at = md.find(right); at != std::string::npos; at = every ? md.find(right, at) : std::string::npos)
      md.replace(at, right.size(), "vingt-deux (21) heures");
    const std::size_t edited = md.find("vingt-deux (21) heures");
    const std::size_t line_start = md.rfind('\n', edited) + 1;
    const Position expected{static_cast<int>(std::count(md.begin(), md.begin() + static_cast<long>(edited), '\n')) + 1,
                            static_cast<int>(utf8_width(std::string_view(md).substr(line_start, edited - line_start))) + 1};
    document::ReadResult r = document::parse_document(md, Format::markdown, "ccap.md");
    REQUIRE(r.document);
    Diagnostics found = run_checks({*r.document}, c);
    REQUIRE_MESSAGE(found.size() == 1, summary(found));
    CHECK(found[0].rule == "doc-hours-words-digits");
    CHECK(found[0].pos == expected);
    CHECK(found[0].hint == "écrivez le même nombre en lettres et en chiffres : « vingt et une (21) heures »");
  }
}


// ---- Kinds of piece: which rules read which document ----------------------------------------------

namespace {

// A document as a reader returns it: one paragraph a text.
document::Document piece(std::string path, const std::vector<std::string>& texts) {
  document::Document d{std::move(path), Format::docx, {}};
  for (const std::string& text : texts) {
    document::Paragraph p;
    p.text = text;
    p.number = static_cast<int>(d.paragraphs.size()) + 1;
    d.paragraphs.push_back(p);
  }
  return d;
}

// The CCAP above under another title.
std::string titled(const std::string& markdown, std::string_view title) {
  return replaced(markdown, "# Cahier des clauses administratives particulières", "# " + std::string(title));
}

constexpr std::string_view rc_title = "Règlement de la consultation";
constexpr std::string_view ae_title = "Acte d'engagement — Annexe « Engagement d'insertion »";
constexpr std::string_view notice_title = "Avis d'appel public à la concurrence";

std::vector<std::string> rules_of(const Diagnostics& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.rule);
  return out;
}

}  // namespace

TEST_CASE("document checks: the kind of a piece, from its title or else its file name") {
  using check::DocumentKind;
  const std::string prose = "La présente annexe fait partie de l'acte d'engagement. Elle comprend un engagement par lot "
                            "comportant une clause sociale d'insertion, établi en application de l'article « Clause "
                            "sociale d'insertion » du cahier des clauses administratives particulières (CCAP).";
  struct Case {
    std::string path;
    std::vector<std::string> paragraphs;
    DocumentKind kind;
  };
  const std::vector<Case> cases = {
      // Titles, as clausier draft writes them and as buyers do (capitals without accents, a cover page).
      {"dce/dce.md", {"Cahier des clauses administratives particulières"}, DocumentKind::ccap},
      {"dce/Pièce 3.docx",
       {"Commune de Trèbes", "MARCHÉ PUBLIC DE TRAVAUX", "Rénovation de l'école",
        "CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIERES (C.C.A.P.)"},
       DocumentKind::ccap},
      {"dce/x.md", {"Règlement de la consultation"}, DocumentKind::rc},
      {"dce/x.md", {"REGLEMENT DE CONSULTATION"}, DocumentKind::rc},
      {"dce/x.md", {"Acte d'engagement — Annexe « Engagement d'insertion »", prose}, DocumentKind::ae},
      {"dce/x.md", {"ACTE D’ENGAGEMENT (ATTRI1)"}, DocumentKind::ae},
      {"dce/x.md", {"Avis de publicité — Clause sociale d'insertion"}, DocumentKind::notice},
      {"dce/x.md", {"AVIS D'APPEL PUBLIC A LA CONCURRENCE"}, DocumentKind::notice},
      {"dce/x.md", {"Avis de marché"}, DocumentKind::notice},
      // The title wins over the file name.
      {"dce/ccap.md", {"Règlement de la consultation"}, DocumentKind::rc},
      // A long paragraph is prose, not a title: the acte d'engagement's fourth paragraph names the CCAP.
      {"dce/annexe.md", {"Consultation ECOLE-2026", "Acheteur : Commune de Trèbes", prose}, DocumentKind::other},
      // File names, when no title is found.
      {"dce/03-CCAP.docx", {"Article 9 — Clause sociale d'insertion"}, DocumentKind::ccap},
      {"RC_lot2.docx", {}, DocumentKind::rc},
      {"AE lot 1.docx", {}, DocumentKind::ae},
      {"dce/ATTRI1.docx", {}, DocumentKind::ae},
      {"dce/Avis d'appel public à la concurrence.odt", {}, DocumentKind::notice},
      {"AAPC.md", {}, DocumentKind::notice},
      {"dce/ccap-hours.md", {}, DocumentKind::ccap},
      // Neither: "marché" holds the letters "rc", not the word; a CCTP is another piece.
      {"dce/marche.docx", {"Article 9"}, DocumentKind::other},
      {"dce/CCTP.docx", {"Cahier des clauses techniques particulières"}, DocumentKind::other},
      {"dce/dce.md", {}, DocumentKind::other},
  };
  for (const Case& k : cases) {
    CAPTURE(k.path);
    CHECK(check::document_kind(piece(k.path, k.paragraphs)) == k.kind);
  }
  // Only the first twelve paragraphs hold a title.
  std::vector<std::string> late(12, "Sommaire");
  late.push_back("Règlement de la consultation");
  CHECK(check::document_kind(piece("dce/x.md", late)) == DocumentKind::other);
  late.erase(late.begin());
  CHECK(check::document_kind(piece("dce/x.md", late)) == DocumentKind::rc);

  std::vector<std::string> names, labels;
  for (DocumentKind k : check::document_kinds) {
    names.emplace_back(check::name(k));
    labels.emplace_back(check::label(k));
  }
  CHECK(names == std::vector<std::string>{"ccap", "rc", "ae", "notice", "other"});
  CHECK(labels == std::vector<std::string>{"CCAP", "RC", "acte d'engagement", "avis", "autre pièce"});
}

TEST_CASE("document checks: docs/check.md shows the table of which rules read which piece") {
  const io::ReadResult file = io::read_file(std::string(CLAUSIER_SOURCE_DIR) + "/docs/check.md");
  REQUIRE(file.text);
  const std::string& text = *file.text;
  const std::size_t section = text.find("\n### Quelles règles pour quelle pièce\n");
  REQUIRE(section != std::string::npos);
  const std::size_t header = text.find("| Règle | CCAP | RC | Acte d'engagement | Avis | Autre pièce |", section);
  REQUIRE(header != std::string::npos);
  std::vector<std::string> rows;  // "doc-hours-mismatch 11111"
  std::size_t line = text.find('\n', header) + 1;
  line = text.find('\n', line) + 1;  // the |---| line
  while (line < text.size() && text[line] == '|') {
    const std::size_t end = text.find('\n', line);
    const std::string row = text.substr(line, end - line);
    std::vector<std::string> cells;
    for (std::size_t at = 1, bar = row.find('|', at); bar != std::string::npos; at = bar + 1, bar = row.find('|', at))
      cells.push_back(row.substr(at, bar - at));
    REQUIRE(cells.size() == 6);
    const std::size_t tick = cells[0].find('`');
    std::string id = cells[0].substr(tick + 1, cells[0].find('`', tick + 1) - tick - 1);
    id += ' ';
    for (std::size_t c = 1; c < cells.size(); ++c) id += cells[c].find("✓") != std::string::npos ? '1' : '0';
    rows.push_back(id);
    line = end + 1;
  }
  std::vector<std::string> expected;
  for (const check::RuleInfo& r : check::document_rule_catalogue()) {
    std::string id = std::string(r.id) + ' ';
    for (check::DocumentKind k : check::document_kinds) id += check::rule_applies(r.id, k) ? '1' : '0';
    expected.push_back(id);
  }
  CHECK(rows == expected);
}

TEST_CASE("document checks: what only a CCAP must contain is not asked of another piece") {
  Computed c = compute(four_lots);
  // The CCAP without its eligible publics, its facilitator and its penalty.
  std::string bare = replaced(ccap,
                              "### 9.3 — Publics éligibles\n\nSont éligibles les demandeurs d'emploi de longue durée "
                              "et les bénéficiaires du RSA.\n\n",
                              "");
  bare = replaced(bare, "Jeanne Martin, Maison de l'emploi, clauses@example.org, 04 65 71 00 12.\n\n", "");
  bare = bare.substr(0, bare.find("### 9.5"));
  CHECK(rules_of(run_checks({written_as(bare, Format::markdown)}, c)) ==
        std::vector<std::string>{"doc-ccag-facilitator", "doc-ccag-publics", "doc-penalty-missing"});
  for (std::string_view title : {rc_title, ae_title, notice_title}) {
    CAPTURE(title);
    for (Format f : all_formats) {
      CAPTURE(document::name(f));
      Diagnostics found = run_checks({written_as(titled(bare, title), f, "dce/piece")}, c);
      CHECK_MESSAGE(found.empty(), summary(found));
    }
  }
}

TEST_CASE("document checks: a wrong figure is wrong in any piece") {
  Computed c = compute(four_lots);
  const std::string hours = replaced(ccap, nb("| 01 | 1~542 |"), nb("| 01 | 1~543 |"));
  const std::string rate = replaced(ccap, nb("60,00~€"), nb("50,00~€"));
  for (std::string_view title : {rc_title, ae_title, notice_title}) {
    CAPTURE(title);
    for (Format f : all_formats) {
      CAPTURE(document::name(f));
      Diagnostics found = run_checks({written_as(titled(hours, title), f, "dce/piece")}, c);
      REQUIRE_MESSAGE(found.size() == 1, summary(found));
      CHECK(found[0].rule == "doc-hours-mismatch");
      CHECK(found[0].path == "dce/piece." + std::string(document::name(f)));
      CHECK(found[0].message ==
            nb("lot 01 « Gros œuvre » : le document indique 1~543~heures (« 1~543 »), le calcul donne 1~542~heures"));
      CHECK(rules_of(run_checks({written_as(titled(rate, title), f, "dce/piece")}, c)) ==
            std::vector<std::string>{"doc-penalty-rate"});
    }
  }
}

TEST_CASE("document checks: an acte d'engagement answers for the hours of the lots it names") {
  Computed c = compute(four_lots);
  const std::string ae = nb(R"(# Acte d'engagement — Annexe « Engagement d'insertion »

## Lot 01 — Gros œuvre

Je m'engage à réserver aux publics éligibles un volume minimal de mille cinq cent quarante-deux (1~542) heures de travail pour l'exécution du lot 01 « Gros œuvre ».
)");
  const std::string no_hours = replaced(ae, nb("un volume minimal de mille cinq cent quarante-deux (1~542) heures de travail"),
                                        "le volume d'heures fixé par le CCAP");
  for (Format f : all_formats) {
    CAPTURE(document::name(f));
    // Lot 01 alone: the other lots are not its to state.
    Diagnostics alone = run_checks({written_as(ae, f, "dce/ae-lot01")}, c);
    CHECK_MESSAGE(alone.empty(), summary(alone));
    // Without lot 01's hours, they are missing; with the CCAP, which states them, they are not.
    Diagnostics missing = run_checks({written_as(no_hours, f, "dce/ae-lot01")}, c);
    REQUIRE_MESSAGE(missing.size() == 1, summary(missing));
    CHECK(missing[0].rule == "doc-hours-missing");
    CHECK(missing[0].path == "dce/ae-lot01." + std::string(document::name(f)));
    CHECK(missing[0].message ==
          nb("lot 01 « Gros œuvre » : aucun document n'indique son volume d'heures d'insertion ; le calcul donne "
             "1~542~heures"));
    Diagnostics with_ccap = run_checks({written_as(no_hours, f, "dce/ae-lot01"), written_as(ccap, f)}, c);
    CHECK_MESSAGE(with_ccap.empty(), summary(with_ccap));
  }
  // A CCAP answers for every lot: lot 03, stated nowhere, is reported on it, after the acte d'engagement.
  std::string ccap_without_03 = replaced(ccap,
                                         "**Lot 03 — Espaces verts**\n\nLe titulaire réserve deux cent quarante (240) "
                                         "heures de travail aux personnes en parcours d'insertion.\n\n",
                                         "");
  ccap_without_03 = replaced(ccap_without_03, "| 03 | 240 |\n", "");
  Diagnostics found =
      run_checks({written_as(ae, Format::markdown, "dce/ae-lot01"), written_as(ccap_without_03, Format::markdown)}, c);
  REQUIRE_MESSAGE(found.size() == 1, summary(found));
  CHECK(found[0].rule == "doc-hours-missing");
  CHECK(found[0].path == "dce/ccap.md");
  CHECK(found[0].message.starts_with("lot 03 « Espaces verts » :"));
  // What clausier draft writes for a lot without a clause names no lot and states no hours.
  const std::string without_object = R"(# Acte d'engagement — Annexe « Engagement d'insertion »

Aucun des lots concernés ne comporte de clause sociale d'insertion : la présente annexe est sans objet.
)";
  CHECK(run_checks({written_as(without_object, Format::markdown, "dce/ae-lot04")}, c).empty());
}

TEST_CASE("document checks: a piece of another kind stands for the CCAP the set lacks") {
  Computed c = compute(four_lots);
  // An extract of the CCAP, saved under a name that says nothing, without its penalty.
  const std::string extract =
      replaced(ccap.substr(0, ccap.find("### 9.5")), "# Cahier des clauses administratives particulières\n\n", "");
  REQUIRE(extract.starts_with("## Article 9"));
  REQUIRE(extract.find("Pénalités") == std::string::npos);
  const document::Document clause = written_as(extract, Format::markdown, "dce/clause");
  REQUIRE(check::document_kind(clause) == check::DocumentKind::other);
  Diagnostics alone = run_checks({clause}, c);
  REQUIRE_MESSAGE(alone.size() == 1, summary(alone));
  CHECK(alone[0].rule == "doc-penalty-missing");
  CHECK(alone[0].path == "dce/clause.md");
  // Beside an RC it still does; beside a CCAP, the CCAP's content is the CCAP's.
  CHECK(rules_of(run_checks({written_as(titled(ccap, rc_title), Format::markdown, "dce/rc"), clause}, c)) ==
        std::vector<std::string>{"doc-penalty-missing"});
  Diagnostics with_ccap = run_checks({clause, written_as(ccap, Format::markdown)}, c);
  CHECK_MESSAGE(with_ccap.empty(), summary(with_ccap));
}

TEST_CASE("document checks: the climate rule reads the CCAP and the RC, not the acte d'engagement nor the notice") {
  Computed c = compute(four_lots);
  const std::string silent = replaced(ccap,
                                      "Le lot 04 « Ascenseurs » ne comporte pas de clause sociale d'insertion. "
                                      "Justification : lot technique confié à un ascensoriste agréé.\n\n",
                                      "");
  CHECK(rules_of(run_checks({written_as(titled(silent, rc_title), Format::markdown, "dce/rc")}, c)) ==
        std::vector<std::string>{"doc-climate-social-consideration"});
  for (std::string_view title : {ae_title, notice_title}) {
    CAPTURE(title);
    CHECK(run_checks({written_as(titled(silent, title), Format::markdown, "dce/piece")}, c).empty());
  }
  // An acte d'engagement beside an RC: the finding is the RC's.
  Diagnostics found = run_checks({written_as(titled(silent, ae_title), Format::markdown, "dce/ae"),
                                  written_as(titled(silent, rc_title), Format::markdown, "dce/rc")},
                                 c);
  REQUIRE_MESSAGE(found.size() == 1, summary(found));
  CHECK(found[0].path == "dce/rc.md");
}

namespace {

const std::string rc = nb(R"(# Règlement de la consultation

## Article 7 — Jugement des offres

Pour le lot 02 « Voirie », le jugement des offres comprend un critère relatif aux performances en matière d'insertion professionnelle, pondéré à 10~%.

Le lot 04 « Ascenseurs » ne comporte pas de clause sociale d'insertion. Justification : lot technique confié à un ascensoriste agréé.
)");

}  // namespace

TEST_CASE("document checks: doc-award-criterion") {
  Computed c = compute(with_criterion());
  for (Format f : all_formats) {
    CAPTURE(document::name(f));
    Diagnostics found = run_checks({written_as(rc, f, "dce/rc")}, c);
    CHECK_MESSAGE(found.empty(), summary(found));
  }
  struct Case {
    std::string markdown;
    Position pos;  // in the Markdown
    std::string message, hint;
  };
  const std::string criterion = "Pour le lot 02 « Voirie », le jugement des offres comprend un critère relatif aux "
                                "performances en matière d'insertion professionnelle, pondéré à 10~%.\n\n";
  const std::vector<Case> cases = {
      {replaced(rc, nb("10~%"), nb("12~%")), {5, 146},
       nb("lot 02 « Voirie » : le critère d'attribution relatif à l'insertion est pondéré à 12~% dans le document, à "
          "10~% dans le dossier"),
       nb("écrivez « pondéré à 10~% », ou corrigez « award_criterion » dans le dossier")},
      {replaced(rc, nb(", pondéré à 10~%"), ""), {5, 109},
       nb("lot 02 « Voirie » : le document annonce le critère d'attribution relatif à l'insertion sans sa pondération ; "
          "le dossier prévoit 10~%"),
       nb("indiquez sa pondération : « … pondéré à 10~% »")},
      {replaced(rc, nb(criterion), ""), {0, 0},
       nb("lot 02 « Voirie » : le document n'annonce pas le critère d'attribution relatif à l'insertion professionnelle "
          "que prévoit le dossier, pondéré à 10~%"),
       nb("annoncez-le, en nommant le lot, en application des articles L. 2152-7 et R. 2152-7 du code de la commande "
          "publique : « un critère relatif aux performances en matière d'insertion professionnelle des publics en "
          "difficulté, pondéré à 10~% » (clausier draft le rédige)")},
  };
  for (const Case& k : cases) {
    CAPTURE(k.message);
    Diagnostics found = run_checks({written_as(k.markdown, Format::markdown, "dce/rc")}, c);
    REQUIRE_MESSAGE(found.size() == 1, summary(found));
    CHECK(found[0].rule == "doc-award-criterion");
    CHECK(found[0].pos == k.pos);
    CHECK(found[0].message == k.message);
    CHECK(found[0].hint == k.hint);
    // The same piece as a CCAP is not asked for the criterion (its other findings aside).
    const std::string as_ccap_md =
        replaced(k.markdown, "# " + std::string(rc_title), "# Cahier des clauses administratives particulières");
    const std::vector<std::string> as_ccap = rules_of(run_checks({written_as(as_ccap_md, Format::markdown)}, c));
    CHECK(std::find(as_ccap.begin(), as_ccap.end(), "doc-award-criterion") == as_ccap.end());
  }
  // A table of criteria under the lot's heading, and a paragraph about every lot.
  const std::string table = nb(R"(### Lot 02 — Voirie

| Critère | Pondération |
|---|---:|
| Prix | 60~% |
| Valeur technique | 30~% |
| Performances en matière d'insertion professionnelle | 10~% |

)");
  const std::string every_lot = nb("Les critères de jugement des offres sont, pour chaque lot : le prix (60~%), la valeur "
                                   "technique (30~%) et les performances en matière d'insertion professionnelle (10~%).\n\n");
  for (const std::string& announced : {table, every_lot}) {
    CAPTURE(announced);
    const std::string md = replaced(rc, nb(criterion), announced);
    for (Format f : all_formats) {
      CAPTURE(document::name(f));
      Diagnostics found = run_checks({written_as(md, f, "dce/rc")}, c);
      CHECK_MESSAGE(found.empty(), summary(found));
    }
    // At 15 %, wrong: no other lot weighs 15 %.
    std::string wrong = md;
    wrong.replace(wrong.rfind(nb("10~%")), nb("10~%").size(), nb("15~%"));
    CHECK(rules_of(run_checks({written_as(wrong, Format::markdown, "dce/rc")}, c)) ==
          std::vector<std::string>{"doc-award-criterion"});
  }
}

TEST_CASE("document checks: doc-notice-reservation") {
  Computed c = compute(four_lots);
  const std::string notice = nb(R"(# Avis d'appel public à la concurrence

- lot 01 « Gros œuvre » : condition d'exécution (L. 2112-2 CCP), 1~542 heures d'insertion
- lot 02 « Voirie » : condition d'exécution (L. 2112-2 CCP), 525 heures d'insertion
- lot 03 « Espaces verts » : lot réservé aux structures d'insertion par l'activité économique (L. 2113-13 CCP), 240 heures d'insertion
)");
  for (Format f : all_formats) {
    CAPTURE(document::name(f));
    Diagnostics found = run_checks({written_as(notice, f, "dce/avis")}, c);
    CHECK_MESSAGE(found.empty(), summary(found));
  }
  const std::string unsaid =
      replaced(notice, "lot réservé aux structures d'insertion par l'activité économique", "clause sociale d'insertion");
  // A reservation said of no lot in particular is not lot 03's: lots 01 and 02 are not reserved.
  for (const std::string& md : {unsaid, unsaid + "\nMarché réservé : seuls les opérateurs économiques qui emploient "
                                                 "au moins 50 % de travailleurs défavorisés présentent une offre.\n"}) {
    Diagnostics found = run_checks({written_as(md, Format::markdown, "dce/avis")}, c);
    REQUIRE_MESSAGE(found.size() == 1, summary(found));
    CHECK(found[0].rule == "doc-notice-reservation");
    CHECK(found[0].pos == Position{});
    CHECK(found[0].message ==
          "lot 03 « Espaces verts » (marché réservé aux SIAE) : l'avis ne mentionne pas la réservation du lot, que "
          "l'article R. 2113-7 du code de la commande publique impose");
    CHECK(found[0].hint ==
          "mentionnez la réservation en nommant le lot : « lot 03 : marché réservé aux structures d'insertion par "
          "l'activité économique » (clausier draft le rédige)");
  }
  // A one-lot contract, reserved: « Marché réservé » says it of the only lot.
  Computed reserved = compute(replaced(std::string(one_lot), "clause: execution", "clause: reserved-siae"));
  const std::string one = "# Avis de marché\n\nMarché réservé aux structures d'insertion par l'activité économique "
                          "(L. 2113-13 CCP) : deux cent quarante (240) heures d'insertion.\n";
  CHECK(run_checks({written_as(one, Format::markdown, "dce/avis")}, reserved).empty());
  CHECK(rules_of(run_checks({written_as(replaced(one, "Marché réservé aux", "Marché ouvert aux"), Format::markdown,
                                        "dce/avis")},
                            reserved)) == std::vector<std::string>{"doc-notice-reservation"});
}
