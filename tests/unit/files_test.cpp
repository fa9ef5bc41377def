#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "clausier/io/files.hpp"
#include <unistd.h>

#include "printers.hpp"

using namespace clausier;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("clausier-files-test-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("files: read a whole file, and say why one cannot be read") {
  TempDir dir;
  std::ofstream(dir.path / "a.txt", std::ios::binary) << "ligne 1\r\nlígne 2";
  auto ok = io::read_file((dir.path / "a.txt").string());
  REQUIRE(ok.text);
  CHECK(*ok.text == "ligne 1\r\nlígne 2");

  auto missing = io::read_file((dir.path / "absent.yaml").string());
  CHECK_FALSE(missing.text);
  CHECK(missing.error.category == Category::io);
  CHECK(missing.error.message == "lecture impossible : fichier introuvable");

  auto folder = io::read_file(dir.path.string());
  CHECK_FALSE(folder.text);
  CHECK(folder.error.message == "est un dossier, pas un fichier");
}

TEST_CASE("files: an atomic write replaces the file whole and leaves no temporary file") {
  TempDir dir;
  std::string target = (dir.path / "out.csv").string();
  CHECK_FALSE(io::write_file_atomic(target, "première version"));
  CHECK_FALSE(io::write_file_atomic(target, "seconde"));
  CHECK(*io::read_file(target).text == "seconde");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("files: a result written piece by piece is renamed whole; a failure while producing it leaves nothing") {
  TempDir dir;
  std::string target = (dir.path / "out.json").string();
  CHECK_FALSE(io::write_file_atomic(target, [](const WritePiece& write) {
    for (int i = 0; i < 3; ++i) write("morceau " + std::to_string(i) + "\n");
  }));
  CHECK(*io::read_file(target).text == "morceau 0\nmorceau 1\nmorceau 2\n");
  CHECK_THROWS_AS(io::write_file_atomic(target,
                                        [](const WritePiece& write) {
                                          write("début");
                                          throw std::runtime_error("arrêt");
                                        }),
                  std::runtime_error);
  CHECK(*io::read_file(target).text == "morceau 0\nmorceau 1\nmorceau 2\n");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("files: a write that cannot happen reports it and touches nothing") {
  TempDir dir;
  auto err = io::write_file_atomic((dir.path / "no-such-dir" / "out.csv").string(), "x");
  REQUIRE(err);
  CHECK(err->category == Category::io);
  CHECK(err->message == "écriture impossible : le dossier " + (dir.path / "no-such-dir").string() + " n'existe pas");
  CHECK_FALSE(fs::exists(dir.path / "no-such-dir"));
}

TEST_CASE("files: French reasons for the usual errors") {
  CHECK(io::system_reason(ENOENT) == "fichier introuvable");
  CHECK(io::system_reason(EACCES) == "accès refusé");
}
