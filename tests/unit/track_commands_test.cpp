// The entry points of `clausier track` (track/commands.hpp) on the shipped example espaces-verts: each
// gives what its building blocks give (load_operation, track, render_*, count_rows, due), reports every
// diagnostic of the operation, and turns the expected failures into values (usage error, diagnostics).
// The figures of the example are checked by hand in track_example_test.cpp; here, the plumbing.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "clausier/track/catalogue.hpp"
#include "clausier/track/commands.hpp"
#include "clausier/track/due.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/render.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

const std::string folder = std::string(CLAUSIER_SOURCE_DIR) + "/examples/espaces-verts";
const std::string lot2 = folder + "/statements/2027-lot2-verdalia-paysages.csv";
const std::string lot3 = folder + "/statements/2027-lot3-sentiers-du-volvestre.csv";
const rules::RuleSet& builtin() {
  static const rules::RuleSet r = rules::RuleSet::builtin();
  return r;
}
io::Date date(int y, int m, int d) {
  return io::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

// What a streamed result writes, in one string.
std::string streamed(const Outcome& o) {
  REQUIRE(o.stream);
  std::string out;
  std::size_t pieces = 0;
  o.stream([&](std::string_view piece) {
    out += piece;
    ++pieces;
  });
  CHECK(pieces >= 1);
  return out;
}

std::vector<std::string> rule_ids(const Outcome& o) {
  std::vector<std::string> ids;
  for (const auto& d : o.diagnostics) ids.push_back(d.rule);
  return ids;
}

}  // namespace

TEST_CASE("track run_status: the rendering of track() over the operation, every diagnostic reported") {
  track::Operation op = track::load_operation({folder, {}, {}}, builtin());
  REQUIRE(op.result() != nullptr);
  track::Tracking t = track::track(*op.result(), op.participants, op.statements, {date(2027, 12, 31), {}});

  Outcome text = track::run_status({{folder, {}, {}}, date(2027, 12, 31), {}, track::StatusFormat::text, false}, builtin());
  CHECK(text.usage_error.empty());
  CHECK_FALSE(text.output);  // written as it is produced
  CHECK(streamed(text) == track::render_text(t, *op.result()->tender));
  // Four unreadable rows (two per file of lots 1 and 2) and lot 1's TOTAL row (a note): reported, and the
  // others still count.
  CHECK(rule_ids(text) == std::vector<std::string>{"statement-row", "statement-row", "statement-total", "statement-row", "statement-row"});
  CHECK(text.diagnostics.size() == op.diagnostics.size());
  CHECK(text.messages.find("2027-lot1-jardins-du-comminges.csv:22:10: error: ligne illisible : mois « 09/27 »") !=
        std::string::npos);
  CHECK(exit_code_for(text.diagnostics) == 2);
  CHECK_FALSE(text.failed);

  Outcome json = track::run_status({{folder, {}, {}}, date(2027, 12, 31), {}, track::StatusFormat::json, true}, builtin());
  CHECK(streamed(json) == track::render_json(t, *op.result()->tender, builtin(), op.diagnostics));
  // The JSON carries what stderr says: the four unreadable rows as errors, the TOTAL row as a note.
  nlohmann::json doc = nlohmann::json::parse(streamed(json));
  REQUIRE(doc["errors"].size() == 4);
  CHECK(doc["errors"][1]["rule"] == "statement-row");
  CHECK(doc["errors"][1]["line"] == 22);
  CHECK(doc["errors"][1]["column"] == 10);
  CHECK(doc["errors"][1]["message"].get<std::string>().starts_with("ligne illisible : mois « 09/27 »"));
  REQUIRE(doc["warnings"].size() == 1);
  CHECK(doc["warnings"][0]["rule"] == "statement-total");
  CHECK(doc["warnings"][0]["severity"] == "note");
  CHECK(json.failed);  // lots 1 and 2 are behind at the end of 2027 (track_example_test.cpp)
}

TEST_CASE("track run_status: --fail-on behind on a clean file; no operation; a tender that cannot be used") {
  track::StatusJob job{{folder, {}, {lot3}}, date(2027, 6, 30), {}, track::StatusFormat::csv, true};
  Outcome clean = track::run_status(job, builtin());
  CHECK(clean.diagnostics.empty());
  CHECK(clean.failed);  // every lot is behind at mid-2027 with lot 3's rows only
  CHECK_FALSE(clean.output);  // CSV too is written as it is produced
  std::string csv = streamed(clean);
  CHECK(csv.rfind(std::string(text::utf8_bom) + "operation;date_suivi;lot;", 0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);  // the header and the three lots with a clause
  job.fail_on_behind = false;
  CHECK_FALSE(track::run_status(job, builtin()).failed);

  job.inputs.operation.clear();
  CHECK(track::run_status(job, builtin()).usage_error == "OPERATION est obligatoire : le dossier de l'opération à suivre");

  job.inputs = {std::string(CLAUSIER_SOURCE_DIR) + "/examples/nosuch", {}, {}};
  Outcome missing = track::run_status(job, builtin());
  CHECK_FALSE(missing.output);
  CHECK_FALSE(missing.stream);
  REQUIRE(!missing.diagnostics.empty());
  CHECK(missing.diagnostics.front().category == Category::io);
  CHECK(exit_code_for(missing.diagnostics) == 3);
}

TEST_CASE("track run_template: the header and one commented example row, CRLF, UTF-8 with BOM") {
  Outcome bare = track::run_template({"2", "", date(2027, 12, 1)}, builtin());
  REQUIRE(bare.output);
  CHECK(*bare.output ==
        "\xEF\xBB\xBFlot;participant;month;route;contract;employer;work_hours;training_hours\r\n"
        "# 2;P-0001;2027-12;direct;cdi;Entreprise titulaire;140;0\r\n");
  // With the operation, the lot's contractor (tender.yaml: lot 1, Jardins du Comminges).
  Outcome lot1 = track::run_template({"1", folder, date(2027, 12, 31)}, builtin());
  CHECK(*lot1.output ==
        "\xEF\xBB\xBFlot;participant;month;route;contract;employer;work_hours;training_hours\r\n"
        "# 1;P-0001;2027-12;direct;cdi;Jardins du Comminges;140;0\r\n");
  CHECK(lot1.diagnostics.empty());

  Outcome unknown = track::run_template({"7", folder, date(2027, 12, 31)}, builtin());
  CHECK(unknown.usage_error == "le lot 7 n'existe pas ou n'a pas de clause dans " + folder);
  CHECK_FALSE(unknown.output);

  Outcome broken = track::run_template(
      {"1", std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/invalid/bad-enum.yaml", date(2027, 12, 31)}, builtin());
  CHECK_FALSE(broken.output);
  CHECK(rule_ids(broken) == std::vector<std::string>{"schema-enum"});
}

TEST_CASE("track run_validate: rows that cannot be read, and with the operation the rows that do not count") {
  // Lot 2's file (docs/track.md, tests/cli/track/validate-lot2.test): 19 rows, 2 unreadable (lines 11, 17),
  // 5 that do not count (9 duplicate of line 4, 14, 18 P-0011 unknown, 19 « contrat-pro » — a contrat de
  // professionnalisation, formats.md 5.2 — and 20 after the validity).
  Outcome with = track::run_validate({lot2, track::OperationInputs{folder, {}, {}}, date(2027, 12, 31)}, builtin());
  CHECK(*with.output == lot2 + " : 19 ligne(s), 2 illisible(s), 5 qui ne compte(nt) pas\n");
  std::vector<std::string> lines;
  for (const auto& d : with.diagnostics) lines.push_back(std::to_string(d.pos.line) + " " + d.rule);
  CHECK(lines == std::vector<std::string>{"9 not-counted", "11 statement-row", "14 not-counted", "17 statement-row",
                                          "18 not-counted", "19 not-counted", "20 not-counted"});
  const Diagnostic& unknown = with.diagnostics[4];
  CHECK(unknown.message == "participant inconnu : participant « P-0011 » absent du fichier des participants");
  CHECK(unknown.severity == track::rule("not-counted").severity);
  CHECK(unknown.category == Category::finding);
  CHECK(exit_code_for(with.diagnostics) == 2);  // unreadable rows (2) before findings (1)

  Outcome alone = track::run_validate({lot2, std::nullopt, date(2027, 12, 31)}, builtin());
  CHECK(*alone.output == lot2 + " : 19 ligne(s), 2 illisible(s)\n");
  CHECK(rule_ids(alone) == std::vector<std::string>(2, "statement-row"));

  // A clean file whose readable rows do not all count: findings only, exit code 1.
  Outcome clean = track::run_validate({lot3, track::OperationInputs{folder, {}, {}}, date(2027, 12, 31)}, builtin());
  CHECK(exit_code_for(clean.diagnostics) == 1);
}

TEST_CASE("track run_validate: an unreadable file; the operation's own problems come first and alone") {
  Outcome missing = track::run_validate({folder + "/statements/nosuch.csv", std::nullopt, date(2027, 12, 31)}, builtin());
  CHECK_FALSE(missing.output);
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].category == Category::io);

  std::string people = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/track/personal-data-participants.yaml";
  Outcome own = track::run_validate({lot2, track::OperationInputs{folder, people, {}}, date(2027, 12, 31)}, builtin());
  CHECK_FALSE(own.output);
  REQUIRE(!own.diagnostics.empty());
  for (const auto& d : own.diagnostics) CHECK(d.path == people);
  CHECK(own.messages.find("[personal-data]") != std::string::npos);
}

TEST_CASE("track run_due: the reminders of due() in each format") {
  track::Operation op = track::load_operation({folder, {}, {}}, builtin());
  auto reminders = track::due(op, date(2027, 12, 31));
  REQUIRE(!reminders.empty());
  Outcome text = track::run_due({{folder, {}, {}}, date(2027, 12, 31), track::DueFormat::text}, builtin());
  CHECK(*text.output == track::render_due_text(reminders, date(2027, 12, 31)));
  CHECK(text.diagnostics.size() == 5);  // the unreadable rows and the TOTAL row are reported here too
  Outcome ics = track::run_due({{folder, {}, {}}, date(2027, 12, 31), track::DueFormat::ics}, builtin());
  CHECK(*ics.output == track::render_due_ics(reminders, date(2027, 12, 31), "SCV-2026-EV-02"));
  CHECK(track::due_format("csv") == track::DueFormat::csv);
  CHECK_FALSE(track::due_format("pdf"));
  CHECK(track::status_format("json") == track::StatusFormat::json);
}
