#include "as_of.hpp"

#include <fmt/format.h>

#include "clausier/core/text.hpp"
#include "clausier/io/json.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"

namespace clausier::hours {

using namespace clausier::tender;
using nlohmann::ordered_json;
using text::format_number;

namespace {

std::string hours_short(double v) { return format_number(v, 2) + "\u202Fh"; }
std::string due_cell(const Target& t) { return t.due() ? format_number(t.hours) : "—"; }
std::string why_not_due(const Target& t) {
  const Lot& lot = *t.lot->lot;
  if (!t.awarded && lot.award)
    return fmt::format("pas encore attribué (notifié le {}) : rien n'est dû",
                       text::format_date_short(lot.award->notified->value));
  if (!t.awarded) return "non attribué : rien n'est dû";
  return fmt::format("{} : rien n'est dû", french_label(t.lot->status));
}

// What one event did, in a few words: "tranche TO1", "montant du lot porté à 720 000,00 €, 600 h recalculées".
std::string change(const TargetStep& s) {
  const Event& e = *s.event;
  auto recomputed = [&](std::string what) {
    if (!s.raw_hours) return what;
    if (*s.raw_hours == *s.hours) return fmt::format("{}, {} recalculées", what, hours_short(*s.hours));
    return fmt::format("{}, {} recalculées, arrondies à {}", what, hours_short(*s.raw_hours), hours_short(*s.hours));
  };
  switch (e.kind.value) {
    case EventKind::tranche_exercised: return fmt::format("tranche {}", e.tranche->value);
    case EventKind::amendment:
      if (e.hours) return fmt::format("heures convenues : {}", hours_short(e.hours->value));
      if (e.tranche)
        return recomputed(fmt::format("montant de la tranche {} porté à {}", e.tranche->value, text::format_euros(e.amount->value)));
      return recomputed(fmt::format("montant du lot porté à {}", text::format_euros(e.amount->value)));
    case EventKind::orders: return recomputed(fmt::format("{} commandés au total", text::format_euros(e.amount->value)));
    case EventKind::end_changed: return fmt::format("fin d'exécution fixée au {}", text::format_date_short(e.end->value));
    case EventKind::terminated:
      if (e.hours) return fmt::format("heures convenues : {}", hours_short(e.hours->value));
      return recomputed(fmt::format("montant exécuté {}", text::format_euros(e.executed_amount->value)));
  }
  return "";
}

std::string hours_change(const TargetStep& s) {
  if (s.hours_before == s.hours_after) return fmt::format("{} inchangées", hours_short(s.hours_after));
  return fmt::format("{} → {}", hours_short(s.hours_before), hours_short(s.hours_after));
}

std::vector<std::string> optional_ids(const Target& t) {
  std::vector<std::string> ids;
  for (const TrancheResult& tr : t.lot->tranches)
    if (tr.tranche->kind == TrancheKind::optional) ids.push_back(tr.tranche->id.value);
  return ids;
}

bool changed(const Target& t) { return t.optional_hours > 0 || !t.steps.empty() || !t.due(); }

std::vector<text::Column> due_columns() {
  return {{"Lot"}, {"Heures calculées", true}, {"Heures dues", true}, {"Fin d'exécution"}, {"Changements", true}};
}

std::vector<text::Row> due_rows(const detail::Due& due) {
  std::vector<text::Row> rows;
  for (const Target& t : due.lots)
    rows.push_back({t.lot->lot->id.value, format_number(t.initial_hours), due_cell(t),
                    t.end ? text::format_date_short(*t.end) : "", std::to_string(t.steps.size())});
  return rows;
}

std::string title(tender::Date date) {
  return fmt::format("Heures dues au {} (événements du contrat appliqués)", text::format_date_long(date));
}

std::string total(const detail::Due& due, tender::Date date) {
  return fmt::format("Total dû au {} : {}", text::format_date_long(date), text::format_hours(due.total));
}

}  // namespace

std::vector<std::string> explain_target(const Target& t) {
  std::vector<std::string> out;
  const Lot& lot = *t.lot->lot;
  out.push_back(fmt::format("Heures dues au {} : {} ({} calculées)", text::format_date_long(t.date),
                            t.due() ? hours_short(t.hours) : "aucune", hours_short(t.initial_hours)));
  if (!t.due()) out.push_back("  " + why_not_due(t));
  if (t.optional_hours > 0) {
    std::vector<std::string> ids = optional_ids(t);
    bool several = ids.size() > 1;
    out.push_back(fmt::format("  sans {} {} (due{} une fois affermie{}) : {} − {} = {}",
                              several ? "les tranches optionnelles" : "la tranche optionnelle", join(ids, ", "),
                              several ? "s" : "", several ? "s" : "", hours_short(t.initial_hours),
                              hours_short(t.optional_hours), hours_short(round6(t.initial_hours - t.optional_hours))));
  }
  for (const TargetStep& s : t.steps) {
    const Event& e = *s.event;
    std::string note = e.note.empty() ? "" : fmt::format(" ({})", e.note);
    out.push_back(fmt::format("  {} — {}{} : {} ; {}", text::format_date_short(e.date.value), label(e.kind.value), note,
                              change(s), hours_change(s)));
  }
  if (t.end && (!lot.end || *t.end != lot.end->value))
    out.push_back(fmt::format("  fin d'exécution : le {}{}", text::format_date_short(*t.end),
                              t.terminated ? " (résiliation)" : ""));
  return out;
}

namespace detail {

Due due_at(const TenderResult& t, tender::Date date) {
  Due due;
  for (const LotResult& r : t.lots) {
    Target target = target_at(r, date);
    if (target.due()) due.total += target.hours;
    due.lots.push_back(std::move(target));
  }
  due.total = round6(due.total);
  return due;
}

namespace {

// Each lot whose hours due differ from its computed hours, or are none: a heading, then its lines.
struct LotLines {
  std::string heading;
  std::vector<std::string> lines;
};
std::vector<LotLines> changed_lots(const Due& due) {
  std::vector<LotLines> out;
  for (const Target& t : due.lots) {
    if (!changed(t) || t.lot->status == Status::no_clause) continue;
    std::vector<std::string> lines = explain_target(t);
    out.push_back({fmt::format("Lot {} — {}", t.lot->lot->id.value, lines.front()), {lines.begin() + 1, lines.end()}});
  }
  return out;
}

}  // namespace

std::string due_text(const Due& due, bool with_lines) {
  if (due.lots.empty()) return "";
  tender::Date date = due.lots.front().date;
  std::string out = "\n" + title(date) + "\n\n" + text::render_text_table(due_columns(), due_rows(due));
  out += "\n" + total(due, date) + "\n";
  if (!with_lines) return out;
  for (const LotLines& lot : changed_lots(due)) {
    out += "\n" + lot.heading + "\n";
    for (const std::string& line : lot.lines) out += line + "\n";
  }
  return out;
}

std::string due_markdown(const Due& due, bool with_lines) {
  if (due.lots.empty()) return "";
  tender::Date date = due.lots.front().date;
  std::string out = "\n" + title(date) + "\n\n" + text::render_markdown_table(due_columns(), due_rows(due));
  out += "\n**" + total(due, date) + "**\n";
  if (!with_lines) return out;
  std::vector<LotLines> lots = changed_lots(due);
  if (!lots.empty()) out += "\n";
  for (const LotLines& lot : lots) {
    out += "- **" + lot.heading + "**\n";
    for (const std::string& line : lot.lines) out += fmt::format("  - {}\n", std::string_view(line).substr(2));
  }
  return out;
}

ordered_json due_json(const Target& t) {
  using io::json_number;
  ordered_json j;
  j["as_of"] = io::iso(t.date);
  j["awarded"] = t.awarded;
  j["initial_hours"] = json_number(t.initial_hours);
  j["optional_hours"] = json_number(t.optional_hours);
  j["hours"] = t.due() ? json_number(t.hours) : ordered_json(nullptr);
  j["amount"] = json_number(t.amount);
  j["end"] = t.end ? ordered_json(io::iso(*t.end)) : ordered_json(nullptr);
  j["terminated"] = t.terminated;
  j["events"] = ordered_json::array();
  for (const TargetStep& s : t.steps) {
    const Event& e = *s.event;
    ordered_json ej;
    ej["date"] = io::iso(e.date.value);
    ej["kind"] = std::string(name(e.kind.value));
    ej["note"] = e.note.empty() ? ordered_json(nullptr) : ordered_json(e.note);
    if (e.tranche) ej["tranche"] = e.tranche->value;
    if (s.amount) ej["amount"] = json_number(*s.amount);
    if (e.end) ej["end"] = io::iso(e.end->value);
    if (s.raw_hours) ej["raw_hours"] = json_number(*s.raw_hours);
    if (s.hours) ej["hours"] = json_number(*s.hours);
    ej["hours_before"] = json_number(s.hours_before);
    ej["hours_after"] = json_number(s.hours_after);
    j["events"].push_back(std::move(ej));
  }
  return j;
}

}  // namespace detail

}  // namespace clausier::hours
