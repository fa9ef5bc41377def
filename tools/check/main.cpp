// clausier-check: validates tender files (and operation folders), with the draft documents of the
// consultation (DCE), for a facilitator or a CI job.
#include <fmt/format.h>

#include <iostream>

#include "clausier/check/report.hpp"
#include "common/cli.hpp"

namespace {

constexpr std::string_view tool = "clausier-check";

struct Options {
  std::vector<std::string> inputs;
  std::vector<std::string> documents;
  std::string format = "text";
  bool no_source = false;
  clausier::cli::RulesOptions rules;
};

int run(const Options& opts) {
  // Documents are compared with one consultation: with several, which one would they belong to?
  if (!opts.documents.empty() && opts.inputs.size() != 1) {
    clausier::cli::print_error(std::string(tool),
                               fmt::format("--doc ne s'emploie qu'avec un seul fichier de consultation ({} donnés) ; "
                                           "pour plusieurs opérations, placez les pièces dans le dossier dce/ de chacune",
                                           opts.inputs.size()));
    std::cerr << fmt::format("Pour l'aide : {} --help\n", tool);
    return clausier::cli::exit_invalid;
  }
  int rules_exit = 0;
  auto rules = clausier::cli::load_rules(opts.rules, rules_exit);
  if (!rules) return rules_exit;
  std::vector<clausier::check::FileResult> results;
  for (const auto& input : opts.inputs) results.push_back(clausier::check::check_file(input, opts.documents, *rules));
  std::string out;
  if (opts.format == "json") out = clausier::check::render_json(results, *rules);
  else if (opts.format == "sarif") out = clausier::check::render_sarif(results, *rules);
  else if (opts.format == "github") out = clausier::check::render_github(results);
  else out = clausier::check::render_text(results, {.show_source = !opts.no_source});
  // The findings are what this tool produces: standard output, so `clausier check ... | grep` works.
  std::cout << out;
  return clausier::check::exit_code(results);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Vérifie des fichiers de consultation (tender.yaml) : forme, cohérence, SIRET, CPV, minimum ANRU,\n"
               "coordonnées du facilitateur, obligation sociale de la loi Climat et résilience ; et les pièces du DCE\n"
               "(CCAP, RC, acte d'engagement) : heures de chaque lot, références juridiques, mentions obligatoires.\n"
               "Les pièces sont celles de --doc, ou celles du sous-dossier dce/ d'un dossier d'opération.\n"
               "Code de sortie : 0 sans erreur, 1 si une règle n'est pas respectée, 2 si un fichier est invalide,\n"
               "3 si un fichier ne peut être lu.",
               std::string(tool)};
  clausier::cli::setup_app(app, "  clausier check examples/anru-viguier\n"
                                "  clausier check examples/anru-viguier --doc dce/ccap.docx --doc dce/rc.odt\n"
                                "  clausier check operations/*/ --format json > verification.json\n"
                                "  clausier check operations/*/ --format sarif > clausier.sarif\n"
                                "  clausier check operations/*/ --format github\n"
                                "  clausier check tender.yaml --rules mes-regles.yaml\n");
  Options opts;
  app.add_option("TENDER", opts.inputs, "Fichier tender.yaml ou dossier d'opération qui le contient ; plusieurs admis")
      ->required()
      ->type_name("FICHIER|DOSSIER");
  app.add_option("--doc", opts.documents,
                 "Pièce du DCE à vérifier (.docx, .odt, .md, .txt, .html) ; répétable ; avec un seul TENDER, "
                 "et à la place du dossier dce/")
      ->type_name("FICHIER")
      ->expected(1)  // one file per --doc: the inputs that follow stay inputs
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--format", opts.format,
                 "Format du résultat : text (lisible), json (pour les scripts), sarif (SARIF 2.1.0, pour l'analyse de "
                 "code des forges), github (annotations GitHub Actions)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_flag("--no-source", opts.no_source, "N'affiche pas la ligne du fichier sous chaque message");
  clausier::cli::add_rules_option(app, opts.rules);
  return clausier::cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
