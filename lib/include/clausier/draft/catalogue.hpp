#pragma once
// Every rule id that drafting reports (templates, legal references), with its severity, category and
// French summary; documented in docs/draft.md.
#include <span>

#include "clausier/core/rule_info.hpp"

namespace clausier::draft {

std::span<const RuleInfo> rule_catalogue();

}  // namespace clausier::draft
