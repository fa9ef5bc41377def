#include "clausier/track/operation.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clausier/io/csv.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/sheet.hpp"
#include "clausier/io/table.hpp"
#include "statement_files.hpp"

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

// Each file's text shrinks to the lines its diagnostics quote, now that they are all known (the
// legal-maximum warnings come last, from every file): 40 000 diagnostics in 50 MB of statements keep
// 40 000 lines.
void keep_quoted_lines(std::deque<SourceText>& sources, const Diagnostics& diagnostics) {
  std::unordered_map<std::string_view, std::vector<int>> lines;
  for (const SourceText& s : sources) lines.try_emplace(s.path());
  for (const Diagnostic& d : diagnostics)
    if (auto it = lines.find(d.path); it != lines.end() && shows_line(d)) it->second.push_back(d.pos.line);
  for (SourceText& s : sources) s.keep_lines(std::move(lines[s.path()]));
}

}  // namespace

Operation load_operation(const OperationInputs& inputs, const rules::RuleSet& rules) {
  Operation op;
  op.batch = hours::compute_files({inputs.operation}, rules, {});
  for (const auto& f : op.batch.failures) op.diagnostics.insert(op.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  std::string dir = folder_of(inputs.operation);

  std::string participants_path = inputs.participants ? *inputs.participants : participants_file(dir);
  io::ReadResult read = io::read_file(participants_path, io::participants_file);
  if (read.text) {
    ParticipantsResult p = parse_participants(*read.text, participants_path, rules);
    op.participants = std::move(p.participants);
    op.diagnostics.insert(op.diagnostics.end(), std::make_move_iterator(p.diagnostics.begin()),
                          std::make_move_iterator(p.diagnostics.end()));
    // Lines are shown from a CSV or a YAML file, as UTF-8 (a workbook's positions are cells).
    if (!io::sheet_format_of(participants_path)) op.sources.emplace_back(participants_path, io::csv_text(*read.text));
  } else {
    read.error.hint = "indiquez le fichier avec --participants, ou placez participants.yaml dans le dossier de l'opération";
    op.diagnostics.push_back(read.error);
  }

  std::vector<std::string> files = inputs.statements;
  if (files.empty()) {
    // Every table of statements/ is read; any other file is named (formats.md 5.1).
    StatementFiles found = statement_files(join_path(dir, "statements"));
    files = std::move(found.tables);
    op.diagnostics.insert(op.diagnostics.end(), found.notes.begin(), found.notes.end());
  }
  // Room for every row at once, from the files' sizes (a row takes 24 bytes of CSV at least): the list
  // never grows by copying, and the room no row takes is never touched, so it costs no memory.
  std::uintmax_t bytes = 0;
  for (const auto& path : files) {
    std::error_code ec;
    if (std::uintmax_t size = fs::file_size(path, ec); !ec) bytes += size;
  }
  op.statements.rows.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(bytes / 24, 1u << 24)));
  for (const auto& path : files) {
    io::ReadResult text = io::read_file(path, io::statements_file);
    if (!text.text) {
      op.diagnostics.push_back(text.error);
      continue;
    }
    // One pass per file, straight into the operation's one list of rows.
    Diagnostics diags = read_statements(*text.text, path, op.statements);
    op.diagnostics.insert(op.diagnostics.end(), std::make_move_iterator(diags.begin()), std::make_move_iterator(diags.end()));
    // The text is kept only to show the lines of its diagnostics (a clean file of 50 MB is not), as
    // the reader decoded it: a Windows-1252 line shows « Intérim ». A workbook's positions are cells.
    if (!diags.empty() && io::table_format_of(path) == io::TableFormat::csv)
      op.sources.emplace_back(path, std::move(*text.text), io::csv_text);
  }
  match_refs(op.statements, op.participants);
  Diagnostics over = over_maximum_warnings(op.statements, op.participants);  // formats.md 5.3, all files together
  op.diagnostics.insert(op.diagnostics.end(), std::make_move_iterator(over.begin()), std::make_move_iterator(over.end()));
  sort_diagnostics(op.diagnostics);
  keep_quoted_lines(op.sources, op.diagnostics);
  return op;
}

}  // namespace clausier::track
