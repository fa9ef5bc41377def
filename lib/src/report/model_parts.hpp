#pragma once
// Private to the report model: what the operation report (model.cpp), the consolidation (consolidate.cpp),
// the participant sheet (sheet.cpp) and the breakdowns (breakdowns.cpp) share.
#include <optional>

#include "clausier/report/model.hpp"

namespace clausier::report::detail {

int age_at_validation(const track::Participant& p);
Date last_day(track::Month m);
// The category of a situation known at as_of, from the rule table; none when there is none yet.
OutcomeCategory category_at(const std::optional<track::Situation>& s, Date as_of, const rules::RuleSet& rules);
CountingInfo counting_info(const tender::Tender& t, double tolerance, const rules::RuleSet& rules);
// A counted row's hours added to a person's: by route, by contract, training (when it counts: the row's
// counted hours then exceed its work hours) and in all.
void add_row(BreakdownCounter::Hours& h, const track::StatementRow& row, double counted_hours);
// One person's hours in one scope added to theirs in a wider one.
void add_hours(BreakdownCounter::Hours& to, const BreakdownCounter::Hours& from);
// The Participants cell of a scope: its people and hours (rounded), suppressed alone when 1 to min_cell − 1.
Cell participants_cell(int people, double hours, int min_cell);
// No part of the breakdown is published, zeros included: its population (when it has any and is not hidden
// already) and every cell, each as a secondary cell (« masqué »: it may hold min_cell people or more, or none).
void hide_breakdown(Breakdown& b);
// The operation's folder when the tender is its tender.yaml, as the user named the operation.
std::string report_path(const tender::Tender& t);

}  // namespace clausier::report::detail
