#pragma once
// The buyer's yearly indicators (`clausier report --by buyer [--year YYYY]`), for its SPASER report and
// the national plan (PNAD 2022-2025: 30 % of the contracts notified in the year with a social
// consideration): per buyer and year of notification, the lots notified, those with a social consideration
// (the DECP values of decp_values: a clause set, a social award criterion, a reserved contract), the
// amount of the reserved lots, the insertion hours due and realised on those lots, and the people.
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/report/model.hpp"

namespace clausier::report {

// The national target the shares are compared with: the row pnad-social of the rule tables
// (lib/rules/programmes.yaml, national_targets; a --rules file may replace it).
inline constexpr std::string_view national_social_target_id = "pnad-social";

struct BuyerYear {
  std::string buyer;
  int year = 0;
  int operations = 0;                      // operations with a lot notified that year
  int lots_notified = 0;                   // lots whose award.notified is in the year (and on or before as_of)
  int lots_with_social_consideration = 0;
  double social_consideration_share = 0;   // with ÷ notified, 4 decimals
  int reserved_lots = 0;                   // reserved to SIAE, to EA/ESAT, or both (L. 2113-12, L. 2113-13)
  double reserved_amount = 0;              // their amounts at as_of (lot events applied), € HT
  double target_hours = 0;                 // hours due at as_of on the lots notified that year (tracked lots)
  double realised_hours = 0;               // hours that count on them
  Shortfall shortfall;                     // each lot's own missing and over hours, never netted
  Cell participants;                       // people with counted hours on them, each pseudonym once across the
                                           // operations (as the consolidation counts them), suppressible below
                                           // min_cell, and hidden when an operation brings 1 to min_cell - 1 of them
};

struct BuyerIndicators {
  Date as_of;
  int min_cell = 5;
  std::optional<int> year;       // --year; absent: every year of notification
  std::vector<BuyerYear> rows;   // by buyer, then year
  double national_target = 0;    // the share a buyer's lots with a social consideration should reach (0.30)
  std::string national_target_label;  // the plan and what it counts, in French
  int suppressed_cells = 0;
  CountingInfo counting;         // rules version and hash
};

// Operations are added one at a time (report::Job's loading); only the figures are kept.
class BuyerCounter {
 public:
  BuyerCounter(std::optional<int> year, const rules::RuleSet& rules, const ReportOptions& options);
  void add(const track::Operation& op);  // requires op.result()
  BuyerIndicators finish();

 private:
  std::optional<int> year_;
  const rules::RuleSet& rules_;
  ReportOptions options_;
  std::map<std::pair<std::string, int>, BuyerYear> rows_;
  std::map<std::pair<std::string, int>, std::set<std::string>> people_;  // a row's distinct pseudonyms
  std::set<std::pair<std::string, int>> small_;  // rows an operation brings 1 to min_cell - 1 people to
};

// {"format": "clausier/report/1", "kind": "buyer-indicators", ...} (formats.md section 7.6).
std::string render_json(const BuyerIndicators& b);
std::string render_markdown(const BuyerIndicators& b);
std::string render_html(const BuyerIndicators& b);
std::string render_xlsx(const BuyerIndicators& b);  // throws std::runtime_error like the other workbooks

}  // namespace clausier::report
