#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clausier/track/forms.hpp"
#include "printers.hpp"

using namespace clausier;
using namespace clausier::track;

TEST_CASE("forms: text is compared without case, accents, spaces, hyphens or apostrophes") {
  CHECK(folded("Contrat d'apprentissage") == "contratdapprentissage");
  CHECK(folded("CONTRAT D APPRENTISSAGE") == "contratdapprentissage");
  CHECK(folded("contrat-d’apprentissage") == "contratdapprentissage");
  CHECK(folded("Intérim") == "interim");
  CHECK(folded("  Sous-traitance à une SIAE ") == "soustraitanceaunesiae");
  CHECK(folded("").empty());
}

TEST_CASE("forms: every French label of §5.2 names its route") {
  CHECK(route_named("direct") == Route::direct);
  CHECK(route_named("DIRECT") == Route::direct);
  CHECK(route_named("Embauche directe") == Route::direct);
  CHECK(route_named("recrutement direct") == Route::direct);
  CHECK(route_named("ETTI") == Route::etti);
  CHECK(route_named("Entreprise de travail temporaire d'insertion") == Route::etti);
  CHECK(route_named("AI") == Route::ai);
  CHECK(route_named("association intermédiaire") == Route::ai);
  CHECK(route_named("Mise à disposition") == Route::ai);
  CHECK(route_named("geiq") == Route::geiq);
  CHECK(route_named("sous-traitance SIAE") == Route::siae_subcontract);
  CHECK(route_named("Sous traitance") == Route::siae_subcontract);
  CHECK(route_named("SIAE-SUBCONTRACT") == Route::siae_subcontract);
  CHECK(route_named("cotraitance SIAE") == Route::siae_cocontract);
  CHECK(route_named("Co-traitance") == Route::siae_cocontract);
  CHECK(route_named("EA") == Route::ea);
  CHECK(route_named("entreprise adaptee") == Route::ea);
  CHECK_FALSE(route_named("intérim"));  // a contract, not a route
  CHECK_FALSE(route_named(""));
  CHECK_FALSE(route_named("  "));
}

TEST_CASE("forms: every French label of §5.2 names its contract") {
  CHECK(contract_named("cdi") == Contract::cdi);
  CHECK(contract_named("CDI inclusion") == Contract::cdi_inclusion);
  CHECK(contract_named("CDI d'inclusion") == Contract::cdi_inclusion);
  CHECK(contract_named("cdi-inclusion") == Contract::cdi_inclusion);
  CHECK(contract_named("CDD") == Contract::cdd);
  CHECK(contract_named("CDDI") == Contract::cddi);
  CHECK(contract_named("CDD d'insertion") == Contract::cddi);
  CHECK(contract_named("CDD d’usage") == Contract::cdd_usage);
  CHECK(contract_named("intérim") == Contract::interim);
  CHECK(contract_named("INTERIM") == Contract::interim);
  CHECK(contract_named("mission d'intérim") == Contract::interim);
  CHECK(contract_named("Contrat de mission") == Contract::interim);
  CHECK(contract_named("apprentissage") == Contract::apprenticeship);
  CHECK(contract_named("Contrat d'apprentissage") == Contract::apprenticeship);
  CHECK(contract_named("professionnalisation") == Contract::professionalisation);
  CHECK(contract_named("professionalisation") == Contract::professionalisation);
  CHECK(contract_named("CONTRAT DE PROFESSIONNALISATION") == Contract::professionalisation);
  CHECK(contract_named("contrat pro") == Contract::professionalisation);
  CHECK(contract_named("Autre") == Contract::other);
  CHECK_FALSE(contract_named("CDI intérimaire"));
}

TEST_CASE("forms: every code has a label shown in lists, and it reads back") {
  for (Route r : {Route::direct, Route::etti, Route::ai, Route::geiq, Route::siae_subcontract, Route::siae_cocontract,
                  Route::ea})
    CHECK(route_named(display_label(r)) == r);
  for (Contract c : {Contract::cdi, Contract::cdi_inclusion, Contract::cdd, Contract::cddi, Contract::cdd_usage,
                     Contract::interim, Contract::apprenticeship, Contract::professionalisation, Contract::other})
    CHECK(contract_named(display_label(c)) == c);
  CHECK(display_label(Route::direct) == "embauche directe");
  CHECK(display_label(Contract::professionalisation) == "professionnalisation");
  // What Clausier writes elsewhere (the report's labels) reads back too.
  CHECK(route_named(french_label(Route::siae_subcontract)) == Route::siae_subcontract);
  CHECK(route_named(french_label(Route::siae_cocontract)) == Route::siae_cocontract);
  CHECK(contract_named(french_label(Contract::cdd_usage)) == Contract::cdd_usage);
}

TEST_CASE("forms: an unknown code gets the closest label and the accepted codes") {
  UnknownCode u = unknown_code(FormKind::contract, "profesionalisation");
  CHECK(u.suggestion == "professionalisation");
  u = unknown_code(FormKind::contract, "aprentissage");
  CHECK(u.suggestion == "apprentissage");
  u = unknown_code(FormKind::route, "Embauche direct");
  CHECK(u.suggestion == "embauche directe");
  u = unknown_code(FormKind::route, "xyz");
  CHECK(u.suggestion.empty());
  CHECK(u.accepted.starts_with("direct (embauche directe, recrutement direct, embauche), etti (ETTI, "));
  CHECK(u.accepted.ends_with("ea (entreprise adaptée, EA)"));
}

TEST_CASE("forms: months as French spreadsheets write them") {
  Month april{2027, 4};
  for (const char* s : {"2027-04", "04/2027", "4/2027", "15/04/2027", "1/4/2027", "2027-04-15", "2027-04-15T08:30:00",
                        "avril 2027", "Avril 2027", "AVRIL 2027", "avr. 2027", "avr-27", "avr.-27", "avr 27", "Apr-27",
                        " avril 2027 "}) {
    CAPTURE(s);
    CHECK(parse_month(s) == april);
  }
  CHECK(parse_month("janv-27") == Month{2027, 1});
  CHECK(parse_month("janvier 2027") == Month{2027, 1});
  CHECK(parse_month("1/2027") == Month{2027, 1});
  CHECK(parse_month("09/2027") == Month{2027, 9});
  CHECK(parse_month("juin 2027") == Month{2027, 6});
  CHECK(parse_month("févr. 2027") == Month{2027, 2});
  CHECK(parse_month("fevrier 2027") == Month{2027, 2});
  CHECK(parse_month("Février 2027") == Month{2027, 2});
  CHECK(parse_month("août 2027") == Month{2027, 8});
  CHECK(parse_month("aout-27") == Month{2027, 8});
  CHECK(parse_month("déc.-26") == Month{2026, 12});
  CHECK(parse_month("sept. 2027") == Month{2027, 9});
  for (const char* s : {"", "2027", "13/2027", "0/2027", "2027-13", "avril", "avril 027", "floréal 2027", "32/13/2027",
                        "1989-12", "04-2027", "2027/04", "avril 20277"}) {
    CAPTURE(s);
    CHECK_FALSE(parse_month(s));
  }
}

TEST_CASE("forms: participants' dates in ISO or French form") {
  CHECK(parse_french_date("2027-02-15") == io::Date(2027, 2, 15));
  CHECK(parse_french_date("15/02/2027") == io::Date(2027, 2, 15));
  CHECK(parse_french_date("2027-02-15T00:00:00") == io::Date(2027, 2, 15));
  CHECK_FALSE(parse_french_date("30/02/2027"));
  CHECK_FALSE(parse_french_date("15/2/2027"));
  CHECK_FALSE(parse_french_date("02/15/2027"));
  CHECK_FALSE(parse_french_date(""));
}

TEST_CASE("forms: totals rows are recognised") {
  CHECK(is_totals_row({"TOTAL", "", "", "", "", "", "370,17"}));
  CHECK(is_totals_row({"", "Total général", "", "1200"}));
  CHECK(is_totals_row({"Sous-total lot 2"}));
  CHECK(is_totals_row({"Totaux"}));
  CHECK(is_totals_row({"* Total"}));
  CHECK(is_totals_row({"  Sous-total"}));
  CHECK_FALSE(is_totals_row({"2", "R-001", "2027-01"}));
  CHECK_FALSE(is_totals_row({"", ""}));
  CHECK_FALSE(is_totals_row({"TOT-01"}));
}

TEST_CASE("forms: refs without case, lots by their number") {
  CHECK(ref_key("r-001") == ref_key("R-001"));
  CHECK(ref_key("P-0001a") == "P-0001A");
  std::vector<std::string> lots = {"01", "02", "A"};
  CHECK(find_lot(lots, "01") == 0u);
  CHECK(find_lot(lots, "1") == 0u);
  CHECK(find_lot(lots, "002") == 1u);
  CHECK(find_lot(lots, "A") == 2u);
  CHECK_FALSE(find_lot(lots, "3"));
  CHECK_FALSE(find_lot(lots, "a"));
  std::vector<std::string> both = {"1", "01"};
  CHECK(find_lot(both, "01") == 1u);  // the same id first
  CHECK_FALSE(find_lot(both, "001"));  // two lots have that number: neither is named
}
