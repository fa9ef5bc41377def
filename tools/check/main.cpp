// clausier-check: validates tender files (and operation folders) for a facilitator or a CI job.
#include <iostream>

#include "clausier/check/report.hpp"
#include "common/cli.hpp"

namespace {

struct Options {
  std::vector<std::string> inputs;
  std::string format = "text";
  bool no_source = false;
  clausier::cli::RulesOptions rules;
};

int run(const Options& opts) {
  int rules_exit = 0;
  auto rules = clausier::cli::load_rules(opts.rules, rules_exit);
  if (!rules) return rules_exit;
  std::vector<clausier::check::FileResult> results;
  for (const auto& input : opts.inputs) results.push_back(clausier::check::check_file(input, *rules));
  std::string out = opts.format == "json" ? clausier::check::render_json(results, *rules)
                                          : clausier::check::render_text(results, {.show_source = !opts.no_source});
  // The findings are what this tool produces: standard output, so `clausier check ... | grep` works.
  std::cout << out;
  return clausier::check::exit_code(results);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Vérifie des fichiers de consultation (tender.yaml) : forme, cohérence, SIRET, CPV, minimum ANRU,\n"
               "coordonnées du facilitateur, obligation sociale de la loi Climat et résilience.\n"
               "Code de sortie : 0 sans erreur, 1 si une règle n'est pas respectée, 2 si un fichier est invalide,\n"
               "3 si un fichier ne peut être lu.",
               "clausier-check"};
  clausier::cli::setup_app(app, "  clausier check examples/anru-viguier\n"
                                "  clausier check operations/*/ --format json > verification.json\n"
                                "  clausier check tender.yaml --rules mes-regles.yaml\n");
  Options opts;
  app.add_option("TENDER", opts.inputs, "Fichier tender.yaml ou dossier d'opération qui le contient ; plusieurs admis")
      ->required()
      ->type_name("FICHIER|DOSSIER");
  app.add_option("--format", opts.format, "Format du résultat : text (lisible) ou json (pour les scripts)")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_flag("--no-source", opts.no_source, "N'affiche pas la ligne du fichier sous chaque message");
  clausier::cli::add_rules_option(app, opts.rules);
  return clausier::cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
