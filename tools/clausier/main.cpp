// clausier: the umbrella. `clausier hours ARGS...` runs `clausier-hours ARGS...`, found beside this
// executable first (a build or an install keeps the tools together), then on the PATH. Git style: the
// command's exit code is returned unchanged (exec); the umbrella's own codes are cli::ExitCode.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "clausier/core/version.hpp"
#include "clausier/io/files.hpp"
#include "clausier/rules/embedded.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;

struct Command {
  std::string_view name, summary;
};
// The explicit list of commands (no discovery): what `clausier --help` shows.
constexpr Command commands[] = {
    {"init", "crée un nouveau dossier d'opération, commenté, prêt à compléter"},
    {"check", "vérifie des fichiers de consultation et les pièces du DCE (CCAP, RC, acte d'engagement)"},
    {"hours", "calcule les heures d'insertion de chaque lot, et montre le calcul"},
    {"draft", "rédige la clause pour le CCAP, le RC, l'acte d'engagement et l'avis"},
    {"track", "suit les heures réalisées par les titulaires, à partir des états mensuels"},
    {"report", "établit le bilan : par opération, fiche de fin de parcours, consolidation"},
};

int usage(std::ostream& out, cli::ExitCode code) {
  out << "Clausier : les clauses sociales d'insertion des marchés publics, en ligne de commande.\n\n"
         "Utilisation : clausier COMMANDE [ARGUMENTS...]\n"
         "              clausier help COMMANDE\n\n"
         "Commandes :\n";
  for (const auto& c : commands) out << fmt::format("  {:<10}{}\n", c.name, c.summary);
  out << "\nOptions :\n"
         "  -h, --help    Affiche cette aide et quitte\n"
         "  --version     Affiche la version et quitte\n\n"
         "Chaque commande a son aide : clausier check --help\n"
         "Exemple :\n"
         "  clausier check examples/anru-viguier\n";
  return code;
}

// Replaces this process with clausier-COMMAND and ARGS (argv[first_arg]...); returns only on failure.
int exec_tool(std::string_view command, int argc, char** argv, int first_arg) {
  std::string name = fmt::format("clausier-{}", command);
  std::vector<char*> args{name.data()};
  for (int i = first_arg; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  std::error_code ec;
  auto sibling = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / name;
  if (!ec && std::filesystem::exists(sibling, ec)) ::execv(sibling.c_str(), args.data());
  else ::execvp(name.c_str(), args.data());
  cli::print_error("clausier", fmt::format("impossible de lancer {} : {}", name, io::system_reason(errno)));
  return cli::exit_io;
}

bool known(std::string_view command) {
  return std::any_of(std::begin(commands), std::end(commands), [&](const Command& c) { return c.name == command; });
}

int unknown(std::string_view command) {
  std::cerr << fmt::format("clausier: error: commande inconnue « {} »\nCommandes : ", command);
  for (std::size_t i = 0; i < std::size(commands); ++i) std::cerr << (i > 0 ? ", " : "") << commands[i].name;
  std::cerr << "\n";
  cli::print_help_hint("clausier");
  return cli::exit_invalid;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(std::cerr, cli::exit_invalid);
  std::string_view first = argv[1];
  if (first == "-h" || first == "--help" || (first == "help" && argc < 3)) return usage(std::cout, cli::exit_ok);
  if (first == "--version") {
    std::cout << fmt::format("clausier {} (règles {})\n", version(), rules::embedded_version());
    return cli::exit_ok;
  }
  if (first == "help") {
    if (!known(argv[2])) return unknown(argv[2]);
    char help[] = "--help";
    char* help_argv[] = {argv[0], argv[2], help};
    return exec_tool(argv[2], 3, help_argv, 2);
  }
  if (first.starts_with('-')) {
    cli::print_error("clausier", fmt::format("option inconnue « {} » avant la commande", first));
    cli::print_help_hint("clausier");
    return cli::exit_invalid;
  }
  return known(first) ? exec_tool(first, argc, argv, 2) : unknown(first);
}
