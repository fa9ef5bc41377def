#include "clausier/track/operation.hpp"

#include <algorithm>
#include <filesystem>

#include "clausier/io/files.hpp"

namespace clausier::track {

namespace fs = std::filesystem;

const SourceText* Operation::source_of(const std::string& path) const {
  if (const SourceText* s = batch.source_of(path)) return s;
  auto it = std::find_if(sources.begin(), sources.end(), [&](const SourceText& s) { return s.path() == path; });
  return it == sources.end() ? nullptr : &*it;
}

namespace {

std::string folder_of(const std::string& operation) {
  std::error_code ec;
  if (fs::is_directory(operation, ec)) return operation;
  fs::path parent = fs::path(operation).parent_path();
  return parent.empty() ? "." : parent.string();
}

std::string join_path(const std::string& dir, const std::string& name) {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d + "/" + name;
}

}  // namespace

Operation load_operation(const OperationInputs& inputs, const rules::RuleSet& rules) {
  Operation op;
  op.batch = hours::compute_files({inputs.operation}, rules, {});
  for (const auto& f : op.batch.failures) op.diagnostics.insert(op.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  std::string dir = folder_of(inputs.operation);

  std::string participants_path;
  if (inputs.participants) {
    participants_path = *inputs.participants;
  } else {
    std::error_code ec;
    participants_path = join_path(dir, "participants.yaml");
    if (!fs::exists(participants_path, ec) && fs::exists(join_path(dir, "participants.csv"), ec))
      participants_path = join_path(dir, "participants.csv");
  }
  io::ReadResult read = io::read_file(participants_path, io::participants_file);
  if (read.text) {
    ParticipantsResult p = parse_participants(*read.text, participants_path, rules);
    op.participants = std::move(p.participants);
    op.diagnostics.insert(op.diagnostics.end(), p.diagnostics.begin(), p.diagnostics.end());
    op.sources.emplace_back(participants_path, std::move(*read.text));
  } else {
    read.error.hint = "indiquez le fichier avec --participants, ou placez participants.yaml dans le dossier de l'opération";
    op.diagnostics.push_back(read.error);
  }

  std::vector<std::string> files = inputs.statements;
  if (files.empty()) {
    // Every *.csv entry is read, whatever it is: a link loop or a FIFO is reported, never skipped.
    std::string statements = join_path(dir, "statements");
    io::FolderListing listing = io::list_folder(statements);
    if (listing.error) op.diagnostics.push_back(*listing.error);
    for (const std::string& name : listing.names)
      if (name.ends_with(".csv")) files.push_back(join_path(statements, name));
  }
  for (const auto& path : files) {
    io::ReadResult text = io::read_file(path, io::statements_file);
    if (!text.text) {
      op.diagnostics.push_back(text.error);
      continue;
    }
    // One pass per file, straight into the operation's one list of rows.
    Diagnostics diags = read_statements(*text.text, path, op.statements);
    op.diagnostics.insert(op.diagnostics.end(), diags.begin(), diags.end());
    // The text is kept only to show the lines of its diagnostics: a clean file of 50 MB is not.
    if (!diags.empty()) op.sources.emplace_back(path, std::move(*text.text));
  }
  sort_diagnostics(op.diagnostics);
  return op;
}

}  // namespace clausier::track
