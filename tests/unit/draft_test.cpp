#include <doctest/doctest.h>

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
  auto only = draft::build_model(l.result, rules::RuleSet::builtin(), {text::Spelling::traditional, {"02"}});
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
