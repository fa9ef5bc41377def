#pragma once
// Every rule id that tracking reports (participants, statement files, clausier track validate), with
// its severity, category and French summary; documented in docs/track.md.
#include <cstdint>
#include <span>
#include <string_view>

#include "clausier/core/rule_info.hpp"

namespace clausier::track {

std::span<const RuleInfo> rule_catalogue();
// The row of a rule of this catalogue; throws std::logic_error for an id it does not list (a programming error).
const RuleInfo& rule(std::string_view id);

enum class Reason : std::uint8_t;  // statements.hpp

// Why a statement row counts nothing (NotCounted::reason): the stable code and its French label, in the order
// of formats.md section 5 (the first that applies wins), then what only tracking adds. The one table of
// the reasons: name(Reason), french_label(Reason) and reason_named read it.
struct ReasonInfo {
  Reason reason;
  std::string_view code;
  std::string_view label;
};
std::span<const ReasonInfo> not_counted_reasons();
// The French label of a reason code (the code itself for a code the catalogue does not list).
std::string_view reason_label(std::string_view reason);

}  // namespace clausier::track
