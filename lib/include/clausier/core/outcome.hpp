#pragma once
// What a tool's library entry point (check::run, hours::run, draft::run, track::run_status...,
// report::run) hands back. The tool prints `messages` on standard error, writes `output` (standard
// output or -o FILE), and turns the rest into its exit code; the library itself prints nothing.
#include <cstddef>
#include <optional>
#include <string>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/source.hpp"

namespace clausier {

struct Outcome {
  // The command cannot run as asked (options that exclude each other...): one French sentence that
  // names the options; nothing else is set. Exit code 2.
  std::string usage_error;
  Diagnostics diagnostics;            // everything reported about the inputs, in the order of `messages`
  std::string messages;               // what to show on standard error: the diagnostics, and notes
  std::optional<std::string> output;  // what to write; absent when nothing may be written
  bool failed = false;                // a condition the user asked to fail on is met (track --fail-on): exit 1

  // Adds `d`, and its text form with the source line when `source` is given. A line is quoted once for
  // the diagnostics that follow each other at the same place (the columns missing from one header):
  // a 100 MB line without an end was quoted once per missing column (issue 17, item 7).
  void report(const Diagnostic& d, const SourceText* source) {
    const bool quotes = source != nullptr && d.pos.line > 0 && !d.hide_line;
    const bool quoted_just_above = quotes && quoted_end_ == messages.size() && quoted_path_ == d.path && quoted_pos_ == d.pos;
    messages += render_diagnostic(d, quoted_just_above ? nullptr : source);
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

}  // namespace clausier
