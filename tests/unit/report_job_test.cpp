// report::run (report/job.hpp) on the shipped examples: the output is what the model and the renderers
// give; whether a report may be written follows blocks_report; the operations' diagnostics all come
// back, in argument order, whatever the number of loading threads; the expected failures are values.
#include <doctest/doctest.h>

#include <cstdlib>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "clausier/report/catalogue.hpp"
#include "clausier/report/job.hpp"
#include "clausier/report/render.hpp"
#include "fixtures.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

const std::string examples = std::string(CLAUSIER_SOURCE_DIR) + "/examples/";
report::Job job(std::vector<std::string> operations, report::Format format = report::Format::md) {
  report::Job j;
  for (auto& o : operations) j.operations.push_back(examples + o);
  j.format = format;
  j.options.as_of = date(2027, 12, 31);
  return j;
}
std::vector<std::string> rule_ids(const Outcome& o) {
  std::vector<std::string> ids;
  for (const auto& d : o.diagnostics) ids.push_back(d.rule);
  return ids;
}
Diagnostic diagnostic(std::string rule, Severity s, Category c) { return {std::move(rule), s, c, "f", {}, "m", ""}; }

}  // namespace

TEST_CASE("report blocks_report: input and read errors block, except those confined to a row") {
  CHECK_FALSE(report::blocks_report(diagnostic("statement-row", Severity::error, Category::input)));
  CHECK(report::blocks_report(diagnostic("personal-data", Severity::error, Category::input)));
  CHECK(report::blocks_report(diagnostic("statement-header", Severity::error, Category::input)));
  CHECK(report::blocks_report(diagnostic("io", Severity::error, Category::io)));
  CHECK(report::blocks_report(diagnostic("schema-enum", Severity::error, Category::input)));
  CHECK_FALSE(report::blocks_report(diagnostic("not-counted", Severity::error, Category::finding)));
  CHECK_FALSE(report::blocks_report(diagnostic("no-participants", Severity::note, Category::finding)));
  CHECK(report::blocks_report(diagnostic("no-such-rule", Severity::error, Category::input)));  // unknown: safe side
}

TEST_CASE("report run: one operation, the rendering of its report; unreadable rows reported, the report written") {
  track::Operation op = track::load_operation({examples + "espaces-verts", {}, {}}, builtin());
  report::ReportOptions options{date(2027, 12, 31), 5, {}};
  report::OperationReport r = report::build_operation_report(op, builtin(), options);
  for (auto [format, expected] : {std::pair{report::Format::md, report::render_markdown(r)},
                                  std::pair{report::Format::json, report::render_json(r)},
                                  std::pair{report::Format::csv, report::render_csv(r)}}) {
    Outcome o = report::run(job({"espaces-verts"}, format), builtin());
    CHECK(o.usage_error.empty());
    REQUIRE(o.output);
    CHECK(*o.output == expected);
    CHECK(rule_ids(o) == std::vector<std::string>{"statement-row", "statement-row", "statement-total", "statement-row", "statement-row"});
    CHECK(exit_code_for(o.diagnostics) == 2);
  }
}

TEST_CASE("report run: an operation not started yet is a note, not an error") {
  Outcome o = report::run(job({"anru-viguier"}), builtin());
  REQUIRE(o.diagnostics.size() == 1);
  const Diagnostic& d = o.diagnostics[0];
  CHECK(d.rule == "no-participants");
  CHECK(d.severity == Severity::note);
  CHECK(d.category == Category::finding);
  CHECK(d.path == examples + "anru-viguier/participants.yaml");
  CHECK(o.output);
  CHECK(exit_code_for(o.diagnostics) == 0);
  // Named explicitly, the same missing file is an error: nothing is written.
  report::Job named = job({"anru-viguier"});
  named.participants = examples + "anru-viguier/participants.yaml";
  Outcome missing = report::run(named, builtin());
  CHECK(rule_ids(missing) == std::vector<std::string>{"io"});
  CHECK_FALSE(missing.output);
}

TEST_CASE("report run: a participant left out blocks the report") {
  report::Job j = job({"espaces-verts"});
  j.participants = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/track/personal-data-participants.yaml";
  Outcome o = report::run(j, builtin());
  CHECK_FALSE(o.output);
  CHECK(o.messages.find("[personal-data]") != std::string::npos);
  CHECK(exit_code_for(o.diagnostics) == 2);
}

TEST_CASE("report run: the participant's sheet, and an unknown participant as a diagnostic") {
  report::Job j = job({"espaces-verts"});
  j.participant = "P-0003";
  track::Operation op = track::load_operation({examples + "espaces-verts", {}, {}}, builtin());
  CHECK(*report::run(j, builtin()).output ==
        report::render_markdown(report::build_participant_sheet(op, "P-0003", builtin(), j.options)));

  j.participant = "P-9999";
  Outcome o = report::run(j, builtin());
  CHECK_FALSE(o.output);
  REQUIRE(o.diagnostics.size() == 6);  // four unreadable rows and the TOTAL row, then the unknown participant
  const Diagnostic& d = o.diagnostics.back();
  CHECK(d.rule == "participant-not-found");
  CHECK(d.path == examples + "espaces-verts/participants.yaml");
  CHECK(d.message == "--participant « P-9999 » : aucun participant de ce fichier (opération SCV-2026-EV-02) "
                     "n'a cette référence");
  CHECK(d.category == report::rule("participant-not-found").category);
  CHECK(exit_code_for(o.diagnostics) == 2);
}

TEST_CASE("report run: options that cannot go together are a usage error, before any file is read") {
  auto usage = [](report::Job j) { return report::run(j, builtin()).usage_error; };
  report::Job sheet = job({"espaces-verts", "anru-viguier"});
  sheet.participant = "P-0003";
  CHECK(usage(sheet).starts_with("--participant : une fiche individuelle ne fait jamais partie d'un rapport consolidé"));
  sheet = job({"espaces-verts"}, report::Format::csv);
  sheet.participant = "P-0003";
  CHECK(usage(sheet) == "--participant : la fiche individuelle s'écrit en md, html ou json, pas en csv");
  report::Job grouped = job({"espaces-verts"}, report::Format::decp);
  grouped.group_by = report::GroupBy::year;
  CHECK(usage(grouped).starts_with("--group-by : le format decp donne une ligne par lot"));
  report::Job several = job({"espaces-verts", "anru-viguier"});
  several.statements = {"x.csv"};
  CHECK(usage(several).starts_with("--participants et --statements ne valent que pour une seule opération"));
  several.statements.clear();
  several.options.declared_hours = {{"1", 100}};
  CHECK(usage(several).starts_with("--declared-hours ne vaut que pour une seule opération"));
  CHECK(usage(job({"espaces-verts"}, report::Format::xlsx)) ==
        "--format xlsx écrit un classeur Excel : indiquez-le avec -o FICHIER.xlsx, ou avec -o - pour la sortie "
        "standard redirigée (> FICHIER.xlsx, | programme)");
  report::Job to_stdout = job({"espaces-verts"}, report::Format::xlsx);
  to_stdout.output = "-";
  CHECK(usage(to_stdout).empty());
  to_stdout.stdout_is_terminal = true;
  CHECK(usage(to_stdout).starts_with("--format xlsx -o - : un classeur Excel ne s'affiche pas dans un terminal ;"));
  CHECK(usage(job({})).starts_with("OPERATION est obligatoire"));
  Outcome o = report::run(job({"nosuch"}, report::Format::xlsx), builtin());
  CHECK(o.diagnostics.empty());  // nothing read
}

TEST_CASE("report run: a consolidation does not depend on the number of loading threads") {
  std::vector<std::string> all{"anru-viguier", "espaces-verts", "proprete-siege"};
  report::Job j = job(all, report::Format::json);
  j.group_by = report::GroupBy::year;
  j.threads = 1;
  Outcome one = report::run(j, builtin());
  j.threads = 3;
  Outcome three = report::run(j, builtin());
  REQUIRE(one.output);
  CHECK(*three.output == *one.output);
  CHECK(three.messages == one.messages);
  // Argument order: anru-viguier's note, espaces-verts' four rows and its TOTAL row, proprete-siege's note.
  std::vector<std::string> expected{"no-participants"};
  const std::vector<std::string> rows = std::vector<std::string>{"statement-row", "statement-row", "statement-total", "statement-row", "statement-row"};
  expected.insert(expected.end(), rows.begin(), rows.end());
  expected.push_back("no-participants");
  CHECK(rule_ids(three) == expected);

  std::deque<track::Operation> ops;  // never copied: an Operation's results point into its own tenders
  for (const auto& o : all) ops.push_back(track::load_operation({examples + o, {}, {}}, builtin()));
  std::vector<const track::Operation*> pointers;
  for (const auto& op : ops) pointers.push_back(&op);
  CHECK(*one.output == report::render_json(report::consolidate(pointers, report::GroupBy::year, builtin(), j.options)));
}

TEST_CASE("report run: an operation that cannot be used stops the consolidation; every diagnostic still comes") {
  report::Job j = job({"proprete-siege"});
  j.operations.push_back(std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/invalid/loader-only/unknown-trade.yaml");
  j.operations.push_back(examples + "anru-viguier");
  j.threads = 2;
  Outcome o = report::run(j, builtin());
  CHECK_FALSE(o.output);
  CHECK(rule_ids(o) == std::vector<std::string>{"no-participants", "trade-unknown", "no-participants"});
  CHECK(exit_code_for(o.diagnostics) == 2);
}

TEST_CASE("report run: open data, one line per lot of every operation") {
  std::vector<report::OperationReport> reports;
  for (const char* o : {"espaces-verts", "proprete-siege"}) {
    track::Operation op = track::load_operation({examples + o, {}, {}}, builtin());
    reports.push_back(report::build_operation_report(op, builtin(), {date(2027, 12, 31), 5, {}}));
  }
  CHECK(*report::run(job({"espaces-verts", "proprete-siege"}, report::Format::decp), builtin()).output ==
        report::render_decp(reports));
  CHECK(*report::run(job({"espaces-verts", "proprete-siege"}, report::Format::flat), builtin()).output ==
        report::render_flat(reports));
}

TEST_CASE("report run: an .xlsx that cannot be made is an io error, not an exception") {
  const char* saved = std::getenv("TMPDIR");
  std::string previous = saved ? saved : "";
  ::setenv("TMPDIR", (std::string(CLAUSIER_SOURCE_DIR) + "/no-such-folder").c_str(), 1);
  report::Job j = job({"anru-viguier"}, report::Format::xlsx);
  j.output = "bilan.xlsx";
  Outcome o = report::run(j, builtin());
  if (saved) ::setenv("TMPDIR", previous.c_str(), 1);
  else ::unsetenv("TMPDIR");
  CHECK_FALSE(o.output);
  REQUIRE(o.diagnostics.size() == 2);
  const Diagnostic& d = o.diagnostics[1];
  CHECK(d.rule == "io");
  CHECK(d.category == Category::io);
  CHECK(d.path == "bilan.xlsx");
  CHECK(d.message ==
        "classeur non écrit : le dossier temporaire (TMPDIR, sinon /tmp) n'existe pas ou n'est pas un dossier");
  CHECK(exit_code_for(o.diagnostics) == 3);
}

TEST_CASE("report names: formats and groupings by their command-line names") {
  CHECK(report::format_named("xlsx") == report::Format::xlsx);
  CHECK(report::format_named("flat") == report::Format::flat);
  CHECK_FALSE(report::format_named("pdf"));
  CHECK(report::group_by_named("route") == report::GroupBy::route);
  CHECK_FALSE(report::group_by_named(""));
}
