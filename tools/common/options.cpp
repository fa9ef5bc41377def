// The option groups the tools share (--rules, --as-of, the inputs of an operation, --declared-hours)
// and the reading of their values.
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>

#include "clausier/core/source.hpp"
#include "clausier/io/files.hpp"
#include "clausier/io/values.hpp"
#include "cli.hpp"

namespace clausier::cli {

void add_rules_option(CLI::App& app, RulesOptions& options) {
  app.add_option("--rules", options.files,
                 "Fichier de règles (YAML) qui ajoute ou remplace des lignes des tables intégrées ; répétable")
      ->type_name("FICHIER")
      ->expected(1)  // one file per --rules: the inputs that follow stay inputs
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_output_option(CLI::App& app, std::string& output, const std::string& what) {
  app.add_option("-o,--output", output,
                 fmt::format("Écrit {} dans ce fichier (remplacé d'un coup, jamais à moitié) ; - : la sortie standard",
                             what))
      ->type_name("FICHIER");
}

std::optional<rules::RuleSet> load_rules(const RulesOptions& options, int& rules_exit_code) {
  rules::RuleSet rules = rules::RuleSet::builtin();
  Diagnostics all;
  std::vector<SourceText> sources;
  for (const auto& path : options.files) {
    io::ReadResult read = io::read_file(path, io::rules_file);
    if (!read.text) {
      all.push_back(read.error);
      continue;
    }
    Diagnostics d = rules.add_file(path, *read.text);
    for (auto& diag : d) std::cerr << render_diagnostic(diag, nullptr);
    all.insert(all.end(), d.begin(), d.end());
  }
  if (all.empty()) return rules;
  for (const auto& d : all)
    if (d.category == Category::io) std::cerr << render_diagnostic(d, nullptr);
  rules_exit_code = exit_code_for(all);
  return std::nullopt;
}

std::optional<boost::gregorian::date> today(std::string& error) {
  if (const char* forced = std::getenv("CLAUSIER_TODAY"); forced != nullptr && *forced != '\0') {
    auto d = io::parse_iso_date(forced);
    if (!d) error = fmt::format("CLAUSIER_TODAY={} n'est pas une date AAAA-MM-JJ", forced);
    return d;
  }
  return boost::gregorian::day_clock::local_day();
}

std::optional<boost::gregorian::date> date_option(const std::string& text, const std::string& tool) {
  std::string error;
  if (text.empty()) {
    auto d = today(error);
    if (!d) print_error(tool, error);
    return d;
  }
  auto d = io::parse_iso_date(text);
  if (!d) print_error(tool, fmt::format("--as-of {} : une date AAAA-MM-JJ est attendue", text));
  return d;
}

void add_operation_inputs(CLI::App& app, OperationInputOptions& options) {
  app.add_option("--participants", options.participants,
                 "Fichier des participants (YAML, CSV, .xlsx, .ods) ; par défaut participants.yaml du dossier")
      ->type_name("FICHIER");
  app.add_option("--statements", options.statements,
                 "Fichier d'état des heures (CSV, .xlsx, .ods) ; répétable ; par défaut ceux de statements/")
      ->type_name("FICHIER")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_pooling_option(CLI::App& app, std::string& pooling) {
  app.add_option("--pooling", pooling,
                 "Conventions de globalisation (pooling.yaml) ; par défaut celui du dossier de portefeuille")
      ->type_name("FICHIER");
}

void add_declared_hours_option(CLI::App& app, std::vector<std::string>& declared) {
  app.add_option("--declared-hours", declared,
                 "Heures travaillées déclarées d'un lot en pourcentage des heures : LOT=HEURES ; répétable")
      ->type_name("LOT=HEURES")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::optional<std::map<std::string, double>> parse_declared_hours(const std::vector<std::string>& declared,
                                                                  const std::string& tool) {
  std::map<std::string, double> hours;
  for (const auto& d : declared) {
    auto eq = d.find('=');
    auto value = eq == std::string::npos ? std::nullopt : io::parse_number(d.substr(eq + 1));
    if (!value || *value < 0) {
      print_error(tool, fmt::format("--declared-hours {} : la forme attendue est LOT=HEURES, par exemple 2=12000", d));
      return std::nullopt;
    }
    hours[d.substr(0, eq)] = *value;
  }
  return hours;
}

}  // namespace clausier::cli
