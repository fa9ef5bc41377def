// clausier-track: contractor compliance from monthly hour statements, statement templates and checks,
// reminders. The work is track::run_status, run_template, run_validate, run_due (track/commands.hpp).
#include "clausier/track/commands.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-track";

struct Options : cli::OperationInputOptions {
  std::string operation, as_of, format = "text", fail_on, output, template_format = "csv";
  std::vector<std::string> declared;
  cli::RulesOptions rules;
  std::string template_lot, template_operation, validate_file, validate_operation, due_operation, due_format = "text";
};
enum class Command { status, statement_template, validate, due };

int run(const Options& opts, Command command) {
  auto as_of = cli::date_option(opts.as_of, tool);
  auto declared = command == Command::status ? cli::parse_declared_hours(opts.declared, tool)
                                              : std::map<std::string, double>{};
  if (!as_of || !declared) return cli::exit_invalid;
  // validate writes its findings and its summary on the terminal; the others may write a file.
  const std::string& output = command == Command::validate ? "" : opts.output;
  return cli::run_with_rules(tool, opts.rules, output, [&](const rules::RuleSet& rules) {
    switch (command) {
      case Command::statement_template:
        return track::run_template({opts.template_lot, opts.template_operation, *as_of,
                                    *track::template_format(opts.template_format), output}, rules);
      case Command::validate: {
        auto operation = opts.validate_operation.empty() ? std::nullopt : std::optional(opts.of(opts.validate_operation));
        return track::run_validate({opts.validate_file, operation, *as_of, cli::quiet()}, rules);
      }
      case Command::due:
        return track::run_due({opts.of(opts.due_operation), *as_of, *track::due_format(opts.due_format)}, rules);
      case Command::status: break;
    }
    return track::run_status(
        {opts.of(opts.operation), *as_of, *declared, *track::status_format(opts.format), opts.fail_on == "behind"}, rules);
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Suit les heures d'insertion réalisées par les titulaires, à partir des états mensuels : ce qui compte,\n"
               "ce qui ne compte pas et pourquoi, l'avance ou le retard de chaque lot, les pénalités possibles.",
               tool};
  cli::setup_app(app, "  clausier track examples/espaces-verts --as-of 2027-06-30\n"
                      "  clausier track examples/espaces-verts --format json > suivi.json\n"
                      "  clausier track examples/espaces-verts --fail-on behind        (tâche planifiée, CI)\n"
                      "  clausier track template 2 --operation examples/espaces-verts --format xlsx -o etat-lot-2.xlsx\n"
                      "  clausier track validate etat-recu.csv --operation examples/espaces-verts\n"
                      "  clausier track due examples/espaces-verts --format ics -o echeances.ics\n");
  Options opts;
  app.add_option("OPERATION", opts.operation, "Dossier de l'opération (tender.yaml, participants, statements/)")
      ->type_name("DOSSIER");
  app.add_option("--as-of", opts.as_of, "Date du suivi (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  app.add_option("--format", opts.format, "Format : text (tableau), json (pour les scripts), csv (Excel)")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("--fail-on", opts.fail_on, "Sort avec le code 1 si un lot est en retard (behind), pour une tâche planifiée")
      ->check(CLI::IsMember({"behind"}))->type_name("behind");
  cli::add_declared_hours_option(app, opts.declared);
  cli::add_output_option(app, opts.output, "le résultat");
  cli::add_operation_inputs(app, opts);
  cli::add_rules_option(app, opts.rules);

  CLI::App* tmpl = cli::add_subcommand(app, "template", "Écrit l'état des heures vierge d'un lot (CSV ou Excel) à envoyer à l'entreprise");
  tmpl->add_option("LOT", opts.template_lot, "Identifiant du lot")->required()->type_name("LOT");
  tmpl->add_option("--operation", opts.template_operation, "Dossier de l'opération : vérifie le lot, reprend le titulaire")
      ->type_name("DOSSIER");
  tmpl->add_option("--format", opts.template_format, "Format : csv, ou xlsx (listes déroulantes, mode d'emploi ; avec -o)")
      ->check(CLI::IsMember({"csv", "xlsx"}))->type_name("FORMAT")->capture_default_str();
  CLI::App* valid = cli::add_subcommand(app, "validate", "Vérifie un état des heures reçu d'une entreprise, ligne par ligne");
  valid->add_option("FILE", opts.validate_file, "L'état reçu (.csv, .xlsx, .ods)")->required()->type_name("FICHIER");
  valid->add_option("--operation", opts.validate_operation, "Dossier de l'opération : vérifie aussi lots, participants et périodes")
      ->type_name("DOSSIER");
  CLI::App* due = cli::add_subcommand(app, "due", "Ce qui est en retard ou arrive : états manquants, éligibilités, suivis à six mois, fins de lots");
  due->add_option("OPERATION", opts.due_operation, "Dossier de l'opération")->required()->type_name("DOSSIER");
  due->add_option("--format", opts.due_format, "Format : text, csv ou ics (agenda)")
      ->check(CLI::IsMember({"text", "csv", "ics"}))->type_name("FORMAT")->capture_default_str();
  for (CLI::App* sub : {tmpl, valid, due})
    sub->add_option("--as-of", opts.as_of, "Date (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  for (CLI::App* sub : {tmpl, due}) cli::add_output_option(*sub, opts.output, "le résultat");
  cli::add_operation_inputs(*due, opts);
  app.require_subcommand(0, 1);
  return cli::run_tool(app, argc, argv, [&] {
    return run(opts, tmpl->parsed()    ? Command::statement_template
                     : valid->parsed() ? Command::validate
                     : due->parsed()   ? Command::due
                                       : Command::status);
  });
}
