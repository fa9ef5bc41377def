// An operation whose contracts live (tests/data/track/contract-life, formats.md section 2 « Lot events » and
// section 7): `clausier track --format json` at 2028-01-31 gives per lot the target, expected and counted
// hours computed here by hand, the lot never awarded is not-awarded with no target, and the report's
// missing hours of the operation are the sum of its lots' own, never netted against a surplus.
//
// Hours of each lot (rate 5 %, 30 €/h, rounded to the nearest hour):
// - lot 1: 600 000 × 0,50 × 5 % ÷ 30 = 500 h; amendment of 2027-06-01 to 720 000 €: 720 000 × 0,50 × 5 % ÷ 30
//   = 600 h; end moved on 2027-09-01 from 2027-12-31 to 2028-03-31. Target 600 h.
// - lot 2: TF 300 000 × 0,40 × 5 % ÷ 30 = 200 h; TO1 120 000 → 80 h; TO2 90 000 → 60 h: 340 h computed, 200 h due
//   at notification; TO1 exercised on 2027-05-03: 280 h. TO2 never exercised, never due. Target 280 h.
// - lot 3: framework minimum 50 000 × 0,60 × 5 % ÷ 30 = 50 h; orders 80 000 € on 2027-04-30 → 80 h; 130 000 € on
//   2027-10-29 → 130 h; the orders of 2028-03-31 (160 000 €) come after the date. Target 130 h.
// - lot 4: 240 000 × 0,80 × 5 % ÷ 30 = 320 h; terminated on 2027-08-31 with 120 000 € executed → 160 h, and the lot
//   ends that day. Target 160 h.
// - lot 5: 150 000 × 0,70 × 5 % ÷ 30 = 175 h computed, but never awarded: not-awarded, nothing due.
//
// Working days (Monday to Friday, French public holidays excluded), month by month:
//   2027: Jan 20 (1 Jan a holiday), Feb 20, Mar 22 (Easter Monday 29), Apr 22, May 19 (Ascension 6, Whit Monday 17;
//   1 and 8 May on Saturdays), Jun 22, Jul 21 (14 July), Aug 22 (15 Aug a Sunday), Sep 22, Oct 21, Nov 20 (1 and
//   11 Nov), Dec 23 (25 Dec a Saturday);
//   2028: Jan 21 (1 Jan a Saturday), Feb 21, Mar 23, Apr 19 (Easter Monday 17), May 20 (1, 8 and 25 May), Jun 21
//   (Whit Monday 5), Jul 20 (14 July), Aug 22 (15 Aug), Sep 21, Oct 22, Nov 21 (1 Nov; 11 Nov a Saturday), Dec 20 (25 Dec).
// - lot 1, from 2027-02-01: to 2028-01-31, 20+22+22+19+22+21+22+22+21+20+23+21 = 255; to its new end 2028-03-31,
//   255 + 21 + 23 = 299. Expected 600 × 255 ÷ 299 = 511,705686; forecast 484 × 299 ÷ 255 = 567,513725.
// - lot 2 ended on 2027-12-31: all 280 h expected; forecast = counted.
// - lot 3, from 2027-01-04 (1 to 3 January: a holiday and a weekend, so January still has 20): to 2028-01-31,
//   20 + (20+22+22+19+22+21+22+22+21+20+23) + 21 = 20 + 234 + 21 = 275; to 2028-12-31, 275 + 21+23+19+20+21+20+22+21
//   +22+21+20 = 275 + 230 = 505. Expected 130 × 275 ÷ 505 = 70,792079; forecast 70 × 505 ÷ 275 = 128,545455.
// - lot 4 ended on 2027-08-31: all 160 h expected; forecast = counted.
//
// Counted (statements/2027.csv; training hours count for the professionalisation contract):
// - lot 1: P-1 140 (2027-03) + 140 (2027-04), P-2 100 + 20 (2027-10) and 70 + 14 (2028-01: after the lot's first
//   end, inside its new one) = 484; missing 600 − 484 = 116; 484 ≥ 511,705686 × 0,9 = 460,54: on-track.
// - lot 2: P-3 150 + 150 = 300 ≥ 280: complete, 20 h over, 0 missing.
// - lot 3: P-4 35 + 35 = 70 ≥ 70,792079 × 0,9 = 63,71: on-track; missing 130 − 70 = 60.
// - lot 4: P-1 70 (2027-06) + P-5 60 (2027-07) = 130; P-5's 35 h of 2027-09 come after the termination
//   (outside-execution); ended, so no tolerance: 130 < 160, behind; missing 30.
// - lot 5: P-5's 35 h (2027-10) do not count: lot-not-awarded.
// Penalties: 50 € an hour, capped at 2 % of the lot's amount at the date:
// - lot 1: 116 × 50 = 5 800 ≤ 2 % × 720 000 = 14 400 → 5 800;
// - lot 3: 60 × 50 = 3 000 > 2 % × 130 000 (the orders) = 2 600 → 2 600;
// - lot 4: 30 × 50 = 1 500 ≤ 2 % × 120 000 (executed) = 2 400 → 1 500.
// The operation lacks 116 + 0 + 60 + 30 = 206 h and is 20 h over; netted, it would wrongly say 186.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "clausier/report/job.hpp"
#include "clausier/report/model.hpp"
#include "clausier/track/commands.hpp"
#include "printers.hpp"

using namespace clausier;
using nlohmann::json;

namespace {

const std::string folder = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/track/contract-life";
const io::Date as_of(2028, 1, 31);

const rules::RuleSet& builtin() {
  static const rules::RuleSet r = rules::RuleSet::builtin();
  return r;
}

json track_json() {
  Outcome o = track::run_status({{folder, {}, {}}, as_of, {}, track::StatusFormat::json, false}, builtin());
  REQUIRE(o.stream);  // the status is written as it is produced
  CHECK(o.diagnostics.empty());
  std::string text;
  o.stream([&](std::string_view piece) { text += piece; });
  return json::parse(text);
}

}  // namespace

TEST_CASE("contract life: track --format json gives each lot's target, expected and counted hours at the date") {
  json doc = track_json();
  const json& lots = doc["lots"];
  REQUIRE(lots.size() == 5);
  struct Expected {
    double target, expected, counted, missing, penalty, forecast;
    std::string status, end;
  };
  const Expected expected[] = {
      {600, 511.705686, 484, 116, 5800, 567.513725, "on-track", "2028-03-31"},
      {280, 280, 300, 0, 0, 300, "complete", "2027-12-31"},
      {130, 70.792079, 70, 60, 2600, 128.545455, "on-track", "2028-12-31"},
      {160, 160, 130, 30, 1500, 130, "behind", "2027-08-31"},
  };
  for (std::size_t i = 0; i < 4; ++i) {
    INFO("lot " << lots[i]["id"].get<std::string>());
    const json& l = lots[i];
    CHECK(l["tracked"] == true);
    CHECK(l["target_hours"].get<double>() == expected[i].target);
    CHECK(l["expected_hours"].get<double>() == expected[i].expected);
    CHECK(l["counted_hours"].get<double>() == expected[i].counted);
    CHECK(l["missing_hours"].get<double>() == expected[i].missing);
    CHECK(l["penalty_exposure"].get<double>() == expected[i].penalty);
    CHECK(l["forecast_hours"].get<double>() == expected[i].forecast);
    CHECK(l["status"] == expected[i].status);
    CHECK(l["end"] == expected[i].end);
  }
  // The lot never awarded: no target, nothing expected, no penalty; its row refused with its own reason.
  const json& lot5 = lots[4];
  CHECK(lot5["id"] == "5");
  CHECK(lot5["tracked"] == false);
  CHECK(lot5["status"] == "not-awarded");
  CHECK(lot5["target_hours"].is_null());
  CHECK(lot5["expected_hours"].is_null());
  CHECK(lot5["counted_hours"].get<double>() == 0);
  CHECK(lot5["penalty_exposure"].get<double>() == 0);
  REQUIRE(lot5["not_counted"].size() == 1);
  CHECK(lot5["not_counted"][0]["reason"] == "lot-not-awarded");
  CHECK(lot5["not_counted"][0]["line"] == 13);
  // P-5's hours of September 2027 on lot 4, after its termination.
  REQUIRE(lots[3]["not_counted"].size() == 1);
  CHECK(lots[3]["not_counted"][0]["reason"] == "outside-execution");
  CHECK(lots[3]["not_counted"][0]["line"] == 12);

  // Contractors: BTP Occitan holds lots 1 and 2; its 116 missing hours are lot 1's, not 116 − 20.
  const json& btp = doc["contractors"][0];
  CHECK(btp["name"] == "BTP Occitan");
  CHECK(btp["target_hours"].get<double>() == 880);   // 600 + 280
  CHECK(btp["counted_hours"].get<double>() == 784);  // 484 + 300
  CHECK(btp["missing_hours"].get<double>() == 116);
  CHECK(doc["contractors"].size() == 3);             // lot 5 has no contractor: no line
}

TEST_CASE("contract life: the report's missing hours are the sum of its lots', surpluses apart") {
  report::Job job;
  job.operations = {folder};
  job.format = report::Format::json;
  job.options.as_of = as_of;
  Outcome o = report::run(job, builtin());
  REQUIRE(o.output);
  json doc = json::parse(*o.output);
  const json& op = doc["operations"][0];
  double missing = 0, over = 0;
  for (const json& l : op["lots"]) {
    missing += l["missing_hours"].get<double>();
    over += l["over_hours"].get<double>();
  }
  CHECK(missing == 206);  // 116 + 0 + 60 + 30 + 0
  CHECK(over == 20);      // lot 2
  CHECK(op["missing_hours"].get<double>() == missing);
  CHECK(op["over_hours"].get<double>() == over);
  CHECK(op["target_hours"].get<double>() == 1170);    // 600 + 280 + 130 + 160; lot 5 counts in no total of targets
  CHECK(op["realised_hours"].get<double>() == 984);   // 484 + 300 + 70 + 130: 1 170 − 984 = 186 would net lot 2's surplus
  CHECK(op["lots"][4]["target_hours"].is_null());
  CHECK(op["lots"][4]["tracking_status"] == "not-awarded");
  const json& btp = op["contractors"][0];
  CHECK(btp["missing_hours"].get<double>() == 116);
  CHECK(btp["over_hours"].get<double>() == 20);
}
