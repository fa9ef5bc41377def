// clausier-report: the end-of-mission report (bilan) of a social clause: per operation, per participant
// (the individual sheet), and consolidated across operations; md, html, json, csv, xlsx, and the open
// data outputs (decp, flat).
#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "clausier/io/values.hpp"
#include "clausier/report/model.hpp"
#include "clausier/report/render.hpp"
#include "clausier/track/operation.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-report";

struct Options : cli::OperationInputOptions {
  std::vector<std::string> operations;
  std::string format = "md";
  std::string output;
  std::string as_of;
  std::string min_cell = "5";
  std::string participant;
  std::string group_by = "none";
  bool group_by_given = false;
  std::vector<std::string> declared;
  cli::RulesOptions rules;
};

bool is_digits(const std::string& s) {
  return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

report::GroupBy group_by(const std::string& name) {
  if (name == "buyer") return report::GroupBy::buyer;
  if (name == "year") return report::GroupBy::year;
  if (name == "trade") return report::GroupBy::trade;
  if (name == "route") return report::GroupBy::route;
  return report::GroupBy::none;
}

// The option combinations that cannot work, each with the sentence that says why; empty when fine.
std::string check_combinations(const Options& opts) {
  bool several = opts.operations.size() > 1;
  if (!opts.participant.empty()) {
    if (several || opts.group_by_given)
      return "--participant : une fiche individuelle ne fait jamais partie d'un rapport consolidé ; "
             "donnez une seule opération, sans --group-by";
    if (opts.format != "md" && opts.format != "html" && opts.format != "json")
      return fmt::format("--participant : la fiche individuelle s'écrit en md, html ou json, pas en {}", opts.format);
  }
  if (opts.group_by_given && (opts.format == "decp" || opts.format == "flat"))
    return fmt::format("--group-by : le format {} donne une ligne par lot, sans regroupement ; retirez --group-by",
                       opts.format);
  if (several && (!opts.participants.empty() || !opts.statements.empty()))
    return "--participants et --statements ne valent que pour une seule opération : pour plusieurs, chaque dossier "
           "apporte son participants.yaml et son dossier statements/";
  if (several && !opts.declared.empty())
    return "--declared-hours ne vaut que pour une seule opération (les lots de deux opérations peuvent porter le même "
           "identifiant)";
  if (opts.format == "xlsx" && (opts.output.empty() || opts.output == "-"))
    return "--format xlsx écrit un classeur Excel : indiquez-le avec -o FICHIER.xlsx";
  return {};
}

// An operation not started yet has neither participants nor statements: that is not an error in a
// report (its lots show 0 hours), only a note. A missing participants file next to statement rows
// still is an error. When the tender itself cannot be read, the missing participants file is noise.
void tolerate_operation_not_started(track::Operation& op, const Options& opts) {
  if (!opts.participants.empty() || !op.rows.empty() || !op.unreadable.empty() || !op.participants.list.empty()) return;
  auto missing_participants = [](const Diagnostic& d) {
    std::error_code ec;
    return d.category == Category::io && d.rule == "io" &&
           std::filesystem::path(d.path).filename() == "participants.yaml" && !std::filesystem::exists(d.path, ec);
  };
  if (op.result() == nullptr) {
    std::erase_if(op.diagnostics, missing_participants);
    return;
  }
  for (auto& d : op.diagnostics) {
    if (missing_participants(d)) {
      d.severity = Severity::note;
      d.category = Category::finding;
      d.rule = "no-participants";
      d.message = "pas de fichier des participants ni d'état des heures : opération comptée sans participant";
      d.hint = "placez participants.yaml et statements/ dans le dossier quand les premières heures sont réalisées";
    }
  }
}

track::Operation read_operation(const std::string& path, const Options& opts, const rules::RuleSet& rules) {
  track::OperationInputs in{path, {}, opts.statements};
  if (!opts.participants.empty()) in.participants = opts.participants;
  track::Operation op = track::load_operation(in, rules);
  tolerate_operation_not_started(op, opts);
  return op;
}

// Prints the operation's diagnostics on standard error; `exit_code` keeps the worst code met so far
// (3 > 2 > 1 > 0). False when the report cannot be written from this operation: the tender cannot be
// used, or an input is in error (a participant left out, an unreadable file) — a bilan must not miss a
// person. Only unreadable statement rows let the report go on, as formats.md section 5 says: they are
// reported and the other rows still count.
bool report_diagnostics(const track::Operation& op, int& exit_code) {
  for (const auto& d : op.diagnostics) std::cerr << render_diagnostic(d, op.source_of(d.path));
  exit_code = std::max(exit_code, exit_code_for(op.diagnostics));
  bool usable = op.result() != nullptr;
  for (const Diagnostic& d : op.diagnostics)
    if (d.severity == Severity::error && d.category != Category::finding && d.rule != "statement-row") usable = false;
  if (usable) return true;
  exit_code = std::max(exit_code, static_cast<int>(cli::exit_invalid));
  return false;
}

// Loads every operation and hands each to `use`, in argument order, on this thread; `use` is not
// called for an operation whose tender cannot be used, nor for any operation after it (nothing is
// written then, but every operation's diagnostics are still printed). Reading and parsing files is
// most of a consolidation's time (the participants' YAML above all) and operations are independent:
// loading threads (two per core, at most 16) work ahead of `use`, one operation each, so at most that
// many operations are in memory at once. The output does not depend on the number of threads.
// Returns false when an operation could not be loaded.
bool for_each_operation(const Options& opts, const rules::RuleSet& rules, int& exit_code,
                        const std::function<void(const track::Operation&)>& use) {
  const auto& paths = opts.operations;
  bool failed = false;
  auto handle = [&](const track::Operation& op) {
    if (!report_diagnostics(op, exit_code)) failed = true;
    else if (!failed) use(op);
  };
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t window = std::min<std::size_t>(2 * cores, 16);
  if (paths.size() == 1 || cores == 1) {
    for (const auto& path : paths) handle(read_operation(path, opts, rules));
    return !failed;
  }
  rules.parse_all();  // before any loading thread: afterwards the rule set is only read
  std::deque<std::future<track::Operation>> pending;
  std::size_t next = 0;
  auto launch = [&] {
    const std::string& path = paths[next++];
    pending.push_back(std::async(std::launch::async, [&opts, &rules, &path] { return read_operation(path, opts, rules); }));
  };
  while (next < paths.size() && pending.size() < window) launch();
  while (!pending.empty()) {
    track::Operation op = pending.front().get();
    pending.pop_front();
    if (next < paths.size()) launch();
    handle(op);
  }
  return !failed;
}

int run(const Options& opts) {
  if (std::string why = check_combinations(opts); !why.empty()) {
    cli::print_error(tool, why);
    return cli::exit_invalid;
  }
  report::ReportOptions options;
  if (!is_digits(opts.min_cell) || std::stoi(opts.min_cell) < 1) {
    cli::print_error(tool, fmt::format("--min-cell {} : un nombre entier de personnes, au moins 1, est attendu "
                                       "(par défaut 5)",
                                       opts.min_cell));
    return cli::exit_invalid;
  }
  options.min_cell = std::stoi(opts.min_cell);
  auto declared = cli::parse_declared_hours(opts.declared, tool);
  if (!declared) return cli::exit_invalid;
  options.declared_hours = std::move(*declared);
  auto as_of = cli::date_option(opts.as_of, tool);
  if (!as_of) return cli::exit_invalid;
  options.as_of = *as_of;
  int rules_exit = 0;
  auto rules = cli::load_rules(opts.rules, rules_exit);
  if (!rules) return rules_exit;

  int exit_code = 0;
  std::string out;
  const std::string& format = opts.format;

  if (format == "decp" || format == "flat") {
    std::vector<report::OperationReport> reports;
    bool loaded = for_each_operation(opts, *rules, exit_code, [&](const track::Operation& op) {
      reports.push_back(report::build_operation_report(op, *rules, options));
    });
    if (!loaded) return exit_code;
    out = format == "decp" ? report::render_decp(reports) : report::render_flat(reports);
  } else if (opts.operations.size() > 1 || opts.group_by_given) {
    // Each operation is dropped once added: memory holds the totals, not the statement rows.
    report::Consolidator consolidator(group_by(opts.group_by), *rules, options);
    bool loaded = for_each_operation(opts, *rules, exit_code, [&](const track::Operation& op) { consolidator.add(op); });
    if (!loaded) return exit_code;
    report::Consolidation c = consolidator.finish();
    out = format == "json"   ? report::render_json(c)
          : format == "html" ? report::render_html(c)
          : format == "csv"  ? report::render_csv(c)
          : format == "xlsx" ? report::render_xlsx(c)
                             : report::render_markdown(c);
  } else {
    track::Operation op = read_operation(opts.operations.front(), opts, *rules);
    if (!report_diagnostics(op, exit_code)) return exit_code;
    if (!opts.participant.empty()) {
      std::optional<report::ParticipantSheet> sheet;
      try {
        sheet = report::build_participant_sheet(op, opts.participant, *rules, options);
      } catch (const std::out_of_range&) {
        cli::print_error(tool, fmt::format("--participant {} : ce participant n'est pas dans le fichier des "
                                           "participants de l'opération {}",
                                           opts.participant, op.result()->tender->id.value));
        return cli::exit_invalid;
      }
      out = format == "json"   ? report::render_json(*sheet)
            : format == "html" ? report::render_html(*sheet)
                               : report::render_markdown(*sheet);
    } else {
      report::OperationReport r = report::build_operation_report(op, *rules, options);
      out = format == "json"   ? report::render_json(r)
            : format == "html" ? report::render_html(r)
            : format == "csv"  ? report::render_csv(r)
            : format == "xlsx" ? report::render_xlsx(r)
                               : report::render_markdown(r);
    }
  }
  int written = cli::write_output(tool, opts.output, out);
  return written != 0 ? written : exit_code;
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
                      "  clausier report operations/*/ --format decp -o considerations-sociales.json\n");
  Options opts;
  app.add_option("OPERATION", opts.operations,
                 "Dossier d'opération (tender.yaml, participants, statements/) ; plusieurs : bilan consolidé")
      ->required()
      ->type_name("DOSSIER");
  app.add_option("--format", opts.format,
                 "Format : md (Markdown), html (page autonome avec graphiques, imprimable), json (pour les scripts), "
                 "csv (format long, Excel), xlsx (classeur, une feuille par tableau ; demande -o), decp (données "
                 "essentielles : considérations sociales par lot), flat (une ligne par opération, lot et année)")
      ->check(CLI::IsMember({"md", "html", "json", "csv", "xlsx", "decp", "flat"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("-o,--output", opts.output, "Écrit le rapport dans ce fichier (remplacé d'un coup, jamais à moitié)")
      ->type_name("FICHIER");
  app.add_option("--as-of", opts.as_of, "Date du bilan (AAAA-MM-JJ) ; par défaut aujourd'hui")->type_name("DATE");
  app.add_option("--min-cell", opts.min_cell,
                 "Seuil de confidentialité : une case de moins de N personnes est masquée (au moins 1)")
      ->type_name("N")
      ->capture_default_str();
  app.add_option("--participant", opts.participant,
                 "Fiche individuelle de fin de parcours de ce participant (une seule opération ; md, html ou json)")
      ->type_name("REF");
  CLI::Option* group = app.add_option("--group-by", opts.group_by,
                                      "Consolidation : none (un total), buyer (acheteur), year (année), trade "
                                      "(métier), route (modalité de mise en œuvre : embauche directe, ETTI, GEIQ…)")
                           ->check(CLI::IsMember({"none", "buyer", "year", "trade", "route"}))
                           ->type_name("REGROUPEMENT");
  cli::add_operation_inputs(app, opts);
  cli::add_declared_hours_option(app, opts.declared);
  cli::add_rules_option(app, opts.rules);
  return cli::run_tool(app, argc, argv, [&] {
    opts.group_by_given = group->count() > 0;
    return run(opts);
  });
}
