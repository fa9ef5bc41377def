// Every rule id is in one catalogue (report/catalogue.hpp lists them all), once, and documented: the ids
// of every golden output (tests/cli), and those the library gives when it runs over the test data and
// the examples. A diagnostic takes its severity and category from its catalogue row.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "clausier/check/report.hpp"
#include "clausier/draft/job.hpp"
#include "clausier/io/files.hpp"
#include "clausier/report/catalogue.hpp"
#include "clausier/report/job.hpp"
#include "clausier/track/commands.hpp"
#include "clausier/track/participants.hpp"
#include "clausier/track/statements.hpp"

using namespace clausier;
namespace fs = std::filesystem;

namespace {

const fs::path root = CLAUSIER_SOURCE_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> files_under(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == extension) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Every diagnostic the library gives on the test data and the examples, through each tool's entry point.
Diagnostics library_diagnostics() {
  const rules::RuleSet builtin = rules::RuleSet::builtin();
  Diagnostics all;
  auto add = [&](const Diagnostics& d) { all.insert(all.end(), d.begin(), d.end()); };
  auto add_outcome = [&](const Outcome& o) { add(o.diagnostics); };
  // Tender files, operation folders, their dce/ documents (check).
  for (const auto& dir : {root / "tests/data/invalid", root / "tests/data/findings", root / "tests/data/draft"})
    for (const auto& f : files_under(dir, ".yaml")) add(check::all_diagnostics({check::check_file(f.string(), builtin)}));
  for (const auto& e : fs::directory_iterator(root / "examples"))
    if (e.is_directory()) add(check::all_diagnostics({check::check_file(e.path().string(), builtin)}));
  add(check::all_diagnostics({check::check_file((root / "tests/data/dce/operation").string(), builtin)}));
  std::vector<std::string> docs;
  for (const auto& f : fs::directory_iterator(root / "tests/data/dce"))
    if (f.is_regular_file() && f.path().filename() != "tender.yaml") docs.push_back(f.path().string());
  add(check::all_diagnostics({check::check_file((root / "tests/data/dce/tender.yaml").string(), docs, builtin)}));
  // User rule files.
  for (const auto& f : files_under(root / "tests/data/rules", ".yaml")) {
    rules::RuleSet r = rules::RuleSet::builtin();
    add(r.add_file(f.string(), read(f)));
  }
  // Templates (draft), and a rule file that makes a cited reference obsolete.
  for (const auto& e : fs::directory_iterator(root / "tests/data/templates")) {
    draft::Job job;
    job.input = (root / "examples/espaces-verts").string();
    job.templates = e.path().string();
    add_outcome(draft::run(job, builtin));
  }
  rules::RuleSet obsolete = rules::RuleSet::builtin();
  fs::path obsolete_file = root / "tests/data/rules/obsolete-reference.yaml";
  REQUIRE(obsolete.add_file(obsolete_file.string(), read(obsolete_file)).empty());
  draft::Job drafted;
  drafted.input = (root / "examples/anru-viguier").string();
  add_outcome(draft::run(drafted, obsolete));
  // Participants and statements (track), validate against the example, reports (report).
  for (const auto& f : files_under(root / "tests/data/track", ".csv")) {
    track::Statements statements;
    add(track::read_statements(read(f), f.string(), statements));
  }
  add(track::parse_participants(read(root / "tests/data/track/personal-data-participants.csv"), "p.csv", builtin).diagnostics);
  add(track::parse_participants(read(root / "tests/data/track/personal-data-participants.yaml"), "p.yaml", builtin).diagnostics);
  io::Date as_of(2027, 12, 31);
  std::string ev = (root / "examples/espaces-verts").string();
  for (const auto& f : files_under(root / "tests/data/track", ".csv"))
    add_outcome(track::run_validate({f.string(), track::OperationInputs{ev, {}, {}}, as_of}, builtin));
  for (const auto& f : files_under(root / "examples/espaces-verts/statements", ".csv"))
    add_outcome(track::run_validate({f.string(), track::OperationInputs{ev, {}, {}}, as_of}, builtin));
  report::Job all_examples;
  for (const char* e : {"anru-viguier", "espaces-verts", "proprete-siege"})
    all_examples.operations.push_back((root / "examples" / e).string());
  all_examples.options.as_of = as_of;
  add_outcome(report::run(all_examples, builtin));
  report::Job sheet;
  sheet.operations = {ev};
  sheet.participant = "P-9999";
  sheet.options.as_of = as_of;
  add_outcome(report::run(sheet, builtin));
  return all;
}

}  // namespace

TEST_CASE("catalogues: every id once, well formed, with a one-line summary") {
  std::set<std::string_view> seen;
  std::size_t count = 0;
  for (const Catalogue& c : rule_catalogues()) {
    CHECK(!c.rules.empty());
    for (const RuleInfo& r : c.rules) {
      INFO(c.module, " ", r.id);
      CHECK(seen.insert(r.id).second);
      CHECK(std::regex_match(std::string(r.id), std::regex("[a-z][a-z0-9]*(-[a-z0-9]+)*")));
      CHECK(!r.summary.empty());
      CHECK(r.summary.find('\n') == std::string_view::npos);
      CHECK(find_rule(r.id) == &r);
      ++count;
    }
  }
  CHECK(count >= 60);
  CHECK(find_rule("no-such-rule") == nullptr);
  // Only a statement row leaves the rest of its input usable.
  for (const Catalogue& c : rule_catalogues())
    for (const RuleInfo& r : c.rules) CHECK((r.reach == Reach::row) == (r.id == "statement-row"));
}

TEST_CASE("catalogues: every rule id of the golden outputs is in a catalogue") {
  const std::regex bracket(" \\[([a-z][a-z0-9-]*)\\]$");
  const std::regex json("\"rule(?:Id)?\": *\"([a-z][a-z0-9-]*)\"");
  std::set<std::string> found;
  for (const auto& f : files_under(root / "tests/cli", ".test")) {
    std::ifstream in(f);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::smatch m;
      if (std::regex_search(line, m, bracket) || std::regex_search(line, m, json)) {
        INFO(f.filename().string(), ": ", line);
        CHECK(find_rule(m[1].str()) != nullptr);
        found.insert(m[1].str());
      }
    }
  }
  // Not vacuous: the goldens show ids of check, draft, track and report.
  for (const char* id : {"schema-enum", "doc-hours-mismatch", "template-variable", "statement-row", "not-counted",
                         "no-participants", "participant-not-found", "personal-data", "io"})
    CHECK(found.count(id) == 1);
}

TEST_CASE("catalogues: every diagnostic of the library on the test data and the examples is catalogued") {
  Diagnostics all = library_diagnostics();
  std::map<std::string, int> seen;
  for (const Diagnostic& d : all) {
    INFO(d.path, ": ", d.message, " [", d.rule, "]");
    const RuleInfo* r = find_rule(d.rule);
    REQUIRE(r != nullptr);
    CHECK(d.severity == r->severity);
    CHECK(d.category == r->category);
    ++seen[d.rule];
  }
  // Not vacuous: ids of every catalogue were met.
  for (const char* id : {"yaml-syntax", "lot-tranches-sum", "anru-rate", "doc-penalty-rate", "dce-file-ignored",
                         "template-unknown", "template-syntax", "reference-unavailable", "personal-data",
                         "statement-row", "not-counted", "no-participants", "participant-not-found"})
    CHECK_MESSAGE(seen.count(id) == 1, id);
}

TEST_CASE("catalogues: every rule is documented in docs/ (as `id` or [id])") {
  std::string docs;
  for (const auto& f : files_under(root / "docs", ".md")) docs += read(f);
  for (const Catalogue& c : rule_catalogues())
    for (const RuleInfo& r : c.rules) {
      std::string id(r.id);
      INFO(c.module, " ", id);
      CHECK((docs.find("`" + id + "`") != std::string::npos || docs.find("[" + id + "]") != std::string::npos));
    }
}
