#include "clausier/hours/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clausier/core/text.hpp"
#include "clausier/io/json.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "as_of.hpp"

namespace clausier::hours {

using namespace clausier::tender;
using nlohmann::ordered_json;
using text::format_number;
using text::format_percent;

std::optional<std::vector<calendar::SchedulePart>> lot_schedule(const LotResult& r, calendar::Period period) {
  const Lot& lot = *r.lot;
  if (r.status != Status::ok || !lot.start || !lot.end) return std::nullopt;
  return calendar::split_hours(r.hours, lot.start->value, lot.end->value, period);
}

namespace {

std::string period_name(calendar::Period p) { return p == calendar::Period::month ? "mois" : "année"; }

std::string cell_amount(const LotResult& r) { return r.amount ? text::format_euros(*r.amount) : ""; }
std::string cell_share(const LotResult& r) {
  return r.params.labour_share ? format_percent(r.params.labour_share->value) : "";
}
std::string cell_rate(const LotResult& r) { return r.params.rate ? format_percent(r.params.rate->value) : ""; }
std::string cell_cost(const LotResult& r) {
  return r.params.hourly_cost ? format_number(r.params.hourly_cost->value) + "\u202F€/h" : "";
}

std::vector<text::Column> lot_columns() {
  return {{"Lot"},          {"Intitulé"}, {"Méthode"},      {"Montant HT", true}, {"Part MO", true},
          {"Taux", true},   {"Coût horaire", true},           {"Heures", true},     {"Statut"}};
}

// Long titles would push the figures off a terminal; the full title is in every other format.
std::string short_title(const std::string& title, std::size_t max_chars) {
  if (utf8_width(title) <= max_chars) return title;
  return title.substr(0, utf8_offset(title, static_cast<int>(max_chars - 1))) + "…";
}

std::vector<text::Row> lot_rows(const TenderResult& t, std::size_t title_chars) {
  std::vector<text::Row> rows;
  for (const LotResult& r : t.lots) {
    const Lot& lot = *r.lot;
    std::string method = r.status == Status::no_clause ? "" : std::string(french_label(lot.method.value));
    rows.push_back({lot.id.value, short_title(lot.title, title_chars), method, cell_amount(r), cell_share(r),
                    cell_rate(r), cell_cost(r), format_number(r.hours), std::string(french_label(r.status))});
    for (const TrancheResult& tr : r.tranches)
      rows.push_back({"", fmt::format("  tranche {} ({})", tr.tranche->id.value,
                                      tr.tranche->kind == TrancheKind::firm ? "ferme" : "optionnelle"),
                      "", text::format_euros(tr.tranche->amount.value), "", "", "", format_number(tr.hours), ""});
  }
  return rows;
}

std::string total_line(const TenderResult& t) {
  int ok = 0;
  for (const LotResult& r : t.lots) ok += r.status == Status::ok ? 1 : 0;
  return fmt::format("Total : {} ({} {} sur {})", text::format_hours(t.total_hours), ok,
                     ok > 1 ? "lots retenus" : "lot retenu", t.lots.size());
}

std::vector<text::Column> schedule_columns(calendar::Period p) {
  return {{p == calendar::Period::month ? "Mois" : "Année"}, {"Du"}, {"Au"}, {"Jours ouvrés", true}, {"Heures", true}};
}
std::vector<text::Row> schedule_rows(const std::vector<calendar::SchedulePart>& parts) {
  std::vector<text::Row> rows;
  for (const auto& part : parts)
    rows.push_back({part.label, text::format_date_short(part.first), text::format_date_short(part.last),
                    std::to_string(part.working_days), format_number(part.hours)});
  return rows;
}

// The lot's explanation, and with --as-of how its hours due at that date come from it.
std::vector<std::string> explanation(const LotResult& r, const RenderOptions& options) {
  std::vector<std::string> lines = explain_lot(r);
  if (options.as_of && r.status != Status::no_clause)
    for (const std::string& line : explain_target(target_at(r, *options.as_of))) lines.push_back("  " + line);
  return lines;
}

std::string grand_total(const std::vector<TenderResult>& results) {
  double total = 0;
  for (const auto& t : results) total += t.total_hours;
  return fmt::format("Total général : {} ({} opérations)", text::format_hours(round6(total)), results.size());
}

}  // namespace

std::string render_text(const std::vector<TenderResult>& results, const RenderOptions& options) {
  std::string out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const TenderResult& t = results[i];
    if (i > 0) out += "\n";
    out += fmt::format("Opération {} — {}\n", t.tender->id.value, t.tender->title);
    if (!t.overrides.empty()) {
      std::string list;
      for (const auto& o : t.overrides) list += (list.empty() ? "" : ", ") + o;
      out += fmt::format("Simulation, valeurs modifiées par --set : {}\n", list);
    }
    out += "\n" + text::render_text_table(lot_columns(), lot_rows(t, 40));
    out += "\n" + total_line(t) + "\n";
    if (options.as_of) out += detail::due_text(detail::due_at(t, *options.as_of), !options.explain);
    if (options.explain) {
      out += "\nDétail du calcul\n";
      for (const LotResult& r : t.lots) {
        out += "\n";
        for (const auto& line : explanation(r, options)) out += line + "\n";
      }
    }
    if (options.schedule) {
      out += fmt::format("\nCalendrier des heures par {} (au prorata des jours ouvrés, jours fériés exclus)\n",
                         period_name(*options.schedule));
      for (const LotResult& r : t.lots) {
        auto parts = lot_schedule(r, *options.schedule);
        if (!parts) {
          if (r.status == Status::ok)
            out += fmt::format("\nLot {} : pas de dates d'exécution (start, end), pas de calendrier\n", r.lot->id.value);
          continue;
        }
        out += fmt::format("\nLot {} — {} ({} au {})\n", r.lot->id.value, text::format_hours(r.hours),
                           text::format_date_short(r.lot->start->value), text::format_date_short(r.lot->end->value));
        out += text::render_text_table(schedule_columns(*options.schedule), schedule_rows(*parts));
      }
    }
  }
  if (results.size() > 1) out += "\n" + grand_total(results) + "\n";
  return out;
}

std::string render_markdown(const std::vector<TenderResult>& results, const RenderOptions& options) {
  std::string out;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const TenderResult& t = results[i];
    if (i > 0) out += "\n";
    out += fmt::format("### {} — {}\n\n", t.tender->id.value, t.tender->title);
    if (!t.overrides.empty()) {
      std::string list;
      for (const auto& o : t.overrides) list += (list.empty() ? "" : ", ") + fmt::format("`{}`", o);
      out += fmt::format("Simulation, valeurs modifiées par `--set` : {}\n\n", list);
    }
    out += text::render_markdown_table(lot_columns(), lot_rows(t, 1000));
    out += "\n**" + total_line(t) + "**\n";
    if (options.as_of) out += detail::due_markdown(detail::due_at(t, *options.as_of), !options.explain);
    if (options.explain) {
      out += "\n";
      for (const LotResult& r : t.lots) {
        auto lines = explanation(r, options);
        out += fmt::format("- **{}**\n", lines.front());
        for (std::size_t k = 1; k < lines.size(); ++k) {
          std::string_view l = lines[k];
          while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
          out += fmt::format("  - {}\n", l);
        }
      }
    }
    if (options.schedule) {
      for (const LotResult& r : t.lots) {
        auto parts = lot_schedule(r, *options.schedule);
        if (!parts) continue;
        out += fmt::format("\nCalendrier du lot {} ({})\n\n", r.lot->id.value, text::format_hours(r.hours));
        out += text::render_markdown_table(schedule_columns(*options.schedule), schedule_rows(*parts));
      }
    }
  }
  if (results.size() > 1) out += "\n**" + grand_total(results) + "**\n";
  return out;
}

std::string render_csv(const std::vector<TenderResult>& results, const RenderOptions& options) {
  using text::csv_number;
  using text::csv_row;
  std::string out(text::utf8_bom);
  auto opt = [](const std::optional<Param<double>>& p) { return p ? csv_number(p->value) : std::string(); };
  if (options.schedule) {
    out += csv_row({"operation", "lot", "periode", "du", "au", "jours_ouvres", "heures"});
    for (const TenderResult& t : results)
      for (const LotResult& r : t.lots)
        if (auto parts = lot_schedule(r, *options.schedule))
          for (const auto& p : *parts)
            out += csv_row({t.tender->id.value, r.lot->id.value, p.label, io::iso(p.first), io::iso(p.last),
                            std::to_string(p.working_days), csv_number(p.hours)});
    return out;
  }
  text::Row header{"operation", "lot", "intitule", "methode", "clause", "base", "montant_ht", "part_main_oeuvre", "taux",
                   "cout_horaire", "heures_brutes", "heures", "minimum", "statut"};
  if (options.as_of) header.insert(header.end(), {"date_heures_dues", "heures_dues", "fin_execution"});
  out += csv_row(header);
  for (const TenderResult& t : results) {
    for (const LotResult& r : t.lots) {
      const Lot& lot = *r.lot;
      text::Row row{t.tender->id.value, lot.id.value, lot.title, std::string(name(lot.method.value)),
                    std::string(name(lot.clause.value)), std::string(name(r.basis)),
                    r.amount ? csv_number(*r.amount, 2) : "", opt(r.params.labour_share), opt(r.params.rate),
                    opt(r.params.hourly_cost), csv_number(r.raw_hours), csv_number(r.hours),
                    csv_number(r.params.minimum_hours.value), std::string(french_label(r.status))};
      if (options.as_of) {
        Target due = target_at(r, *options.as_of);
        row.insert(row.end(), {io::iso(*options.as_of), due.due() ? csv_number(due.hours) : "",
                               due.end ? io::iso(*due.end) : ""});
      }
      out += csv_row(row);
    }
  }
  return out;
}

namespace {

using io::json_number;
ordered_json param_json(const std::optional<Param<double>>& p) {
  return p ? json_number(p->value) : ordered_json(nullptr);
}

ordered_json source_json(const Param<double>& p) {
  ordered_json s{{"from", std::string(name(p.source))}};
  if (p.pos.line > 0) s["line"] = p.pos.line;
  if (!p.detail.empty()) s["detail"] = p.detail;
  return s;
}

ordered_json lot_json(const LotResult& r, const RenderOptions& options) {
  const Lot& lot = *r.lot;
  const ResolvedLot& p = r.params;
  ordered_json j;
  j["id"] = lot.id.value;
  j["title"] = lot.title;
  j["method"] = std::string(name(lot.method.value));
  j["clause"] = std::string(name(lot.clause.value));
  j["amount"] = json_number(r.amount);
  j["basis"] = std::string(name(r.basis));
  j["labour_share"] = param_json(p.labour_share);
  j["rate"] = param_json(p.rate);
  j["hourly_cost"] = param_json(p.hourly_cost);
  j["raw_hours"] = json_number(r.raw_hours);
  j["hours"] = json_number(r.hours);
  j["status"] = std::string(name(r.status));
  j["minimum_hours"] = json_number(p.minimum_hours.value);
  j["rounding"] = {{"mode", std::string(name(p.rounding.value))}, {"step", json_number(p.rounding_step.value)}};
  ordered_json tranches = ordered_json::array();
  for (const TrancheResult& t : r.tranches)
    tranches.push_back({{"id", t.tranche->id.value},
                        {"kind", std::string(name(t.tranche->kind))},
                        {"optional", t.tranche->kind == TrancheKind::optional},
                        {"amount", json_number(t.tranche->amount.value)},
                        {"raw_hours", json_number(t.raw_hours)},
                        {"hours", json_number(t.hours)}});
  j["tranches"] = tranches;
  if (lot.method.value == Method::fixed) j["fixed_hours"] = json_number(lot.hours->value);
  if (lot.method.value == Method::fte) j["fte"] = {{"fte", json_number(lot.fte->value)}, {"months", json_number(lot.months->value)}};
  if (r.pact)
    j["pact"] = {{"c", json_number(round6(r.pact->c))},
                 {"p", json_number(round6(r.pact->p))},
                 {"months", json_number(r.pact->months)},
                 {"transferred_staff_monthly_hours", json_number(r.pact->transferred)}};
  ordered_json sources = ordered_json::object();
  if (p.labour_share) sources["labour_share"] = source_json(*p.labour_share);
  if (p.rate) sources["rate"] = source_json(*p.rate);
  if (p.hourly_cost) sources["hourly_cost"] = source_json(*p.hourly_cost);
  sources["minimum_hours"] = source_json(p.minimum_hours);
  j["sources"] = sources;
  j["overridden"] = p.overridden;
  if (options.as_of) j["due"] = detail::due_json(target_at(r, *options.as_of));
  if (options.explain) j["explanation"] = explanation(r, options);
  if (options.schedule) {
    ordered_json schedule = ordered_json::array();
    if (auto parts = lot_schedule(r, *options.schedule))
      for (const auto& part : *parts)
        schedule.push_back({{"period", part.label},
                            {"first", io::iso(part.first)},
                            {"last", io::iso(part.last)},
                            {"working_days", part.working_days},
                            {"hours", json_number(part.hours)}});
    j["schedule"] = schedule;
  }
  return j;
}

}  // namespace

std::string render_json(const std::vector<TenderResult>& results, const std::vector<Failure>& failures,
                        const rules::RuleSet& rules, const RenderOptions& options) {
  ordered_json doc;
  doc["format"] = "clausier/hours/1";
  doc["rules"] = {{"version", rules.version()}, {"sha256", rules.sha256()}};
  doc["tenders"] = ordered_json::array();
  double grand = 0, grand_due = 0;
  if (options.as_of) doc["as_of"] = io::iso(*options.as_of);
  for (const TenderResult& t : results) {
    ordered_json tj;
    tj["id"] = t.tender->id.value;
    tj["title"] = t.tender->title;
    tj["path"] = t.tender->path;
    tj["overrides"] = t.overrides;
    tj["lots"] = ordered_json::array();
    for (const LotResult& r : t.lots) tj["lots"].push_back(lot_json(r, options));
    tj["total_hours"] = json_number(t.total_hours);
    grand += t.total_hours;
    if (options.as_of) {
      double due = detail::due_at(t, *options.as_of).total;
      tj["due_hours"] = json_number(due);
      grand_due += due;
    }
    doc["tenders"].push_back(std::move(tj));
  }
  doc["total_hours"] = json_number(round6(grand));
  if (options.as_of) doc["due_hours"] = json_number(round6(grand_due));
  doc["failures"] = ordered_json::array();
  for (const Failure& f : failures) {
    ordered_json fj{{"path", f.path}, {"diagnostics", ordered_json::array()}};
    for (const auto& d : f.diagnostics) fj["diagnostics"].push_back(io::diagnostic_json(d));
    doc["failures"].push_back(std::move(fj));
  }
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace clausier::hours
