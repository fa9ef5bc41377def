// clausier: the umbrella. `clausier hours ARGS...` runs `clausier-hours ARGS...`, found beside this
// executable first (a build or an install keeps the tools together), then on the PATH. Git style.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "clausier/core/version.hpp"
#include "clausier/io/files.hpp"
#include "clausier/rules/embedded.hpp"
#include "clausier/rules/rules.hpp"

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
};
// The explicit list of commands (no discovery): what `clausier --help` shows.
constexpr Command commands[] = {
    {"check", "vérifie des fichiers de consultation et les pièces du DCE (CCAP, RC, acte d'engagement)"},
    {"hours", "calcule les heures d'insertion de chaque lot, et montre le calcul"},
    {"draft", "rédige la clause pour le CCAP, le RC, l'acte d'engagement et l'avis"},
    {"track", "suit les heures réalisées par les titulaires, à partir des états mensuels"},
    {"report", "établit le bilan : par opération, fiche de fin de parcours, consolidation"},
};

void usage(std::ostream& out) {
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
}

std::string sibling_path(const std::string& name) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto candidate = self.parent_path() / name;
  return std::filesystem::exists(candidate, ec) ? candidate.string() : std::string{};
}

int exec_tool(std::string_view command, int argc, char** argv, int first_arg) {
  std::string name = fmt::format("clausier-{}", command);
  std::vector<char*> args;
  args.push_back(name.data());
  for (int i = first_arg; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  std::string path = sibling_path(name);
  if (!path.empty()) ::execv(path.c_str(), args.data());
  else ::execvp(name.c_str(), args.data());
  std::cerr << fmt::format("clausier: error: impossible de lancer {} : {}\n", name, clausier::io::system_reason(errno));
  return 3;
}

bool known(std::string_view command) {
  for (const auto& c : commands)
    if (c.name == command) return true;
  return false;
}

int unknown(std::string_view command) {
  std::cerr << fmt::format("clausier: error: commande inconnue « {} »\nCommandes : ", command);
  for (std::size_t i = 0; i < std::size(commands); ++i) std::cerr << (i > 0 ? ", " : "") << commands[i].name;
  std::cerr << "\nPour l'aide : clausier --help\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(std::cerr);
    return 2;
  }
  std::string_view first = argv[1];
  if (first == "-h" || first == "--help") {
    usage(std::cout);
    return 0;
  }
  if (first == "--version") {
    std::cout << fmt::format("clausier {} (règles {})\n", clausier::version(), clausier::rules::embedded_version());
    return 0;
  }
  if (first == "help") {
    if (argc < 3) {
      usage(std::cout);
      return 0;
    }
    if (!known(argv[2])) return unknown(argv[2]);
    char help[] = "--help";
    char* help_argv[] = {argv[0], argv[2], help};
    return exec_tool(argv[2], 3, help_argv, 2);
  }
  if (!first.empty() && first[0] == '-') {
    std::cerr << fmt::format("clausier: error: option inconnue « {} » avant la commande\nPour l'aide : clausier --help\n",
                             first);
    return 2;
  }
  if (!known(first)) return unknown(first);
  return exec_tool(first, argc, argv, 2);
}
