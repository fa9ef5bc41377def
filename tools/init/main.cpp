// clausier-init: a new operation folder, commented in French, that the other tools accept as it is. The
// work is init::run (init/job.hpp).
#include <filesystem>
#include <system_error>

#include "clausier/init/job.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-init";

struct Options {
  std::string folder;
  std::string schema;
};

int run(const Options& opts) {
  auto today = cli::date_option("", tool);
  if (!today) return cli::exit_invalid;
  std::string schema = opts.schema;
  if (schema.empty()) {
    std::error_code ec;  // the installed schema lies beside the program: /usr/bin/.. /share/clausier/schemas
    auto program_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
    schema = init::default_schema(opts.folder, ec ? std::string() : program_dir.string());
  }
  return cli::finish(tool, init::run({opts.folder, schema, *today}, rules::RuleSet::builtin()), "");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Crée un nouveau dossier d'opération, commenté en français : tender.yaml (chaque rubrique expliquée,\n"
               "des exemples à décommenter), participants.yaml, statements/ avec un modèle d'état des heures, et\n"
               "LISEZ-MOI.md. clausier check l'accepte tel quel ; remplacez ensuite les valeurs d'exemple.",
               tool};
  cli::setup_app(app, "  clausier init operations/CARC-2027-003\n"
                      "  clausier init operations/CARC-2027-003 && clausier check operations/CARC-2027-003\n"
                      "  clausier init nouvelle-operation --schema https://exemple.org/schemas/tender.schema.json\n");
  Options opts;
  app.add_option("DIR", opts.folder, "Dossier à créer ; il ne doit pas exister, ou doit être vide")
      ->required()
      ->type_name("DOSSIER");
  app.add_option("--schema", opts.schema,
                 "Schéma que nomme la première ligne de tender.yaml, pour l'éditeur (chemin ou URL) ; par défaut le "
                 "schéma installé avec Clausier")
      ->type_name("URL");
  return cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
