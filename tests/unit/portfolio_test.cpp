// The portfolio (track/portfolio.hpp): what the arguments name, and operations loaded on several threads
// handed over in order, whatever the number of threads.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clausier/track/portfolio.hpp"
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
