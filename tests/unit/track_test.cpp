#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "clausier/core/source.hpp"
#include "clausier/io/json.hpp"

#include "clausier/tender/load.hpp"
#include "clausier/track/group_by.hpp"
#include "clausier/track/key_set.hpp"
#include "clausier/track/render.hpp"
#include "clausier/track/status.hpp"
#include "printers.hpp"
#include "zip_files.hpp"

using namespace clausier;
using namespace clausier::track;

TEST_CASE("privacy: personal data is recognised and never a pseudonym") {
  CHECK(personal_data_reason("P-0001").empty());
  CHECK(personal_data_reason("CARC-17").empty());
  CHECK(personal_data_reason("jean.dupont@example.org") == "ressemble à une adresse e-mail");
  CHECK(personal_data_reason("06 12 34 56 78") == "ressemble à un numéro de téléphone");
  CHECK(personal_data_reason("0612345678") == "ressemble à un numéro de téléphone");
  CHECK(personal_data_reason("+33 6 12 34 56 78") == "ressemble à un numéro de téléphone");
  // NIR 1 85 05 78 006 084, key 97 − (1850578006084 mod 97) = 91.
  CHECK(personal_data_reason("185057800608491") == "ressemble à un numéro de sécurité sociale");
  CHECK(personal_data_reason("1 85 05 78 006 084 91") == "ressemble à un numéro de sécurité sociale");
  // A wrong key is a typing slip in a NIR, not a pseudonym: still refused (issue 17).
  CHECK(personal_data_reason("185057800608492") == "ressemble à un numéro de sécurité sociale");
  // Corsica: 2A is read as 19 and 1 000 000 subtracted: 2 90 01 2A 004 001 → key 97 − (2900119004001 − 1000000) mod 97 = 40.
  CHECK(personal_data_reason("290012A00400140") == "ressemble à un numéro de sécurité sociale");
  CHECK(personal_data_reason("Dupont") == "ne contient aucun chiffre : ressemble à un nom");
  CHECK(personal_data_reason("Jean-Dupont") == "ne contient aucun chiffre : ressemble à un nom");
}

// Issue 17: the common ways of writing a phone number, a NIR, an e-mail or a name are all refused, and
// real pseudonyms still pass. Each value below is checked one way or the other.
TEST_CASE("privacy: the common variants of personal data are refused") {
  const std::vector<std::string> phones = {
      "06 12 34 56 78",     "06.12.34.56.78",      "06-12-34-56-78",    "06/12/34/56/78",   "0612345678",
      "0 6 12 34 56 78",    "01 44 55 66 77",      "09.70.12.34.56",    "+33 6 12 34 56 78", "+33612345678",
      "+33 (0)6 12 34 56 78", "+33 06 12 34 56 78", "0033 6 12 34 56 78", "0033612345678",   "+33.6.12.34.56.78",
      "+262 692 12 34 56",  "0692 12 34 56",       "+590 690 12 34 56", "+594 694 12 34 56", "+596 696 12 34 56",
      "+269 639 12 34 56",  "+687 75 12 34",       "+689 87 12 34 56",  "+508 55 12 34",    "+32 470 12 34 56",
      "tel-0612345678",     "P-06 12 34 56 78",    "06\u00A012\u00A034\u00A056\u00A078"};
  for (const auto& v : phones) {
    CAPTURE(v);
    CHECK(personal_data_reason(v) == "ressemble à un numéro de téléphone");
  }
  // NIR 1 85 05 78 006 084, key 91; 2 90 01 2A 004 001, key 40; 2B is read as 18 and 2 000 000 subtracted.
  const std::vector<std::string> nirs = {"1 85 05 78 006 084 91", "1.85.05.78.006.084.91", "1-85-05-78-006-084-91",
                                         "185057800608491",      "1850578006084",         "1 85 05 78 006 084",
                                         "2 90 01 2A 004 001 40", "290012a00400140",       "2 90 01 2B 004 001",
                                         "NIR-185057800608491",  "7 85 05 99 123 456 12", "185057800608492"};
  for (const auto& v : nirs) {
    CAPTURE(v);
    CHECK(personal_data_reason(v) == "ressemble à un numéro de sécurité sociale");
  }
  const std::vector<std::string> emails = {"jean.dupont@example.org", "jean+clauses@mairie.paris",
                                           "j.dupont@exemple.museum", "x@y",
                                           "jean.dupont(at)example.org", "jean [at] example.fr",
                                           "jean\uFF20example.org",      "P-0001@agence"};
  for (const auto& v : emails) {
    CAPTURE(v);
    CHECK(personal_data_reason(v) == "ressemble à une adresse e-mail");
  }
  const std::vector<std::string> names = {"Jean-Pierre",   "N'Diaye",      "Éloïse Martin-Dubois", "DUPONT Jean",
                                          "Jean Dupont 1", "Dupont1",      "Martin-7",             "N'Diaye 2",
                                          "O\u2019Brien 4", "Zoé 3",        "jean dupont 12",       "Éloïse2",
                                          "Anne-Marie-75", "MARTIN Paul2", "de la Tour 3",         "Jean_Dupont_1"};
  for (const auto& v : names) {
    CAPTURE(v);
    CHECK(personal_data_reason(v).ends_with("ressemble à un nom"));
  }
}

TEST_CASE("privacy: real pseudonyms pass") {
  for (const char* v : {"P-0001", "R-12", "AB12", "anon-7", "CARC-17", "PLIE-2026-0042", "P.12", "p_0003", "X1",
                        "2026-001", "OP12-P07", "BENEF-0042", "T2-P001", "a1b2c3", "000123", "12345678", "P-185057",
                        "ref-2027-05-12", "ANRU-3", "lot1-p3", "P0612"}) {
    CAPTURE(v);
    CHECK(personal_data_reason(v).empty());
  }
}

// Issue 17: the line of a refused ref was quoted by the participant's other errors.
TEST_CASE("privacy: no diagnostic of a participant with a refused ref shows its line") {
  const char* yaml = "format: clausier/participants/1\nparticipants:\n"
                     "  - ref: jean.dupont@example.org\n"
                     "    sex: Q\n"
                     "    criteria: [rsa]\n"
                     "    validated_on: 2027-01-01\n"
                     "  - { ref: 'Jean\n      Dupont 2', sex: F, criteria: [rsa], validated_on: 2027-01-01 }\n"
                     "  - { ref: P-0003, sex: F, birth_year: 1990, criteria: [rsa], validated_on: 2027-13-01 }\n";
  const char* csv = "ref;sex;birth_year;criteria;validated_on\n"
                    "jean.dupont@example.org;Q;1990;rsa;2027-01-01\n"
                    "\"Jean\nDupont 3\";F;19x0;rsa;2027-01-01\n"
                    "P-0003;F;1990;rsa;2027-13-01\n";
  for (auto [text, path] : {std::pair{yaml, "p.yaml"}, std::pair{csv, "p.csv"}}) {
    CAPTURE(path);
    ParticipantsResult r = parse_participants(text, path, rules::RuleSet::builtin());
    SourceText source(path, text);
    std::string shown;
    int hidden = 0;
    for (const Diagnostic& d : r.diagnostics) {
      shown += render_diagnostic(d, &source);
      hidden += d.hide_line ? 1 : 0;
    }
    CAPTURE(shown);
    CHECK(shown.find("dupont") == std::string::npos);
    CHECK(shown.find("Dupont") == std::string::npos);
    CHECK(hidden >= 4);                                   // the two refusals and the errors beside them
    CHECK(shown.find("2027-13-01") != std::string::npos);  // the clean participant's line is still shown
    CHECK(r.participants.list.empty());
  }
}

// A file in JSON style holds every participant on one line: the refused ref's line stays hidden for the
// errors of the participants after it on that line, whose excerpt would show it.
TEST_CASE("privacy: participants on the refused one's line do not show that line") {
  const char* yaml = "{\"format\": \"clausier/participants/1\", \"participants\": ["
                     "{\"ref\": \"jean.dupont@example.org\", \"sex\": \"Q\", \"criteria\": [\"rsa\"]}, "
                     "{\"ref\": \"P-0002\", \"sex\": \"F\", \"birth_year\": 1990, \"criteria\": [\"rsa\"], "
                     "\"validated_on\": \"2027-13-01\"}]}\n";
  ParticipantsResult r = parse_participants(yaml, "p.yaml", rules::RuleSet::builtin());
  SourceText source("p.yaml", yaml);
  std::string shown;
  for (const Diagnostic& d : r.diagnostics) {
    CHECK(d.hide_line);
    shown += render_diagnostic(d, &source);
  }
  CAPTURE(shown);
  CHECK(r.diagnostics.size() >= 3);  // the refused ref, its sex, the next participant's date
  CHECK(shown.find("dupont") == std::string::npos);
  CHECK(shown.find("2027-13-01") != std::string::npos);  // in the message, not the excerpt
}

// An empty participants.yaml was read as "no participant yet", silently: every hour then counted nothing.
TEST_CASE("participants: an empty YAML file, or one of comments only, is refused") {
  for (const char* text : {"", "\n\n", "# rien encore\n"}) {
    CAPTURE(text);
    ParticipantsResult r = parse_participants(text, "p.yaml", rules::RuleSet::builtin());
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.rule == "schema-required");
    CHECK(d.severity == Severity::error);
    CHECK(d.path == "p.yaml");
    CHECK(d.message == "le fichier est vide : une liste de participants attendue");
    CHECK(r.participants.list.empty());
  }
}

TEST_CASE("privacy: the YAML parser's refusals in participants.yaml do not show their line") {
  for (const char* yaml : {"participants:\n  - ref: Dupont: Jean\n", "participants:\n  - ref: \"Jean Dupont\n",
                           "participants:\n  - ref: P-0001\n    ref: Jean Dupont\n"}) {
    CAPTURE(yaml);
    ParticipantsResult r = parse_participants(yaml, "p.yaml", rules::RuleSet::builtin());
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                      [](const Diagnostic& d) { return d.rule.starts_with("yaml-"); }));
    SourceText source("p.yaml", yaml);
    for (const Diagnostic& d : r.diagnostics) CHECK(render_diagnostic(d, &source).find("Dupont") == std::string::npos);
  }
}

TEST_CASE("privacy: a participants.yaml not in UTF-8 is refused without showing the line") {
  const char* yaml = "format: clausier/participants/1\nparticipants:\n  - ref: Zo\xE9 Martin\n    sex: F\n";
  ParticipantsResult r = parse_participants(yaml, "p.yaml", rules::RuleSet::builtin());
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.rule == "encoding");
  CHECK(d.pos == Position{3, 12});
  CHECK(d.hide_line);
  SourceText source("p.yaml", yaml);
  CHECK(render_diagnostic(d, &source).find("Martin") == std::string::npos);
}

// A ref that is not an identifier may be anything a person typed: it is refused without being quoted.
TEST_CASE("privacy: a ref that is not an identifier is not quoted back") {
  const char* csv = "ref;sex;birth_year;criteria;validated_on\nP 0001 bis;F;1990;rsa;2027-01-01\n";
  ParticipantsResult r = parse_participants(csv, "p.csv", rules::RuleSet::builtin());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("bis") == std::string::npos);
  CHECK(r.diagnostics[0].hide_line);
}

TEST_CASE("participants: refused refs are reported without repeating them") {
  const char* text = "format: clausier/participants/1\nparticipants:\n"
                     "  - { ref: jean.dupont@example.org, sex: M, birth_year: 1980, criteria: [rsa], validated_on: 2027-01-01 }\n"
                     "  - { ref: P-0002, sex: F, birth_year: 2005, criteria: [young, qpv], validated_on: 2027-02-01 }\n"
                     "  - { ref: P-0003, sex: F, birth_year: 1999, criteria: [other-validated], validated_on: 2027-02-01 }\n"
                     "  - { ref: P-0002, sex: F, birth_year: 1999, criteria: [rsa], validated_on: 2027-02-01 }\n";
  ParticipantsResult r = parse_participants(text, "p.yaml", rules::RuleSet::builtin());
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].rule == "personal-data");
  CHECK(r.diagnostics[0].message.find("dupont") == std::string::npos);
  CHECK(r.diagnostics[1].rule == "schema-required");  // other-validated needs a note
  CHECK(r.diagnostics[2].rule == "participant-duplicate");
  CHECK(r.participants.find("P-0002") != nullptr);
  CHECK(r.participants.find("P-0003") == nullptr);
}

TEST_CASE("participants: a text names the participant written so, else the one written without case; the first of two") {
  Participants p;
  p.list = {Participant{"R-001"}, Participant{"r-002"}, Participant{"R-002"}, Participant{"R-001"}, Participant{"P-7"}};
  p.list[3].note = "second";
  CHECK(p.find("R-001") == &p.list[0]);  // the first of two descriptions
  CHECK(p.find("r-001") == &p.list[0]);  // without case
  CHECK(p.find("r-002") == &p.list[1]);  // written so, though R-002 also matches without case
  CHECK(p.find("R-002") == &p.list[2]);
  CHECK(p.find("p-7") == &p.list[4]);
  CHECK(p.find("P-8") == nullptr);
  CHECK(p.find("") == nullptr);
  // The same, every text of the statements at once, the participants read in their order.
  TextTable texts;
  for (std::string_view t : {"p-7", "R-001", "Q-1", "r-002", "r-001", "R-002"}) texts.intern(t);
  CHECK(people_of(texts, p) == std::vector<const Participant*>{&p.list[4], &p.list[0], nullptr, &p.list[1], &p.list[0],
                                                              &p.list[2]});
  std::vector<bool> without_case;
  people_of(texts, p, &without_case);
  CHECK(without_case == std::vector<bool>{true, false, false, false, true, false});  // p-7, r-001
  p.list.push_back(Participant{"Q-1"});  // the list grew: looked up again
  CHECK(p.find("q-1") == &p.list[5]);
}

TEST_CASE("participants: ages checked at validation, dates in order, unknown CSV columns refused") {
  const char* text = "format: clausier/participants/1\nparticipants:\n"
                     "  - { ref: P-1, sex: F, birth_year: 1960, criteria: [young], validated_on: 2027-01-01 }\n"
                     "  - { ref: P-2, sex: F, birth_year: 2001, criteria: [young], validated_on: 2027-01-01 }\n"
                     "  - { ref: P-3, sex: M, birth_year: 1990, criteria: [senior], validated_on: 2027-01-01 }\n"
                     "  - { ref: P-4, sex: M, birth_year: 1977, criteria: [senior], validated_on: 2027-01-01,\n"
                     "      exit: { date: 2026-12-01, situation: cdi } }\n";
  ParticipantsResult r = parse_participants(text, "p.yaml", rules::RuleSet::builtin());
  std::vector<std::string> rules;
  for (const auto& d : r.diagnostics) rules.push_back(d.rule);
  // P-1: 67 at validation; P-2: 26 in 2027, no longer under 26; P-3: 37; P-4: 50, but leaves before validation.
  CHECK(rules == std::vector<std::string>{"participant-criterion", "participant-criterion", "participant-criterion",
                                          "participant-dates"});
  auto csv = parse_participants("ref;nom;sex;birth_year;criteria;validated_on\nP-1;Dupont;F;1990;rsa;2027-01-01\n", "p.csv",
                                rules::RuleSet::builtin());
  REQUIRE(csv.diagnostics.size() == 1);
  CHECK(csv.diagnostics[0].rule == "schema-unknown-key");
  CHECK(csv.participants.list.empty());
}

TEST_CASE("participants: the CSV form") {
  const char* text = "ref;sex;birth_year;criteria;validated_on;education_level;exit_date;exit_situation;"
                     "follow_up_date;follow_up_situation\r\n"
                     "P-0001;F;1990;deld|qpv;2027-01-15;3;2027-06-30;cdd-6m-plus;2027-12-31;cdi\r\n";
  ParticipantsResult r = parse_participants(text, "p.csv", rules::RuleSet::builtin());
  CHECK(r.diagnostics.empty());
  REQUIRE(r.participants.list.size() == 1);
  const Participant& p = r.participants.list[0];
  CHECK(p.criteria == std::vector<std::string>{"deld", "qpv"});
  CHECK(p.exit->category == "durable");
  CHECK(p.follow_up->code == "cdi");
  CHECK(*p.education_level == 3);
}

namespace {

struct Fixture {
  tender::LoadResult loaded;
  hours::TenderResult result;
  Participants people;
  Fixture() {
    loaded = tender::parse_tender(R"(format: clausier/tender/1
id: T
title: x
buyer: {name: V}
nature: works
parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.5}
penalties: {per_missing_hour: 60, cap_share: 0.001}
counting: {eligibility_validity_months: 24, tolerance: 0.1}
lots:
  - {id: 1, title: a, amount: 1000000, clause: execution, start: 2027-01-04, end: 2027-12-31,
     award: {notified: 2026-12-01}}
  - {id: 2, title: b, amount: 10000, clause: none}
  - {id: 4, title: d, amount: 500000, clause: execution, start: 2027-01-04, end: 2027-12-31}
)",
                                  "t.yaml");
    REQUIRE(loaded.ok());
    tender::Resolution res = tender::resolve(*loaded.tender, rules::RuleSet::builtin());
    result = hours::compute(*loaded.tender, res);
    people = parse_participants("format: clausier/participants/1\nparticipants:\n"
                                "  - { ref: P-1, sex: F, birth_year: 1990, criteria: [rsa], validated_on: 2027-02-10 }\n",
                                "p.yaml", rules::RuleSet::builtin())
                 .participants;
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "counting: every reason a row counts nothing, and training hours by contract") {
  Statements f;
  Diagnostics diags = read_statements("lot;participant;month;route;contract;employer;work_hours;training_hours\n"
                                      "1;P-1;2027-02;direct;professionalisation;E;100;20\n"  // 2: 100 + 20
                                      "1;P-1;2027-03;direct;cdd;E;50;10\n"                    // 3: 50 (training does not count)
                                      "1;P-1;2027-03;direct;cdd;E;50;10\n"                    // 4: duplicate
                                      "1;P-1;2027-03;etti;interim;E;5;0\n"                    // 5: another route, counts
                                      "1;P-1;2027-01;direct;cdd;E;7;0\n"                      // 6: before validation (2027-02)
                                      "1;P-1;2029-03;direct;cdd;E;7;0\n"                      // 7: after validity (2027-02 + 24 = 2029-02)
                                      "2;P-1;2027-03;direct;cdd;E;7;0\n"                      // 8: lot without clause
                                      "3;P-1;2027-03;direct;cdd;E;7;0\n"                      // 9: unknown lot
                                      "1;P-2;2027-03;direct;cdd;E;7;0\n"                      // 10: unknown participant
                                      "1;P-1;2028-01;direct;cdd;E;7;0\n"                      // 11: outside execution
                                      "1;P-1;2030-01;direct;cdd;E;7;0\n"                      // 12: after as-of (2029-12)
                                      "1;P-1;2027-13;direct;cdd;E;7;0\n"                      // 13: unreadable
                                      "4;P-1;2027-03;direct;cdd;E;7;0\n",                     // 14: lot not awarded
                                      "s.csv", f);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "statement-row");
  REQUIRE(f.unreadable.size() == 1);
  CHECK(f.unreadable[0].line == 13);
  CHECK(f.unreadable[0].detail == "mois « 2027-13 » invalide (attendu 2027-04, 04/2027, avril 2027 ou une date)");
  CHECK(f.unreadable[0].hours == 7);
  // Each distinct text once: one lot text per lot named, one participant text per ref, one employer.
  CHECK(f.lots.size() == 4);
  CHECK(f.participants.size() == 2);
  CHECK(f.employers.size() == 1);
  CHECK(f.rows.size() == 12);
  Count c = count_rows(result, people, f, Date(2029, 12, 31));
  REQUIRE(c.counted.size() == 3);
  CHECK(c.hours(f.rows[c.counted[0]]) == 120);
  CHECK(c.hours(f.rows[c.counted[1]]) == 50);
  CHECK(c.hours(f.rows[c.counted[2]]) == 5);
  std::vector<std::tuple<int, std::string, std::string>> refused;
  for (const auto& n : c.not_counted) refused.emplace_back(c.line(n), name(n.reason), c.detail(n));
  using R = std::tuple<int, std::string, std::string>;
  CHECK(refused == std::vector<R>{
                       {4, "duplicate", "déjà déclaré pour ce lot, ce participant, ce mois et cette modalité (même fichier, ligne 3)"},
                       {6, "before-validation", "mois 2027-01 antérieur à la validation de l'éligibilité (2027-02)"},
                       {7, "after-validity", "mois 2029-03 au-delà de la validité de l'éligibilité (24 mois après 2027-02)"},
                       {8, "lot-without-clause", "le lot « 2 » n'a pas de clause"},
                       {9, "unknown-lot", "lot « 3 » inconnu de la consultation"},
                       {10, "unknown-participant", "participant « P-2 » absent du fichier des participants"},
                       {11, "outside-execution", "mois 2028-01 hors de la période d'exécution du lot (2027-01 à 2027-12)"},
                       {12, "after-as-of", "mois 2030-01 postérieur à la date du suivi"},
                       {14, "lot-not-awarded", "le lot « 4 » n'est pas attribué (pas de « award » dans tender.yaml)"}});
  for (const auto& n : c.not_counted) {
    CHECK(c.file(n) == "s.csv");
    CHECK(c.declared_hours(n) == (c.line(n) == 4 ? 60 : 7));
    // An explanation written into JSON without escaping is one nlohmann would not escape either.
    if (Count::plain_detail(n.reason)) CHECK(nlohmann::json(c.detail(n)).dump() == "\"" + c.detail(n) + "\"");
  }
  CHECK(std::count_if(c.not_counted.begin(), c.not_counted.end(), [](const NotCounted& n) { return Count::plain_detail(n.reason); }) == 4);
  CHECK(c.lot(c.not_counted[4]) == "3");
  CHECK(c.tender_lot(c.not_counted[4]) == Count::no_lot);
  CHECK(c.tender_lot(c.not_counted[3]) == 1);
  // Lot 1 is notified on 2026-12-01: on 2026-11-30 it is not awarded yet, and its rows count nothing.
  Count early = count_rows(result, people, f, Date(2026, 11, 30));
  CHECK(early.counted.empty());
}

TEST_CASE_FIXTURE(Fixture, "counting: a duplicate in another file names it; lot 01 is lot 1; a row is a row once") {
  Statements f;
  CHECK(read_statements("lot;participant;month;route;contract;work_hours\n1;P-1;2027-03;direct;cdd;7\n", "a.csv", f).empty());
  CHECK(read_statements("lot;participant;month;route;contract;work_hours\n"
                        "01;P-1;2027-03;DIRECT;cdd;8\n"  // the same lot, person, month and route as a.csv line 2
                        "01;P-1;2027-04;direct;CDD;9\n",
                        "b.csv", f)
            .empty());
  CHECK(f.files == std::vector<std::string>{"a.csv", "b.csv"});
  REQUIRE(f.rows.size() == 3);
  CHECK(f.rows[1].file == 1);
  CHECK(f.rows[1].route == Route::direct);
  CHECK(f.rows[2].contract == Contract::cdd);
  CHECK(f.rows[2].month == Month{2027, 4}.index());
  Count c = count_rows(result, people, f, Date(2029, 12, 31));
  CHECK(c.counted == std::vector<std::uint32_t>{0, 2});
  REQUIRE(c.not_counted.size() == 1);
  CHECK(c.not_counted[0].first == 0);
  CHECK(c.file(c.not_counted[0]) == "b.csv");
  CHECK(c.detail(c.not_counted[0]) == "déjà déclaré pour ce lot, ce participant, ce mois et cette modalité (a.csv ligne 2)");
}

TEST_CASE_FIXTURE(Fixture, "counting: duplicates among thousands of people are those a set of every key finds") {
  // 3 000 people: the rows are grouped by person in two passes (group_by_key past 1 024 keys).
  std::string yaml = "format: clausier/participants/1\nparticipants:\n";
  for (int p = 0; p < 3000; ++p)
    yaml += fmt::format("  - {{ ref: P-{}, sex: F, birth_year: 1990, criteria: [rsa], validated_on: 2027-01-10 }}\n", p);
  Participants many = parse_participants(yaml, "p.yaml", rules::RuleSet::builtin()).participants;
  REQUIRE(many.list.size() == 3000);
  std::string csv = "lot;participant;month;route;contract;work_hours\n";
  std::uint32_t seed = 12345;
  auto next = [&](std::uint32_t n) { return (seed = seed * 1103515245u + 12345u) / 65536 % n; };
  for (int i = 0; i < 40000; ++i)
    csv += fmt::format("{};P-{};2027-{:02};{};cdd;1\n", next(2) == 0 ? "1" : "01", next(3000), 1 + next(3),
                       next(2) == 0 ? "direct" : "etti");
  Statements f;
  REQUIRE(read_statements(csv, "s.csv", f).empty());
  Count c = count_rows(result, many, f, Date(2029, 12, 31));
  // The reference: a map of every key, in row order; the first row of a key counts.
  std::map<std::tuple<TextId, int, Route>, std::uint32_t> first;
  std::vector<std::uint32_t> counted;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;
  for (std::uint32_t i = 0; i < f.rows.size(); ++i) {
    auto [it, added] = first.try_emplace({f.rows[i].participant, f.rows[i].month, f.rows[i].route}, i);
    if (added) counted.push_back(i);
    else repeats.emplace_back(i, it->second);
  }
  REQUIRE(repeats.size() > 1000);
  CHECK(c.counted == counted);
  REQUIRE(c.not_counted.size() == repeats.size());
  for (std::size_t k = 0; k < repeats.size(); ++k) {
    CHECK(c.not_counted[k].reason == Reason::duplicate);
    CHECK(c.not_counted[k].row == repeats[k].first);
    CHECK(c.not_counted[k].first == repeats[k].second);
  }
}

TEST_CASE_FIXTURE(Fixture, "tracking: a participant's lots as written, in the order first met, past five of them") {
  Statements f;
  std::string csv = "lot;participant;month;route;contract;work_hours\n";
  const std::vector<std::string> written = {"01", "1", "001", "0001", "00001", "000001", "0000001"};  // all lot 1
  for (int round = 0; round < 2; ++round)
    for (std::size_t k = 0; k < written.size(); ++k)
      csv += fmt::format("{};P-1;2027-{:02};{};cdd;1\n", written[(k * 3 + round) % written.size()], 2 + k,
                         round == 0 ? "direct" : "etti");
  REQUIRE(read_statements(csv, "s.csv", f).empty());
  Tracking t = track::track(result, people, f, TrackOptions{io::Date(2027, 12, 31), {}});
  REQUIRE(t.participants.size() == 1);
  CHECK(t.participants[0].counted_hours == 14);
  CHECK(t.participants[0].lots == std::vector<std::string>{"01", "0001", "0000001", "001", "000001", "1", "00001"});
  CHECK(t.lots[0].participants == 1);
}

TEST_CASE("group by key: each key's items together, in their order, in one pass or two") {
  for (std::uint32_t keys : {1u, 7u, 1024u, 1025u, 3000u, 70000u}) {
    CAPTURE(keys);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> items;  // (key, position in the input)
    std::uint32_t seed = 7;
    for (std::uint32_t i = 0; i < 50000; ++i) items.emplace_back((seed = seed * 1664525u + 1013904223u) % keys, i);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = items;
    std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::uint32_t> start = group_by_key(items, keys, [](const auto& item) { return item.first; });
    CHECK(items == expected);
    REQUIRE(start.size() == keys + 1);
    CHECK(start.front() == 0);
    CHECK(start.back() == items.size());
    for (std::uint32_t k = 0; k < keys; k += 1 + keys / 50)
      for (std::uint32_t i = start[k]; i < start[k + 1]; ++i) CHECK(items[i].first == k);
  }
  std::vector<int> none;
  CHECK(group_by_key(none, 0, [](int) { return 0u; }) == std::vector<std::uint32_t>{0});
}

TEST_CASE("statements: personal data in the participant column is refused, never stored, never repeated") {
  Statements f;
  Diagnostics d = read_statements("lot;participant;month;route;contract;work_hours\n"
                                  "1;jean.dupont@example.org;2027-03;direct;cdd;7\n"
                                  "1;P-1;2027-03;direct;cdd;7\n",
                                  "s.csv", f);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "personal-data");
  CHECK(d[0].message.find("dupont") == std::string::npos);
  REQUIRE(f.unreadable.size() == 1);
  CHECK(f.unreadable[0].reason == Reason::personal_data);
  CHECK(f.unreadable[0].detail == "participant qui ressemble à une adresse e-mail");
  CHECK(f.unreadable[0].hours == 0);
  CHECK(f.participants.size() == 1);
  CHECK_FALSE(f.participants.find("jean.dupont@example.org"));
}

TEST_CASE("statements: a formula never calculated is refused, never read as 0 hours") {
  // A workbook written by a script: the training hours are a formula with no result stored in the file.
  auto text = [](char column, int row, const char* value) {
    return fmt::format(R"(<c r="{}{}" t="inlineStr"><is><t>{}</t></is></c>)", column, row, value);
  };
  std::string sheet = R"(<row r="1">)";
  const char* const header[] = {"lot", "participant", "mois", "modalite", "contrat", "employeur", "heures_travail",
                                "heures_formation"};
  for (int i = 0; i < 8; ++i) sheet += text(static_cast<char>('A' + i), 1, header[i]);
  sheet += R"(</row><row r="2">)";
  const char* const values[] = {"1", "P-0001", "2027-04", "direct", "cdi", "Net Sport"};
  for (int i = 0; i < 6; ++i) sheet += text(static_cast<char>('A' + i), 2, values[i]);
  sheet += R"(<c r="G2"><v>35</v></c><c r="H2"><f>G2*0.2</f></c></row>)";
  Statements f;
  const Diagnostics d = read_statements(test::make_xlsx(sheet), "etat.xlsx", f);
  CHECK(f.rows.empty());
  CHECK(f.unreadable.size() == 1);
  REQUIRE(d.size() == 1);
  CHECK(render_diagnostic(d[0], nullptr).starts_with(
      "etat.xlsx:Feuil1!H2: error: ligne illisible : heures de formation : formule sans résultat enregistré "
      "(fichier jamais recalculé) [statement-row]"));
}

TEST_CASE("statements: a file the reader cannot read to its end counts nothing, and says so") {
  // Another file already read keeps its rows.
  Statements f;
  CHECK(read_statements("lot;participant;month;route;contract;work_hours\n1;P-1;2027-03;direct;cdd;7\n", "a.csv", f).empty());
  REQUIRE(f.rows.size() == 1);
  // A workbook with a row past Excel's last (1 048 576): refused, and its rows before that one with it.
  auto row = [](int n, const char* ref, const char* hours) {
    std::string out = fmt::format(R"(<row r="{}">)", n);
    const char* const values[] = {"1", ref, "2027-04", "direct", "cdi", hours};
    for (int i = 0; i < 6; ++i)
      out += fmt::format(R"(<c r="{}{}" t="inlineStr"><is><t>{}</t></is></c>)", static_cast<char>('A' + i), n, values[i]);
    return out + "</row>";
  };
  std::string sheet = R"(<row r="1">)";
  const char* const header[] = {"lot", "participant", "mois", "modalite", "contrat", "heures_travail"};
  for (int i = 0; i < 6; ++i)
    sheet += fmt::format(R"(<c r="{}1" t="inlineStr"><is><t>{}</t></is></c>)", static_cast<char>('A' + i), header[i]);
  sheet += "</row>" + row(2, "P-2", "7") + row(3, "P-3", "9999") + row(1048577, "P-4", "7");
  Diagnostics d = read_statements(test::make_xlsx(sheet), "etat.xlsx", f);
  CHECK(f.rows.size() == 1);  // a.csv's
  CHECK(f.unreadable.empty());
  sort_diagnostics(d);
  std::string shown;
  for (const Diagnostic& x : d) shown += render_diagnostic(x, nullptr);
  CHECK(shown ==
        "etat.xlsx:Feuil1!F3: error: ligne illisible : 9\u202F999\u202Fheures en avril 2027 : au plus 205,71\u202Fheures "
        "pour une personne (48\u202Fheures par semaine, article L. 3121-20 du code du travail) [over-legal-maximum]\n"
        "  aide : vérifiez les heures avec l'entreprise (une virgule oubliée ?)\n"  // not « les autres lignes comptent »
        "etat.xlsx:Feuil1!1048577: error: feuille « Feuil1 » : valeur au-delà de la ligne 1\u202F048\u202F576 : classeur "
        "refusé [sheet-too-large]\n"
        "  aide : aucune ligne de ce fichier ne compte, pas même les 2 lignes lues avant l'erreur ; un classeur ordinaire "
        "reste bien en deçà ; vérifiez d'où vient ce fichier\n");
  // A CSV whose quote is never closed: the rows before it do not count either.
  d = read_statements("lot;participant;month;route;contract;work_hours\n1;P-5;2027-03;direct;cdd;7\n1;\"P-6;2027-03\n",
                      "b.csv", f);
  CHECK(f.rows.size() == 1);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "csv-syntax");
  CHECK(d[0].hint.starts_with("aucune ligne de ce fichier ne compte, pas même la ligne lue avant l'erreur ; fermez"));
  // A file without a header was never read: its error says what it says.
  d = read_statements("", "c.csv", f);
  REQUIRE(d.size() == 1);
  CHECK(d[0].hint.find("aucune ligne") == std::string::npos);
}

TEST_CASE("participants: a file the reader stops in gives no participant, not those read before the error") {
  // Two good rows, then a quote never closed: as for statements, nothing is kept of half a file.
  ParticipantsResult r = parse_participants(
      "ref;sex;birth_year;criteria;validated_on\nP-1;F;1990;rsa;2027-01-05\nP-2;M;1985;rsa;2027-01-05\nP-3;\"F;1990\n",
      "p.csv", rules::RuleSet::builtin());
  CHECK(r.participants.list.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "csv-syntax");
  CHECK(r.diagnostics[0].hint.starts_with("aucun participant de ce fichier n'est retenu, pas même les 2 participants lus avant l'erreur ; "));
  // The same rows, closed: both kept.
  r = parse_participants("ref;sex;birth_year;criteria;validated_on\nP-1;F;1990;rsa;2027-01-05\nP-2;M;1985;rsa;2027-01-05\n",
                         "p.csv", rules::RuleSet::builtin());
  CHECK(r.participants.list.size() == 2);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("participants: a formula never calculated is refused at its cell, never read as absent") {
  const std::string sheet =
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>ref</t></is></c><c r="B1" t="inlineStr"><is><t>sex</t></is></c>)"
      R"(<c r="C1" t="inlineStr"><is><t>birth_year</t></is></c><c r="D1" t="inlineStr"><is><t>criteria</t></is></c>)"
      R"(<c r="E1" t="inlineStr"><is><t>validated_on</t></is></c><c r="F1" t="inlineStr"><is><t>education_level</t></is></c>)"
      R"(</row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>P-0001</t></is></c><c r="B2" t="inlineStr"><is><t>F</t></is></c>)"
      R"(<c r="C2"><v>1990</v></c><c r="D2" t="inlineStr"><is><t>rsa</t></is></c>)"
      R"(<c r="E2" t="inlineStr"><is><t>12/01/2027</t></is></c><c r="F2"><f>1+2</f></c></row>)";
  ParticipantsResult r = parse_participants(test::make_xlsx(sheet), "participants.xlsx", rules::RuleSet::builtin());
  CHECK(r.participants.list.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(render_diagnostic(r.diagnostics[0], nullptr) ==
        "participants.xlsx:Feuil1!F2: error: « education_level » : formule sans résultat enregistré (fichier jamais "
        "recalculé) [schema-format]\n");
}

TEST_CASE("key set: packed keys, the first value kept, growth") {
  KeySet set;
  CHECK(set.insert(42, 7) == std::pair<std::uint32_t, bool>{7, true});
  CHECK(set.insert(42, 8) == std::pair<std::uint32_t, bool>{7, false});
  for (std::uint64_t k = 0; k < 100000; ++k) set.insert(k << 20, static_cast<std::uint32_t>(k));
  CHECK(set.size() == 100001);
  CHECK(set.insert(5000ull << 20, 0) == std::pair<std::uint32_t, bool>{5000, false});
  CHECK(set.contains(99999ull << 20));
  CHECK_FALSE(set.contains(100000ull << 20));
  CHECK_THROWS_AS(set.insert(~std::uint64_t{0}), std::invalid_argument);
  set.reset(10);  // emptied, and its table shrunk: it was far too large for 10 keys
  CHECK(set.size() == 0);
  CHECK_FALSE(set.contains(42));
  CHECK(set.insert(42, 9) == std::pair<std::uint32_t, bool>{9, true});
  for (std::uint64_t k = 0; k < 100; ++k) set.insert(k + 100);
  set.reset(100);  // emptied, its table kept
  CHECK(set.size() == 0);
  CHECK_FALSE(set.contains(150));
  CHECK(set.add(150));
}

TEST_CASE("pair index: the first value of each pair, in a dense table or a key set alike") {
  for (std::size_t limit : {std::size_t{1} << 22, std::size_t{0}}) {
    PairIndex index(4, 1000, limit);
    CHECK(index.dense() == (limit != 0));
    CHECK(index.insert(3, 999, 7) == std::pair<std::uint32_t, bool>{7, true});
    CHECK(index.insert(3, 999, 8) == std::pair<std::uint32_t, bool>{7, false});
    CHECK(index.insert(0, 999, 9) == std::pair<std::uint32_t, bool>{9, true});  // another scope
    CHECK(index.insert(3, 0, 0) == std::pair<std::uint32_t, bool>{0, true});
    for (std::uint32_t id = 0; id < 1000; ++id) index.insert(2, id, id + 100);
    CHECK(index.insert(2, 500, 0) == std::pair<std::uint32_t, bool>{600, false});
  }
}

TEST_CASE("pair set: each pair once, in a dense table of bits or a key set alike") {
  for (std::size_t limit : {std::size_t{1} << 27, std::size_t{0}}) {
    PairSet set(12, 5000, limit);
    CHECK(set.dense() == (limit != 0));
    CHECK(set.add(11, 4999));
    CHECK_FALSE(set.add(11, 4999));
    CHECK(set.add(0, 4999));  // another scope
    CHECK(set.add(11, 0));
    int added = 0;
    for (std::uint32_t scope = 0; scope < 12; ++scope)
      for (std::uint32_t id = 0; id < 5000; id += 7) added += set.add(scope, id) ? 1 : 0;
    CHECK(added == 12 * 715 - 1);  // (11, 0) was there already
  }
}

TEST_CASE("text table: each text once, its id and view stable through growth, the empty text, look-up without interning") {
  TextTable t;
  CHECK_FALSE(t.find(""));
  CHECK(t.intern("") == 0);
  CHECK(t.intern("1") == 1);
  CHECK(t.intern("1") == 1);  // the last text, tried first
  CHECK(t.intern("") == 0);
  std::string_view first = t[1];
  // Refs alike but for one byte, and longer than a word: every one distinct, found again after growth.
  for (int i = 0; i < 50000; ++i) CHECK(t.intern(fmt::format("P-{:05}-entreprise-{}", i, i % 7)) == static_cast<TextId>(i + 2));
  CHECK(t.size() == 50002);
  CHECK(t.find("P-04242-entreprise-0") == TextId{4244});
  CHECK(t[4244] == "P-04242-entreprise-0");
  CHECK_FALSE(t.find("P-04242-entreprise-1"));
  CHECK_FALSE(t.find("P-50000-entreprise-6"));
  CHECK(t.intern("1") == 1);
  CHECK(first.data() == t[1].data());  // a stored text never moves
  CHECK(t.find(std::string_view("1\0", 2)) == std::nullopt);  // bytes, not C strings
}

TEST_CASE("text table: texts of up to 8 bytes are told apart by their slot alone") {
  TextTable t;
  // 7 and 8 bytes (P-00001, P-000001): recognised from the slot's copy of their bytes and their size.
  for (int i = 0; i < 20000; ++i) CHECK(t.intern(fmt::format("P-{:05}", i)) == static_cast<TextId>(i));
  for (int i = 0; i < 20000; ++i) CHECK(t.intern(fmt::format("P-{:06}", i)) == static_cast<TextId>(20000 + i));
  for (int i = 0; i < 20000; i += 997) {
    CHECK(t.find(fmt::format("P-{:05}", i)) == static_cast<TextId>(i));
    CHECK(t.find(fmt::format("P-{:06}", i)) == static_cast<TextId>(20000 + i));
  }
  CHECK_FALSE(t.find("P-20000"));
  t.prefetch("P-00042");  // asked of memory ahead, as a row's participant is
  CHECK(t.find("P-00042") == TextId{42});
  t.prefetch("P-20000");
  CHECK_FALSE(t.find("P-20000"));
  CHECK_FALSE(t.find(std::string_view("P-00001\0", 8)));  // a NUL after: another text (its size differs)
  CHECK(t.intern(std::string_view("P-00001\0", 8)) == 40000);
  CHECK(t.intern(std::string_view("\0", 1)) == 40001);
  CHECK(t.intern("") == 40002);  // the empty text and a NUL byte: both zeros in the slot, sizes 0 and 1
  CHECK(t.find(std::string_view("\0", 1)) == TextId{40001});
}

TEST_CASE("reasons: codes and French labels") {
  CHECK(name(Reason::after_validity) == "after-validity");
  CHECK(french_label(Reason::duplicate) == "ligne en double");
  CHECK(reason_named("personal-data") == Reason::personal_data);
  CHECK_FALSE(reason_named("nope"));
  CHECK(Month::at(Month{2027, 12}.index()) == Month{2027, 12});
  CHECK(Month{2027, 8}.iso() == "2027-08");
  CHECK(Month{1990, 12}.iso() == "1990-12");
  CHECK(Month{12027, 1}.iso() == "12027-01");  // outside four digits: fmt's padded fields
  std::string out = "mois ";
  Month{2200, 1}.append_iso(out);
  CHECK(out == "mois 2200-01");
}

TEST_CASE("statements: a row's diagnostic points at the column of its first faulty field") {
  Statements f;
  Diagnostics diags = read_statements("lot;participant;month;route;contract;employer;work_hours\n"
                                      "1;P-1;2027-13;direct;cdd;E;7\n"             // the month, column 7
                                      "1;P-1;2027-03;insertion;cdd;E;7\n"          // the route, column 15
                                      "1;P-1;2027-03;direct;cdd;Élan;-7\n"         // the hours, column 31 (É is one)
                                      "1;;2027-03;direct;cddx;E;7\n"               // the participant first, column 3
                                      "1;jean.dupont@example.org;2027-03;direct;cdd;E;7\n",  // personal data, column 3
                                      "s.csv", f);
  std::vector<std::pair<std::string, Position>> found;
  for (const Diagnostic& d : diags) found.emplace_back(d.rule, d.pos);
  CHECK(found == std::vector<std::pair<std::string, Position>>{{"statement-row", {2, 7}},
                                                                {"statement-row", {3, 15}},
                                                                {"statement-row", {4, 31}},
                                                                {"statement-row", {5, 3}},
                                                                {"personal-data", {6, 3}}});
}

TEST_CASE_FIXTURE(Fixture, "status: expected from working days, tolerance, forecast, missing and a capped penalty") {
  // Lot 1: 1 000 000 × 50 % × 5 % ÷ 30 = 833 h, executed from 2027-01-04 to 2027-12-31.
  // As of 2027-01-03 the lot has not started.
  Statements f;
  read_statements("lot;participant;month;route;contract;employer;work_hours\n1;P-1;2027-02;direct;cdd;E;60\n", "s.csv", f);
  TrackOptions before{io::Date(2027, 1, 3), {}};
  Tracking t0 = track::track(result, people, f, before);
  CHECK(t0.lots[0].status == LotStatus::not_started);
  CHECK(t0.lots[0].expected_hours == 0);
  CHECK_FALSE(t0.lots[1].tracked);

  // As of 2027-12-31 (the end): expected = target = 833; counted 60; behind; missing 773.
  // Penalty: 773 × 60 = 46 380 €, capped at 0.1 % of 1 000 000 € = 1 000 €.
  Tracking t = track::track(result, people, f, TrackOptions{io::Date(2027, 12, 31), {}});
  const LotTracking& lot = t.lots[0];
  CHECK(lot.target_hours == 833);
  CHECK(lot.counted_hours == 60);
  CHECK(lot.expected_hours == 833);
  CHECK(lot.status == LotStatus::behind);
  CHECK(lot.missing_hours == 773);
  CHECK(lot.penalty_exposure == 1000);
  CHECK(lot.forecast_hours == 60);  // the whole period has elapsed: the pace gives what was done
  CHECK(t.participants.size() == 1);
  CHECK(t.contractors.size() == 1);
  CHECK(t.contractors[0].name == "(titulaire non nommé)");  // awarded, its contractor not written down

  // Lot 4 has no award: not-awarded, nothing due, nothing expected, no penalty, in no contractor's sums.
  const LotTracking& lot4 = t.lots[2];
  CHECK(lot4.status == LotStatus::not_awarded);
  CHECK_FALSE(lot4.tracked);
  CHECK(lot4.target_hours == 0);
  CHECK(lot4.expected_hours == 0);
  CHECK(lot4.penalty_exposure == 0);
  CHECK(t.contractors[0].lots == std::vector<std::string>{"1"});
}

TEST_CASE("track JSON: strings escaped as nlohmann writes them, written piece by piece, the same whole") {
  tender::LoadResult loaded = tender::parse_tender(R"(format: clausier/tender/1
id: T-1
title: x
buyer: {name: V}
nature: works
parameters: {hourly_cost: 30, rate: 0.05, labour_share: 0.5}
lots:
  - {id: 1, title: "guillemet \" barre \\ tab \t ligne \n fin é", amount: 1000000, clause: execution,
     award: {notified: 2026-12-01}}
)",
                                                   "t.yaml");
  REQUIRE(loaded.ok());
  tender::Resolution res = tender::resolve(*loaded.tender, rules::RuleSet::builtin());
  hours::TenderResult result = hours::compute(*loaded.tender, res);
  Participants people;
  Statements st;
  REQUIRE(read_statements("lot;participant;month;route;contract;work_hours\n1;P-1;2027-02;direct;cdd;7\n", "s.csv", st).empty());
  Tracking t = track::track(result, people, st, {io::Date(2027, 12, 31), {}});
  std::string whole = render_json(t, *loaded.tender, rules::RuleSet::builtin());
  const std::string& title = loaded.tender->lots[0].title;
  CHECK(whole.find("\"title\": " + nlohmann::ordered_json(title).dump()) != std::string::npos);
  nlohmann::json doc = nlohmann::json::parse(whole);
  CHECK(doc["lots"][0]["title"] == title);
  // The lot's list names the row; the document's list has it whole.
  CHECK(doc["lots"][0]["not_counted"].dump() == R"([{"file":"s.csv","line":2,"reason":"unknown-participant"}])");
  CHECK(doc["not_counted"][0]["detail"] == "participant « P-1 » absent du fichier des participants");
  CHECK(doc["not_counted"][0]["hours"] == 7);
  std::string pieces;
  int count = 0;
  render_json(t, *loaded.tender, rules::RuleSet::builtin(), {}, [&](std::string_view piece) {
    pieces += piece;
    ++count;
  });
  CHECK(pieces == whole);
  CHECK(count == 1);  // a small document is one piece

  // The input diagnostics are written straight, in the layout nlohmann's dump(2) gives io::diagnostic_json
  // two levels down: the same text, whatever the strings hold (sheet, quotes, controls, invalid UTF-8).
  Diagnostic sheet_error = make_diagnostic(rule("statement-row"), "e.xlsx", {3, 2}, "mois « x » \"cité\"", "corrigez\tla");
  sheet_error.sheet = "Heures";
  Diagnostic warning = make_diagnostic(rule("hours-over-legal-maximum"), "a\\b.csv", {7, 1}, "bip\x07 \xC3(", "");
  std::string with_inputs;
  render_json(t, *loaded.tender, rules::RuleSet::builtin(), {sheet_error, warning},
              [&](std::string_view piece) { with_inputs += piece; });
  for (const Diagnostic& d : {sheet_error, warning}) {
    std::string expected = "    ";
    for (char c : io::diagnostic_json(d).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) {
      expected += c;
      if (c == '\n') expected += "    ";
    }
    CHECK(with_inputs.find(expected) != std::string::npos);
  }
}
