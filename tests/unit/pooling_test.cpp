// Pooling agreements (track/pooling.hpp, formats.md section 8): the file with positions and French
// errors, its check against the operations, and an agreement judged from its lots' own tracking, against
// figures computed by hand on tests/data/portfolio.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "clausier/track/operation.hpp"
#include "clausier/track/pooling.hpp"
#include "clausier/track/status.hpp"
#include "fixtures.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

const std::string portfolio = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/portfolio";

std::string ids(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags) out += fmt::format("{}:{} {} {}\n", d.pos.line, d.pos.column, d.rule, d.message);
  return out;
}

// On the heap: the tracking points into the operation, which must not move.
struct Loaded {
  track::Operation op;
  track::Tracking tracking;
};
std::unique_ptr<Loaded> tracked(const std::string& folder, io::Date as_of) {
  auto l = std::make_unique<Loaded>(Loaded{track::load_operation({portfolio + "/" + folder, {}, {}}, builtin()), {}});
  REQUIRE(l->op.result() != nullptr);
  l->tracking = track::track(*l->op.result(), l->op.participants, l->op.statements, {as_of, {}});
  return l;
}

}  // namespace

TEST_CASE("pooling file: the agreements as written") {
  track::PoolingFile f = track::load_pooling(portfolio + "/pooling.yaml");
  REQUIRE(f.diagnostics.empty());
  REQUIRE(f.pooling);
  REQUIRE(f.pooling->agreements.size() == 1);
  const track::Agreement& a = f.pooling->agreements.front();
  CHECK(a.id.value == "GLOB-2026-01");
  CHECK(a.contractor == "BTP Sud");
  CHECK(a.siret->value == "48215093500021");
  CHECK(a.signed_on.value == date(2026, 6, 15));
  REQUIRE(a.lots.size() == 2);
  CHECK(a.lots[1].text() == "CARC-2026-034/1");
  CHECK(a.lots[1].pos.line == 7);
}

TEST_CASE("pooling file: every mistake at once, with its position, nothing kept") {
  const char* text =
      "format: clausier/pooling/2\n"
      "agreements:\n"
      "  - id: GLOB 1\n"
      "    contractor: { siret: \"123\" }\n"
      "    signed: 2026-02-30\n"
      "    lots: [ CARC-2026-021, X/1 ]\n"
      "    lot: []\n";
  track::PoolingFile f = track::parse_pooling(text, "pooling.yaml");
  CHECK(!f.pooling);
  std::string all = ids(f.diagnostics);
  INFO(all);
  CHECK(all.find("1:9 schema-") != std::string::npos);                // format version
  CHECK(all.find("3:9 schema-") != std::string::npos);                // id with a space
  CHECK(all.find("schema-required") != std::string::npos);            // contractor.name
  CHECK(all.find("4:26 schema-format") != std::string::npos);         // siret of three digits
  CHECK(all.find("5:13 schema-") != std::string::npos);               // no 30 February
  CHECK(all.find("6:13 schema-format lot de convention « CARC-2026-021 » : OPERATION/LOT attendu") != std::string::npos);
  CHECK(all.find("7:5 schema-unknown-key") != std::string::npos);     // lot: a typo of lots
  CHECK(track::parse_pooling("", "p.yaml").diagnostics.size() == 1);
}

TEST_CASE("pooling check: unknown operation or lot, a lot twice, a lot of another contractor") {
  auto a = tracked("viguier-voirie", date(2026, 11, 22));
  auto b = tracked("ecole-jaures", date(2026, 11, 22));
  const tender::Tender* tenders[] = {a->op.result()->tender, b->op.result()->tender};
  track::PoolingFile f = track::parse_pooling(
      "format: clausier/pooling/1\n"
      "agreements:\n"
      "  - id: G1\n"
      "    contractor: { name: BTP Sud }\n"
      "    signed: 2026-06-15\n"
      "    lots: [ CARC-2026-021/1, CARC-2026-034/1, CARC-2026-034/9, NOPE/1, CARC-2026-021/2 ]\n"
      "  - id: G2\n"
      "    contractor: { name: BTP Sud, siret: \"48215093500021\" }\n"
      "    signed: 2026-06-15\n"
      "    lots: [ CARC-2026-021/1, CARC-2026-034/5 ]\n",
      "pooling.yaml");
  REQUIRE(f.pooling);
  std::string all = ids(track::check_pooling(*f.pooling, tenders));
  CHECK(all ==
        "6:47 pooling-unknown-lot convention G1 : l'opération CARC-2026-034 n'a pas de lot « 9 »\n"
        "6:64 pooling-unknown-lot convention G1 : aucune opération du portefeuille n'a l'identifiant « NOPE »\n"
        "6:72 pooling-contractor convention G1 : le lot CARC-2026-021/2 est tenu par « Menuiserie de l'Aude », pas par « BTP Sud »\n"
        "10:13 pooling-lot-twice le lot CARC-2026-021/1 est déjà dans la convention G1 : un lot n'est globalisé qu'une fois\n"
        "10:30 pooling-contractor convention G2 : le lot CARC-2026-034/5 est tenu par aucun titulaire (lot non attribué), pas par « BTP Sud »\n");
  track::PoolingFile good = track::load_pooling(portfolio + "/pooling.yaml");
  CHECK(track::check_pooling(*good.pooling, tenders).empty());
}

TEST_CASE("pooling: the agreement judged together, each lot still judged alone (hand computation)") {
  // At 2026-11-22, both lots fixed hours, penalties 30 €/h capped at 10 % of the lot's amount:
  //   CARC-2026-021/1: target 400 h; counted P-0001 35 h × 8 months (2026-03..10) + P-0002 34 h × 5 (06..10)
  //                    = 280 + 170 = 450 h: complete, missing 0, over 50.
  //   CARC-2026-034/1: target 300 h; counted P-0101 25 h × 4 (2026-06..09) = 100 h: missing 200 h,
  //                    penalty alone 200 × 30 = 6 000 € (cap 42 000 €).
  // The agreement (signed 2026-06-15, in force): target 400 + 300 = 700 h, counted 450 + 100 = 550 h,
  //   pooled shortfall max(0, 700 − 550) = 150 h (not 0 + 200 = 200 h: the surplus of lot 021/1 makes up
  //   part of 034/1's shortfall), surplus 0. Shares pro rata of the targets: 150 × 400/700 = 85.714286 h
  //   and 150 × 300/700 = 64.285714 h; penalties 85.714286 × 30 = 2 571.43 € and 64.285714 × 30 =
  //   1 928.57 €, together 150 × 30 = 4 500 €.
  io::Date as_of = date(2026, 11, 22);
  auto a = tracked("viguier-voirie", as_of);
  auto b = tracked("ecole-jaures", as_of);
  const track::LotTracking& la = a->tracking.lots[0];
  const track::LotTracking& lb = b->tracking.lots[0];
  CHECK(la.target_hours == 400);
  CHECK(la.counted_hours == 450);
  CHECK(la.status == track::LotStatus::complete);
  CHECK(lb.target_hours == 300);
  CHECK(lb.counted_hours == 100);
  CHECK(lb.missing_hours == 200);
  CHECK(lb.penalty_exposure == 6000);

  track::PoolingFile f = track::load_pooling(portfolio + "/pooling.yaml");
  REQUIRE(f.pooling);
  const track::Agreement& agreement = f.pooling->agreements.front();
  const track::PooledLotTracking lots[] = {{"CARC-2026-021", &la, a->op.result()->tender},
                                           {"CARC-2026-034", &lb, b->op.result()->tender}};
  track::AgreementTracking t = track::track_agreement(agreement, lots, as_of);
  CHECK(t.in_force);
  CHECK(t.target_hours == 700);
  CHECK(t.counted_hours == 550);
  CHECK(t.missing_hours == 150);
  CHECK(t.over_hours == 0);
  CHECK(t.penalty_exposure == doctest::Approx(4500));
  CHECK(t.lots[0].missing_hours == doctest::Approx(85.714286));
  CHECK(t.lots[1].missing_hours == doctest::Approx(64.285714));
  CHECK(t.lots[0].penalty_exposure == doctest::Approx(2571.42858));
  CHECK(t.lots[1].penalty_exposure == doctest::Approx(1928.57142));
  REQUIRE(t.status);
  // Expected: 400 × working days 2026-03-01..11-22 ÷ working days to 2027-02-28, plus the same for 034/1;
  // 550 h is below that sum less no tolerance: behind. Computed the way each lot is (expected_hours).
  CHECK(t.expected_hours == doctest::Approx(la.expected_hours + lb.expected_hours));
  CHECK((*t.status == track::LotStatus::behind) == (550 < t.expected_hours));

  // The day before it is signed, the lots are not pooled: shortfalls are each lot's, never netted.
  track::AgreementTracking before = track::track_agreement(agreement, lots, date(2026, 6, 14));
  CHECK(!before.in_force);
  CHECK(!before.status);
  CHECK(before.missing_hours == la.missing_hours + lb.missing_hours);
  CHECK(before.over_hours == 50);
}
