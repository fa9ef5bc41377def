#pragma once
// The renderings of `clausier hours`: a French table, JSON (formats.md section 7), CSV for Excel,
// Markdown, the step-by-step explanation, and the schedule of each lot.
#include <optional>
#include <string>
#include <vector>

#include "clausier/calendar/schedule.hpp"
#include "clausier/core/diagnostic.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/hours/target.hpp"
#include "clausier/rules/rules.hpp"

namespace clausier::hours {

struct RenderOptions {
  bool explain = false;
  std::optional<calendar::Period> schedule;
  std::optional<tender::Date> as_of;  // --as-of: the hours due at that date, lot events applied
};

// The calculation of a lot with its values, on one line, the one wording of `hours --explain` and of
// the drafted documents (formats.md section 2), ending with the hours before rounding:
// labour-cost, percent-of-hours "1 850 000,00 € × 50 % × 5 % ÷ 30 €/h = 1 541,67 h" (formula_text of
// the lot's amount); fte "2 équivalents temps plein × 12 mois × 151,67 h = 3 640,08 h"; cleaning-pact
// "P × A ÷ C × T = 0,8123 × 1 000 000,00 € ÷ 37,5 € × 5 % = 1 083,07 h"; fixed and no clause: empty.
std::string formula_text(const LotResult& r);
// The money-based formula for an amount (a lot's, or one tranche's) and its hours before rounding.
std::string formula_text(double amount, const tender::ResolvedLot& p, double raw_hours);

// One operation's lines of explanation, in French, for one lot.
std::vector<std::string> explain_lot(const LotResult& r);
// How a lot's hours due at a date come from its computed hours: a first line with both, then one line per
// optional tranche not exercised, per event applied (hours before and after) and for a changed end.
std::vector<std::string> explain_target(const Target& t);
// The lot's schedule when it is ok and has start and end dates.
std::optional<std::vector<calendar::SchedulePart>> lot_schedule(const LotResult& r, calendar::Period period);

// A file that could not be computed, for the JSON's "failures".
struct Failure {
  std::string path;
  Diagnostics diagnostics;
};

std::string render_text(const std::vector<TenderResult>& results, const RenderOptions& options);
std::string render_markdown(const std::vector<TenderResult>& results, const RenderOptions& options);
std::string render_csv(const std::vector<TenderResult>& results, const RenderOptions& options);
std::string render_json(const std::vector<TenderResult>& results, const std::vector<Failure>& failures,
                        const rules::RuleSet& rules, const RenderOptions& options);

}  // namespace clausier::hours
