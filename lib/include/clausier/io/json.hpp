#pragma once
// JSON helpers shared by every tool's --format json.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <optional>

#include "clausier/core/diagnostic.hpp"

namespace clausier::io {

// Whole numbers are written as integers (833, not 833.0), as formats.md shows them; others as they are.
// json_integer is that integer, or nothing for a number written as it is.
inline std::optional<std::int64_t> json_integer(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9007199254740992.0 && v == std::floor(v)) return static_cast<std::int64_t>(v);
  return std::nullopt;
}
inline nlohmann::ordered_json json_number(double v) {
  if (std::optional<std::int64_t> i = json_integer(v)) return nlohmann::ordered_json(*i);
  return nlohmann::ordered_json(v);
}
inline nlohmann::ordered_json json_number(const std::optional<double>& v) {
  return v ? json_number(*v) : nlohmann::ordered_json(nullptr);
}

// A diagnostic as every tool's JSON lists it: rule, severity, path, sheet (a workbook's, when there is
// one), line, column, message and hint, in French as stderr shows them, never the source line (it may hold
// refused personal data).
inline nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
  nlohmann::ordered_json j{{"rule", d.rule}, {"severity", std::string(severity_name(d.severity))}, {"path", d.path}};
  if (!d.sheet.empty()) j["sheet"] = d.sheet;
  j["line"] = d.pos.line;
  j["column"] = d.pos.column;
  j["message"] = d.message;
  j["hint"] = d.hint;
  return j;
}

}  // namespace clausier::io
