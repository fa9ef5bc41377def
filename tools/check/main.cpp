// clausier-check: validates tender files (and operation folders), with the draft documents of the
// consultation (DCE), for a facilitator or a CI job. The work is check::run (check/job.hpp).
#include "clausier/check/job.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-check";

struct Options {
  std::vector<std::string> inputs;
  std::vector<std::string> documents;
  std::string format = "text";
  bool no_source = false;
  cli::RulesOptions rules;
};

int run(const Options& opts) {
  check::Job job{opts.inputs, opts.documents, *check::format_named(opts.format), !opts.no_source, cli::quiet()};
  // The findings are what this tool produces: standard output, so `clausier check ... | grep` works.
  return cli::run_with_rules(tool, opts.rules, "", [&](const rules::RuleSet& rules) {
    Outcome outcome = check::run(job, rules);  // --doc with several inputs: a usage error, like a missing TENDER
    if (!outcome.usage_error.empty()) outcome.usage_error += "\n" + cli::help_hint(tool);
    return outcome;
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Vérifie des fichiers de consultation (tender.yaml) : forme, cohérence, SIRET, CPV, minimum ANRU,\n"
               "coordonnées du facilitateur, obligation sociale de la loi Climat et résilience ; et les pièces du DCE\n"
               "(CCAP, RC, acte d'engagement) : heures de chaque lot, références juridiques, mentions obligatoires.\n"
               "Les pièces sont celles de --doc, ou celles du sous-dossier dce/ d'un dossier d'opération.\n"
               "Code de sortie : 0 sans erreur, 1 si une règle n'est pas respectée, 2 si un fichier est invalide,\n"
               "3 si un fichier ne peut être lu.",
               tool};
  cli::setup_app(app, "  clausier check examples/anru-viguier\n"
                      "  clausier check examples/anru-viguier --doc dce/ccap.docx --doc dce/rc.odt\n"
                      "  clausier check operations/*/ --format json > verification.json\n"
                      "  clausier check operations/*/ --format sarif > clausier.sarif\n"
                      "  clausier check operations/*/ --format github\n"
                      "  clausier check tender.yaml --rules mes-regles.yaml\n");
  Options opts;
  app.add_option("TENDER", opts.inputs,
                 "Fichier tender.yaml ou dossier d'opération qui le contient ; plusieurs admis ; - : l'entrée standard")
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
  cli::add_rules_option(app, opts.rules);
  return cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
