#include "statement_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "clausier/core/text.hpp"
#include "clausier/io/table.hpp"
#include "clausier/io/files.hpp"
#include "clausier/track/catalogue.hpp"

namespace clausier::track {

namespace fs = std::filesystem;

namespace {

std::string join_path(const std::string& dir, const std::string& name) {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d + "/" + name;
}

}  // namespace

StatementFiles statement_files(const std::string& folder) {
  StatementFiles out;
  // Every entry is listed, whatever it is: a link loop or a FIFO is read and reported, never skipped;
  // a folder that cannot be listed is an error (docs/robustness.md).
  io::FolderListing listing = io::list_folder(folder);
  if (listing.error) out.notes.push_back(*listing.error);
  std::vector<std::string> others;
  for (const std::string& name : listing.names) {
    // "~$etat.xlsx" is the lock file of a workbook open in Excel, not a workbook.
    (io::is_table_file(name) && !name.starts_with("~$") ? out.tables : others).push_back(join_path(folder, name));
  }
  std::sort(out.tables.begin(), out.tables.end());
  std::sort(others.begin(), others.end());
  for (const auto& path : others)
    out.notes.push_back(make_diagnostic(
        rule("statement-not-read"), path, {},
        "ce fichier n'est pas un état des heures (.csv, .xlsx ou .ods) : il n'est pas lu",
        "un état reçu dans un autre format (PDF, Word) se ressaisit dans le modèle : clausier track template LOT "
        "--format xlsx ; rangez ailleurs les pièces qui ne sont pas des états"));
  return out;
}

std::string participants_file(const std::string& folder) {
  std::error_code ec;
  for (const char* name : {"participants.yaml", "participants.csv", "participants.xlsx", "participants.ods"})
    if (fs::exists(join_path(folder, name), ec)) return join_path(folder, name);
  return join_path(folder, "participants.yaml");
}

}  // namespace clausier::track
