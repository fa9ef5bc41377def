// Setting up a tool's command line, running it, and printing and writing what the library returns.
#include "cli.hpp"

#include "completion.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <iostream>

#include <malloc.h>
#include <unistd.h>

#include "clausier/core/source.hpp"
#include "clausier/core/version.hpp"
#include "clausier/io/files.hpp"
#include "clausier/rules/embedded.hpp"

namespace clausier::cli {

namespace {

// CLI11 speaks English; users of these tools read French. The usual mistakes get a French sentence.
std::string french_parse_error(const CLI::ParseError& e) {
  std::string msg = e.what();
  auto strip = [&](std::string_view suffix) {
    return msg.size() > suffix.size() && msg.compare(msg.size() - suffix.size(), suffix.size(), suffix) == 0
               ? msg.substr(0, msg.size() - suffix.size())
               : std::string{};
  };
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (auto what = strip(" is required"); !what.empty()) return fmt::format("{} est obligatoire", what);
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    auto colon = msg.find(": ");
    return fmt::format("argument inattendu : {}", colon == std::string::npos ? msg : msg.substr(colon + 2));
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    auto not_in = msg.find(" not in {");
    auto colon = msg.find(": ");
    if (not_in != std::string::npos && colon != std::string::npos && colon < not_in) {
      std::string choices = msg.substr(not_in + 9, msg.find('}', not_in) - not_in - 9);
      for (auto& c : choices)
        if (c == ',') c = '/';
      return fmt::format("{} : « {} » n'est pas une valeur admise ({})", msg.substr(0, colon),
                         msg.substr(colon + 2, not_in - colon - 2), choices);
    }
    return fmt::format("valeur invalide : {}", msg);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    // "--output: 1 required FICHIER missing"
    auto colon = msg.find(": ");
    auto required = msg.find(" required ");
    auto missing = msg.rfind(" missing");
    if (colon != std::string::npos && required != std::string::npos && missing != std::string::npos && required < missing)
      return fmt::format("{} : valeur manquante ({} attendu)", msg.substr(0, colon),
                         msg.substr(required + 10, missing - required - 10));
    return fmt::format("valeur manquante : {}", msg);
  }
  return msg;
}

std::string first_unknown_option(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-' || arg == "-") continue;
    std::string name(arg.substr(0, arg.find('=')));
    if (app.get_option_no_throw(name) == nullptr) return name;
  }
  return {};
}

bool quiet_requested = false;

void add_quiet_flag(CLI::App& app) {
  app.add_flag("-q,--quiet", quiet_requested,
               "N'affiche que les erreurs : ni résumé, ni remarques, ni avertissements (résultat et code de sortie "
               "inchangés)");
}

std::string version_text(const CLI::App& app) {
  return fmt::format("{} {} (règles {})", app.get_name(), version(), rules::embedded_version());
}
}  // namespace

void setup_app(CLI::App& app, const std::string& examples) {
  auto formatter = app.get_formatter();
  formatter->label("Usage", "Utilisation ");  // CLI11 adds ":"; French puts a space before it
  formatter->label("OPTIONS", "OPTIONS");
  formatter->label("REQUIRED", "obligatoire");
  formatter->label("TEXT", "TEXTE");
  formatter->label("TEXT:FILE", "FICHIER");
  formatter->label("Positionals", "Arguments");
  formatter->label("Options", "Options");
  formatter->column_width(32);
  app.option_defaults()->group("Options");
  app.set_help_flag("-h,--help", "Affiche cette aide et quitte");
  app.set_version_flag("--version", version_text(app), "Affiche la version et quitte");
  add_quiet_flag(app);
  if (!examples.empty()) app.footer("Exemples :\n" + examples);
}

CLI::App* add_subcommand(CLI::App& app, const std::string& name, const std::string& description) {
  CLI::App* sub = app.add_subcommand(name, description);
  add_quiet_flag(*sub);
  return sub;
}

bool quiet() { return quiet_requested; }

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }

int run_tool(CLI::App& app, int argc, char** argv, const std::function<int()>& run) {
  // Memory freed is kept for what comes next instead of going back to the system: glibc returns each block
  // over 128 KB at once, and a million statement rows then touch a new page for each of the file's
  // buffers, the lists' growths and the tables of each step (page faults were a fifth of track's time).
  // No block is mapped on its own, however large (M_MMAP_MAX 0; glibc still maps when the heap cannot
  // grow): past 32 MB, the most M_MMAP_THRESHOLD allows, every block was fresh pages, so 4 000 000 rows
  // faulted 4.9 times as many pages as 1 000 000, against 3.9 times now.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  std::string tool = app.get_name();
  if (int code = exit_ok; completion_requested(app, argc, argv, code)) return code;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return exit_ok;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return exit_ok;
  } catch (const CLI::CallForVersion&) {
    std::cout << version_text(app) << '\n';
    return exit_ok;
  } catch (const CLI::ParseError& e) {
    // CLI11 checks required arguments before unknown options: name the unknown option first.
    std::string unknown = first_unknown_option(app, argc, argv);
    print_error(tool, unknown.empty() ? french_parse_error(e) : fmt::format("option inconnue : {}", unknown));
    print_help_hint(tool);
    return exit_invalid;
  }
  try {
    return run();
  } catch (const std::exception& e) {
    print_error(tool, e.what());
    return exit_invalid;
  }
}

void print_error(const std::string& tool, const std::string& message) {
  std::cerr << fmt::format("{}: error: {}\n", tool, message);
}

std::string help_hint(const std::string& tool) { return fmt::format("Pour l'aide : {} --help", tool); }
void print_help_hint(const std::string& tool) { std::cerr << help_hint(tool) << '\n'; }

int write_output(const std::string& tool, const std::string& path, const std::function<void(const WritePiece&)>& produce) {
  if (path.empty() || path == "-") {
    // A large output fails in fwrite already, and the flush that follows then has nothing left to fail on:
    // the reason is the first failure's. The pieces after it are dropped.
    int failure = 0;
    auto failed = [&] { failure = errno != 0 ? errno : EIO; };
    produce([&](std::string_view piece) {
      errno = 0;
      if (failure == 0 && std::fwrite(piece.data(), 1, piece.size(), stdout) != piece.size()) failed();
    });
    errno = 0;
    if (failure == 0 && (std::fflush(stdout) != 0 || std::ferror(stdout) != 0)) failed();
    if (failure != 0) print_error(tool, fmt::format("sortie standard : écriture impossible : {}", io::system_reason(failure)));
    return failure == 0 ? exit_ok : exit_io;
  }
  if (auto err = io::write_file_atomic(path, produce)) {
    print_error(tool, fmt::format("{} : {}", err->path, err->message));
    return exit_io;
  }
  return exit_ok;
}

int write_output(const std::string& tool, const std::string& path, const std::string& text) {
  return write_output(tool, path, [&](const WritePiece& write) { write(text); });
}

ExitCode finish(const std::string& tool, const Outcome& outcome, const std::string& output_path) {
  if (!outcome.usage_error.empty()) {
    print_error(tool, outcome.usage_error);
    return exit_invalid;
  }
  std::cerr << (quiet_requested ? outcome.errors : outcome.messages);
  if (outcome.output && write_output(tool, output_path, *outcome.output) != exit_ok) return exit_io;
  if (outcome.stream && write_output(tool, output_path, outcome.stream) != exit_ok) return exit_io;
  auto code = static_cast<ExitCode>(exit_code_for(outcome.diagnostics));
  return code == exit_ok && outcome.failed ? exit_failed : code;
}

int run_with_rules(const std::string& tool, const RulesOptions& rules, const std::string& output_path,
                   const std::function<Outcome(const rules::RuleSet&)>& job) {
  int rules_exit = 0;
  auto set = load_rules(rules, rules_exit);
  if (!set) return rules_exit;
  return finish(tool, job(*set), output_path);
}

}  // namespace clausier::cli
