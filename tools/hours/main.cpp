// clausier-hours: the reserved integration hours of every lot, explained step by step.
#include <iostream>

#include "clausier/hours/batch.hpp"
#include "common/cli.hpp"

namespace {

struct Options {
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string output;
  bool explain = false;
  std::string schedule;
  std::vector<std::string> sets;
  clausier::cli::RulesOptions rules;
};

int run(const Options& opts) {
  using namespace clausier;
  std::vector<tender::Override> overrides;
  for (const auto& text : opts.sets) {
    std::string error;
    auto o = tender::parse_override(text, error);
    if (!o) {
      cli::print_error("clausier-hours", "--set " + error);
      return cli::exit_invalid;
    }
    overrides.push_back(*o);
  }
  int rules_exit = 0;
  auto rules = cli::load_rules(opts.rules, rules_exit);
  if (!rules) return rules_exit;

  hours::Batch batch = hours::compute_files(opts.inputs, *rules, overrides);
  for (const auto& failure : batch.failures)
    for (const auto& d : failure.diagnostics) std::cerr << render_diagnostic(d, batch.source_of(d.path));

  hours::RenderOptions render;
  render.explain = opts.explain;
  if (opts.schedule == "month") render.schedule = calendar::Period::month;
  if (opts.schedule == "year") render.schedule = calendar::Period::year;
  std::string out;
  if (opts.format == "json") out = hours::render_json(batch.results, batch.failures, *rules, render);
  else if (opts.format == "csv") out = hours::render_csv(batch.results, render);
  else if (opts.format == "md") out = hours::render_markdown(batch.results, render);
  else out = hours::render_text(batch.results, render);
  // Nothing computed (every file failed): no empty table, no file written.
  if (batch.results.empty() && opts.format != "json") return batch.exit_code;
  int written = cli::write_output("clausier-hours", opts.output, out);
  return batch.exit_code != 0 ? batch.exit_code : written;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Calcule les heures d'insertion réservées de chaque lot, et montre le calcul.\n"
               "Méthodes : labour-cost (montant × part de main-d'œuvre × taux ÷ coût horaire), percent-of-hours,\n"
               "fixed, fte, cleaning-pact (PACT Propreté) ; tranches, accords-cadres, arrondi, minimum.",
               "clausier-hours"};
  clausier::cli::setup_app(app, "  clausier hours examples/anru-viguier\n"
                                "  clausier hours examples/anru-viguier --explain\n"
                                "  clausier hours examples/anru-viguier --set rate=0.07 --set lot.02.labour_share=0.6\n"
                                "  clausier hours examples/anru-viguier --schedule month\n"
                                "  clausier hours operations/*/ --format csv -o heures.csv\n");
  Options opts;
  app.add_option("TENDER", opts.inputs, "Fichier tender.yaml ou dossier d'opération ; plusieurs admis")
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
  app.add_option("-o,--output", opts.output, "Écrit le résultat dans ce fichier (remplacé d'un coup, jamais à moitié)")
      ->type_name("FICHIER");
  clausier::cli::add_rules_option(app, opts.rules);
  return clausier::cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
