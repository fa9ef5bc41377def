#pragma once
// The renderings of `clausier track`: a French report, JSON (formats.md section 7), CSV for Excel.
#include <string>

#include "clausier/rules/rules.hpp"
#include "clausier/track/catalogue.hpp"  // reason_label
#include "clausier/track/status.hpp"

namespace clausier::track {

std::string render_text(const Tracking& t, const tender::Tender& tender);
std::string render_json(const Tracking& t, const tender::Tender& tender, const rules::RuleSet& rules);
std::string render_csv(const Tracking& t, const tender::Tender& tender);

}  // namespace clausier::track
