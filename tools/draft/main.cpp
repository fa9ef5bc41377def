// clausier-draft: the clause text for the consultation file (CCAP, RC, acte d'engagement, notice),
// with the calculator's own figures, from the tender file.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "clausier/doc/blocks.hpp"
#include "clausier/draft/documents.hpp"
#include "clausier/hours/batch.hpp"
#include "common/cli.hpp"

namespace {

struct Options {
  std::string input;
  std::string doc = "all";
  std::string format = "md";
  std::string output;
  std::vector<std::string> lots;
  std::string spelling = "traditional";
  std::string templates;
  std::string export_templates;
  std::string article;
  bool variables = false;
  clausier::cli::RulesOptions rules;
};

constexpr std::string_view tool = "clausier-draft";

int print_diagnostics(const clausier::Diagnostics& diags, const clausier::hours::Batch* batch) {
  for (const auto& d : diags) std::cerr << clausier::render_diagnostic(d, batch ? batch->source_of(d.path) : nullptr);
  return clausier::exit_code_for(diags);
}

int list_variables() {
  for (const auto& v : clausier::draft::variables()) std::cout << fmt::format("{:<34}{}\n", v.name, v.description);
  return 0;
}

int run(const Options& opts) {
  using namespace clausier;
  draft::TemplateSet templates = draft::TemplateSet::builtin();
  if (!opts.templates.empty()) {
    Diagnostics d = templates.override_from(opts.templates);
    if (!d.empty()) return print_diagnostics(d, nullptr);
  }
  if (opts.variables) return list_variables();
  if (!opts.export_templates.empty()) {
    Diagnostics d = templates.export_to(opts.export_templates);
    if (!d.empty()) return print_diagnostics(d, nullptr);
    std::cerr << fmt::format("{} modèles écrits dans {}\n", templates.all().size(), opts.export_templates);
    return 0;
  }
  if (opts.input.empty()) {
    cli::print_error(std::string(tool), "TENDER est obligatoire (sauf avec --export-templates ou --variables)");
    std::cerr << "Pour l'aide : clausier-draft --help\n";
    return cli::exit_invalid;
  }
  if (opts.format == "docx" && (opts.output.empty() || opts.output == "-")) {
    cli::print_error(std::string(tool), "--format docx écrit un fichier Word : indiquez-le avec -o FICHIER.docx");
    return cli::exit_invalid;
  }
  int rules_exit = 0;
  auto rules = cli::load_rules(opts.rules, rules_exit);
  if (!rules) return rules_exit;

  hours::Batch batch = hours::compute_files({opts.input}, *rules, {});
  if (batch.results.empty()) {
    Diagnostics all;
    for (const auto& f : batch.failures) all.insert(all.end(), f.diagnostics.begin(), f.diagnostics.end());
    return print_diagnostics(all, &batch);
  }
  const hours::TenderResult& result = batch.results.front();
  for (const auto& id : opts.lots) {
    if (result.tender->find_lot(id) == nullptr) {
      std::vector<std::string> ids;
      for (const auto& lot : result.tender->lots) ids.push_back(lot.id.value);
      cli::print_error(std::string(tool), fmt::format("--lot {} : la consultation n'a pas ce lot ; lots : {}", id,
                                                      fmt::join(ids, ", ")));
      return cli::exit_invalid;
    }
  }

  draft::ModelOptions model;
  model.lots = opts.lots;
  model.article = opts.article;
  model.spelling = opts.spelling == "1990" ? text::Spelling::reformed_1990 : text::Spelling::traditional;
  draft::DocumentKind kind = opts.doc == "ccap"     ? draft::DocumentKind::ccap
                             : opts.doc == "rc"     ? draft::DocumentKind::rc
                             : opts.doc == "ae"     ? draft::DocumentKind::ae
                             : opts.doc == "notice" ? draft::DocumentKind::notice
                                                    : draft::DocumentKind::all;
  draft::Rendered rendered = draft::draft_markdown(result, *rules, templates, kind, model);
  if (!rendered.diagnostics.empty()) return print_diagnostics(rendered.diagnostics, nullptr);

  doc::Document document =
      doc::parse_markdown(rendered.text, fmt::format("{} — {}", draft::title(kind), result.tender->title));
  document.header = "Consultation " + result.tender->id.value;
  std::string out = opts.format == "docx"   ? doc::write_docx(document)
                     : opts.format == "html" ? doc::write_html(document)
                     : opts.format == "txt"  ? doc::write_text(document)
                                             : doc::write_markdown(document);
  return cli::write_output(std::string(tool), opts.output, out);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Rédige la clause sociale d'insertion pour le dossier de consultation : article du CCAP, article du\n"
               "règlement de la consultation, engagement du titulaire (acte d'engagement), mention de l'avis ; avec\n"
               "les heures calculées par clausier hours, en lettres et en chiffres.",
               std::string(tool)};
  clausier::cli::setup_app(app, "  clausier draft examples/anru-viguier --doc ccap\n"
                                "  clausier draft examples/anru-viguier --format docx -o clause.docx\n"
                                "  clausier draft examples/anru-viguier --doc ae --lot 01 --format html -o ae-lot01.html\n"
                                "  clausier draft --export-templates mes-modeles\n"
                                "  clausier draft examples/anru-viguier --templates mes-modeles --doc ccap\n");
  Options opts;
  app.add_option("TENDER", opts.input, "Fichier tender.yaml ou dossier d'opération")->type_name("FICHIER|DOSSIER");
  app.add_option("--doc", opts.doc,
                 "Pièce : ccap (article du CCAP), rc (règlement de la consultation), ae (engagement du titulaire, "
                 "un par lot), notice (mention de l'avis), all (toutes, dans cet ordre)")
      ->check(CLI::IsMember({"ccap", "rc", "ae", "notice", "all"}))
      ->type_name("DOCUMENT")
      ->capture_default_str();
  app.add_option("--format", opts.format,
                 "Format : md (Markdown), txt (texte), html (page autonome, imprimable), docx (Word ; demande -o)")
      ->check(CLI::IsMember({"md", "txt", "html", "docx"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("-o,--output", opts.output, "Écrit le document dans ce fichier (remplacé d'un coup, jamais à moitié)")
      ->type_name("FICHIER");
  app.add_option("--lot", opts.lots, "Ne rédige que pour ce lot ; répétable")
      ->type_name("ID")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--spelling", opts.spelling,
                 "Nombres en lettres : traditional (huit cent trente-trois) ou 1990 (huit-cent-trente-trois)")
      ->check(CLI::IsMember({"traditional", "1990"}))
      ->type_name("traditional|1990")
      ->capture_default_str();
  app.add_option("--article", opts.article, "Numéro de l'article dans le CCAP ou le RC (12, 4.2), à la place de « X »")
      ->check([](const std::string& s) { return clausier::draft::valid_article_number(s) ? "" : "un numéro comme 12 ou 4.2 est attendu"; })
      ->type_name("N");
  app.add_option("--templates", opts.templates,
                 "Dossier de modèles Mustache qui remplacent les modèles intégrés de même nom")
      ->type_name("DOSSIER");
  app.add_option("--export-templates", opts.export_templates,
                 "Écrit les modèles intégrés dans ce dossier, comme point de départ, et s'arrête")
      ->type_name("DOSSIER");
  app.add_flag("--variables", opts.variables, "Affiche les variables que les modèles peuvent utiliser, et s'arrête");
  clausier::cli::add_rules_option(app, opts.rules);
  return clausier::cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
