// clausier init (init/job.hpp): the files of a new operation folder are accepted by the other tools as
// they are, their comments say true figures, and the folder appears whole or not at all.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "clausier/check/report.hpp"
#include "clausier/hours/batch.hpp"
#include "clausier/init/job.hpp"
#include "clausier/track/commands.hpp"
#include "clausier/track/participants.hpp"
#include "printers.hpp"

using namespace clausier;
namespace fs = std::filesystem;
using io::Date;

namespace {

const rules::RuleSet& builtin() {
  static const rules::RuleSet r = rules::RuleSet::builtin();
  return r;
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("clausier-init-test-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

const Date today(2026, 11, 22);

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

int entries(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("init files: a commented tender, participants, the statement track template writes, a page") {
  init::Job job{"operations/CARC-2027-003", "../../schemas/tender.schema.json", today};
  std::vector<init::File> files = init::folder_files(job, builtin());
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == "tender.yaml");
  CHECK(files[0].text.starts_with("# yaml-language-server: $schema=../../schemas/tender.schema.json\n"));
  CHECK(files[0].text.find("\nid: \"CARC-2027-003\"\n") != std::string::npos);  // the folder's name
  CHECK(files[0].text.find("\nnotice_date: 2026-11-22\n") != std::string::npos);
  CHECK(files[0].text.find("    start: 2027-01-01 ") != std::string::npos);  // the month after next
  CHECK(files[0].text.find("    end: 2028-12-31\n") != std::string::npos);   // two years
  // The trades of the comment are the tables' own.
  CHECK(files[0].text.find("\n#   painting 0,70 ; masonry 0,50 ; steel-frame 0,20 ;") != std::string::npos);
  CHECK(files[1].path == "participants.yaml");
  CHECK(files[1].text.find("#   deld, detld, rsa,") != std::string::npos);
  CHECK(files[1].text.find("#   cdi, cdd-6m-plus,") != std::string::npos);
  CHECK(files[2].path == "statements/modele-lot-1.csv");
  CHECK(files[2].text == *track::run_template({"1", "", Date(2027, 1, 1)}, builtin()).output);
  CHECK(files[3].path == "LISEZ-MOI.md");
  CHECK(files[3].text.starts_with("# Opération CARC-2027-003\n\nDossier créé par `clausier init` le 22 novembre 2026."));
  CHECK(files[3].text.find("\nclausier check operations/CARC-2027-003\n") != std::string::npos);

  // A folder name that is no identifier gives a neutral id; one with spaces is quoted for the shell.
  std::vector<init::File> odd = init::folder_files({"mes opérations/", "s.json", today}, builtin());
  CHECK(odd[0].text.find("\nid: \"NOUVELLE-OPERATION\"\n") != std::string::npos);
  CHECK(odd[3].text.find("\nclausier check 'mes opérations/'\n") != std::string::npos);
}

TEST_CASE("init run: the new folder is accepted as it is, and its comments say the figures it computes") {
  TempDir tmp;
  std::string folder = (tmp.path / "new-op").string();
  for (Date day : {today, Date(2026, 1, 5), Date(2029, 6, 30)}) {
    fs::remove_all(folder);
    Outcome out = init::run({folder, "s.json", day}, builtin());
    CHECK(out.usage_error.empty());
    CHECK(out.diagnostics.empty());
    CHECK(out.messages.starts_with("Dossier d'opération " + folder + " créé : tender.yaml, participants.yaml, "
                                   "statements/modele-lot-1.csv, LISEZ-MOI.md.\n"));
    CHECK_FALSE(out.output);

    // check: no error, whatever the day (after 2027 the EU thresholds are unknown: a warning).
    check::FileResult checked = check::check_file(folder, builtin());
    for (const Diagnostic& d : checked.diagnostics) CHECK_MESSAGE(!is_error(d), d.rule);
    if (day == today) CHECK(checked.diagnostics.empty());

    // hours: the figures the comments give.
    hours::Batch batch = hours::compute_files({folder}, builtin(), {});
    REQUIRE(batch.results.size() == 1);
    const hours::TenderResult& r = batch.results[0];
    REQUIRE(r.lots.size() == 2);
    CHECK(r.lots[0].hours == 667);  // "800 000 × 0,50 × 0,05 ÷ 30 = 667 heures"
    CHECK(r.lots[1].hours == 327);  // "200 000 × 0,70 × 0,07 ÷ 30 = 327 heures"
    CHECK(read(fs::path(folder) / "tender.yaml").find("= 667 heures") != std::string::npos);
    CHECK(read(fs::path(folder) / "tender.yaml").find("= 327 heures") != std::string::npos);

    // participants: an empty list, no diagnostic.
    std::string participants = read(fs::path(folder) / "participants.yaml");
    track::ParticipantsResult p = track::parse_participants(participants, "participants.yaml", builtin());
    CHECK(p.diagnostics.empty());
    CHECK(p.participants.list.empty());

    // track: the operation is read with its template statement, and nothing to report.
    Outcome status = track::run_status({{folder, std::nullopt, {}}, day, {}, track::StatusFormat::json, false}, builtin());
    CHECK(status.diagnostics.empty());
    CHECK(status.stream);  // the status is written as it is produced
  }
}

TEST_CASE("init run: an existing folder that is not empty is refused; nothing is left of a failure") {
  TempDir tmp;
  fs::create_directories(tmp.path / "empty");
  Outcome empty = init::run({(tmp.path / "empty/").string(), "s.json", today}, builtin());
  CHECK(empty.usage_error.empty());
  CHECK(fs::is_regular_file(tmp.path / "empty/tender.yaml"));

  Outcome again = init::run({(tmp.path / "empty").string(), "s.json", today}, builtin());
  CHECK(again.usage_error == "« " + (tmp.path / "empty").string() +
                                 " » existe déjà et n'est pas vide : clausier init crée un nouveau dossier "
                                 "d'opération ; choisissez un autre nom (rien n'a été écrit)");
  std::ofstream(tmp.path / "file.txt") << "x";
  Outcome file = init::run({(tmp.path / "file.txt").string(), "s.json", today}, builtin());
  CHECK(file.usage_error.find("» existe déjà et n'est pas un dossier :") != std::string::npos);
  CHECK(read(tmp.path / "file.txt") == "x");

  Outcome orphan = init::run({(tmp.path / "absent/new-op").string(), "s.json", today}, builtin());
  REQUIRE(orphan.diagnostics.size() == 1);
  CHECK(orphan.diagnostics[0].category == Category::io);
  CHECK(orphan.diagnostics[0].message == "création impossible : le dossier " + (tmp.path / "absent").string() +
                                             " n'existe pas");
  CHECK(exit_code_for(orphan.diagnostics) == 3);
  CHECK(orphan.errors == orphan.messages);  // --quiet still shows it

  if (::geteuid() != 0) {  // root writes anywhere
    fs::create_directories(tmp.path / "locked");
    fs::permissions(tmp.path / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    Outcome locked = init::run({(tmp.path / "locked/new-op").string(), "s.json", today}, builtin());
    CHECK(exit_code_for(locked.diagnostics) == 3);
    fs::permissions(tmp.path / "locked", fs::perms::owner_all);
  }
  CHECK(entries(tmp.path) == 2 + (::geteuid() != 0 ? 1 : 0));  // empty/, file.txt, (locked/): no hidden staging folder
}

TEST_CASE("init default_schema: installed beside the program, else the source tree's, else the package's") {
  TempDir tmp;
  fs::create_directories(tmp.path / "usr/bin");
  fs::create_directories(tmp.path / "usr/share/clausier/schemas");
  std::ofstream(tmp.path / "usr/share/clausier/schemas/tender.schema.json") << "{}";
  CHECK(init::default_schema("op", (tmp.path / "usr/bin").string()) ==
        (tmp.path / "usr/share/clausier/schemas/tender.schema.json").string());

  fs::create_directories(tmp.path / "src/build-release/bin");
  fs::create_directories(tmp.path / "src/schemas");
  std::ofstream(tmp.path / "src/schemas/tender.schema.json") << "{}";
  std::string bin = (tmp.path / "src/build-release/bin").string();
  CHECK(init::default_schema((tmp.path / "src/operations/op").string(), bin) == "../../schemas/tender.schema.json");
  CHECK(init::default_schema((tmp.path / "elsewhere/op").string(), bin) ==
        (tmp.path / "src/schemas/tender.schema.json").string());

  CHECK(init::default_schema("op", (tmp.path / "nowhere/bin").string()) ==
        "/usr/share/clausier/schemas/tender.schema.json");
  CHECK(init::default_schema("op", "") == "/usr/share/clausier/schemas/tender.schema.json");
}
