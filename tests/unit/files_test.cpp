#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "clausier/io/files.hpp"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
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

// ---- Issue 17: reads with bounds, special files refused -------------------------------------------

namespace {
std::string file_in(const TempDir& dir, const char* name, std::string_view text) {
  std::string path = (dir.path / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode;
}

mode_t current_umask() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}
}  // namespace

TEST_CASE("files: only regular files are read; a FIFO, a device or a folder is refused at once") {
  TempDir dir;
  std::string fifo = (dir.path / "tender.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto r = io::read_file(fifo);  // used to block forever, waiting for a writer
  CHECK_FALSE(r.text);
  CHECK(r.error.category == Category::io);
  CHECK(r.error.message == "lecture refusée : ce n'est pas un fichier ordinaire mais un tube nommé (FIFO)");
  CHECK(r.error.hint == "donnez le chemin d'un fichier enregistré sur le disque");

  auto zero = io::read_file("/dev/zero");  // used to read until memory ran out
  CHECK_FALSE(zero.text);
  CHECK(zero.error.category == Category::io);
  CHECK(zero.error.message == "lecture refusée : ce n'est pas un fichier ordinaire mais un périphérique");

  std::string link = (dir.path / "zero.yaml").string();
  fs::create_symlink("/dev/zero", link);
  CHECK(io::read_file(link).error.message == zero.error.message);

  CHECK(io::read_file(dir.path.string()).error.message == "est un dossier, pas un fichier");
}

TEST_CASE("files: a symlink loop or a path through a file gives a French reason") {
  TempDir dir;
  std::string loop = (dir.path / "loop.csv").string();
  fs::create_symlink("loop.csv", loop);
  auto r = io::read_file(loop);
  CHECK_FALSE(r.text);
  CHECK(r.error.category == Category::io);
  CHECK(r.error.message == "lecture impossible : boucle de liens symboliques");

  std::string file = file_in(dir, "plain.txt", "x");
  CHECK(io::read_file(file + "/tender.yaml").error.message ==
        "lecture impossible : un élément du chemin n'est pas un dossier");
}

TEST_CASE("files: each kind of file has a maximum size") {
  TempDir dir;
  constexpr io::FileKind tiny{"fichier d'essai", 10};
  CHECK(io::read_file(file_in(dir, "ten.txt", "0123456789"), tiny).text == "0123456789");
  auto big = io::read_file(file_in(dir, "eleven.txt", "0123456789A"), tiny);
  CHECK_FALSE(big.text);
  CHECK(big.error.category == Category::io);
  CHECK(big.error.message == "lecture refusée : 11 octets, au-delà de la limite de 10 octets d'un fichier d'essai");
  CHECK(io::tender_file.max_bytes == 16u << 20);
  CHECK(io::statements_file.max_bytes >= 256u << 20);
}

namespace {
// Reads standard input as `-` does, with `fd` put in its place for the call.
io::ReadResult read_as_stdin(int fd, const io::FileKind& kind) {
  int saved = ::dup(STDIN_FILENO);
  REQUIRE(saved >= 0);
  REQUIRE(::dup2(fd, STDIN_FILENO) == STDIN_FILENO);
  ::close(fd);
  io::ReadResult r = io::read_standard_input("<stdin>", kind);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  return r;
}
io::ReadResult read_pipe_as_stdin(const std::string& content, const io::FileKind& kind) {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  REQUIRE(::write(ends[1], content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  ::close(ends[1]);
  return read_as_stdin(ends[0], kind);
}
}  // namespace

TEST_CASE("files: standard input is bounded like a file of its kind, piped or redirected") {
  constexpr io::FileKind tiny{"fichier d'essai", 10};
  CHECK(read_pipe_as_stdin("0123456789", tiny).text == "0123456789");
  auto piped = read_pipe_as_stdin("0123456789A", tiny);
  CHECK_FALSE(piped.text);
  CHECK(piped.error.category == Category::io);
  CHECK(piped.error.path == "<stdin>");
  // A pipe says no size: how far beyond the limit it goes is not known, and not read.
  CHECK(piped.error.message == "lecture refusée : au-delà de la limite de 10 octets d'un fichier d'essai");

  TempDir dir;
  auto redirected = read_as_stdin(::open(file_in(dir, "eleven.txt", "0123456789A").c_str(), O_RDONLY), tiny);
  CHECK_FALSE(redirected.text);
  CHECK(redirected.error.message == "lecture refusée : 11 octets, au-delà de la limite de 10 octets d'un fichier d'essai");
  CHECK(read_as_stdin(::open(file_in(dir, "ten.txt", "0123456789").c_str(), O_RDONLY), tiny).text == "0123456789");
}

TEST_CASE("files: every errno has a French reason, never the C library's English") {
  for (int err = 1; err < 134; ++err) {
    CAPTURE(err);
    std::string reason = io::system_reason(err);
    CHECK_FALSE(reason.empty());
    CHECK(reason.find("No ") == std::string::npos);
    CHECK(reason.find("Operation") == std::string::npos);
    CHECK(reason.find("Unknown") == std::string::npos);
  }
  CHECK(io::system_reason(ELOOP) == "boucle de liens symboliques");
  CHECK(io::system_reason(ENOSPC) == "disque plein");
}

TEST_CASE("files: a folder lists its entries in name order, folders left out") {
  TempDir dir;
  fs::create_directories(dir.path / "st" / "old.csv");
  file_in(dir, "st/b.csv", "x");
  file_in(dir, "st/a.csv", "x");
  fs::create_symlink("loop.csv", dir.path / "st" / "loop.csv");
  auto listing = io::list_folder((dir.path / "st").string());
  CHECK(listing.exists);
  CHECK_FALSE(listing.error);
  // The loop is listed: reading it says what is wrong, instead of skipping it in silence.
  CHECK(listing.names == std::vector<std::string>{"a.csv", "b.csv", "loop.csv"});

  auto absent = io::list_folder((dir.path / "none").string());
  CHECK_FALSE(absent.exists);
  CHECK_FALSE(absent.error);

  fs::create_symlink("dloop", dir.path / "dloop");
  auto looping = io::list_folder((dir.path / "dloop").string());
  CHECK(looping.exists);
  REQUIRE(looping.error);
  CHECK(looping.error->category == Category::io);
  CHECK(looping.error->message == "lecture impossible du dossier : boucle de liens symboliques");

  auto not_folder = io::list_folder(file_in(dir, "f.txt", "x"));
  REQUIRE(not_folder.error);
  CHECK(not_folder.error->message == "lecture impossible du dossier : ce n'est pas un dossier");
}

// ---- Issue 17: -o replaces only a regular file, keeps its mode, and reports every failure ---------

TEST_CASE("files: an atomic write keeps the mode of the file it replaces, and a new file follows umask") {
  TempDir dir;
  std::string secret = file_in(dir, "secret.json", "ancien");
  ::chmod(secret.c_str(), 0600);
  CHECK_FALSE(io::write_file_atomic(secret, "nouveau"));
  CHECK(*io::read_file(secret).text == "nouveau");
  CHECK((mode_of(secret) & 07777) == 0600);

  std::string fresh = (dir.path / "new.md").string();
  CHECK_FALSE(io::write_file_atomic(fresh, "x"));
  CHECK((mode_of(fresh) & 07777) == (0666 & ~current_umask()));
}

TEST_CASE("files: an atomic write never replaces a link, a folder, a FIFO or a device") {
  TempDir dir;
  std::string target = file_in(dir, "real.md", "garde");
  std::string link = (dir.path / "link.md").string();
  fs::create_symlink("real.md", link);
  auto err = io::write_file_atomic(link, "x");
  REQUIRE(err);
  CHECK(err->category == Category::io);
  CHECK(err->message ==
        "écriture refusée : c'est un lien symbolique ; donnez le chemin du fichier lui-même, ou un nouveau nom");
  CHECK(fs::is_symlink(link));
  CHECK(*io::read_file(target).text == "garde");

  fs::create_directories(dir.path / "folder");
  err = io::write_file_atomic((dir.path / "folder").string(), "x");
  REQUIRE(err);
  CHECK(err->message == "écriture refusée : un dossier porte ce nom ; déplacez-le, ou écrivez sous un autre nom");
  CHECK(fs::is_directory(dir.path / "folder"));

  std::string fifo = (dir.path / "pipe").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  err = io::write_file_atomic(fifo, "x");
  REQUIRE(err);
  CHECK(err->message ==
        "écriture refusée : ce n'est pas un fichier ordinaire mais un tube nommé (FIFO) ; pour écrire sur la sortie "
        "standard, ne donnez pas de fichier (ou donnez « - »)");
  CHECK(S_ISFIFO(mode_of(fifo)));

  // A device node of our own (as root: the tests run as root in CI), never /dev/null itself.
  std::string device = (dir.path / "null").string();
  if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    err = io::write_file_atomic(device, "x");
    REQUIRE(err);
    CHECK(err->message.starts_with("écriture refusée : ce n'est pas un fichier ordinaire mais un périphérique"));
    CHECK(S_ISCHR(mode_of(device)));
  }
  int entries = 0;  // no temporary file left behind
  for (const auto& e : fs::directory_iterator(dir.path))
    if (e.path().filename().string().starts_with(".")) ++entries;
  CHECK(entries == 0);
}

TEST_CASE("files: a failed write names its reason and leaves the old file") {
  TempDir dir;
  std::string target = file_in(dir, "out.md", "ancien");
  auto err = io::write_file_atomic(target + "/x.md", "x");
  REQUIRE(err);
  CHECK(err->message == "écriture impossible : un élément du chemin n'est pas un dossier");
  // A device is refused before anything is written. Root gets a full device of its own, never /dev/full
  // itself: a regression would replace the machine's device (others cannot replace /dev/full).
  std::string full = (dir.path / "full").string();
  if (::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) full = "/dev/full";
  CHECK(io::write_file_atomic(full, "x")->message.starts_with("écriture refusée"));
  CHECK(S_ISCHR(mode_of(full)));
  CHECK(*io::read_file(target).text == "ancien");
}

TEST_CASE("files: a set of files is written whole or not at all") {
  TempDir dir;
  auto read = [&](const char* name) {
    std::ifstream in(dir.path / name, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  auto entries = [&] {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  };
  std::ofstream(dir.path / "a.eml", std::ios::binary) << "ancien a";
  std::ofstream(dir.path / "b.eml", std::ios::binary) << "ancien b";

  // c.eml is a folder: the third file cannot take its name, so the first two are put back as they were.
  fs::create_directories(dir.path / "c.eml");
  auto refused = io::write_files_atomic(dir.path.string(), {{"a.eml", "nouveau a"}, {"b.eml", "nouveau b"},
                                                            {"c.eml", "nouveau c"}, {"d.eml", "nouveau d"}});
  REQUIRE(refused);
  CHECK(refused->category == Category::io);
  CHECK(refused->path == (dir.path / "c.eml").string());
  CHECK(read("a.eml") == "ancien a");
  CHECK(read("b.eml") == "ancien b");
  CHECK(entries() == std::vector<std::string>{"a.eml", "b.eml", "c.eml"});  // no d.eml, no hidden folder left

  fs::remove(dir.path / "c.eml");
  CHECK_FALSE(io::write_files_atomic(dir.path.string(), {{"a.eml", "nouveau a"}, {"c.eml", "nouveau c"}}));
  CHECK(read("a.eml") == "nouveau a");
  CHECK(read("b.eml") == "ancien b");
  CHECK(read("c.eml") == "nouveau c");
  CHECK(entries() == std::vector<std::string>{"a.eml", "b.eml", "c.eml"});

  auto missing = io::write_files_atomic((dir.path / "absent").string(), {{"a.eml", "x"}});
  REQUIRE(missing);
  CHECK(missing->message.find("écriture impossible") == 0);
}
