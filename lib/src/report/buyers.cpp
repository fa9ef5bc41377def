// The buyer's yearly indicators (report/buyers.hpp): the model and its JSON, Markdown and HTML.
#include "clausier/report/buyers.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <stdexcept>

#include "clausier/core/text.hpp"
#include "clausier/hours/target.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/status.hpp"
#include "html_parts.hpp"
#include "masking.hpp"

namespace clausier::report {

namespace {

using tender::Clause;

bool reserved(Clause c) { return c == Clause::reserved_siae || c == Clause::reserved_disability || c == Clause::reserved_both; }

bool social_consideration(const hours::LotResult& lot) {
  std::vector<std::string> values = decp_values(lot);
  return !(values.size() == 1 && values.front() == "Pas de considération sociale");
}

double round4(double v) { return std::round(v * 10000) / 10000; }

}  // namespace

BuyerCounter::BuyerCounter(std::optional<int> year, const rules::RuleSet& rules, const ReportOptions& options)
    : year_(year), rules_(rules), options_(options) {}

void BuyerCounter::add(const track::Operation& op) {
  const hours::TenderResult& result = *op.result();
  const tender::Tender& tender = *result.tender;
  track::Tracking t = track::track(result, op.participants, op.statements, {options_.as_of, options_.declared_hours});
  std::map<int, std::set<std::string_view>> people;  // year -> refs with counted hours on its lots
  std::set<int> years;
  for (std::size_t i = 0; i < result.lots.size(); ++i) {
    const hours::LotResult& r = result.lots[i];
    const tender::Lot& lot = *r.lot;
    if (!lot.award || !lot.award->notified || lot.award->notified->value > options_.as_of) continue;
    int year = lot.award->notified->value.year();
    if (year_ && year != *year_) continue;
    BuyerYear& row = rows_[{tender.buyer.name, year}];
    row.buyer = tender.buyer.name;
    row.year = year;
    years.insert(year);
    ++row.lots_notified;
    if (social_consideration(r)) ++row.lots_with_social_consideration;
    if (reserved(lot.clause.value)) {
      ++row.reserved_lots;
      std::optional<double> amount = hours::target_at(r, options_.as_of).amount;
      row.reserved_amount += amount.value_or(lot.amount ? lot.amount->value : 0);
    }
    const track::LotTracking& l = t.lots[i];
    if (l.tracked) row.target_hours += l.target_hours;
    row.realised_hours += l.counted_hours;
    if (l.tracked) row.shortfall.add(l.missing_hours, l.over_hours);
    for (std::uint32_t c : t.count.counted) {
      const track::StatementRow& statement = op.statements.rows[c];
      if (t.count.lot_of[statement.lot] == i) people[year].insert(op.statements.participants[statement.participant]);
    }
  }
  for (int year : years) {
    std::pair<std::string, int> key{tender.buyer.name, year};
    ++rows_[key].operations;
    people_[key].insert(people[year].begin(), people[year].end());
    // The consolidation's rule (docs/report.md): a count an operation's own bilan hides is hidden here too, so
    // that two tables differing by that operation cannot be subtracted.
    if (!people[year].empty() && static_cast<int>(people[year].size()) < options_.min_cell) small_.insert(key);
  }
}

BuyerIndicators BuyerCounter::finish() {
  BuyerIndicators out;
  out.as_of = options_.as_of;
  out.min_cell = options_.min_cell;
  out.year = year_;
  out.counting.rules_version = rules_.version();
  out.counting.rules_sha256 = rules_.sha256();
  const rules::NationalTarget* target = rules_.national_target(national_social_target_id);
  if (target == nullptr) throw std::logic_error("the built-in rule tables have no national target pnad-social");
  out.national_target = target->share;
  out.national_target_label = target->label;
  for (auto& [key, row] : rows_) {
    row.social_consideration_share = row.lots_notified > 0 ? round4(static_cast<double>(row.lots_with_social_consideration) /
                                                                    row.lots_notified)
                                                           : 0;
    row.target_hours = hours::round6(row.target_hours);
    row.realised_hours = hours::round6(row.realised_hours);
    row.reserved_amount = hours::round6(row.reserved_amount);
    row.shortfall.round();
    row.participants.key = "participants";
    row.participants.label = "personnes";
    row.participants.people = static_cast<int>(people_[key].size());
    suppress_small_cell(row.participants, out.min_cell);
    if (!row.participants.suppressed && small_.count(key) > 0)
      row.participants.suppressed = row.participants.secondary = true;
    if (row.participants.suppressed) ++out.suppressed_cells;
    out.rows.push_back(row);
  }
  return out;
}

namespace {

std::string title_of(const BuyerIndicators& b) {
  return b.year ? fmt::format("Indicateurs acheteurs {} — considérations sociales et clauses d'insertion", *b.year)
                : std::string("Indicateurs acheteurs — considérations sociales et clauses d'insertion");
}

std::vector<text::Row> table_rows(const BuyerIndicators& b) {
  std::vector<text::Row> rows;
  for (const BuyerYear& r : b.rows)
    rows.push_back({r.buyer, std::to_string(r.year), text::format_number(r.lots_notified),
                    text::format_number(r.lots_with_social_consideration), text::format_percent(r.social_consideration_share, 1),
                    r.social_consideration_share >= b.national_target ? "atteint" : "non atteint",
                    text::format_euros(r.reserved_amount), text::format_hours(r.target_hours), text::format_hours(r.realised_hours),
                    detail::people(r.participants, b.min_cell)});
  return rows;
}

std::vector<text::Column> table_columns(const BuyerIndicators& b) {
  return {{"Acheteur"},
          {"Année", true},
          {"Lots notifiés", true},
          {"Avec considération sociale", true},
          {"Part", true},
          {"Objectif de " + text::format_percent(b.national_target, 1)},
          {"Lots réservés (€ HT)", true},
          {"Heures dues", true},
          {"Heures réalisées", true},
          {"Personnes", true}};
}

std::string explanation(const BuyerIndicators& b) {
  return fmt::format(
      "Situation au {}. Un lot compte dans l'année de sa notification (award.notified). Il a une considération "
      "sociale quand sa clause d'insertion est mise en œuvre, qu'il a un critère d'attribution social ou qu'il est "
      "réservé (les valeurs des données essentielles, DECP). L'objectif national est de {} ({}). Les lots réservés "
      "(articles L. 2113-12 et L. 2113-13 du code de la commande publique) sont comptés pour leur montant à la date. {}",
      text::format_date_long(b.as_of), text::format_percent(b.national_target, 1), b.national_target_label,
      detail::buyer_privacy_note(b.min_cell));
}

}  // namespace

std::string render_markdown(const BuyerIndicators& b) {
  std::string out = "# " + title_of(b) + "\n\n" + explanation(b) + "\n\n";
  if (b.rows.empty()) return out + "Aucun lot notifié" + (b.year ? fmt::format(" en {}", *b.year) : std::string()) + ".\n";
  return out + text::render_markdown_table(table_columns(b), table_rows(b));
}

std::string render_html(const BuyerIndicators& b) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escaped(title_of(b)) +
                    "</title>\n<style>\nbody{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}"
                    "table{border-collapse:collapse}th,td{border:1px solid #999;padding:.3em .6em}"
                    "td.n{text-align:right}th{background:#eef}.masked{color:#6b6b6b;font-style:italic}\n"
                    "@page{size:A4 landscape;margin:15mm}\n</style>\n"
                    "</head>\n<body>\n<h1>" +
                    html_escaped(title_of(b)) + "</h1>\n<p>" + html_escaped(explanation(b)) + "</p>\n<table>\n<thead><tr>";
  const std::vector<text::Column> columns = table_columns(b);
  for (const text::Column& c : columns) out += "<th>" + html_escaped(c.header) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  const std::vector<text::Row> rows = table_rows(b);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "<tr>";
    // The people, last, as every HTML report writes a count: greyed when hidden.
    for (std::size_t i = 0; i < rows[r].size(); ++i)
      out += (columns[i].right ? "<td class=\"n\">" : "<td>") +
             (i + 1 == rows[r].size() ? detail::people_html(b.rows[r].participants, b.min_cell) : html_escaped(rows[r][i])) +
             "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</body>\n</html>\n";
}

}  // namespace clausier::report
