#pragma once
// Every rule id that tracking reports (participants, statement files, clausier track validate), with
// its severity, category and French summary; documented in docs/track.md.
#include <span>
#include <string_view>

#include "clausier/core/rule_info.hpp"

namespace clausier::track {

std::span<const RuleInfo> rule_catalogue();
// The row of a rule of this catalogue; throws std::logic_error for an id it does not list (a programming error).
const RuleInfo& rule(std::string_view id);

}  // namespace clausier::track
