// clausier-track: contractor compliance from monthly hour statements, statement templates and checks, reminders, for
// one operation or a portfolio. The work is track::run_* (track/commands.hpp, track/portfolio_commands.hpp).
#include "clausier/track/portfolio_commands.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-track";

struct Options : cli::OperationInputOptions {
  std::vector<std::string> operations, due_operations, declared;
  std::string as_of, format = "text", fail_on, output, pooling, template_format = "csv";
  cli::RulesOptions rules;
  std::string template_lot, template_operation, validate_file, validate_operation, due_format = "text";
};
enum class Command { status, statement_template, validate, due };

int run(const Options& opts, Command command) {
  auto as_of = cli::date_option(opts.as_of, tool);
  auto declared = command == Command::status ? cli::parse_declared_hours(opts.declared, tool) : std::map<std::string, double>{};
  if (!as_of || !declared) return cli::exit_invalid;
  // validate writes its findings and its summary on the terminal, due --format eml its messages into a folder.
  const bool eml = command == Command::due && opts.due_format == "eml";
  const std::string& output = command == Command::validate || eml ? "" : opts.output;
  const auto& operations = command == Command::due ? opts.due_operations : opts.operations;
  const bool explicit_inputs = !opts.participants.empty() || !opts.statements.empty() || !opts.declared.empty();
  const track::PortfolioJob portfolio{operations, opts.pooling.empty() ? std::nullopt : std::optional(opts.pooling), *as_of, 0, explicit_inputs};
  const std::string first = operations.empty() ? "" : operations.front();
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
        return track::run_any_due({portfolio, *track::portfolio_due_format(opts.due_format), opts.output},
                                  {opts.of(first), *as_of, track::due_format(opts.due_format).value_or(track::DueFormat::text)}, rules);
      case Command::status: break;
    }
    return track::run_any_status({portfolio, *track::status_format(opts.format), opts.fail_on == "behind"},
                                 {opts.of(first), *as_of, *declared, {}, {}}, rules);
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
                      "  clausier track due examples/espaces-verts --format ics -o echeances.ics\n"
                      "  clausier track portefeuille/ --format json > suivi.json      (toutes les opérations)\n"
                      "  clausier track due portefeuille/ --format eml -o rappels/     (un message par titulaire)\n");
  Options opts;
  app.add_option("OPERATION", opts.operations, "Dossier d'opération, ou de portefeuille (des dossiers d'opération, pooling.yaml)")->type_name("DOSSIER");
  app.add_option("--as-of", opts.as_of, "Date du suivi (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  app.add_option("--format", opts.format, "Format : text (tableau), json (pour les scripts), csv (Excel)")
      ->check(CLI::IsMember({"text", "json", "csv"}))->type_name("FORMAT")->capture_default_str();
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
  due->add_option("OPERATION", opts.due_operations, "Dossier d'opération ou de portefeuille ; plusieurs possibles")->required()->type_name("DOSSIER");
  due->add_option("--format", opts.due_format, "Format : text, csv, ics (agenda) ou eml (un message par titulaire, dans -o DOSSIER)")
      ->check(CLI::IsMember({"text", "csv", "ics", "eml"}))->type_name("FORMAT")->capture_default_str();
  for (CLI::App* sub : {tmpl, valid, due})
    sub->add_option("--as-of", opts.as_of, "Date (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  for (CLI::App* sub : {tmpl, due}) cli::add_output_option(*sub, opts.output, "le résultat");
  cli::add_operation_inputs(*due, opts);
  for (CLI::App* a : {&app, due}) cli::add_pooling_option(*a, opts.pooling);
  app.require_subcommand(0, 1);
  return cli::run_tool(app, argc, argv, [&] {
    return run(opts, tmpl->parsed()    ? Command::statement_template
                     : valid->parsed() ? Command::validate
                     : due->parsed()   ? Command::due
                                       : Command::status);
  });
}
