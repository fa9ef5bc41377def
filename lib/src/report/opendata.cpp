// Open data: the DECP `considerationsSociales` of each lot, and a flat CSV of hours per lot and year.
// Neither holds personal data; the flat file's participant counts follow the statistical-secrecy rule.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "clausier/report/render.hpp"
#include "clausier/text/table.hpp"

namespace clausier::report {
namespace {

using nlohmann::ordered_json;

// LotReport::decp holds the values joined with " ; " (none of them contains ';').
std::vector<std::string> split_values(std::string_view joined) {
  std::vector<std::string> out;
  constexpr std::string_view sep = " ; ";
  while (!joined.empty()) {
    const std::size_t at = joined.find(sep);
    out.emplace_back(joined.substr(0, at));
    if (at == std::string_view::npos) break;
    joined.remove_prefix(at + sep.size());
  }
  return out;
}

}  // namespace

std::string render_decp(const std::vector<OperationReport>& reports) {
  ordered_json doc;
  doc["format"] = "clausier/decp/1";
  ordered_json marches = ordered_json::array();
  for (const OperationReport& r : reports)
    for (const LotReport& l : r.lots)
      marches.push_back({{"operation", r.id},
                         {"lot", l.id},
                         {"objet", l.title},
                         {"considerationsSociales", {{"considerationSociale", split_values(l.decp)}}}});
  doc["marches"] = std::move(marches);
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

// One row per operation, lot and year; a lot with no year (no execution period, no counted row) still has
// one row, with an empty year and the lot's totals, so that every lot of the DECP file is there.
// suppressed: "oui" or "", as in render_csv; a suppressed participant count is empty.
std::string render_flat(const std::vector<OperationReport>& reports) {
  using text::csv_number;
  std::string out(text::utf8_bom);
  out += text::csv_row({"operation", "buyer", "lot", "title", "trade", "clause", "decp", "year", "target_hours",
                        "realised_hours", "participants", "suppressed"});
  for (const OperationReport& r : reports)
    for (const LotReport& l : r.lots) {
      auto row = [&](const std::string& year, double target, double realised, const Cell& people) {
        // A lot not awarded has no target: an empty cell, not 0.
        out += text::csv_row({r.id, r.buyer, l.id, l.title, l.trade, std::string(tender::name(l.clause)), l.decp, year,
                              l.has_target ? csv_number(target) : "",
                              csv_number(realised), people.suppressed ? "" : std::to_string(people.people),
                              people.suppressed ? "oui" : ""});
      };
      if (l.years.empty()) row("", l.target_hours, l.realised_hours, l.participants);
      for (const LotReport::Year& y : l.years)
        row(std::to_string(y.year), y.target_hours, y.realised_hours, y.participants);
    }
  return out;
}

}  // namespace clausier::report
