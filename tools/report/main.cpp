// clausier-report: the end-of-mission report (bilan) of a social clause: per operation, per participant
// (the individual sheet), and consolidated across operations; md, html, json, csv, xlsx, and the open
// data outputs (decp, flat). The work is report::run (lib/include/clausier/report/job.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "clausier/report/job.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-report";

struct Options : cli::OperationInputOptions {
  std::vector<std::string> operations;
  std::string format = "md", output, as_of, min_cell = "5", participant, group_by, by, year;
  std::vector<std::string> declared;
  cli::RulesOptions rules;
};

std::optional<int> min_cell(const std::string& text) {
  bool digits = !text.empty() && text.size() <= 6 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && std::stoi(text) >= 1) return std::stoi(text);
  cli::print_error(tool, fmt::format("--min-cell {} : un nombre entier de personnes, au moins 1, est attendu "
                                     "(par défaut 5)", text));
  return std::nullopt;
}

std::optional<std::optional<int>> year(const std::string& text) {
  if (text.empty()) return std::optional<int>{};
  if (text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::stoi(text);
  cli::print_error(tool, fmt::format("--year {} : une année sur quatre chiffres est attendue, par exemple 2026", text));
  return std::nullopt;
}

int run(const Options& opts) {
  auto notified = year(opts.year);
  auto cell = notified ? min_cell(opts.min_cell) : std::nullopt;
  auto declared = cell ? cli::parse_declared_hours(opts.declared, tool) : std::nullopt;
  auto as_of = declared ? cli::date_option(opts.as_of, tool) : std::nullopt;
  if (!as_of) return cli::exit_invalid;
  report::Job job{.operations = opts.operations, .participants = opts.participants_file(), .statements = opts.statements,
                  .format = *report::format_named(opts.format), .output = opts.output, .participant = opts.participant,
                  .group_by = report::group_by_named(opts.group_by), .by_buyer = opts.by == "buyer", .year = *notified,
                  .options = {*as_of, *cell, std::move(*declared)}, .stdout_is_terminal = cli::stdout_is_terminal()};
  return cli::run_with_rules(tool, opts.rules, opts.output, [&](const rules::RuleSet& rules) { return report::run(job, rules); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Établit le bilan de la clause sociale : heures promises et réalisées, personnes en insertion, publics,\n"
               "parcours, contrats et sorties ; par opération, fiche individuelle de fin de parcours (--participant),\n"
               "ou consolidation de plusieurs opérations (--group-by). Toute case de moins de 5 personnes est masquée\n"
               "(--min-cell).",
               tool};
  cli::setup_app(app, "  clausier report examples/espaces-verts --as-of 2027-12-31\n"
                      "  clausier report examples/espaces-verts --format html -o bilan.html\n"
                      "  clausier report examples/espaces-verts --participant P-0003 --format html -o fiche-P-0003.html\n"
                      "  clausier report operations/*/ --group-by year --format xlsx -o bilan-territoire.xlsx\n"
                      "  clausier report operations/*/ --format decp -o considerations-sociales.json\n"
                      "  clausier report portefeuille/ --format html -o tableau-de-bord.html   (tableau de bord)\n"
                      "  clausier report portefeuille/ --by buyer --year 2026 --format xlsx -o acheteurs-2026.xlsx\n");
  Options opts;
  app.add_option("OPERATION", opts.operations,
                 "Dossier d'opération (tender.yaml, participants, statements/) ou de portefeuille ; plusieurs : bilan consolidé")
      ->required()
      ->type_name("DOSSIER");
  app.add_option("--format", opts.format,
                 "Format : md (Markdown), html (page autonome avec graphiques, imprimable), json (pour les scripts), "
                 "csv (format long, Excel), xlsx (classeur, une feuille par tableau ; demande -o), decp (données "
                 "essentielles : considérations sociales par lot), flat (une ligne par opération, lot et année)")
      ->check(CLI::IsMember({"md", "html", "json", "csv", "xlsx", "decp", "flat"}))->type_name("FORMAT")->capture_default_str();
  cli::add_output_option(app, opts.output, "le rapport");
  app.add_option("--as-of", opts.as_of, "Date du bilan (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  app.add_option("--min-cell", opts.min_cell,
                 "Seuil de confidentialité : une case de moins de N personnes est masquée (au moins 1)")
      ->type_name("N")
      ->capture_default_str();
  app.add_option("--participant", opts.participant,
                 "Fiche individuelle de fin de parcours de ce participant (une seule opération ; md, html ou json)")
      ->type_name("REF");
  app.add_option("--group-by", opts.group_by,
                 "Consolidation : none (un total), buyer (acheteur), year (année), trade (métier), route (modalité "
                 "de mise en œuvre : embauche directe, ETTI, GEIQ…)")
      ->check(CLI::IsMember({"none", "buyer", "year", "trade", "route"}))
      ->type_name("REGROUPEMENT");
  app.add_option("--by", opts.by, "buyer : indicateurs par acheteur et année de notification (lots notifiés, part avec "
                 "une considération sociale face à l'objectif national de 30 %, lots réservés, heures, personnes)")
      ->check(CLI::IsMember({"buyer"}))->type_name("buyer");
  app.add_option("--year", opts.year, "Avec --by buyer : la seule année de notification AAAA")->type_name("ANNÉE");
  cli::add_operation_inputs(app, opts);
  cli::add_declared_hours_option(app, opts.declared);
  cli::add_rules_option(app, opts.rules);
  return cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
