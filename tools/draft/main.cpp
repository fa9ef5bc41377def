// clausier-draft: the clause text for the consultation file (CCAP, RC, acte d'engagement, notice),
// with the calculator's own figures, from the tender file. The work is draft::run (draft/job.hpp).
#include "clausier/draft/job.hpp"
#include "common/cli.hpp"

namespace {

using namespace clausier;
const std::string tool = "clausier-draft";

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
  cli::RulesOptions rules;
};

int run(const Options& opts) {
  if (opts.input.empty() && opts.export_templates.empty() && !opts.variables) {
    cli::print_error(tool, "TENDER est obligatoire (sauf avec --export-templates ou --variables)");
    cli::print_help_hint(tool);
    return cli::exit_invalid;
  }
  text::Spelling spelling = opts.spelling == "1990" ? text::Spelling::reformed_1990 : text::Spelling::traditional;
  draft::Job job{opts.input, opts.export_templates, opts.variables, opts.templates, *draft::kind_named(opts.doc),
                 *draft::format_named(opts.format), opts.output, {spelling, opts.lots, opts.article},
                 cli::stdout_is_terminal()};
  return cli::run_with_rules(tool, opts.rules, opts.output, [&](const rules::RuleSet& rules) { return draft::run(job, rules); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Rédige la clause sociale d'insertion pour le dossier de consultation : article du CCAP, article du\n"
               "règlement de la consultation, engagement du titulaire (acte d'engagement), mention de l'avis ; avec\n"
               "les heures calculées par clausier hours, en lettres et en chiffres.",
               tool};
  cli::setup_app(app, "  clausier draft examples/anru-viguier --doc ccap\n"
                      "  clausier draft examples/anru-viguier --format docx -o clause.docx\n"
                      "  clausier draft examples/anru-viguier --doc ae --lot 01 --format html -o ae-lot01.html\n"
                      "  clausier draft --export-templates mes-modeles\n"
                      "  clausier draft examples/anru-viguier --templates mes-modeles --doc ccap\n");
  Options opts;
  app.add_option("TENDER", opts.input, "Fichier tender.yaml ou dossier d'opération ; - : l'entrée standard")->type_name("FICHIER|DOSSIER");
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
  cli::add_output_option(app, opts.output, "le document");
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
  cli::add_rules_option(app, opts.rules);
  return cli::run_tool(app, argc, argv, [&] { return run(opts); });
}
