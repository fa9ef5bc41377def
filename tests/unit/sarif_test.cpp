#include <doctest/doctest.h>

#include "printers.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "clausier/check/document_checks.hpp"
#include "clausier/check/report.hpp"
#include "clausier/core/version.hpp"

using namespace clausier;
using json = nlohmann::ordered_json;

namespace {

Diagnostic diag(std::string rule, Severity s, Category c, std::string path, Position pos, std::string message,
                std::string hint = {}) {
  return {std::move(rule), s, c, std::move(path), pos, std::move(message), std::move(hint)};
}

// A tender with one finding (line and column) and one whole-file note, a Word document with a
// finding on paragraph 12, and a Markdown document with a finding on line 7.
std::vector<check::FileResult> sample() {
  check::FileResult f;
  f.path = "operations/viguier/tender.yaml";
  f.tender_id = "T";
  f.diagnostics = {
      diag("siret-luhn", Severity::error, Category::finding, f.path, {9, 55}, "le SIRET 21110397900015 a une clé fausse",
           "recopiez le SIRET"),
      diag("cpv-unknown", Severity::note, Category::finding, f.path, {}, "code CPV absent"),
  };
  check::DocumentResult word;
  word.path = "operations/viguier/dce/ccap.docx";
  word.format = document::Format::docx;
  word.checked = true;
  word.diagnostics = {diag("zz-made-up-rule", Severity::warning, Category::finding, word.path, {12, 0},
                           "lot 01 : 1 543 heures au lieu de 1 542")};
  check::DocumentResult text;
  text.path = "operations/viguier/dce/rc.md";
  text.format = document::Format::markdown;
  text.checked = true;
  text.diagnostics = {diag("zz-made-up-rule", Severity::warning, Category::finding, text.path, {7, 1}, "autre")};
  f.documents = {word, text};
  return {f};
}

json sarif_of(const std::vector<check::FileResult>& files) {
  return json::parse(check::render_sarif(files, rules::RuleSet::builtin()));
}

}  // namespace

TEST_CASE("sarif: the log names SARIF 2.1.0, the tool and its version, every catalogue rule once") {
  json log = sarif_of(sample());
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "clausier-check");
  CHECK(driver["version"] == std::string(version()));
  CHECK(!driver.contains("informationUri"));  // no public address yet: better none than a made-up one
  // Every rule of the three catalogues, then the one rule only a result names: no id twice.
  std::set<std::string> ids;
  for (const auto& r : check::rule_catalogue()) ids.insert(std::string(r.id));
  for (const auto& r : check::document_rule_catalogue()) ids.insert(std::string(r.id));
  for (const auto& r : check::report_rule_catalogue()) ids.insert(std::string(r.id));
  const json& rules = driver["rules"];
  CHECK(rules.size() == ids.size() + 1);
  std::set<std::string> seen;
  for (const auto& r : rules) CHECK(seen.insert(r["id"].get<std::string>()).second);
  // The tender catalogue comes first, in documentation order: io is rule 0.
  CHECK(rules[0]["id"] == "io");
  CHECK(rules[0]["shortDescription"]["text"] == "le fichier ne peut pas être lu");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "error");
  // A rule no catalogue lists is added last, with the level of its result and no description.
  CHECK(rules.back()["id"] == "zz-made-up-rule");
  CHECK(rules.back()["defaultConfiguration"]["level"] == "warning");
  CHECK_FALSE(rules.back().contains("shortDescription"));
  CHECK(log["runs"][0]["properties"]["rules"]["version"] == rules::RuleSet::builtin().version());
}

TEST_CASE("sarif: a result points at its rule by index, with level, message and hint, file and region") {
  json log = sarif_of(sample());
  const json& run = log["runs"][0];
  const json& results = run["results"];
  REQUIRE(results.size() == 4);
  const json& siret = results[0];
  CHECK(siret["ruleId"] == "siret-luhn");
  // siret-luhn is the 26th row of rule_catalogue() (io, yaml-syntax, yaml-duplicate-key, 6 schema-…,
  // 6 lot-…, 5 event-…, encoding, trade-unknown, derogation-ground-unknown, parameter-missing, override-lot,
  // then siret-luhn): index 25.
  CHECK(siret["ruleIndex"] == 25);
  CHECK(run["tool"]["driver"]["rules"][25]["id"] == "siret-luhn");
  CHECK(siret["level"] == "error");
  CHECK(siret["message"]["text"] == "le SIRET 21110397900015 a une clé fausse\naide : recopiez le SIRET");
  const json& physical = siret["locations"][0]["physicalLocation"];
  CHECK(physical["artifactLocation"]["uri"] == "operations/viguier/tender.yaml");
  CHECK(physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(physical["region"] == json{{"startLine", 9}, {"startColumn", 55}});
  // A note on the whole file: no hint, line 1 (SARIF lines start at 1; GitHub wants a startLine).
  const json& note = results[1];
  CHECK(note["level"] == "note");
  CHECK(note["message"]["text"] == "code CPV absent");
  CHECK(note["locations"][0]["physicalLocation"]["region"] == json{{"startLine", 1}});
  // Every ruleIndex names the rule of its ruleId.
  for (const auto& r : results) CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<std::size_t>()]["id"] == r["ruleId"]);
}

TEST_CASE("sarif: a Word paragraph is a logical location, a Markdown line a region") {
  json log = sarif_of(sample());
  const json& results = log["runs"][0]["results"];
  const json& word = results[2]["locations"][0];
  CHECK(word["physicalLocation"]["artifactLocation"]["uri"] == "operations/viguier/dce/ccap.docx");
  CHECK(word["physicalLocation"]["region"] == json{{"startLine", 1}});  // a .docx has no lines: line 1
  CHECK(word["logicalLocations"] == json::array({{{"name", "paragraphe 12"}, {"kind", "element"}}}));
  const json& md = results[3]["locations"][0];
  CHECK(md["physicalLocation"]["region"] == json{{"startLine", 7}, {"startColumn", 1}});
  CHECK_FALSE(md.contains("logicalLocations"));
}

TEST_CASE("sarif: paths become URI references; the invocation tells the exit code") {
  check::FileResult f;
  f.path = "./mes opérations/a,b:c/tender.yaml";
  f.diagnostics = {diag("io", Severity::error, Category::io, f.path, {}, "lecture impossible")};
  check::FileResult g;
  g.path = "/srv/op/tender.yaml";
  g.diagnostics = {diag("io", Severity::error, Category::io, g.path, {}, "lecture impossible")};
  json log = sarif_of({f, g});
  const json& results = log["runs"][0]["results"];
  // "./" dropped; space → %20; é (C3 A9 in UTF-8) → %C3%A9; ":" → %3A so it cannot read as a scheme.
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "mes%20op%C3%A9rations/a,b%3Ac/tender.yaml");
  // An absolute path is a file: URI, not relative to the checkout.
  const json& absolute = results[1]["locations"][0]["physicalLocation"]["artifactLocation"];
  CHECK(absolute["uri"] == "file:///srv/op/tender.yaml");
  CHECK_FALSE(absolute.contains("uriBaseId"));
  const json& invocation = log["runs"][0]["invocations"][0];
  CHECK(invocation["exitCode"] == 3);
  CHECK(invocation["executionSuccessful"] == false);
  // A run with findings only (exit 1) has run to completion.
  CHECK(sarif_of(sample())["runs"][0]["invocations"][0] == json{{"executionSuccessful", true}, {"exitCode", 1}});
}

TEST_CASE("sarif: GitHub workflow commands, one per diagnostic, then the summary line") {
  // 1 tender file and 2 documents; 1 error (siret), 2 warnings, 1 note.
  CHECK(check::render_github(sample()) ==
        "::error file=operations/viguier/tender.yaml,line=9,col=55,title=siret-luhn::"
        "le SIRET 21110397900015 a une clé fausse%0Aaide : recopiez le SIRET\n"
        "::notice file=operations/viguier/tender.yaml,title=cpv-unknown::code CPV absent\n"
        "::warning file=operations/viguier/dce/ccap.docx,title=zz-made-up-rule::"
        "paragraphe 12 : lot 01 : 1 543 heures au lieu de 1 542\n"
        "::warning file=operations/viguier/dce/rc.md,line=7,col=1,title=zz-made-up-rule::autre\n"
        "1 fichier et 2 pièces vérifiés : 1 erreur, 2 avertissements, 1 remarque\n");
}

TEST_CASE("sarif: GitHub escaping of %, CR, LF in the message, and also : and , in properties") {
  check::FileResult f;
  f.path = "a,b:c%.yaml";
  f.diagnostics = {diag("r:1,2", Severity::warning, Category::finding, f.path, {3, 0}, "50 % des heures\r\nsuite", "x, y : z")};
  CHECK(check::render_github({f}) ==
        "::warning file=a%2Cb%3Ac%25.yaml,line=3,title=r%3A1%2C2::50 %25 des heures%0D%0Asuite%0Aaide : x, y : z\n"
        "1 fichier vérifié : 0 erreur, 1 avertissement, 0 remarque\n");
}
