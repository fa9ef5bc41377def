#pragma once
// Shell completion scripts built from a tool's own CLI11 command tree, so they never fall behind its
// options. The build runs `clausier-TOOL --completion bash|zsh` and installs what it prints
// (cmake/Completions.cmake); the umbrella's script comes from `clausier --help` (cmake/completion/).
#include <CLI/CLI.hpp>

#include <string>

namespace clausier::cli {

// The bash script: a table of the tool's commands, options and value kinds, read by a small engine.
std::string bash_completion(const CLI::App& app);
// The zsh script: one `_arguments` call per command, with the French descriptions of --help.
std::string zsh_completion(const CLI::App& app);

// True when the command line is `TOOL --completion SHELL` (a hidden option, not in --help): the
// script has then been printed, or the error, and `exit_code` says which.
bool completion_requested(const CLI::App& app, int argc, char** argv, int& exit_code);

}  // namespace clausier::cli
