// The entry points of check, hours and draft (check/job.hpp, hours/job.hpp, draft/job.hpp): each gives
// what its building blocks give, and its expected failures are values (a usage error, diagnostics).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "clausier/check/job.hpp"
#include "clausier/doc/blocks.hpp"
#include "clausier/draft/job.hpp"
#include "clausier/hours/batch.hpp"
#include "clausier/hours/job.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

const std::string root = CLAUSIER_SOURCE_DIR;
const std::string anru = root + "/examples/anru-viguier";
const std::string broken = root + "/tests/data/invalid/loader-only/unknown-trade.yaml";
const rules::RuleSet& builtin() {
  static const rules::RuleSet r = rules::RuleSet::builtin();
  return r;
}

}  // namespace

TEST_CASE("check run: the rendering of check_file over every input, and all their diagnostics") {
  std::string anru_rate = root + "/tests/data/findings/anru-rate.yaml";
  std::vector<check::FileResult> results{check::check_file(anru_rate, builtin()), check::check_file(broken, builtin())};
  Outcome json = check::run({{anru_rate, broken}, {}, check::Format::json, true}, builtin());
  CHECK(*json.output == check::render_json(results, builtin()));
  CHECK(json.diagnostics.size() == check::all_diagnostics(results).size());
  CHECK(exit_code_for(json.diagnostics) == 2);  // the input error before the anru-rate finding (1)
  CHECK(json.messages.empty());                  // the findings are the output
  Outcome text = check::run({{anru_rate}, {}, check::Format::text, false}, builtin());
  CHECK(*text.output == check::render_text({results[0]}, {.show_source = false}));
  CHECK(exit_code_for(text.diagnostics) == 1);
  // --quiet: the errors only, without the summary line; the same diagnostics, so the same exit code.
  Outcome quiet = check::run({{anru_rate}, {}, check::Format::text, false, true}, builtin());
  CHECK(*quiet.output == check::render_text({results[0]}, {.show_source = false, .errors_only = true}));
  CHECK(quiet.output->find(": error: ") != std::string::npos);
  CHECK(quiet.output->find("fichier vérifié") == std::string::npos);
  CHECK(quiet.diagnostics.size() == text.diagnostics.size());
  std::string warnings = root + "/tests/data/findings/warnings-only.yaml";
  CHECK(check::run({{warnings}, {}, check::Format::text, true, true}, builtin()).output == "");  // nothing on success
  CHECK(check::run({{warnings}, {}, check::Format::text, true, false}, builtin()).output->ends_with(
      "1 fichier vérifié : 0 erreur, 2 avertissements, 1 remarque\n"));
  CHECK(*check::run({{anru_rate}, {}, check::Format::json, true, true}, builtin()).output ==
        *check::run({{anru_rate}, {}, check::Format::json, true, false}, builtin()).output);  // JSON unchanged

  Outcome two = check::run({{anru_rate, broken}, {root + "/tests/data/dce/ccap.md"}, check::Format::text, true}, builtin());
  CHECK(two.usage_error.starts_with("--doc ne s'emploie qu'avec un seul fichier de consultation (2 donnés)"));
  CHECK_FALSE(two.output);
  CHECK(check::format_named("sarif") == check::Format::sarif);
  CHECK_FALSE(check::format_named("xml"));
}

TEST_CASE("hours run: files computed apart, failures reported; no table when every file failed") {
  hours::Batch batch = hours::compute_files({anru, broken}, builtin(), {});
  Outcome mixed = hours::run({{anru, broken}, hours::Format::csv, {}, {}, {}}, builtin());
  CHECK(*mixed.output == hours::render_csv(batch.results, {}));
  REQUIRE(mixed.diagnostics.size() == 1);
  CHECK(mixed.diagnostics[0].rule == "trade-unknown");
  CHECK(mixed.messages.find(" 20 |     trade: carrelage\n") != std::string::npos);  // with its source line

  CHECK_FALSE(hours::run({{broken}, hours::Format::text, {}, {}, {}}, builtin()).output);
  Outcome json = hours::run({{broken}, hours::Format::json, {}, {}, {}}, builtin());
  REQUIRE(json.output);  // the JSON says why in its "failures"
  CHECK(json.output->find("\"failures\"") != std::string::npos);

  CHECK(hours::run({{anru}, hours::Format::text, {}, {"colour=blue"}, {}}, builtin()).usage_error.starts_with(
      "--set « colour=blue » : clé « colour » inconnue"));
  Outcome lot9 = hours::run({{anru}, hours::Format::text, {}, {"lot.9.rate=0.07"}, {}}, builtin());
  CHECK(lot9.usage_error.empty());
  REQUIRE(lot9.diagnostics.size() == 1);
  CHECK(lot9.diagnostics[0].rule == "override-lot");
  CHECK(hours::period_named("month") == calendar::Period::month);
  CHECK(hours::format_named("md") == hours::Format::md);
}

TEST_CASE("draft run: the documents, the variables, the templates exported; usage errors as values") {
  draft::Job job;
  job.input = anru;
  job.kind = draft::DocumentKind::ccap;
  job.format = draft::Format::txt;
  hours::Batch batch = hours::compute_files({anru}, builtin(), {});
  draft::Rendered md = draft::draft_markdown(batch.results.front(), builtin(), draft::TemplateSet::builtin(),
                                             draft::DocumentKind::ccap, {});
  Outcome txt = draft::run(job, builtin());
  CHECK(txt.diagnostics.empty());
  CHECK(*txt.output ==
        doc::write_text(doc::parse_markdown(md.text, std::string(draft::title(draft::DocumentKind::ccap)) + " — " +
                                                         batch.results.front().tender->title)));

  job.model.lots = {"99"};
  CHECK(draft::run(job, builtin()).usage_error ==
        "--lot 99 : la consultation n'a pas ce lot ; lots : 01, 02, 03, 04, 05, 06, 07, 08");
  job.model.lots.clear();
  job.format = draft::Format::docx;
  CHECK(draft::run(job, builtin()).usage_error ==
        "--format docx écrit un fichier Word : indiquez-le avec -o FICHIER.docx, ou avec -o - pour la sortie standard "
        "redirigée (> FICHIER.docx, | programme)");
  job.output = "clause.docx";
  Outcome docx = draft::run(job, builtin());
  REQUIRE(docx.output);
  CHECK(docx.output->starts_with("PK"));  // a zip
  // -o -: to standard output when it goes to a file or a program, never to a terminal.
  job.output = "-";
  CHECK(*draft::run(job, builtin()).output == *docx.output);
  job.stdout_is_terminal = true;
  CHECK(draft::run(job, builtin()).usage_error ==
        "--format docx -o - : un fichier Word ne s'affiche pas dans un terminal ; redirigez la sortie standard "
        "(> FICHIER.docx, | programme) ou indiquez le fichier avec -o FICHIER.docx");
  job.output = "clause.docx";
  CHECK(draft::run(job, builtin()).output);  // a file is fine from a terminal

  draft::Job variables;
  variables.list_variables = true;
  Outcome list = draft::run(variables, builtin());
  CHECK(std::count(list.output->begin(), list.output->end(), '\n') ==
        static_cast<std::ptrdiff_t>(draft::variables().size()));

  std::string dir = (std::filesystem::temp_directory_path() / "clausier-jobs-test-templates").string();
  std::filesystem::remove_all(dir);
  draft::Job exported;
  exported.export_templates = dir;
  Outcome written = draft::run(exported, builtin());
  CHECK(written.messages == "4 modèles écrits dans " + dir + "\n");
  CHECK_FALSE(written.output);
  CHECK(std::filesystem::exists(dir + "/ccap.md.mustache"));
  std::filesystem::remove_all(dir);

  draft::Job unknown;
  unknown.input = anru;
  unknown.templates = root + "/tests/data/templates/unknown-name";
  Outcome refused = draft::run(unknown, builtin());
  REQUIRE(refused.diagnostics.size() == 1);
  CHECK(refused.diagnostics[0].rule == "template-unknown");
  CHECK_FALSE(refused.output);
  CHECK(draft::kind_named("notice") == draft::DocumentKind::notice);
  CHECK_FALSE(draft::kind_named("avis"));
}
