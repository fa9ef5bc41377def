// clausier-track: contractor compliance from monthly hour statements, offline statement templates
// and checks, and reminders.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>

#include <unistd.h>

#include "clausier/io/files.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/due.hpp"
#include "clausier/track/render.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-track";

struct Options : cli::OperationInputOptions {
  std::string operation;
  std::string as_of;
  std::string format = "text";
  std::string fail_on;
  std::vector<std::string> declared;
  std::string output;
  cli::RulesOptions rules;
  // template
  std::string template_lot, template_operation;
  // validate
  std::string validate_file, validate_operation;
  // due
  std::string due_operation, due_format = "text";
};

int report(const Diagnostics& diags, const track::Operation& op) {
  for (const auto& d : diags) std::cerr << render_diagnostic(d, op.source_of(d.path));
  return exit_code_for(diags);
}

std::optional<track::Operation> load(const std::string& operation, const Options& opts, const rules::RuleSet& rules,
                                     int& exit_code) {
  track::OperationInputs in{operation, {}, opts.statements};
  if (!opts.participants.empty()) in.participants = opts.participants;
  track::Operation op = track::load_operation(in, rules);
  if (op.result() == nullptr) {
    exit_code = report(op.diagnostics, op);
    return std::nullopt;
  }
  return op;
}

int status(const Options& opts, const rules::RuleSet& rules) {
  auto as_of = cli::date_option(opts.as_of, tool);
  if (!as_of) return cli::exit_invalid;
  auto declared = cli::parse_declared_hours(opts.declared, tool);
  if (!declared) return cli::exit_invalid;
  track::TrackOptions options{*as_of, std::move(*declared), {}};
  int exit_code = 0;
  auto op = load(opts.operation, opts, rules, exit_code);
  if (!op) return exit_code;
  int input_exit = report(op->diagnostics, *op);  // unreadable rows are reported; the others still count
  options.unreadable = op->unreadable;
  track::Tracking t = track::track(*op->result(), op->participants, op->rows, options);
  const tender::Tender& tender = *op->result()->tender;
  std::string out = opts.format == "json"  ? track::render_json(t, tender, rules)
                    : opts.format == "csv" ? track::render_csv(t, tender)
                                           : track::render_text(t, tender);
  int written = cli::write_output(tool, opts.output, out);
  if (written != 0) return written;
  if (input_exit != 0) return input_exit;
  if (opts.fail_on == "behind")
    for (const auto& l : t.lots)
      if (l.tracked && l.status == track::LotStatus::behind) return cli::exit_failed;
  return 0;
}

int statement_template(const Options& opts, const rules::RuleSet& rules) {
  std::string lot = opts.template_lot;
  std::string employer = "Entreprise titulaire";
  std::string month = "2026-11";
  if (auto as_of = cli::date_option(opts.as_of, tool)) month = io::iso(*as_of).substr(0, 7);
  else return cli::exit_invalid;
  if (!opts.template_operation.empty()) {
    hours::Batch batch = hours::compute_files({opts.template_operation}, rules, {});
    if (batch.results.empty()) {
      for (const auto& f : batch.failures)
        for (const auto& d : f.diagnostics) std::cerr << render_diagnostic(d, batch.source_of(d.path));
      return batch.exit_code;
    }
    const tender::Lot* l = batch.results.front().tender->find_lot(lot);
    if (l == nullptr || !l->has_clause()) {
      cli::print_error(tool, fmt::format("le lot {} n'existe pas ou n'a pas de clause dans {}", lot, opts.template_operation));
      return cli::exit_invalid;
    }
    if (l->award && l->award->contractor) employer = l->award->contractor->name;
  }
  std::string out(text::utf8_bom);
  out += std::string(track::statement_header) + "\r\n";
  // A commented example row: the reader skips lines whose first field starts with '#'.
  out += fmt::format("# {};P-0001;{};direct;cdi;{};140;0\r\n", lot, month, employer);
  return cli::write_output(tool, opts.output, out);
}

int validate(const Options& opts, const rules::RuleSet& rules) {
  io::ReadResult read = io::read_file(opts.validate_file);
  if (!read.text) {
    std::cerr << render_diagnostic(read.error, nullptr);
    return cli::exit_io;
  }
  track::StatementsFile file = track::parse_statements(*read.text, opts.validate_file);
  SourceText source(opts.validate_file, *read.text);
  Diagnostics diags = file.diagnostics;
  std::size_t refused = 0;
  if (!opts.validate_operation.empty()) {
    Options o = opts;
    o.statements = {opts.validate_file};
    int exit_code = 0;
    auto op = load(opts.validate_operation, o, rules, exit_code);
    if (!op) return exit_code;
    // The operation's own problems (no participants file...) come first: they explain the findings below.
    Diagnostics own;
    for (const auto& d : op->diagnostics)
      if (d.path != opts.validate_file) own.push_back(d);
    if (!own.empty()) return report(own, *op);
    auto as_of = cli::date_option(opts.as_of, tool);
    if (!as_of) return cli::exit_invalid;
    track::Count count = track::count_rows(*op->result(), op->participants, file.rows, track::Month::of(*as_of));
    for (const auto& n : count.not_counted) {
      diags.push_back({"not-counted", Severity::error, Category::finding, n.file, {n.line, 1},
                       fmt::format("{} : {}", track::reason_label(n.reason), n.detail),
                       "corrigez la ligne, ou demandez au facilitateur (participant à valider, lot, mois)"});
      ++refused;
    }
  }
  sort_diagnostics(diags);
  for (const auto& d : diags) std::cerr << render_diagnostic(d, &source);
  std::size_t rows = file.rows.size() + file.unreadable.size();
  std::cout << fmt::format("{} : {} ligne(s), {} illisible(s){}\n", opts.validate_file, rows, file.unreadable.size(),
                           opts.validate_operation.empty() ? "" : fmt::format(", {} qui ne compte(nt) pas", refused));
  return exit_code_for(diags);
}

int due(const Options& opts, const rules::RuleSet& rules) {
  auto as_of = cli::date_option(opts.as_of, tool);
  if (!as_of) return cli::exit_invalid;
  int exit_code = 0;
  auto op = load(opts.due_operation, opts, rules, exit_code);
  if (!op) return exit_code;
  int input_exit = report(op->diagnostics, *op);
  std::vector<track::Reminder> reminders = track::due(*op, *as_of);
  std::string out = opts.due_format == "csv"   ? track::render_due_csv(reminders)
                    : opts.due_format == "ics" ? track::render_due_ics(reminders, *as_of, op->result()->tender->id.value)
                                               : track::render_due_text(reminders, *as_of);
  int written = cli::write_output(tool, opts.output, out);
  return written != 0 ? written : input_exit;
}


}  // namespace

// Large statement sets (a million rows) spend more time in page faults than in counting on some
// virtual machines: glibc's malloc then asks for transparent huge pages, which it only reads from
// GLIBC_TUNABLES at start-up, so the tool restarts itself once with it. Small runs never do.
void prefer_huge_pages_for_large_inputs(int argc, char** argv) {
  if (std::getenv("GLIBC_TUNABLES") != nullptr || std::getenv("CLAUSIER_NO_REEXEC") != nullptr) return;
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path p(argv[i]);
    if (std::filesystem::is_directory(p / "statements", ec))
      for (const auto& e : std::filesystem::directory_iterator(p / "statements", ec))
        if (e.is_regular_file(ec)) bytes += e.file_size(ec);
    if (p.extension() == ".csv" && std::filesystem::is_regular_file(p, ec)) bytes += std::filesystem::file_size(p, ec);
  }
  if (bytes < 16u * 1024 * 1024) return;
  ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
  ::execv("/proc/self/exe", argv);  // on failure, carry on as we are
}

int main(int argc, char** argv) {
  prefer_huge_pages_for_large_inputs(argc, argv);
  CLI::App app{"Suit les heures d'insertion réalisées par les titulaires, à partir des états mensuels : ce qui compte,\n"
               "ce qui ne compte pas et pourquoi, l'avance ou le retard de chaque lot, les pénalités possibles.",
               tool};
  cli::setup_app(app, "  clausier track examples/espaces-verts --as-of 2027-06-30\n"
                      "  clausier track examples/espaces-verts --format json > suivi.json\n"
                      "  clausier track examples/espaces-verts --fail-on behind        (tâche planifiée, CI)\n"
                      "  clausier track template 2 --operation examples/espaces-verts -o etat-lot-2.csv\n"
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
      ->check(CLI::IsMember({"behind"}))
      ->type_name("behind");
  cli::add_declared_hours_option(app, opts.declared);
  app.add_option("-o,--output", opts.output, "Écrit le résultat dans ce fichier (remplacé d'un coup, jamais à moitié)")
      ->type_name("FICHIER");
  cli::add_operation_inputs(app, opts);
  cli::add_rules_option(app, opts.rules);

  CLI::App* tmpl = app.add_subcommand("template", "Écrit l'état des heures vierge d'un lot (CSV pour Excel) à envoyer à l'entreprise");
  tmpl->add_option("LOT", opts.template_lot, "Identifiant du lot")->required()->type_name("LOT");
  tmpl->add_option("--operation", opts.template_operation, "Dossier de l'opération : vérifie le lot, reprend le titulaire")
      ->type_name("DOSSIER");
  CLI::App* valid = app.add_subcommand("validate", "Vérifie un état des heures reçu d'une entreprise, ligne par ligne");
  valid->add_option("FILE", opts.validate_file, "L'état reçu (CSV)")->required()->type_name("FICHIER");
  valid->add_option("--operation", opts.validate_operation,
                    "Dossier de l'opération : vérifie aussi lots, participants et périodes")
      ->type_name("DOSSIER");
  CLI::App* due_cmd = app.add_subcommand("due", "Ce qui est en retard ou arrive : états manquants, éligibilités, suivis à six mois, fins de lots");
  due_cmd->add_option("OPERATION", opts.due_operation, "Dossier de l'opération")->required()->type_name("DOSSIER");
  due_cmd->add_option("--format", opts.due_format, "Format : text, csv ou ics (agenda)")
      ->check(CLI::IsMember({"text", "csv", "ics"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  for (CLI::App* sub : {tmpl, valid, due_cmd})
    sub->add_option("--as-of", opts.as_of, "Date (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  // validate writes its findings on the terminal; only the commands that make a file take -o.
  for (CLI::App* sub : {tmpl, due_cmd})
    sub->add_option("-o,--output", opts.output, "Écrit le résultat dans ce fichier")->type_name("FICHIER");
  cli::add_operation_inputs(*due_cmd, opts);
  app.require_subcommand(0, 1);

  return cli::run_tool(app, argc, argv, [&]() -> int {
    int rules_exit = 0;
    auto rules = cli::load_rules(opts.rules, rules_exit);
    if (!rules) return rules_exit;
    if (tmpl->parsed()) return statement_template(opts, *rules);
    if (valid->parsed()) return validate(opts, *rules);
    if (due_cmd->parsed()) return due(opts, *rules);
    if (opts.operation.empty()) {
      cli::print_error(tool, "OPERATION est obligatoire : le dossier de l'opération à suivre");
      return cli::exit_invalid;
    }
    return status(opts, *rules);
  });
}
