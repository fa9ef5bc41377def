#include "clausier/track/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#include "clausier/core/text.hpp"
#include "clausier/core/source.hpp"
#include "clausier/io/json.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/catalogue.hpp"

namespace clausier::track {

using nlohmann::ordered_json;
using text::format_number;

namespace {

std::string euros(double v) { return v > 0 ? text::format_euros(v) : "—"; }

}  // namespace

std::string render_text(const Tracking& t, const tender::Tender& tender) {
  std::string out = fmt::format("Suivi au {} — opération {} — {}\n", text::format_date_long(t.as_of), tender.id.value,
                                tender.title);
  if (t.tolerance > 0) out += fmt::format("Tolérance avant retard : {}\n", text::format_percent(t.tolerance));
  std::vector<text::Column> cols{{"Lot"},          {"Titulaire"},     {"Objectif", true}, {"Réalisé", true},
                                 {"Attendu", true}, {"Statut"},       {"Prévision", true}, {"Manquant", true},
                                 {"Pénalité possible", true}};
  std::vector<text::Row> rows;
  for (const LotTracking& l : t.lots) {
    if (!l.tracked) continue;
    rows.push_back({l.lot->lot->id.value, l.contractor.empty() ? "(non attribué)" : l.contractor,
                    format_number(l.target_hours), format_number(l.counted_hours), format_number(l.expected_hours),
                    std::string(french_label(l.status)), format_number(l.forecast_hours), format_number(l.missing_hours),
                    euros(l.penalty_exposure)});
  }
  out += "\n" + text::render_text_table(cols, rows);
  int untracked = 0;
  std::vector<std::string> not_awarded;
  for (const LotTracking& l : t.lots) {
    if (l.status == LotStatus::not_awarded) not_awarded.push_back(l.lot->lot->id.value);
    else untracked += l.tracked ? 0 : 1;
  }
  if (untracked > 0) out += fmt::format("({} lot(s) sans clause mise en œuvre, non suivis)\n", untracked);
  if (!not_awarded.empty())
    out += fmt::format("(non attribué, rien n'est dû : lot{} {})\n", not_awarded.size() > 1 ? "s" : "", join(not_awarded, ", "));

  if (!t.contractors.empty()) {
    out += "\nPar titulaire\n";
    std::vector<text::Row> crows;
    for (const auto& c : t.contractors)
      crows.push_back({c.name, join(c.lots, ", "), format_number(c.target_hours), format_number(c.counted_hours),
                       format_number(c.expected_hours), format_number(c.missing_hours), euros(c.penalty_exposure)});
    out += text::render_text_table({{"Titulaire"}, {"Lots"}, {"Objectif", true}, {"Réalisé", true}, {"Attendu", true},
                                    {"Manquant", true}, {"Pénalité possible", true}},
                                   crows);
  }
  out += fmt::format("\nParticipants dont des heures comptent : {}\n", t.participants.size());
  if (!t.participants.empty()) {
    std::vector<text::Row> prows;
    for (const auto& p : t.participants) prows.push_back({p.ref, join(p.lots, ", "), format_number(p.counted_hours)});
    out += text::render_text_table({{"Participant"}, {"Lots"}, {"Heures comptées", true}}, prows);
  }
  if (!t.not_counted.empty()) {
    double hours = 0;
    for (const auto& n : t.not_counted) hours += n.hours;
    out += fmt::format("\nLignes qui ne comptent pas : {} (heures déclarées : {})\n", t.not_counted.size(),
                       text::format_number(hours));
    for (const auto& n : t.not_counted)
      out += fmt::format("{}:{}: {} : {} ({} h)\n", n.file,
                         n.sheet.empty() ? std::to_string(n.line) : sheet_cell_name(n.sheet, {n.line, 0}),
                         reason_label(n.reason), n.detail, format_number(n.hours));
  }
  return out;
}

namespace {

std::string json_string(std::string_view s) {
  return ordered_json(s).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// The not-counted lists can hold a million rows: they are written as text, one line per row, rather
// than built as JSON objects (which would take gigabytes). `indent` is the indentation of the key.
void write_not_counted(std::string& out, const std::vector<NotCounted>& list, std::size_t indent) {
  if (list.empty()) {
    out += "[]";
    return;
  }
  std::string pad(indent + 2, ' ');
  out += "[\n";
  for (std::size_t i = 0; i < list.size(); ++i) {
    const NotCounted& n = list[i];
    out += pad;
    // A workbook's row names its sheet (formats.md 5.1).
    out += fmt::format("{{\"file\": {}, {}\"line\": {}, \"reason\": {}, \"detail\": {}, \"lot\": {}, \"hours\": {}}}",
                       json_string(n.file), n.sheet.empty() ? "" : "\"sheet\": " + json_string(n.sheet) + ", ", n.line,
                       json_string(n.reason), json_string(n.detail), json_string(n.lot), io::json_number(n.hours).dump());
    out += i + 1 < list.size() ? ",\n" : "\n";
  }
  out += std::string(indent, ' ') + "]";
}

// Replaces each "\u0001not_counted:N" placeholder of the dumped document by the list it stands for.
std::string splice(const std::string& dumped, const std::vector<const std::vector<NotCounted>*>& lists) {
  std::string out;
  out.reserve(dumped.size());
  std::size_t pos = 0;
  const std::string marker = "\"\\u0001not_counted:";
  while (true) {
    std::size_t at = dumped.find(marker, pos);
    if (at == std::string::npos) break;
    std::size_t end = dumped.find('"', at + marker.size());
    std::size_t index = std::stoul(dumped.substr(at + marker.size(), end - at - marker.size()));
    std::size_t line_start = dumped.rfind('\n', at);
    std::size_t indent = dumped.find_first_not_of(' ', line_start + 1) - line_start - 1;
    out.append(dumped, pos, at - pos);
    write_not_counted(out, *lists[index], indent);
    pos = end + 1;
  }
  out.append(dumped, pos, std::string::npos);
  return out;
}

}  // namespace

std::string render_json(const Tracking& t, const tender::Tender& tender, const rules::RuleSet& rules) {
  using io::json_number;
  ordered_json doc;
  doc["format"] = "clausier/track/1";
  doc["rules"] = {{"version", rules.version()}, {"sha256", rules.sha256()}};
  doc["tender"] = tender.id.value;
  doc["as_of"] = io::iso(t.as_of);
  doc["tolerance"] = json_number(t.tolerance);
  doc["lots"] = ordered_json::array();
  std::vector<const std::vector<NotCounted>*> lists;
  for (const LotTracking& l : t.lots) {
    ordered_json j;
    j["id"] = l.lot->lot->id.value;
    j["title"] = l.lot->lot->title;
    j["contractor"] = l.contractor.empty() ? ordered_json(nullptr) : ordered_json(l.contractor);
    j["tracked"] = l.tracked;
    // A lot not awarded has no target and nothing expected (formats.md section 7).
    const bool not_awarded = l.status == LotStatus::not_awarded;
    j["target_hours"] = not_awarded ? ordered_json(nullptr) : json_number(l.target_hours);
    if (l.declared_hours) j["declared_hours"] = json_number(*l.declared_hours);
    j["counted_hours"] = json_number(l.counted_hours);
    j["expected_hours"] = not_awarded ? ordered_json(nullptr) : json_number(l.expected_hours);
    j["status"] = l.tracked || not_awarded ? ordered_json(std::string(name(l.status))) : ordered_json(nullptr);
    j["end"] = l.end ? ordered_json(io::iso(*l.end)) : ordered_json(nullptr);
    j["forecast_hours"] = json_number(l.forecast_hours);
    j["missing_hours"] = json_number(l.missing_hours);
    j["penalty_exposure"] = json_number(l.penalty_exposure);
    j["participants"] = l.participants;
    j["not_counted"] = fmt::format("\u0001not_counted:{}", lists.size());
    lists.push_back(&l.not_counted);
    doc["lots"].push_back(std::move(j));
  }
  doc["contractors"] = ordered_json::array();
  for (const auto& c : t.contractors)
    doc["contractors"].push_back({{"name", c.name},
                                  {"lots", c.lots},
                                  {"target_hours", json_number(hours::round6(c.target_hours))},
                                  {"counted_hours", json_number(hours::round6(c.counted_hours))},
                                  {"expected_hours", json_number(hours::round6(c.expected_hours))},
                                  {"missing_hours", json_number(hours::round6(c.missing_hours))},
                                  {"penalty_exposure", json_number(hours::round6(c.penalty_exposure))}});
  doc["participants"] = ordered_json::array();
  for (const auto& p : t.participants)
    doc["participants"].push_back({{"ref", p.ref}, {"lots", p.lots}, {"counted_hours", json_number(p.counted_hours)}});
  doc["not_counted"] = fmt::format("\u0001not_counted:{}", lists.size());
  lists.push_back(&t.not_counted);
  return splice(doc.dump(2, ' ', false, ordered_json::error_handler_t::replace), lists) + "\n";
}

std::string render_csv(const Tracking& t, const tender::Tender& tender) {
  using text::csv_number;
  std::string out(text::utf8_bom);
  out += text::csv_row({"operation", "date_suivi", "lot", "titulaire", "objectif", "realise", "attendu", "statut", "prevision",
                        "manquant", "penalite_possible", "participants", "lignes_non_comptees"});
  for (const LotTracking& l : t.lots) {
    if (!l.tracked) continue;
    out += text::csv_row({tender.id.value, io::iso(t.as_of), l.lot->lot->id.value, l.contractor, csv_number(l.target_hours),
                          csv_number(l.counted_hours), csv_number(l.expected_hours), std::string(french_label(l.status)),
                          csv_number(l.forecast_hours), csv_number(l.missing_hours), csv_number(l.penalty_exposure, 2),
                          std::to_string(l.participants), std::to_string(l.not_counted.size())});
  }
  return out;
}

}  // namespace clausier::track
