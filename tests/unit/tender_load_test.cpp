#include <doctest/doctest.h>

#include "printers.hpp"

#include <algorithm>
#include <string>

#include "clausier/tender/load.hpp"
#include "clausier/tender/resolve.hpp"

using namespace clausier;
using namespace clausier::tender;

namespace {

const char* minimal = R"(format: clausier/tender/1
id: T-1
title: Essai
buyer: { name: Ville }
nature: works
parameters: { hourly_cost: 30, rate: 0.05 }
lots:
  - { id: 1, title: Gros œuvre, trade: masonry, amount: 1000000, clause: execution }
)";

std::vector<std::string> rules_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d) out.push_back(x.rule);
  return out;
}

}  // namespace

TEST_CASE("tender: a minimal file loads with its defaults") {
  LoadResult r = parse_tender(minimal, "t.yaml");
  REQUIRE(r.ok());
  const Tender& t = *r.tender;
  CHECK(t.id.value == "T-1");
  CHECK(t.buyer.kind.value == BuyerKind::local);
  CHECK(t.nature.value == Nature::works);
  REQUIRE(t.lots.size() == 1);
  const Lot& lot = t.lots[0];
  CHECK(lot.id.value == "1");
  CHECK(lot.method.value == Method::labour_cost);
  CHECK_FALSE(lot.method_given);
  CHECK(lot.amount->value == 1000000);
  CHECK(lot.amount->pos == Position{8, 57});
  CHECK(t.find_lot("1") == &lot);
}

TEST_CASE("tender: 1 and \"1\" are the same lot id") {
  std::string text = std::string(minimal) + "  - { id: \"1\", title: Bis, amount: 5, clause: none }\n";
  LoadResult r = parse_tender(text, "t.yaml");
  CHECK_FALSE(r.ok());
  CHECK(rules_of(r.diagnostics) == std::vector<std::string>{"lot-id-unique"});
  CHECK(r.diagnostics[0].pos == Position{9, 11});
  CHECK(r.diagnostics[0].message == "identifiant de lot « 1 » déjà utilisé par le lot de la ligne 8");
}

TEST_CASE("tender: percent strings are accepted for rates") {
  std::string text = minimal;
  text.replace(text.find("rate: 0.05"), 10, "rate: \"5 %\"");
  LoadResult r = parse_tender(text, "t.yaml");
  REQUIRE(r.ok());
  CHECK(r.tender->parameters.rate->value == doctest::Approx(0.05));
}

TEST_CASE("tender: every independent mistake is reported in one run") {
  const char* text = R"(format: clausier/tender/1
id: T 1
title: Essai
buyer: { name: Ville, kind: regional }
nature: works
colour: blue
parameters: { hourly_cost: "trente", rate: 5 }
lots:
  - id: 1
    title: Gros œuvre
    amount: -3
  - id: 2
    title: Fixe
    clause: execution
    method: fixed
)";
  LoadResult r = parse_tender(text, "t.yaml");
  CHECK_FALSE(r.ok());
  REQUIRE(r.tender);  // partial model for check's other rules
  CHECK(rules_of(r.diagnostics) ==
        std::vector<std::string>{"schema-format", "schema-enum", "schema-unknown-key", "schema-type", "schema-range",
                                 "schema-required", "schema-range", "schema-required"});
  for (const auto& d : r.diagnostics) {
    CHECK(d.path == "t.yaml");
    CHECK(d.pos.line > 0);
    CHECK(d.category == Category::input);
  }
}

TEST_CASE("tender: the exact messages of the main kinds of mistake") {
  auto first = [](const char* text) {
    LoadResult r = parse_tender(text, "t.yaml");
    REQUIRE_FALSE(r.diagnostics.empty());
    return r.diagnostics[0];
  };
  Diagnostic d = first("format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\nlots: []\n");
  CHECK(d.rule == "schema-range");
  CHECK(d.message == "« lots » est vide : au moins un lot attendu");

  d = first("format: clausier/tender/2\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\nlots: [{id: 1, title: a, clause: none}]\n");
  CHECK(d.rule == "schema-format");
  CHECK(d.pos == Position{1, 9});
  CHECK(d.message == "format « clausier/tender/2 » non pris en charge : attendu clausier/tender/1");

  d = first("format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\nnotice_date: 2026-02-30\n"
            "lots: [{id: 1, title: a, clause: none}]\n");
  CHECK(d.rule == "schema-format");
  CHECK(d.pos == Position{6, 14});

  d = first("");
  CHECK(d.rule == "schema-required");
  CHECK(d.message == "le fichier est vide : une consultation attendue");
}

TEST_CASE("tender: rules between the fields of a lot") {
  auto rules_for = [](const char* lots) {
    std::string text = std::string("format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\n"
                                   "parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.5}\nlots:\n") + lots;
    return rules_of(parse_tender(text, "t.yaml").diagnostics);
  };
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, amount: 10, hours: 5}\n") ==
        std::vector<std::string>{"lot-method-field"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, method: fte, fte: 1}\n") ==
        std::vector<std::string>{"schema-required"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, method: cleaning-pact, amount: 10, months: 12}\n").empty());
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, amount: 10, tranches: [{id: TF, kind: firm, amount: 6}]}\n") ==
        std::vector<std::string>{"lot-tranches-sum"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, tranches: [{id: TF, kind: firm, amount: 6}, "
                  "{id: TF, kind: optional, amount: 4}]}\n") == std::vector<std::string>{"lot-id-unique"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, amount: 10, start: 2027-01-01, end: 2026-12-31}\n") ==
        std::vector<std::string>{"lot-dates-order"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, framework: {min: 10, max: 5, basis: max}}\n") ==
        std::vector<std::string>{"lot-framework"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, framework: {max: 5, basis: estimate}}\n") ==
        std::vector<std::string>{"schema-required"});
  CHECK(rules_for("  - {id: 1, title: a, clause: none, amount: 5, award_criterion: {weight: 0.1}}\n") ==
        std::vector<std::string>{"lot-award-criterion"});
  CHECK(rules_for("  - {id: 1, title: a, clause: none}\n").empty());
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, method: fixed, hours: 5, tranches: [{id: TF, kind: firm, amount: 6}]}\n") ==
        std::vector<std::string>{"lot-method-field"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, tranches: [{id: TF, kind: firm, amount: 6}], "
                  "framework: {max: 5, basis: max}}\n") == std::vector<std::string>{"lot-framework"});
  CHECK(rules_for("  - {id: 1, title: a, clause: execution, x-note: libre, amount: 3}\n").empty());
}

TEST_CASE("tender: a SIRET keeps its leading zeros and must have 14 digits") {
  std::string text = std::string(minimal);
  text.replace(text.find("{ name: Ville }"), 15, "{ name: Ville, siret: \"012 345 678 00012\" }");
  LoadResult r = parse_tender(text, "t.yaml");
  REQUIRE(r.ok());
  CHECK(r.tender->buyer.siret->value == "01234567800012");
  text.replace(text.find("\"012 345 678 00012\""), 19, "123");
  CHECK(rules_of(parse_tender(text, "t.yaml").diagnostics) == std::vector<std::string>{"schema-format"});
}

TEST_CASE("resolve: parameters flow from the lot, the trade, the method default, the tender, the built-in default") {
  const char* text = R"(format: clausier/tender/1
id: T
title: x
buyer: {name: V}
nature: works
parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.4, minimum_hours: 35}
lots:
  - {id: 1, title: a, clause: execution, amount: 10, trade: painting}
  - {id: 2, title: b, clause: execution, amount: 10, labour_share: 0.65, rate: 0.07, rounding: up}
  - {id: 3, title: c, clause: execution, amount: 10}
  - {id: 4, title: d, clause: execution, method: cleaning-pact, amount: 480000, months: 48}
  - {id: 5, title: e, clause: execution, method: fixed, hours: 300}
)";
  LoadResult r = parse_tender(text, "t.yaml");
  REQUIRE(r.ok());
  Resolution res = resolve(*r.tender, rules::RuleSet::builtin());
  REQUIRE(res.ok());
  const auto& l = res.lots;
  CHECK(l[0].labour_share->value == 0.70);
  CHECK(l[0].labour_share->source == Source::rule_table);
  CHECK(l[0].rate->source == Source::tender_parameters);
  CHECK(l[0].rounding.source == Source::builtin_default);
  CHECK(l[0].rounding_step.value == 1);
  CHECK(l[1].labour_share->value == 0.65);
  CHECK(l[1].labour_share->source == Source::lot);
  CHECK(l[1].rate->value == 0.07);
  CHECK(l[1].rounding.value == Rounding::up);
  CHECK(l[2].labour_share->value == 0.4);
  CHECK(l[2].labour_share->source == Source::tender_parameters);
  CHECK(l[3].hourly_cost->value == 20);
  CHECK(l[3].hourly_cost->source == Source::method_default);
  CHECK(l[3].hourly_cost->detail == "cleaning-pact, selon FEP, calcul automatique du PACT Propreté (Inserpropre)");
  CHECK(l[3].labour_share->value == 0.80);
  CHECK(l[3].minimum_hours.value == 150);
  CHECK(l[3].rate->value == 0.05);
  CHECK(l[2].minimum_hours.value == 35);
  CHECK_FALSE(l[4].rate);
  CHECK_FALSE(l[4].hourly_cost);
}

TEST_CASE("resolve: unknown trade and missing parameters are input errors") {
  const char* text = R"(format: clausier/tender/1
id: T
title: x
buyer: {name: V}
nature: works
lots:
  - {id: 1, title: a, clause: execution, amount: 10, trade: paintng}
)";
  LoadResult r = parse_tender(text, "t.yaml");
  REQUIRE(r.ok());
  Resolution res = resolve(*r.tender, rules::RuleSet::builtin());
  CHECK(rules_of(res.diagnostics) == std::vector<std::string>{"parameter-missing", "parameter-missing", "trade-unknown"});
  CHECK(res.diagnostics[2].hint == "vouliez-vous dire « painting » ? Sinon indiquez « labour_share » dans le lot");
}

TEST_CASE("resolve: a mistake in parameters is not reported again as a missing parameter") {
  const char* text = R"(format: clausier/tender/1
id: T
title: x
buyer: {name: V}
nature: works
parameters: {hourly_cots: 30, rate: 0.05}
lots:
  - {id: 1, title: a, clause: execution, amount: 10, trade: painting}
  - {id: 2, title: b, clause: execution, amount: 10, trade: painting, rate: 5}
)";
  LoadResult r = parse_tender(text, "t.yaml");
  CHECK(rules_of(r.diagnostics) == std::vector<std::string>{"schema-unknown-key", "schema-range"});
  Resolution res = resolve(*r.tender, rules::RuleSet::builtin());
  CHECK(res.diagnostics.empty());
}

TEST_CASE("resolve: --set overrides, for every lot or one lot") {
  LoadResult r = parse_tender(minimal, "t.yaml");
  REQUIRE(r.ok());
  std::string error;
  auto rate = parse_override("rate=7%", error);
  auto share = parse_override("lot.1.labour_share=0.6", error);
  REQUIRE(rate);
  REQUIRE(share);
  CHECK(share->lot == "1");
  Resolution res = resolve(*r.tender, rules::RuleSet::builtin(), {*rate, *share});
  REQUIRE(res.ok());
  CHECK(res.lots[0].rate->value == doctest::Approx(0.07));
  CHECK(res.lots[0].rate->source == Source::override_value);
  CHECK(res.lots[0].labour_share->value == 0.6);
  CHECK(res.lots[0].overridden == std::vector<std::string>{"labour_share", "rate"});
  CHECK_FALSE(parse_override("rate", error));
  CHECK_FALSE(parse_override("colour=1", error));
  CHECK_FALSE(parse_override("rate=2", error));
  CHECK_FALSE(parse_override("rounding=sideways", error));
  auto bad_lot = parse_override("lot.9.rate=0.1", error);
  REQUIRE(bad_lot);
  CHECK(rules_of(resolve(*r.tender, rules::RuleSet::builtin(), {*bad_lot}).diagnostics) ==
        std::vector<std::string>{"override-lot"});
}

namespace {

// A tender whose lot 1 (tranches TF firm, TO1 optional), notified on 2026-10-20, has the events `events`.
LoadResult with_events(const std::string& events, const std::string& lot_extra = "") {
  std::string text = "format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\n"
                     "parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.5}\nlots:\n"
                     "  - id: 1\n"
                     "    title: a\n"
                     "    clause: execution\n"
                     "    tranches: [{id: TF, kind: firm, amount: 600}, {id: TO1, kind: optional, amount: 300}]\n"
                     "    start: 2026-11-02\n"
                     "    end: 2027-10-29\n" +
                     lot_extra +
                     "    events:\n" + events;
  return parse_tender(text, "t.yaml");
}
const std::string award = "    award: {contractor: {name: BTP}, notified: 2026-10-20}\n";

}  // namespace

TEST_CASE("tender events: read with their position, in order, each field of its kind") {
  LoadResult r = with_events("      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO1, note: OS 4}\n"
                             "      - {date: 2027-05-15, kind: amendment, tranche: TF, amount: 700}\n"
                             "      - {date: 2027-06-01, kind: amendment, hours: 900}\n"
                             "      - {date: 2027-09-01, kind: end-changed, end: 2028-03-31}\n"
                             "      - {date: 2027-11-15, kind: terminated, executed_amount: 0}\n",
                             award);
  REQUIRE(r.ok());
  const std::vector<Event>& events = r.tender->lots[0].events;
  REQUIRE(events.size() == 5);
  CHECK(events[0].kind.value == EventKind::tranche_exercised);
  CHECK(events[0].pos == Position{16, 9});
  CHECK(events[0].date.value == io::Date(2027, 3, 1));
  CHECK(events[0].tranche->value == "TO1");
  CHECK(events[0].tranche->pos == Position{16, 62});
  CHECK(events[0].note == "OS 4");
  CHECK(events[1].amount->value == 700);
  CHECK(events[2].hours->value == 900);
  CHECK(events[3].end->value == io::Date(2028, 3, 31));
  CHECK(events[4].executed_amount->value == 0);  // nothing executed: allowed
  CHECK(name(events[4].kind.value) == "terminated");
  CHECK(label(events[4].kind.value) == "résiliation");
}

TEST_CASE("tender events: an unknown tranche, at its line and column, with the tranches of the lot") {
  LoadResult r = with_events("      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO2}\n", award);
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.rule == "event-tranche");
  CHECK(d.category == Category::input);
  CHECK(d.pos == Position{16, 62});  // 6 spaces, "- ", then "{date: 2027-03-01, kind: tranche-exercised, tranche: " (53 characters)
  CHECK(d.message == "tranche « TO2 » inconnue du lot « 1 » (ses tranches : TF, TO1)");
  CHECK(d.hint == "vouliez-vous dire « TO1 » ?");
}

TEST_CASE("tender events: each mistake has its rule") {
  auto rules = [](const std::string& events, const std::string& extra = award) {
    return rules_of(with_events(events, extra).diagnostics);
  };
  using V = std::vector<std::string>;
  // Tranches: firm, exercised twice, an amendment of amount without a tranche on a lot with tranches.
  CHECK(rules("      - {date: 2027-03-01, kind: tranche-exercised, tranche: TF}\n") == V{"event-tranche"});
  CHECK(rules("      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO1}\n"
              "      - {date: 2027-04-01, kind: tranche-exercised, tranche: TO1}\n") == V{"event-tranche"});
  CHECK(rules("      - {date: 2027-03-01, kind: amendment, amount: 700}\n") == V{"event-tranche"});
  // Dates: before the notification, out of order, after a termination; a new end before the start.
  CHECK(rules("      - {date: 2026-10-19, kind: tranche-exercised, tranche: TO1}\n") == V{"event-date"});
  CHECK(rules("      - {date: 2027-06-01, kind: end-changed, end: 2027-12-31}\n"
              "      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO1}\n") == V{"event-date"});
  CHECK(rules("      - {date: 2027-06-01, kind: terminated, hours: 100}\n"
              "      - {date: 2027-06-01, kind: end-changed, end: 2027-12-31}\n") == V{"event-date"});
  CHECK(rules("      - {date: 2027-06-01, kind: end-changed, end: 2026-10-30}\n") == V{"event-date"});
  // Fields: one the kind does not take, two that exclude each other, one missing, tranche with hours.
  CHECK(rules("      - {date: 2027-06-01, kind: end-changed, end: 2027-12-31, amount: 5}\n") == V{"event-field"});
  CHECK(rules("      - {date: 2027-06-01, kind: terminated, executed_amount: 5, hours: 3}\n") == V{"event-field"});
  CHECK(rules("      - {date: 2027-06-01, kind: amendment, tranche: TF, hours: 3}\n") == V{"event-field"});
  CHECK(rules("      - {date: 2027-06-01, kind: amendment}\n") == V{"schema-required"});
  CHECK(rules("      - {date: 2027-06-01, kind: tranche-exercised}\n") == V{"schema-required"});
  CHECK(rules("      - {kind: end-changed, end: 2027-12-31, colour: blue}\n") == V{"schema-required", "schema-unknown-key"});
  // The lot: orders without a framework agreement, no award.
  CHECK(rules("      - {date: 2027-06-01, kind: orders, amount: 500}\n") == V{"event-lot"});
  CHECK(rules("      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO1}\n", "") == V{"event-award"});
  CHECK(rules("      []\n", "").empty());  // no event, no award needed
  CHECK(rules("      - {date: 2027-03-01, kind: tranche-exercised, tranche: TO1}\n"
              "      - {date: 2027-03-01, kind: end-changed, end: 2027-12-31}\n").empty());  // same day: in order
}

TEST_CASE("tender events: amounts only where the method computes hours from an amount") {
  auto rules = [](const char* lot) {
    std::string text = std::string("format: clausier/tender/1\nid: T\ntitle: x\nbuyer: {name: V}\nnature: works\n"
                                   "parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.5}\nlots:\n") + lot;
    return rules_of(parse_tender(text, "t.yaml").diagnostics);
  };
  using V = std::vector<std::string>;
  CHECK(rules("  - {id: 1, title: a, clause: execution, method: fixed, hours: 300, award: {notified: 2026-10-20},\n"
              "     events: [{date: 2027-06-01, kind: terminated, executed_amount: 5}]}\n") == V{"event-lot"});
  CHECK(rules("  - {id: 1, title: a, clause: execution, method: fixed, hours: 300, award: {notified: 2026-10-20},\n"
              "     events: [{date: 2027-06-01, kind: terminated, hours: 120}]}\n")
            .empty());
  CHECK(rules("  - {id: 1, title: a, clause: execution, method: cleaning-pact, amount: 480000, months: 48,\n"
              "     award: {notified: 2026-10-20}, events: [{date: 2027-06-01, kind: amendment, amount: 500000}]}\n")
            .empty());
  CHECK(rules("  - {id: 1, title: a, clause: execution, framework: {min: 10, max: 50, basis: min},\n"
              "     award: {notified: 2026-10-20}, events: [{date: 2027-06-01, kind: orders, amount: 30}]}\n")
            .empty());
}

TEST_CASE("tender: the CCAG the contract refers to, by default from the nature") {
  LoadResult works = parse_tender(minimal, "t.yaml");
  REQUIRE(works.ok());
  CHECK_FALSE(works.tender->ccag.has_value());
  CHECK(ccag_of(*works.tender) == Ccag::travaux);
  std::string services = minimal;
  services.replace(services.find("nature: works"), 13, "nature: services");
  CHECK(ccag_of(*parse_tender(services, "t.yaml").tender) == Ccag::fcs);
  services.replace(services.find("nature: services"), 16, "nature: services\nccag: pi");
  LoadResult pi = parse_tender(services, "t.yaml");
  REQUIRE(pi.ok());
  CHECK(ccag_of(*pi.tender) == Ccag::pi);
  CHECK(pi.tender->ccag->pos == Position{6, 7});
  std::string wrong = minimal;
  wrong.replace(wrong.find("nature: works"), 13, "nature: works\nccag: fsc");
  LoadResult bad = parse_tender(wrong, "t.yaml");
  REQUIRE(rules_of(bad.diagnostics) == std::vector<std::string>{"schema-enum"});
  CHECK(bad.diagnostics[0].message.find("« fsc »") != std::string::npos);
}

TEST_CASE("tender: a derogation is a text, or the article's case with its reason") {
  std::string text = std::string(minimal) +
                     "  - { id: 2, title: Ascenseurs, amount: 300000, clause: none, derogation: Sur catalogue }\n"
                     "  - id: 3\n    title: Mobilier\n    amount: 90000\n    clause: none\n"
                     "    derogation: { ground: ready-made-solution, reason: Mobilier de catalogue }\n";
  LoadResult r = parse_tender(text, "t.yaml");
  REQUIRE(r.ok());
  const Lot& free = r.tender->lots[1];
  CHECK(free.derogation->value == "Sur catalogue");
  CHECK_FALSE(free.derogation_ground.has_value());
  const Lot& typed = r.tender->lots[2];
  CHECK(typed.derogation_ground->value == "ready-made-solution");
  CHECK(typed.derogation->value == "Mobilier de catalogue");
  CHECK(typed.derogation->pos == Position{14, 56});
  // The reason is required with a case: the consultation file must justify it.
  std::string no_reason = std::string(minimal) +
                          "  - { id: 2, title: b, amount: 5, clause: none, derogation: { ground: insufficient-link } }\n";
  LoadResult missing = parse_tender(no_reason, "t.yaml");
  REQUIRE(rules_of(missing.diagnostics) == std::vector<std::string>{"schema-required"});
  CHECK(missing.diagnostics[0].message ==
        "champ obligatoire « reason » manquant dans derogation ; valeur attendue : la justification de la dérogation, "
        "pour le dossier de consultation");
}

TEST_CASE("resolve: a derogation's case must be one of the table's") {
  std::string text = std::string(minimal) +
                     "  - { id: 2, title: b, amount: 5, clause: none, derogation: { ground: no-link, reason: r } }\n";
  LoadResult r = parse_tender(text, "t.yaml");
  REQUIRE(r.ok());
  Resolution res = resolve(*r.tender, rules::RuleSet::builtin());
  REQUIRE(rules_of(res.diagnostics) == std::vector<std::string>{"derogation-ground-unknown"});
  CHECK(res.diagnostics[0].category == Category::input);
  CHECK(res.diagnostics[0].pos == Position{9, 71});
  CHECK(res.diagnostics[0].message ==
        "cas de dérogation « no-link » inconnu ; cas prévus : ready-made-solution, insufficient-link, "
        "restricts-competition, execution-difficulty");
}

TEST_CASE("tender: - names standard input, which can be read only once") {
  CHECK(tender_path("-") == "<stdin>");
  CHECK(tender_path("./-") == "./-");  // a file really named "-" is reached through a path
  CHECK(stdin_usage_error({"-", "a.yaml"}).empty());
  CHECK(stdin_usage_error({"a.yaml", "b.yaml"}).empty());
  CHECK(stdin_usage_error({"-", "a.yaml", "-"}) ==
        "« - » (l'entrée standard) ne se lit qu'une fois : donnez-le une seule fois");
}

// Issue 17: 10^13 € (ten thousand billion) is far above any public contract and well below where a
// double stops holding cents; a larger amount is a typing slip, refused with the bound in the message.
TEST_CASE("tender: amounts are bounded to 10^13 €") {
  auto with_amount = [](std::string_view amount) {
    std::string text = minimal;
    text.replace(text.find("amount: 1000000"), 15, "amount: " + std::string(amount));
    return parse_tender(text, "t.yaml");
  };
  CHECK(with_amount("10000000000000").ok());
  LoadResult r = with_amount("10000000000000.5");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "schema-range");
  CHECK(r.diagnostics[0].message ==
        "« amount » doit être un nombre strictement positif, au plus 10\u202F000\u202F000\u202F000\u202F000\u202F€ : "
        "10000000000000.5 est hors limites");
  CHECK(rules_of(with_amount("1e300").diagnostics) == std::vector<std::string>{"schema-range"});

  std::string tranches = minimal;
  tranches.replace(tranches.find("amount: 1000000"), 15,
                   "tranches: [{id: TF, kind: firm, amount: 999999999999999}]");
  CHECK(rules_of(parse_tender(tranches, "t.yaml").diagnostics) == std::vector<std::string>{"schema-range"});
}
