// clausier-hours: the reserved integration hours of every lot, explained step by step. The work is
// hours::run (hours/job.hpp).
#include "clausier/hours/job.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-hours";

struct Options {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  bool explain = false;
  std::string schedule;
  std::vector<std::string> sets;
  std::string as_of;
  cli::RulesOptions rules;
};

int run(const Options& opts) {
  hours::Job job{opts.inputs, *hours::format_named(opts.format), {opts.explain, hours::period_named(opts.schedule), {}},
                 opts.sets, opts.as_of};
  return cli::run_with_rules(tool, opts.rules, opts.output, [&](const rules::RuleSet& rules) { return hours::run(job, rules); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Calcule les heures d'insertion réservées de chaque lot, et montre le calcul.\n"
               "Méthodes : labour-cost (montant × part de main-d'œuvre × taux ÷ coût horaire), percent-of-hours,\n"
               "fixed, fte, cleaning-pact (PACT Propreté) ; tranches, accords-cadres, arrondi, minimum.",
               tool};
  cli::setup_app(app, "  clausier hours examples/anru-viguier\n"
                      "  clausier hours examples/anru-viguier --explain\n"
                      "  clausier hours examples/anru-viguier --set rate=0.07 --set lot.02.labour_share=0.6\n"
                      "  clausier hours examples/anru-viguier --schedule month\n"
                      "  clausier hours examples/anru-viguier --as-of 2027-12-31\n"
                      "  clausier hours operations/*/ --format csv -o heures.csv\n");
  Options opts;
  app.add_option("TENDER", opts.inputs, "Fichier tender.yaml ou dossier d'opération ; plusieurs admis ; - : l'entrée standard")
      ->required()
      ->type_name("FICHIER|DOSSIER");
  app.add_option("--format", opts.format,
                 "Format : text (tableau), json (pour les scripts), csv (Excel : « ; », virgule décimale), md (Markdown)")
      ->check(CLI::IsMember({"text", "json", "csv", "md"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_flag("--explain", opts.explain,
               "Détaille le calcul de chaque lot : formule, valeurs, origine de chaque paramètre, arrondi, minimum");
  app.add_option("--schedule", opts.schedule,
                 "Répartit les heures de chaque lot par mois ou par année, au prorata des jours ouvrés")
      ->check(CLI::IsMember({"month", "year"}))
      ->type_name("month|year");
  app.add_option("--set", opts.sets,
                 "Simulation sans modifier le fichier : clé=valeur pour tous les lots, lot.ID.clé=valeur pour un lot "
                 "(hourly_cost, rate, labour_share, percent, rounding, rounding_step, minimum_hours) ; répétable")
      ->type_name("NOM=VALEUR")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--as-of", opts.as_of,
                 "Heures dues à cette date (AAAA-MM-JJ) : tranches affermies, avenants, commandes, résiliation (events)")
      ->type_name("DATE");
  cli::add_output_option(app, opts.output, "le résultat");
  cli::add_rules_option(app, opts.rules);
  return cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
