// Making a new operation folder all at once (init/job.hpp): the files go into a hidden folder beside
// the one asked for, which is renamed at the end, so that a failure leaves no half-made operation.
#include "clausier/init/job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <unistd.h>

#include "clausier/io/files.hpp"

namespace clausier::init {

namespace fs = std::filesystem;

using io::io_error;

namespace {

std::string without_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Why DIR cannot become the new folder, or nothing when it is free (absent, or an empty folder).
std::string taken(const fs::path& dir) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return {};
  if (!fs::is_directory(status)) return "existe déjà et n'est pas un dossier";
  if (!fs::is_empty(dir, ec) || ec) return "existe déjà et n'est pas vide";
  return {};
}

// Writes the files under `root`; the first failure, if any.
std::optional<Diagnostic> write_all(const fs::path& root, const std::vector<File>& files, const std::string& shown) {
  for (const File& f : files) {
    fs::path path = root / f.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return io_error(shown, fmt::format("création impossible : {}", io::system_reason(ec.value())));
    if (auto err = io::write_file_atomic(path.string(), f.text)) {
      err->path = shown;
      return err;
    }
  }
  return std::nullopt;
}

}  // namespace

Outcome run(const Job& job, const rules::RuleSet& rules) {
  Outcome out;
  const std::string shown = without_trailing_slashes(job.folder);
  const fs::path dir(shown);
  if (std::string why = taken(dir); !why.empty()) {
    out.usage_error = fmt::format("« {} » {} : clausier init crée un nouveau dossier d'opération ; choisissez un "
                                  "autre nom (rien n'a été écrit)",
                                  shown, why);
    return out;
  }
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  if (!io::is_directory(parent.string())) {
    out.report(io_error(shown, fmt::format("création impossible : le dossier {} n'existe pas", parent.string()),
                        "créez-le d'abord, ou choisissez un autre chemin"),
               nullptr);
    return out;
  }
  fs::path staging = parent / fmt::format(".{}.init-{}", dir.filename().string(), ::getpid());
  std::error_code ec;
  fs::create_directory(staging, ec);
  if (ec) {
    out.report(io_error(shown, fmt::format("création impossible : {}", io::system_reason(ec.value()))), nullptr);
    return out;
  }
  std::vector<File> files = folder_files(job, rules);
  std::optional<Diagnostic> failure = write_all(staging, files, shown);
  // An empty DIR is replaced by the new folder (rename(2) allows it); a DIR that gained files meanwhile is not.
  if (!failure) {
    fs::rename(staging, dir, ec);
    if (ec) failure = io_error(shown, fmt::format("création impossible : {}", io::system_reason(ec.value())));
  }
  if (failure) {
    fs::remove_all(staging, ec);
    out.report(*failure, nullptr);
    return out;
  }
  std::string names;
  for (const File& f : files) names += fmt::format("{}{}", names.empty() ? "" : ", ", f.path);
  out.messages = fmt::format("Dossier d'opération {} créé : {}.\nComplétez {}/tender.yaml, puis vérifiez-le : "
                             "clausier check {}\n",
                             shown, names, shown, shown);
  return out;
}

std::string default_schema(const std::string& folder, const std::string& program_dir) {
  const std::string packaged = "/usr/share/clausier/schemas/tender.schema.json";
  if (program_dir.empty()) return packaged;
  std::error_code ec;
  const fs::path program(program_dir);
  fs::path installed = program.parent_path() / "share/clausier/schemas/tender.schema.json";
  if (fs::is_regular_file(installed, ec)) return fs::weakly_canonical(installed, ec).string();
  // A build folder of the source tree (build/bin, build-release/bin…): the tree is a level or two up.
  fs::path tree = program.parent_path();
  for (int up = 0; up < 3 && !tree.empty() && tree != tree.root_path(); ++up, tree = tree.parent_path()) {
    fs::path schema = tree / "schemas/tender.schema.json";
    if (!fs::is_regular_file(schema, ec)) continue;
    fs::path root = fs::weakly_canonical(tree, ec);
    fs::path target = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    auto mismatch = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
    if (mismatch.first == root.end()) return fs::relative(fs::weakly_canonical(schema, ec), target, ec).string();
    return fs::weakly_canonical(schema, ec).string();
  }
  return packaged;
}

}  // namespace clausier::init
