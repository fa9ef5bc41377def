#pragma once
// Private to the report renderers: how a hidden count reads, one wording for every document and table
// (Markdown, HTML, the workbook; the operation report, the consolidation, the buyers' indicators).
// JSON writes null and CSV empty cells marked "oui": they carry no text. docs/report.md, « Le secret
// statistique », describes the rule and these words.
#include <string>
#include <string_view>
#include <vector>

#include "clausier/report/model.hpp"

namespace clausier::report::detail {

// A count of 1 to min_cell − 1 people, hidden for itself: "< 5". It says no more than that.
std::string small_count_text(int min_cell);
// A figure hidden only so that another hidden one cannot be deduced from it (a secondary cell, a breakdown
// published not at all, a route group's hours, the hours of a hidden cell): it may hold min_cell or more.
inline constexpr std::string_view protective_text = "masqué";
// The text of a hidden people cell: small_count_text, or protective_text when it is secondary.
std::string hidden_text(const Cell& c, int min_cell);
// A people cell in a text table: "1 250", or hidden_text.
std::string people(const Cell& c, int min_cell);
// The population of a breakdown as a people cell, hidden as the breakdown says.
Cell population_cell(const Breakdown& b);
// The population of a breakdown in a sentence: "12 personnes", "1 personne", "< 5 personnes", "masqué".
std::string population_text(const Breakdown& b, int min_cell);

// Whether a bilan hides anything: a people cell, a breakdown's population, a group's hours.
bool anything_hidden(const std::vector<Breakdown>& breakdowns);
bool anything_hidden(const OperationReport& r);
bool anything_hidden(const Consolidation& c);
// The sentence at the top of every bilan (Markdown, HTML, the workbook's notes): the threshold and why a cell
// may read « masqué » when something is hidden; the threshold alone, in the conditional, when nothing is.
std::string privacy_note(int min_cell, bool anything_hidden);
// The buyers' indicators: their only people count is hidden for itself, or because one operation brings few.
std::string buyer_privacy_note(int min_cell);
// The JSON's privacy_note when `hidden` cells are null: small ones and the ones that protect them.
std::string json_privacy_note(int hidden, int min_cell);

}  // namespace clausier::report::detail
