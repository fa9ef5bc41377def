#pragma once
// Private to the report model: what the operation report (model.cpp), the participant sheet
// (sheet.cpp) and the breakdowns (breakdowns.cpp) share.
#include <optional>

#include "clausier/report/model.hpp"

namespace clausier::report::detail {

int age_at_validation(const track::Participant& p);
Date last_day(track::Month m);
// The category of a situation known at as_of, from the rule table; none when there is none yet.
OutcomeCategory category_at(const std::optional<track::Situation>& s, Date as_of, const rules::RuleSet& rules);
CountingInfo counting_info(const tender::Tender& t, double tolerance, const rules::RuleSet& rules);

}  // namespace clausier::report::detail
