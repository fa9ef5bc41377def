#include <doctest/doctest.h>

#include "printers.hpp"

#include "clausier/rules/rules.hpp"

using namespace clausier;
using rules::RuleSet;

TEST_CASE("rules: the built-in tables load and hold the sourced values of formats.md section 3") {
  const RuleSet& r = RuleSet::builtin();
  CHECK(r.labour_share("painting")->share == 0.70);
  CHECK(r.labour_share("masonry")->share == 0.50);
  CHECK(r.labour_share("steel-frame")->share == 0.20);
  CHECK(r.labour_share("building")->share == 0.50);
  CHECK(r.labour_share("cleaning")->share == 0.80);
  CHECK(r.labour_share("plumbing") == nullptr);
  CHECK(r.trades() == std::vector<std::string>{"building", "cleaning", "masonry", "painting", "steel-frame"});
  for (const auto& row : r.labour_shares()) {
    CHECK(row.origin.builtin);
    CHECK(row.origin.verified);
    CHECK_FALSE(row.origin.source.empty());
  }
}

TEST_CASE("rules: EU thresholds by period") {
  const RuleSet& r = RuleSet::builtin();
  const auto* t2026 = r.thresholds_on(io::Date(2026, 9, 1));
  REQUIRE(t2026 != nullptr);
  CHECK(t2026->works == 5404000);
  CHECK(t2026->supplies_services_central == 140000);
  CHECK(t2026->supplies_services_local == 216000);
  CHECK(t2026->supplies_services_network == 432000);
  const auto* t2025 = r.thresholds_on(io::Date(2025, 12, 31));
  REQUIRE(t2025 != nullptr);
  CHECK(t2025->works == 5538000);
  CHECK(t2025->supplies_services_central == 143000);
  CHECK(t2025->supplies_services_local == 221000);
  CHECK(t2025->supplies_services_network == 443000);
  CHECK(r.thresholds_on(io::Date(2028, 1, 1)) == nullptr);
}

TEST_CASE("rules: programmes, method defaults, obligations") {
  const RuleSet& r = RuleSet::builtin();
  CHECK(r.programme("anru-investment")->minimum_rate == 0.05);
  CHECK(r.programme("anru-gup")->minimum_rate == 0.10);
  const auto* pact = r.method_defaults("cleaning-pact");
  REQUIRE(pact != nullptr);
  CHECK(*pact->hourly_cost == 20);
  CHECK(*pact->labour_share == 0.80);
  CHECK(*pact->minimum_hours == 150);
  CHECK(r.obligation("climate-resilience-social")->effective == io::Date(2026, 8, 22));
}

TEST_CASE("rules: the national target of buyers' indicators is a sourced row, which a user file may replace") {
  const RuleSet& r = RuleSet::builtin();
  const rules::NationalTarget* pnad = r.national_target("pnad-social");
  REQUIRE(pnad != nullptr);
  CHECK(pnad->share == 0.30);
  CHECK(pnad->label.find("Plan national pour des achats durables 2022-2025") == 0);
  CHECK(pnad->origin.source.find("PNAD") != std::string::npos);
  CHECK(pnad->origin.verified);
  CHECK(pnad->origin.file == "programmes.yaml");

  RuleSet local = RuleSet::builtin();
  CHECK(local.add_file("plan.yaml", R"yaml(format: clausier/rules/1
national_targets:
  - { id: pnad-social, label: "Plan suivant", share: 0.40, source: "Plan national 2026-2030 (projet)", verified: false }
)yaml").empty());
  CHECK(local.national_target("pnad-social")->share == 0.40);
  CHECK(local.national_target("pnad-social")->label == "Plan suivant");
  auto bad = local.add_file("bad.yaml", "format: clausier/rules/1\nnational_targets:\n  - { id: x, label: X, share: 30, source: s, verified: false }\n");
  CHECK(bad.size() == 1);
}

TEST_CASE("rules: legal references, current and obsolete, point to each other") {
  const RuleSet& r = RuleSet::builtin();
  CHECK(r.legal_reference("ccp-l2112-2")->current);
  const auto* art14 = r.legal_reference("cmp-2006-art14");
  REQUIRE(art14 != nullptr);
  CHECK_FALSE(art14->current);
  CHECK(art14->replaced_by == std::vector<std::string>{"ccp-l2112-2"});
  for (const auto& ref : r.legal_references()) {
    for (const auto& id : ref.replaced_by) {
      const auto* target = r.legal_reference(id);
      REQUIRE_MESSAGE(target != nullptr, ref.id << " -> " << id);
      CHECK(target->current);
    }
    CHECK(ref.current == ref.replaced_by.empty());
  }
}

TEST_CASE("rules: eligibility criteria and outcome typology of formats.md section 4") {
  const RuleSet& r = RuleSet::builtin();
  for (const char* code : {"deld", "detld", "rsa", "ass", "aah", "rqth", "young", "senior", "iae", "ea-esat",
                           "epide-e2c", "qpv", "justice", "other-validated", "invalidity-pension", "regie-quartier"})
    CHECK_MESSAGE(r.criterion(code) != nullptr, code);
  CHECK(r.criterion("other-validated")->note_required);
  CHECK(r.eligibility_criteria().size() == 16);
  // Residence in a priority neighbourhood is a public of city-policy operations only, and never alone.
  CHECK(r.criterion("qpv")->city_policy);
  CHECK(r.criterion("qpv")->definition.find("éloignée de l'emploi") != std::string::npos);
  CHECK(r.criterion("young")->definition.find("depuis au moins six mois") != std::string::npos);
  auto category = [&](const char* s) { return r.outcome(s)->category; };
  CHECK(category("cdi") == "durable");
  CHECK(category("cdd-6m-plus") == "durable");
  CHECK(category("interim-6m-plus") == "durable");
  CHECK(category("civil-service") == "durable");
  CHECK(category("business-creation") == "durable");
  CHECK(category("cdd-under-6m") == "transition");
  CHECK(category("interim-under-6m") == "transition");
  CHECK(category("subsidised-contract") == "transition");
  CHECK(category("qualifying-training") == "positive");
  CHECK(category("other-siae") == "positive");
  CHECK(category("jobseeker") == "other");
  CHECK(category("inactive") == "other");
  CHECK(category("unknown") == "other");
  CHECK(category("other") == "other");
  CHECK(category("neutral") == "neutral");
  CHECK(r.outcomes().size() == 15);
  CHECK(r.outcome("cdd-6m-plus")->label == "CDD de plus de six mois");
}

TEST_CASE("rules: a user file adds and overrides rows, and changes the version and hash") {
  RuleSet r = RuleSet::builtin();
  std::string before = r.sha256();
  CHECK(before.size() == 64);
  CHECK(r.version() == RuleSet::builtin().version());
  auto diags = r.add_file("local.yaml", R"(format: clausier/rules/1
labour_shares:
  - { trade: plumbing, label: Plomberie, share: 0.45, source: "Étude locale 2025", verified: false }
  - { trade: painting, label: Peinture, share: 0.65, source: "Étude locale 2025", verified: true }
)");
  CHECK(diags.empty());
  CHECK(r.labour_share("plumbing")->share == 0.45);
  CHECK_FALSE(r.labour_share("plumbing")->origin.verified);
  CHECK_FALSE(r.labour_share("plumbing")->origin.builtin);
  CHECK(r.labour_share("plumbing")->origin.file == "local.yaml");
  CHECK(r.labour_share("painting")->share == 0.65);
  CHECK(r.labour_shares().size() == 6);
  CHECK(r.version() == RuleSet::builtin().version() + "+user");
  CHECK(r.sha256() != before);
  CHECK(RuleSet::builtin().labour_share("painting")->share == 0.70);
}

TEST_CASE("rules: a user row corrects a CPV check digit and overrides a threshold period") {
  RuleSet r = RuleSet::builtin();
  auto diags = r.add_file("local.yaml", R"y(format: clausier/rules/1
cpv_codes:
  - { code: "45000000-8", label: "Travaux (corrigé)", source: "essai", verified: false }
eu_thresholds:
  - { from: 2026-07-01, to: 2027-12-31, works: 6000000, supplies_services_central: 1,
      supplies_services_local: 2, supplies_services_network: 3, source: "essai", verified: false }
)y");
  CHECK(diags.empty());
  CHECK(r.cpv("45000000")->code == "45000000-8");
  CHECK(r.thresholds_on(io::Date(2026, 9, 1))->works == 6000000);
  CHECK(r.thresholds_on(io::Date(2026, 3, 1))->works == 5404000);
}

TEST_CASE("rules: the hash does not depend on how a user file's path is written") {
  RuleSet a = RuleSet::builtin(), b = RuleSet::builtin();
  const char* text = "format: clausier/rules/1\n";
  a.add_file("mes-regles.yaml", text);
  b.add_file("./dossier/../mes-regles.yaml", text);
  CHECK(a.sha256() == b.sha256());
}

TEST_CASE("rules: a broken user file reports every problem with its position") {
  RuleSet r = RuleSet::builtin();
  auto diags = r.add_file("bad.yaml", R"(format: clausier/rules/1
labour_shares:
  - { trade: plumbing, label: Plomberie, share: 45, source: "x", verified: yes }
  - { trade: roofing, label: Couverture, share: 0.4, verified: true }
colours: []
)");
  REQUIRE(diags.size() == 4);
  CHECK(diags[0].rule == "schema-range");
  CHECK(diags[0].pos == Position{3, 49});
  CHECK(diags[1].rule == "schema-type");
  CHECK(diags[2].rule == "schema-required");
  CHECK(diags[3].rule == "schema-unknown-key");
  CHECK(r.labour_share("plumbing") == nullptr);
  CHECK(r.labour_share("roofing") == nullptr);
}

TEST_CASE("rules: parse_all parses every built-in table up front, for threads that share the set") {
  // clausier report loads operations on several threads with one RuleSet: after parse_all() every lookup
  // is a read. The figures are those of the tables (labour-shares.yaml, eu-thresholds.yaml).
  RuleSet r = RuleSet::builtin();
  const std::string hash = r.sha256();
  r.parse_all();
  CHECK(r.unparsed_tables() == 0);  // nothing left to parse lazily: lookups are reads from here on
  CHECK(r.sha256() == hash);        // parsing does not change what the hash covers
  REQUIRE(r.labour_share("painting") != nullptr);
  CHECK(r.labour_share("painting")->share == doctest::Approx(0.70));
  REQUIRE(r.thresholds_on(boost::gregorian::date(2026, 9, 1)) != nullptr);
  CHECK(r.thresholds_on(boost::gregorian::date(2026, 9, 1))->works == doctest::Approx(5404000));
  CHECK(!r.outcomes().empty());
}
