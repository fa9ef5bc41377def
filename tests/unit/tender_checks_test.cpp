#include <doctest/doctest.h>

#include "printers.hpp"

#include <algorithm>
#include <string>

#include "clausier/check/tender_checks.hpp"
#include "clausier/tender/load.hpp"

using namespace clausier;

namespace {

// A works tender above the 2026 threshold (5 404 000 € HT) with a lot without clause nor derogation.
std::string works_tender(const std::string& notice_date, const std::string& extra_lot_fields = "") {
  return "format: clausier/tender/1\nid: T\ntitle: x\n"
         "buyer: {name: V, kind: local}\n"
         "facilitator: {name: J, email: j@example.org}\n"
         "nature: works\nnotice_date: " + notice_date + "\n"
         "parameters: {hourly_cost: 30, rate: 0.05}\n"
         "lots:\n"
         "  - {id: 1, title: a, trade: masonry, amount: 5000000, clause: execution}\n"
         "  - {id: 2, title: b, amount: 500000, clause: none" + extra_lot_fields + "}\n";
}

Diagnostics findings(const std::string& text) {
  tender::LoadResult r = tender::parse_tender(text, "t.yaml");
  REQUIRE(r.tender);
  tender::Resolution res = tender::resolve(*r.tender, rules::RuleSet::builtin());
  Diagnostics all = r.diagnostics;
  all.insert(all.end(), res.diagnostics.begin(), res.diagnostics.end());
  std::optional<hours::TenderResult> computed;
  if (r.ok() && res.ok()) computed = hours::compute(*r.tender, res);
  Diagnostics f = check::check_tender(*r.tender, res, rules::RuleSet::builtin(), computed ? &*computed : nullptr);
  all.insert(all.end(), f.begin(), f.end());
  return all;
}

std::vector<std::string> rules_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.rule);
  return out;
}

}  // namespace

TEST_CASE("climate law: above the threshold, noticed on 2026-09-01, a lot without clause fails") {
  Diagnostics d = findings(works_tender("2026-09-01"));
  REQUIRE(rules_of(d) == std::vector<std::string>{"climate-social-consideration"});
  CHECK(d[0].severity == Severity::error);
  CHECK(d[0].category == Category::finding);
  CHECK(d[0].pos == Position{11, 47});
  CHECK(exit_code_for(d) == 1);
}

TEST_CASE("climate law: the same tender noticed on 2026-08-01 passes") {
  CHECK(findings(works_tender("2026-08-01")).empty());
}

TEST_CASE("climate law: it starts on 2026-08-22 exactly") {
  CHECK(rules_of(findings(works_tender("2026-08-21"))).empty());
  CHECK(rules_of(findings(works_tender("2026-08-22"))) == std::vector<std::string>{"climate-social-consideration"});
}

TEST_CASE("climate law: a lot whose clause falls below its minimum has no social consideration") {
  // Lot 2 with a clause: 500 000 × 50 % × 5 % ÷ 30 = 416.67 → 417 h, below a minimum of 500 h.
  std::string text = works_tender("2026-09-01", ", labour_share: 0.5, minimum_hours: 500");
  text.replace(text.find("clause: none"), 12, "clause: execution");
  Diagnostics d = findings(text);
  REQUIRE(rules_of(d) == std::vector<std::string>{"climate-social-consideration"});
  CHECK(d[0].message.find("sous le minimum, 417\u202Fheures pour un minimum de 500\u202Fheures") != std::string::npos);
  // With a derogation it passes, and the derogation is not reported as unused; free text gets a note
  // asking for the case of the article.
  std::string with_derogation = works_tender("2026-09-01", ", labour_share: 0.5, minimum_hours: 500, derogation: \"motif\"");
  with_derogation.replace(with_derogation.find("clause: none"), 12, "clause: execution");
  CHECK(rules_of(findings(with_derogation)) == std::vector<std::string>{"climate-derogation-ground"});
}

TEST_CASE("climate law: a derogation naming the article's case satisfies it; free text gets a note") {
  CHECK(findings(works_tender("2026-09-01", ", derogation: {ground: ready-made-solution, reason: \"Sur catalogue\"}"))
            .empty());
  Diagnostics d = findings(works_tender("2026-09-01", ", derogation: \"Fourniture sur catalogue\""));
  REQUIRE(rules_of(d) == std::vector<std::string>{"climate-derogation-ground"});
  CHECK(d[0].severity == Severity::note);
  CHECK(d[0].pos == Position{11, 65});
  CHECK(d[0].message ==
        "lot « 2 » : la dérogation ne nomme pas le cas de L. 2112-2-1 CCP sur lequel elle repose ; cas prévus : "
        "ready-made-solution, insufficient-link, restricts-competition, execution-difficulty");
  CHECK(exit_code_for(d) == 0);
}

TEST_CASE("climate law: an unknown case is an input error, with the closest one") {
  Diagnostics d = findings(works_tender("2026-09-01", ", derogation: {ground: ready-made-soluton, reason: \"x\"}"));
  REQUIRE(rules_of(d) == std::vector<std::string>{"derogation-ground-unknown"});
  CHECK(d[0].category == Category::input);
  CHECK(d[0].hint == "vouliez-vous dire « ready-made-solution » ?");
  CHECK(exit_code_for(d) == 2);
}

TEST_CASE("climate law: a reserved lot meets the obligation, and the check says so") {
  std::string text = works_tender("2026-09-01");
  text.replace(text.find("clause: none"), 12, "clause: reserved-siae, trade: masonry");
  Diagnostics d = findings(text);
  REQUIRE(rules_of(d) == std::vector<std::string>{"climate-reserved-lot"});
  CHECK(d[0].severity == Severity::note);
  CHECK(exit_code_for(d) == 0);
}

TEST_CASE("climate law: below the threshold, nothing to say") {
  std::string text = works_tender("2026-09-01");
  text.replace(text.find("amount: 5000000"), 15, "amount: 4900000");  // 4 900 000 + 500 000 < 5 404 000
  CHECK(findings(text).empty());
}

TEST_CASE("climate law: supplies and services thresholds depend on the buyer") {
  std::string text = works_tender("2026-09-01");
  text.replace(text.find("nature: works"), 13, "nature: services");
  text.replace(text.find("amount: 5000000"), 15, "amount: 100000");
  text.replace(text.find("amount: 500000"), 14, "amount: 50000");  // 150 000 € HT
  CHECK(findings(text).empty());  // local: 216 000
  std::string central = text;
  central.replace(central.find("kind: local"), 11, "kind: central");
  CHECK(rules_of(findings(central)) == std::vector<std::string>{"climate-social-consideration"});  // central: 140 000
}

TEST_CASE("climate law: optional tranches and framework maxima count in the value") {
  std::string text = works_tender("2026-09-01");
  text.replace(text.find("amount: 5000000, clause: execution"), 34,
               "clause: execution, tranches: [{id: TF, kind: firm, amount: 4000000}, "
               "{id: TO1, kind: optional, amount: 1000000}]");
  CHECK(rules_of(findings(text)) == std::vector<std::string>{"climate-social-consideration"});
  CHECK(check::estimated_value(*tender::parse_tender(text, "t").tender).total == 5500000);
}

TEST_CASE("ANRU: minimum rate per programme, judged on the operation") {
  std::string text = works_tender("2026-08-01");
  text.replace(text.find("nature: works"), 13, "nature: works\nprogramme: anru-investment");
  CHECK(findings(text).empty());
  text.replace(text.find("rate: 0.05"), 10, "rate: 0.04");
  Diagnostics d = findings(text);
  REQUIRE(rules_of(d) == std::vector<std::string>{"anru-rate"});
  CHECK(d[0].pos == Position{7, 12});  // the programme: the operation is judged, not the lot
  text.replace(text.find("anru-investment"), 15, "anru-gup");
  text.replace(text.find("rate: 0.04"), 10, "rate: 0.08");
  CHECK(rules_of(findings(text)) == std::vector<std::string>{"anru-rate"});
}

// Two lots with a clause: 1 800 000 € and 600 000 € of masonry (50 %) at 30 €/h, i.e. 30 000 and
// 10 000 estimated hours worked.
std::string anru_tender(const std::string& rate_1, const std::string& rate_2) {
  return "format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\n"
         "facilitator: {name: J, email: j@example.org}\n"
         "nature: works\nprogramme: anru-investment\n"
         "parameters: {hourly_cost: 30}\n"
         "lots:\n"
         "  - {id: 1, title: a, trade: masonry, amount: 1800000, clause: execution, rate: " + rate_1 + "}\n"
         "  - {id: 2, title: b, trade: masonry, amount: 600000, clause: execution, rate: " + rate_2 + "}\n";
}

TEST_CASE("ANRU: 6 % of the operation with a small lot at 3 % passes with a warning on that lot") {
  // 2 100 + 300 reserved hours for 40 000 hours worked: 6 %.
  Diagnostics d = findings(anru_tender("0.07", "0.03"));
  REQUIRE(rules_of(d) == std::vector<std::string>{"anru-rate-lot"});
  CHECK(d[0].severity == Severity::warning);
  CHECK(d[0].pos == Position{11, 80});
  CHECK(d[0].message.find("l'opération l'atteint (6\u202F% des heures travaillées estimées)") != std::string::npos);
  CHECK(exit_code_for(d) == 0);
}

TEST_CASE("ANRU: lots all at the minimum pass, whatever the rounding of their hours") {
  // 400 000 € of masonry (50 %) at 5 % and 30 €/h: 333,33 hours, rounded to 333, i.e. 4,995 % of
  // the 6 666,67 hours worked; the operation is at 5 % as its lot is.
  std::string text = anru_tender("0.05", "0.05");
  text.replace(text.find("amount: 1800000"), 15, "amount: 400000");
  text.replace(text.find("amount: 600000"), 14, "amount: 400000");
  CHECK(findings(text).empty());
  text.replace(text.find("rate: 0.05"), 10, "rate: 0.049");
  CHECK(rules_of(findings(text)) == std::vector<std::string>{"anru-rate"});
}

TEST_CASE("ANRU: 3 % of the operation fails, naming the lots below the minimum") {
  Diagnostics d = findings(anru_tender("0.03", "0.03"));
  REQUIRE(rules_of(d) == std::vector<std::string>{"anru-rate"});
  CHECK(d[0].message ==
        "opération ANRU : 1\u202F200\u202Fheures d'insertion pour 40\u202F000\u202Fheures travaillées estimées sur "
        "les lots avec clause, soit 3\u202F%, sous le minimum de 5\u202F% du programme « anru-investment » (Charte "
        "nationale d'insertion de l'ANRU 2014-2024) ; lots sous ce taux : « 1 » (3\u202F%), « 2 » (3\u202F%)");
  CHECK(exit_code_for(d) == 1);
}

TEST_CASE("facilitator: required as soon as one lot has a clause") {
  std::string text = works_tender("2026-08-01");
  std::string without = text;
  without.replace(without.find("facilitator: {name: J, email: j@example.org}\n"), 45, "");
  CHECK(rules_of(findings(without)) == std::vector<std::string>{"facilitator-contact"});
  std::string no_contact = text;
  no_contact.replace(no_contact.find(", email: j@example.org"), 22, "");
  CHECK(rules_of(findings(no_contact)) == std::vector<std::string>{"facilitator-contact"});
}

TEST_CASE("SIRET and CPV") {
  std::string text = works_tender("2026-08-01");
  text.replace(text.find("kind: local"), 11, "kind: local, siret: \"73282932000075\"");
  text.replace(text.find("trade: masonry"), 14, "trade: masonry, cpv: \"45262500-5\"");
  Diagnostics d = findings(text);
  CHECK(rules_of(d) == std::vector<std::string>{"siret-luhn", "cpv-check-digit"});
  CHECK(d[1].hint == "écrivez \"45262500-6\"");
  text.replace(text.find("45262500-5"), 10, "45262500-6");
  text.replace(text.find("73282932000075"), 14, "73282932000074");
  CHECK(findings(text).empty());
  text.replace(text.find("45262500-6"), 10, "45999999-1");
  CHECK(rules_of(findings(text)) == std::vector<std::string>{"cpv-unknown"});
}

TEST_CASE("every rule reported has an entry in the catalogue") {
  auto catalogue = check::rule_catalogue();
  for (const char* id : {"yaml-syntax", "yaml-duplicate-key", "schema-type", "lot-id-unique", "trade-unknown",
                         "parameter-missing", "siret-luhn", "climate-social-consideration", "anru-rate",
                         "anru-rate-lot", "derogation-ground-unknown", "climate-derogation-ground",
                         "climate-reserved-lot"}) {
    bool found = std::any_of(catalogue.begin(), catalogue.end(), [&](const check::RuleInfo& r) { return r.id == id; });
    CHECK_MESSAGE(found, id);
  }
}
