#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "clausier/draft/documents.hpp"
#include "clausier/draft/model.hpp"
#include "clausier/draft/templates.hpp"
#include "clausier/tender/load.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

struct Loaded {
  tender::LoadedFile file;
  hours::TenderResult result;
};

Loaded example(const std::string& name) {
  Loaded l;
  l.file = tender::load_tender(std::string(CLAUSIER_SOURCE_DIR) + "/examples/" + name);
  REQUIRE(l.file.result.ok());
  tender::Resolution res = tender::resolve(*l.file.result.tender, rules::RuleSet::builtin());
  REQUIRE(res.ok());
  l.result = hours::compute(*l.file.result.tender, res);
  return l;
}

// Every leaf path of the model, lists entered through their first element ("lots.heures").
void leaves(const nlohmann::ordered_json& j, const std::string& prefix, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) leaves(v, prefix.empty() ? k : prefix + "." + k, out);
  } else if (j.is_array()) {
    out.insert(prefix);
    for (const auto& v : j) leaves(v, prefix, out);
  } else {
    out.insert(prefix);
  }
}

}  // namespace

TEST_CASE("draft: the documented variables are exactly the model's, on every example") {
  std::set<std::string> documented;
  for (const auto& v : draft::variables()) documented.insert(v.name);
  std::set<std::string> seen;
  for (const char* name : {"anru-viguier", "proprete-siege", "espaces-verts"}) {
    Loaded l = example(name);
    std::set<std::string> paths;
    leaves(draft::build_model(l.result, rules::RuleSet::builtin(), {}), "", paths);
    for (const auto& p : paths) {
      // lots_avec_clause.x is documented once, as lots.x.
      std::string key = p;
      for (const char* list : {"lots_avec_clause", "lots_sous_minimum", "lots_sans_clause"})
        if (key.rfind(list, 0) == 0 && key.size() > std::string(list).size()) key = "lots" + key.substr(std::string(list).size());
      // references.execution.citation is documented as references.execution.
      bool ok = documented.count(key) > 0 || documented.count(key.substr(0, key.rfind('.'))) > 0;
      CHECK_MESSAGE(ok, "undocumented model variable: " << p);
      seen.insert(key);
      seen.insert(key.substr(0, key.rfind('.')));
    }
  }
  for (const auto& d : documented) CHECK_MESSAGE(seen.count(d) > 0, "documented but never in the model: " << d);
}

TEST_CASE("draft: the model carries the calculator's figures") {
  Loaded l = example("anru-viguier");
  auto m = draft::build_model(l.result, rules::RuleSet::builtin(), {});
  REQUIRE(m["lots_avec_clause"].size() == 7);
  CHECK(m["lots_avec_clause"][0]["heures"] == "1\u202F542");
  CHECK(m["lots_avec_clause"][0]["heures_texte"] == "mille cinq cent quarante-deux (1\u202F542) heures");
  CHECK(m["lots_sans_clause"][0]["id"] == "08");
  CHECK(m["total_heures"] == "4\u202F700");
  CHECK(m["climat"]["applicable"] == true);
  CHECK(m["references"]["execution"]["citation"] == "article L.\u00A02112-2 du code de la commande publique");
  auto only = draft::build_model(l.result, rules::RuleSet::builtin(), {text::Spelling::traditional, {"02"}, {}});
  CHECK(only["lots"].size() == 1);
  CHECK(only["total_heures"] == "686");
}

TEST_CASE("draft: a variable the model does not have fails with the template's path and line") {
  draft::Template t{"ccap.md.mustache", "mes-modeles/ccap.md.mustache",
                    "# {{operation.intitule}}\n\n{{#lots}}\nLot {{id}} : {{heures_en_chiffres}}\n{{/lots}}\n{{acheteur.nom}}\n"};
  Loaded l = example("espaces-verts");
  auto r = draft::render(t, draft::build_model(l.result, rules::RuleSet::builtin(), {}));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "template-variable");
  CHECK(r.diagnostics[0].path == "mes-modeles/ccap.md.mustache");
  CHECK(r.diagnostics[0].pos.line == 4);
  CHECK(r.diagnostics[0].message == "variable « heures_en_chiffres » inconnue du modèle de données");
}

TEST_CASE("draft: values go in as they are, not HTML-escaped") {
  draft::Template t{"x.md.mustache", "(intégré)", "{{acheteur.nom}}"};
  Loaded l = example("anru-viguier");
  auto r = draft::render(t, draft::build_model(l.result, rules::RuleSet::builtin(), {}));
  CHECK(r.diagnostics.empty());
  CHECK(r.text == "Office public de l'habitat du Carcassonnais");
}

TEST_CASE("draft: a broken template is reported, not rendered") {
  draft::Template t{"x.md.mustache", "x.md.mustache", "{{#lots}}sans fin\n"};
  Loaded l = example("anru-viguier");
  auto r = draft::render(t, draft::build_model(l.result, rules::RuleSet::builtin(), {}));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "template-syntax");
}

TEST_CASE("draft: every built-in template renders with every example, without unknown variables") {
  draft::TemplateSet set = draft::TemplateSet::builtin();
  REQUIRE(set.all().size() == 4);
  for (const char* name : {"anru-viguier", "proprete-siege", "espaces-verts"}) {
    Loaded l = example(name);
    for (const auto& t : set.all()) {
      INFO(name << " " << t.name);
      auto r = draft::render(t, draft::build_model(l.result, rules::RuleSet::builtin(), {}));
      CHECK(r.diagnostics.empty());
      CHECK_FALSE(r.text.empty());
    }
  }
}

namespace {

std::string ccap_of(const hours::TenderResult& result, const draft::ModelOptions& options = {}) {
  draft::Rendered r = draft::draft_markdown(result, rules::RuleSet::builtin(), draft::TemplateSet::builtin(),
                                            draft::DocumentKind::ccap, options);
  REQUIRE(r.diagnostics.empty());
  return r.text;
}

std::vector<std::string> publics(const nlohmann::ordered_json& model) {
  std::vector<std::string> out;
  for (const auto& p : model["publics"]) out.push_back(p["code"]);
  return out;
}

}  // namespace

TEST_CASE("draft: above the threshold the CCAP cites L. 2112-2-1, created by article 35 of the Climate law") {
  Loaded l = example("anru-viguier");
  const std::string text = ccap_of(l.result);
  CHECK(text.find("prévue par l'article L.\u00A02112-2-1 du code de la commande publique, issu de l'article 35 de la "
                  "loi n°\u00A02021-1104 du 22 août 2021") != std::string::npos);
}

TEST_CASE("draft: the CCAP names the CCAG the contract refers to; its article number only where verified") {
  Loaded works = example("anru-viguier");
  auto m = draft::build_model(works.result, rules::RuleSet::builtin(), {});
  CHECK(m["ccag"]["sigle"] == "CCAG-Travaux");
  CHECK(ccap_of(works.result).find("Conformément à l'article relatif à la clause d'insertion sociale du cahier des "
                                   "clauses administratives générales des marchés publics de travaux (CCAG-Travaux), "
                                   "approuvé par l'arrêté du 30 mars 2021 modifié,") != std::string::npos);
  Loaded services = example("proprete-siege");
  CHECK(ccap_of(services.result).find("Conformément à l'article 16.1 du cahier des clauses administratives générales "
                                      "des marchés publics de fournitures courantes et de services (CCAG-FCS)") !=
        std::string::npos);
}

TEST_CASE("draft: the CCAP says what tracking does with the contract's life, as a review clause (R. 2194-1)") {
  // formats.md « Lot events »: optional tranches due once exercised, framework hours recomputed on the
  // orders up and down, amendments and termination recomputed by the same method.
  const std::string anru = ccap_of(example("anru-viguier").result);
  const std::string parks = ccap_of(example("espaces-verts").result);
  const std::string cleaning = ccap_of(example("proprete-siege").result);
  for (const std::string* text : {&anru, &parks, &cleaning}) {
    CHECK(text->find("**Réexamen du volume d'heures.**") != std::string::npos);
    CHECK(text->find("recalculé par la même méthode, avec les mêmes paramètres et le même arrondi, sur le nouveau "
                     "montant hors taxes") != std::string::npos);
    CHECK(text->find("prestations exécutées à la date d'effet de la résiliation") != std::string::npos);
    CHECK(text->find("clause de réexamen claire, précise et sans équivoque au sens de l'article R.\u00A02194-1 du code "
                     "de la commande publique") != std::string::npos);
    CHECK(text->find("dans la même proportion") == std::string::npos);  // no more a proportional rule, nor a « peut »
  }
  // Tranches: only in the operation that has optional ones.
  CHECK(anru.find("ne sont dues qu'à compter de la date de son affermissement") != std::string::npos);
  CHECK(anru.find("- affermissement d'une tranche optionnelle") != std::string::npos);
  CHECK(parks.find("- affermissement d'une tranche optionnelle") == std::string::npos);
  // Framework agreements: recomputed on the orders, upwards as well as downwards, without an amendment.
  CHECK(parks.find("Dès qu'une commande est passée, le volume exigible est recalculé, à la hausse comme à la baisse") !=
        std::string::npos);
  CHECK(parks.find("sans avenant, à chaque nouvelle commande") != std::string::npos);
  CHECK(parks.find("- commandes passées au titre d'un accord-cadre") != std::string::npos);
  CHECK(anru.find("- commandes passées au titre d'un accord-cadre") == std::string::npos);
  // Fixed hours (lot 03) are not computed on an amount: the amendment or the termination gives them.
  const std::string fixed = "Pour un lot dont le volume d'heures n'est pas calculé sur un montant (heures fixées, "
                            "équivalents temps plein), l'avenant ou la décision de résiliation fixe le nouveau volume "
                            "d'heures.";
  CHECK(anru.find(fixed) != std::string::npos);
  CHECK(parks.find(fixed) == std::string::npos);
  CHECK(cleaning.find(fixed) == std::string::npos);
  // A commitment in percent of the hours worked stays a percentage: only its estimate follows the rules.
  Loaded percent;
  percent.file = tender::load_tender(std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/draft/travaux-tranches-pourcentage.yaml");
  REQUIRE(percent.file.result.ok());
  percent.result = hours::compute(*percent.file.result.tender,
                                  tender::resolve(*percent.file.result.tender, rules::RuleSet::builtin()));
  const std::string estimate = "seule son estimation indicative en heures suit ces règles";
  CHECK(ccap_of(percent.result).find(estimate) != std::string::npos);
  CHECK(anru.find(estimate) == std::string::npos);
}

TEST_CASE("draft: the publics of priority neighbourhoods are listed for city-policy (ANRU) operations only") {
  auto anru = draft::build_model(example("anru-viguier").result, rules::RuleSet::builtin(), {});
  auto other = draft::build_model(example("espaces-verts").result, rules::RuleSet::builtin(), {});
  auto has = [](const std::vector<std::string>& v, const char* c) { return std::find(v.begin(), v.end(), c) != v.end(); };
  CHECK(has(publics(anru), "qpv"));
  CHECK_FALSE(has(publics(other), "qpv"));
  CHECK(has(publics(other), "regie-quartier"));
  CHECK(has(publics(other), "invalidity-pension"));
  for (const auto& p : anru["publics"]) {
    if (p["code"] == "young")
      CHECK(p["libelle"] == "Jeune de moins de 26 ans, diplômé ou non, sorti du système scolaire ou de l'enseignement "
                            "supérieur depuis au moins six mois et engagé dans une démarche d'insertion");
    if (p["code"] == "qpv")
      CHECK(p["libelle"] == "Demandeur d'emploi ou personne éloignée de l'emploi résidant dans un quartier prioritaire "
                            "de la politique de la ville (QPV)");
  }
}

TEST_CASE("draft: --article numbers the article and its sub-articles instead of « X »") {
  Loaded l = example("espaces-verts");
  draft::ModelOptions options;
  options.article = "12";
  const std::string text = ccap_of(l.result, options);
  CHECK(text.find("## Article 12 — Clause sociale d'insertion") != std::string::npos);
  CHECK(text.find("### 12.3 — Publics éligibles") != std::string::npos);
  CHECK(text.find("définis à l'article 12.3") != std::string::npos);
  CHECK(text.find("## Annexe à l'article 12 —") != std::string::npos);
  CHECK(text.find(" X.") == std::string::npos);
  CHECK(ccap_of(l.result).find("## Article X — Clause sociale d'insertion") != std::string::npos);
  CHECK(draft::valid_article_number("12"));
  CHECK(draft::valid_article_number("4.2"));
  for (const char* wrong : {"", "X", "4.", ".4", "4..2", "12a", "-1"}) CHECK_FALSE_MESSAGE(draft::valid_article_number(wrong), wrong);
}

TEST_CASE("draft: a lot reserved to SIAE skips the facilitator's validation; its commitment offers no ETTI box") {
  const std::string reserved = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/draft/reserve-siae.yaml";
  Loaded l;
  l.file = tender::load_tender(reserved);
  REQUIRE(l.file.result.ok());
  tender::Resolution res = tender::resolve(*l.file.result.tender, rules::RuleSet::builtin());
  l.result = hours::compute(*l.file.result.tender, res);
  const std::string ccap = ccap_of(l.result);
  CHECK(ccap.find("vérifie et valide l'éligibilité") == std::string::npos);
  CHECK(ccap.find("La validation vaut pour une durée") == std::string::npos);
  CHECK(ccap.find("n'est pas soumise à la validation du facilitateur") != std::string::npos);
  draft::Rendered ae = draft::draft_markdown(l.result, rules::RuleSet::builtin(), draft::TemplateSet::builtin(),
                                             draft::DocumentKind::ae, {});
  CHECK(ae.text.find("(ETTI)") == std::string::npos);
  CHECK(ae.text.find("GEIQ") == std::string::npos);
  CHECK(ae.text.find("après l'attribution") == std::string::npos);
}

TEST_CASE("draft: the commitment does not let a co-contractor join after award; subcontractors are accepted") {
  Loaded l = example("anru-viguier");
  draft::Rendered ae = draft::draft_markdown(l.result, rules::RuleSet::builtin(), draft::TemplateSet::builtin(),
                                             draft::DocumentKind::ae, {});
  CHECK(ae.text.find("reste libre de modifier") == std::string::npos);
  CHECK(ae.text.find("aucun cotraitant ne peut entrer dans le groupement après l'attribution") != std::string::npos);
  CHECK(ae.text.find("qui l'accepte et agrée ses conditions de paiement") != std::string::npos);
}

TEST_CASE("draft: the notice writes its hours with their unit, held together and agreed") {
  auto notice = [](const hours::TenderResult& result) {
    draft::Rendered r = draft::draft_markdown(result, rules::RuleSet::builtin(), draft::TemplateSet::builtin(),
                                              draft::DocumentKind::notice, {});
    REQUIRE(r.diagnostics.empty());
    return r.text;
  };
  const std::string anru = notice(example("anru-viguier").result);
  CHECK(anru.find("1\u202F542\u202Fheures d'insertion") != std::string::npos);
  CHECK(anru.find(" heures d'insertion") == std::string::npos);  // no plain space: the line never breaks there
  tender::LoadResult one = tender::parse_tender(
      "format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nfacilitator: {name: J, email: j@example.org}\n"
      "nature: works\nlots:\n  - {id: 1, title: a, method: fixed, hours: 1, clause: execution}\n",
      "t");
  REQUIRE(one.ok());
  const hours::TenderResult result = hours::compute(*one.tender, tender::resolve(*one.tender, rules::RuleSet::builtin()));
  CHECK(notice(result).find(", 1\u202Fheure d'insertion") != std::string::npos);
}

TEST_CASE("draft: the templates keep French typography: no plain space before ; : ! ? » nor after «") {
  const draft::TemplateSet set = draft::TemplateSet::builtin();
  for (const auto& t : set.all()) {
    std::string text = t.text;
    // Comments ({{! … }}) are for facilitators, not for the drafts.
    for (std::size_t at = text.find("{{!"); at != std::string::npos; at = text.find("{{!")) {
      std::size_t end = text.find("}}", at);
      text.erase(at, end == std::string::npos ? std::string::npos : end + 2 - at);
    }
    // A number and its unit hold together, and « heure » agrees with the number: {{heures_unite}}.
    for (const char* wrong : {" ;", " :", " !", " ?", " »", "« ", "{{heures}} heure"}) {
      std::size_t at = text.find(wrong);
      CHECK_MESSAGE(at == std::string::npos, t.name << ": « " << std::string(wrong) << " » in: "
                                                    << text.substr(at == std::string::npos ? 0 : (at > 40 ? at - 40 : 0), 80));
    }
  }
}
