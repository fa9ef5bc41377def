#pragma once
// What every Clausier tool shares: French help, --version, --rules, exit codes, error printing.
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/outcome.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/track/operation.hpp"

namespace clausier::cli {

// formats.md section 7: the one exit-code contract of every tool.
enum ExitCode : int { exit_ok = 0, exit_failed = 1, exit_invalid = 2, exit_io = 3 };

// French labels, --version, -q/--quiet, and the examples shown at the end of --help.
void setup_app(CLI::App& app, const std::string& examples);
// A subcommand, with -q/--quiet like the tool itself.
CLI::App* add_subcommand(CLI::App& app, const std::string& name, const std::string& description);
// -q/--quiet, one setting for the process: `finish` then shows only the errors (Outcome::errors) on
// standard error; the output and the exit code do not change (check and track validate ask the library
// for an output without summary).
bool quiet();
// Whether standard output is a terminal: a binary document (docx, xlsx) is not written there.
bool stdout_is_terminal();

// Parses the command line, then runs `run`; CLI11's own exit codes never reach users: a usage error
// exits 2, --help and --version exit 0, an unexpected exception exits 2 with "<tool>: error: ...".
int run_tool(CLI::App& app, int argc, char** argv, const std::function<int()>& run);

struct RulesOptions {
  std::vector<std::string> files;
};
void add_rules_option(CLI::App& app, RulesOptions& options);
// -o/--output FICHIER: where `finish` writes `what` ("le résultat"); "-" is standard output.
void add_output_option(CLI::App& app, std::string& output, const std::string& what);
// The built-in tables plus the user's files; prints the problems and returns nullopt when a file is
// unreadable or invalid (the caller exits with `rules_exit_code`).
std::optional<rules::RuleSet> load_rules(const RulesOptions& options, int& rules_exit_code);

// Today, or the date in CLAUSIER_TODAY (YYYY-MM-DD) so tests and audits can replay a run. nullopt and
// a message when CLAUSIER_TODAY is set but is not a date.
std::optional<boost::gregorian::date> today(std::string& error);
// A date given on the command line (--as-of), or today when empty.
std::optional<boost::gregorian::date> date_option(const std::string& text, const std::string& tool);

// The inputs of an operation folder that track and report share: --participants FILE, --statements
// FILE (repeatable), --declared-hours LOT=HOURS (repeatable, percent-of-hours lots).
struct OperationInputOptions {
  std::string participants;
  std::vector<std::string> statements;
  std::optional<std::string> participants_file() const {
    return participants.empty() ? std::nullopt : std::optional(participants);
  }
  // The library's inputs of the operation folder (or tender file) `operation`.
  track::OperationInputs of(const std::string& operation) const { return {operation, participants_file(), statements}; }
};
void add_operation_inputs(CLI::App& app, OperationInputOptions& options);
void add_declared_hours_option(CLI::App& app, std::vector<std::string>& declared);
// --pooling FILE: the pooling agreements of a portfolio (formats.md section 8).
void add_pooling_option(CLI::App& app, std::string& pooling);
// LOT=HOURS texts to a map; prints the first malformed one and returns nullopt.
std::optional<std::map<std::string, double>> parse_declared_hours(const std::vector<std::string>& declared,
                                                                  const std::string& tool);

// Prints "tool: error: message" on standard error.
void print_error(const std::string& tool, const std::string& message);
// "Pour l'aide : tool --help", the line under a usage error; print_help_hint prints it on standard error.
std::string help_hint(const std::string& tool);
void print_help_hint(const std::string& tool);
// Writes `text` to the file, atomically, or to standard output when path is empty or "-".
int write_output(const std::string& tool, const std::string& path, const std::string& text);
// The same for a result written as it is produced: `produce` hands its pieces to the writer it gets.
int write_output(const std::string& tool, const std::string& path, const std::function<void(const WritePiece&)>& produce);

// What every tool does with the Outcome of its library entry point: prints the usage error, or the
// messages (with --quiet, the errors only) then writes the output or runs the stream (to `output_path`, or
// standard output when empty or "-"), and returns
// the exit code: usage error 2; a failed write 3; else io 3, input 2, a finding of severity error 1,
// outcome.failed 1; else 0.
ExitCode finish(const std::string& tool, const Outcome& outcome, const std::string& output_path);
// The body of most tools: loads the rules (`load_rules`; a broken file is the exit code), runs the
// library entry point `job` with them, and `finish`es its Outcome.
int run_with_rules(const std::string& tool, const RulesOptions& rules, const std::string& output_path,
                   const std::function<Outcome(const rules::RuleSet&)>& job);

}  // namespace clausier::cli
