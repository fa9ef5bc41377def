// The portfolio (track/portfolio.hpp): what the arguments name, and operations loaded on several threads
// handed over in order, whatever the number of threads; the portfolio status CSV (portfolio_commands.hpp).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "clausier/track/portfolio.hpp"
#include "clausier/track/portfolio_commands.hpp"
#include "fixtures.hpp"
#include "printers.hpp"

using namespace clausier;
namespace fs = std::filesystem;

namespace {

const std::string root = std::string(CLAUSIER_SOURCE_DIR);
const std::string portfolio = root + "/tests/data/portfolio";

}  // namespace

TEST_CASE("portfolio: a folder of operations, its pooling.yaml, operation folders as given") {
  std::string usage;
  track::PortfolioInputs in = track::expand_portfolio({portfolio + "/"}, {}, usage);
  CHECK(usage.empty());
  CHECK(in.portfolio);
  CHECK(in.operations == std::vector<std::string>{portfolio + "/ecole-jaures", portfolio + "/viguier-voirie"});
  CHECK(in.pooling == portfolio + "/pooling.yaml");
  CHECK(in.notes.empty());

  // --pooling wins over the folder's file; an operation folder stays one operation.
  in = track::expand_portfolio({portfolio}, std::string("other.yaml"), usage);
  CHECK(in.pooling == "other.yaml");
  in = track::expand_portfolio({root + "/examples/espaces-verts"}, {}, usage);
  CHECK(!in.portfolio);
  CHECK(in.operations == std::vector<std::string>{root + "/examples/espaces-verts"});
  CHECK(!in.pooling);
  // A folder with no operation at all is left to the loader, which says tender.yaml is missing.
  in = track::expand_portfolio({root + "/docs"}, {}, usage);
  CHECK(in.operations == std::vector<std::string>{root + "/docs"});
  // The examples folder is a portfolio of three operations, none pooled.
  in = track::expand_portfolio({root + "/examples", portfolio + "/viguier-voirie"}, {}, usage);
  CHECK(in.operations.size() == 4);
  CHECK(!in.pooling);
}

TEST_CASE("portfolio: a sub-folder without tender.yaml is noted, hidden ones skipped; two pooling files") {
  fs::path dir = fs::temp_directory_path() / "clausier-portfolio-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "a" / "op");
  fs::create_directories(dir / "a" / "notes");
  fs::create_directories(dir / "a" / ".git");
  fs::create_directories(dir / "b" / "op");
  for (const char* f : {"a/op/tender.yaml", "b/op/tender.yaml", "a/pooling.yaml", "b/pooling.yaml"})
    std::ofstream(dir / f) << "x\n";
  std::string usage;
  track::PortfolioInputs in = track::expand_portfolio({(dir / "a").string()}, {}, usage);
  CHECK(usage.empty());
  REQUIRE(in.notes.size() == 1);
  CHECK(in.notes[0].rule == "portfolio-folder-ignored");
  CHECK(in.notes[0].path == (dir / "a" / "notes").string());
  track::expand_portfolio({(dir / "a").string(), (dir / "b").string()}, {}, usage);
  CHECK(usage.find("--pooling") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("portfolio: load_each hands every operation over in order, on one thread or several") {
  std::string usage;
  std::vector<std::string> paths = track::expand_portfolio({root + "/examples", portfolio}, {}, usage).operations;
  REQUIRE(paths.size() == 5);
  for (unsigned threads : {1u, 2u, 8u}) {
    std::vector<std::string> seen;
    track::load_each(
        paths, threads, builtin(), [](const std::string& p) { return track::load_operation({p, {}, {}}, builtin()); },
        [&](track::Operation& op) { seen.push_back(op.result() ? op.result()->tender->id.value : "?"); });
    CHECK(seen == std::vector<std::string>{"OPHC-2026-VIG-03", "SCV-2026-EV-02", "CAGL-2026-PROP-01", "CARC-2026-034",
                                           "CARC-2026-021"});
  }
}

TEST_CASE("portfolio: the status CSV ends each lot's row with its agreement, after a quoted contractor too") {
  fs::path dir = fs::temp_directory_path() / ("clausier-portfolio-csv-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(portfolio, dir, fs::copy_options::recursive);
  {  // a name that the CSV quotes: « ; », « " » and a line break inside
    fs::path tender = dir / "ecole-jaures" / "tender.yaml";
    std::ifstream in(tender);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "name: Électricité Cathare,";
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), R"(name: "Électricité; \"Cathare\"\r\nSud",)");
    std::ofstream(tender) << text;
  }
  track::PortfolioStatusJob job;
  job.arguments = {dir.string()};
  job.as_of = date(2026, 11, 22);
  job.format = track::StatusFormat::csv;
  Outcome out = track::run_portfolio_status(job, rules::RuleSet::builtin());
  REQUIRE(out.output);
  const std::string& csv = *out.output;
  CHECK(csv.find("lignes_non_comptees;convention\r\n") != std::string::npos);
  CHECK(csv.find(";\"Électricité; \"\"Cathare\"\"\r\nSud\";150;0;") != std::string::npos);
  CHECK(csv.find("0;0;\r\nCARC-2026-034;2026-11-22;3;") != std::string::npos);  // the quoted name's row, no agreement
  CHECK(csv.find("CARC-2026-034;2026-11-22;1;BTP Sud;300;100;145,275591;en retard;206,504065;200;6000;1;0;GLOB-2026-01\r\n") !=
        std::string::npos);
  CHECK(csv.find("CARC-2026-021;2026-11-22;1;BTP Sud;400;450;291,633466;atteint;617,213115;0;0;2;0;GLOB-2026-01\r\n") !=
        std::string::npos);
  // One header and 7 lot rows, and the line break inside the quoted name.
  std::size_t breaks = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++breaks;
  CHECK(breaks == 9);
  fs::remove_all(dir);
}
