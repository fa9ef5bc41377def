#pragma once
// What a tool's library entry point (check::run, hours::run, draft::run, track::run_status...,
// report::run) hands back. The tool prints `messages` (with --quiet: `errors`) on standard error, writes
// `output` or runs `stream` (standard output or -o FILE), and turns the rest into its exit code; the
// library itself prints nothing.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/source.hpp"

namespace clausier {

// Takes the pieces of a result written as it is produced, in order (the tool's standard output or
// temporary file).
using WritePiece = std::function<void(std::string_view piece)>;

struct Outcome {
  // The command cannot run as asked (options that exclude each other...): one French sentence that
  // names the options; nothing else is set. Exit code 2.
  std::string usage_error;
  Diagnostics diagnostics;            // everything reported about the inputs, in the order of `messages`
  std::string messages;               // what to show on standard error: the diagnostics, and notes
  std::string errors;                 // the part of `messages` that --quiet shows: the errors (is_error)
  std::optional<std::string> output;  // what to write; absent when nothing may be written
  // Instead of `output`, for a result too large to build whole (a million statement rows): writes it
  // through `write`, piece by piece. The tool calls it once, after printing `messages`, before the
  // rule set given to the entry point goes.
  std::function<void(const WritePiece& write)> stream;
  bool failed = false;                // a condition the user asked to fail on is met (track --fail-on): exit 1

  // Adds `d`, and its text form with the source line when `source` is given. A line is quoted once for
  // the diagnostics that follow each other at the same place (the columns missing from one header):
  // a 100 MB line without an end was quoted once per missing column (issue 17, item 7).
  void report(const Diagnostic& d, const SourceText* source) {
    const bool quotes = source != nullptr && shows_line(d);
    const bool quoted_just_above = quotes && quoted_end_ == messages.size() && quoted_path_ == d.path && quoted_pos_ == d.pos;
    std::string text = render_diagnostic(d, quoted_just_above ? nullptr : source);
    if (is_error(d)) errors += text;
    messages += text;
    if (quotes) {
      quoted_end_ = messages.size();
      quoted_path_ = d.path;
      quoted_pos_ = d.pos;
    }
    diagnostics.push_back(d);
  }

 private:
  // Where the last quoted line was, and the messages just after it (nothing written since).
  std::string quoted_path_;
  Position quoted_pos_;
  std::size_t quoted_end_ = static_cast<std::size_t>(-1);
};

// A binary document (docx, xlsx) goes to a file, `-o FILE`, or to standard output with `-o -` when it is
// redirected (a terminal would show garbage). The usage error for `output` (the -o value, empty when not
// given), else an empty string. `format` names the format ("docx"), `document` what it is ("un fichier
// Word"): "--format docx écrit un fichier Word : …".
std::string binary_output_error(std::string_view format, std::string_view document, std::string_view output,
                                bool stdout_is_terminal);

}  // namespace clausier
