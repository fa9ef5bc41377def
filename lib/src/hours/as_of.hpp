#pragma once
// hours --as-of: the hours due at a date, lot events applied (hours/target.hpp), in each format.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "clausier/hours/render.hpp"
#include "clausier/hours/target.hpp"

namespace clausier::hours::detail {

// The targets of every lot of an operation at the date, and their sum over the lots where hours are due.
struct Due {
  std::vector<Target> lots;
  double total = 0;
};
Due due_at(const TenderResult& t, tender::Date date);

// A table of each lot's computed and due hours and its end, the total due, then (unless the explanation
// already gives them) the lines of each lot whose hours changed.
std::string due_text(const Due& due, bool with_lines);
std::string due_markdown(const Due& due, bool with_lines);
// The lot's "due" object of the JSON (formats.md section 7.3).
nlohmann::ordered_json due_json(const Target& t);

}  // namespace clausier::hours::detail
