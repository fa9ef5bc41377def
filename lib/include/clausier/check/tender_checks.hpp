#pragma once
// The rules `clausier check` enforces on a tender file (formats.md section 6), beyond what the loader
// already rejects. Each finding has a stable rule id documented in docs/check.md.
#include <span>
#include <string_view>

#include "clausier/core/diagnostic.hpp"
#include "clausier/core/rule_info.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/rules/rules.hpp"
#include "clausier/tender/model.hpp"
#include "clausier/tender/resolve.hpp"

namespace clausier::check {

using clausier::RuleInfo;
// Every rule id any part of `check` can report, in documentation order.
std::span<const RuleInfo> rule_catalogue();

// Policy findings on a tender that may be partial (fields in error are absent and skipped). `hours`, when the
// tender could be computed, tells which clauses are really set (a lot below its minimum has none).
Diagnostics check_tender(const tender::Tender& t, const tender::Resolution& resolution, const rules::RuleSet& rules,
                         const hours::TenderResult* hours = nullptr);

// The estimated value the EU thresholds are compared with: every lot, optional tranches included,
// framework maxima; `complete` is false when a lot has no value to count.
struct EstimatedValue {
  double total = 0;
  bool complete = true;
};
EstimatedValue estimated_value(const tender::Tender& t);

// The EU threshold that applies to this tender (works, or supplies and services by buyer kind).
double applicable_threshold(const tender::Tender& t, const rules::EuThresholds& thresholds);
// The Climate and Resilience social obligation applies: notice on or after its start, and the
// estimated value at or above the threshold in force on the notice date.
bool climate_obligation_applies(const tender::Tender& t, const rules::RuleSet& rules);

}  // namespace clausier::check
