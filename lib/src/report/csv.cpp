// The bilan as one long CSV table (render.hpp): one row per figure, for pivot tables and scripts.
//
// Columns: table;operation;lot;group;breakdown;key;label;people;hours;suppressed
// - table: operation, lot, lot_year, contractor, breakdown, month, not_counted (operation report);
//   total, group, breakdown, operation, agreement, agreement_lot (consolidation of a portfolio with pooling
//   agreements: an agreement's figures, and each pooled lot's with its share of the agreement's missing hours).
// - group: the year of a lot_year row, the contractor's name, the month ("2027-03"), the group key of a
//   consolidation ("" for the whole), or the agreement's id.
// - key: a stable code (target_hours, realised_hours, participants, a cell key, a reason code, ...);
//   label: its French wording. Each breakdown starts with its key "population" (the people it is about).
// - people: a number of people; for the counts that are not people it holds the count the key names
//   (work_contracts: contracts, not_counted: statement rows, operations, contracts_with_clause,
//   lots_with_clause, fte: full-time equivalents). Empty when the figure has no count.
// - hours: hours, decimal comma; empty when the figure has none (a breakdown whose cells carry no hours).
// - suppressed: "oui" for a cell under the statistical-secrecy threshold, whose people and hours are then
//   empty; "" otherwise. "oui"/"" rather than 1/0: French spreadsheet users filter on it by eye.
#include <string>

#include "clausier/report/render.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "masking.hpp"

namespace clausier::report {
namespace {

using text::csv_number;

struct Where {
  std::string table, operation, lot, group, breakdown;
};

class Writer {
 public:
  Writer() : out_(text::utf8_bom) {
    out_ += text::csv_row({"table", "operation", "lot", "group", "breakdown", "key", "label", "people", "hours",
                           "suppressed"});
  }
  void hours(const Where& w, const std::string& key, const std::string& label, double h) {
    row(w, key, label, "", csv_number(h), "");
  }
  void count(const Where& w, const std::string& key, const std::string& label, long long n, std::string hours = "") {
    row(w, key, label, std::to_string(n), std::move(hours), "");
  }
  void hidden(const Where& w, const std::string& key, const std::string& label) { row(w, key, label, "", "", "oui"); }
  void cell(const Where& w, const Cell& c, bool with_hours) {
    if (c.suppressed)
      hidden(w, c.key, c.label);
    else
      row(w, c.key, c.label, std::to_string(c.people), with_hours ? csv_number(c.hours) : "", "");
  }
  void breakdowns(Where w, const std::vector<Breakdown>& list) {
    w.table = "breakdown";
    for (const Breakdown& b : list) {
      w.breakdown = b.id;
      cell(w, detail::population_cell(b), false);
      for (const Cell& c : b.cells) cell(w, c, b.has_hours);
    }
  }
  std::string take() { return std::move(out_); }

 private:
  void row(const Where& w, const std::string& key, const std::string& label, std::string people, std::string hours,
           std::string suppressed) {
    out_ += text::csv_row({w.table, w.operation, w.lot, w.group, w.breakdown, key, label, std::move(people),
                           std::move(hours), std::move(suppressed)});
  }
  std::string out_;
};

// People with counted hours: a suppressible count, written under one key whatever the model labels it.
// Their hours are the row's realised hours, already written: the cell gives only the people.
Cell participants(const Cell& c) {
  Cell out = c;
  out.key = "participants";
  out.label = "Participants";
  return out;
}

// Missing and over hours, each lot's own summed apart (formats.md section 7).
void shortfall_rows(Writer& w, const Where& where, const Shortfall& s) {
  w.hours(where, "missing_hours", "Heures manquantes", s.missing);
  w.hours(where, "over_hours", "Heures au-delà de l'objectif", s.over);
}

void group_rows(Writer& w, const Where& where, const GroupReport& g) {
  w.count(where, "operations", "Opérations", g.operations);
  w.count(where, "contracts_with_clause", "Marchés avec une clause sociale", g.contracts_with_clause);
  if (g.has_target) w.hours(where, "target_hours", "Heures d'insertion prévues", g.target_hours);
  const std::string fte_label = "Équivalents temps plein (" + text::format_hours(fte_hours) + ")";
  // A route group the whole hides: its hours are the hidden cell's.
  if (g.hours_suppressed) w.hidden(where, "realised_hours", "Heures d'insertion réalisées");
  else w.hours(where, "realised_hours", "Heures d'insertion réalisées", g.realised_hours);
  if (g.has_target) shortfall_rows(w, where, g.shortfall);
  if (g.hours_suppressed) w.hidden(where, "fte", fte_label);
  else w.count(where, "fte", fte_label, g.fte);
  w.cell(where, participants(g.participants), false);
  w.cell(where, published_work_contracts(g.work_contracts, g.participants), false);
  w.breakdowns(where, g.breakdowns);
}

}  // namespace

std::string render_csv(const OperationReport& r) {
  Writer w;
  const Where op{"operation", r.id, "", "", ""};
  w.hours(op, "target_hours", "Heures d'insertion prévues", r.target_hours);
  w.hours(op, "realised_hours", "Heures d'insertion réalisées", r.realised_hours);
  shortfall_rows(w, op, r.shortfall);
  w.cell(op, participants(r.participants), false);
  w.cell(op, r.validated_participants, false);
  w.cell(op, published_work_contracts(r.work_contracts, r.participants), false);
  for (const LotReport& l : r.lots) {
    const Where lot{"lot", r.id, l.id, "", ""};
    if (l.has_target) w.hours(lot, "target_hours", "Heures d'insertion prévues", l.target_hours);
    w.hours(lot, "realised_hours", "Heures d'insertion réalisées", l.realised_hours);
    shortfall_rows(w, lot, {l.missing_hours, l.over_hours});
    w.cell(lot, participants(l.participants), false);
    for (const LotReport::Year& y : l.years) {
      const Where year{"lot_year", r.id, l.id, std::to_string(y.year), ""};
      w.hours(year, "target_hours", "Heures d'insertion prévues", y.target_hours);
      w.hours(year, "realised_hours", "Heures d'insertion réalisées", y.realised_hours);
      w.cell(year, participants(y.participants), false);
    }
  }
  for (const ContractorReport& c : r.contractors) {
    const Where where{"contractor", r.id, "", c.name, ""};
    w.hours(where, "target_hours", "Heures d'insertion prévues", c.target_hours);
    w.hours(where, "realised_hours", "Heures d'insertion réalisées", c.realised_hours);
    shortfall_rows(w, where, c.shortfall);
  }
  w.breakdowns({"", r.id, "", "", ""}, r.breakdowns);
  for (const LotReport& l : r.lots) w.breakdowns({"", r.id, l.id, "", ""}, l.breakdowns);
  for (const MonthRow& m : r.months) {
    const Where month{"month", r.id, "", m.month, ""};
    w.hours(month, "realised", "Heures réalisées", m.realised);
    w.hours(month, "cumulative", "Cumul réalisé", m.cumulative);
    w.hours(month, "expected_cumulative", "Cumul attendu", m.expected_cumulative);
  }
  for (const NotCountedTotal& n : r.not_counted)
    w.count({"not_counted", r.id, "", "", ""}, n.reason, n.label, n.rows, csv_number(n.hours));
  return w.take();
}

std::string render_csv(const Consolidation& c) {
  Writer w;
  group_rows(w, {"total", "", "", "", ""}, c.total);
  for (const GroupReport& g : c.groups) group_rows(w, {"group", "", "", g.key, ""}, g);
  for (const OperationLine& o : c.operations) {
    const Where op{"operation", o.id, "", "", ""};
    w.count(op, "lots_with_clause", "Lots avec une clause sociale", o.lots_with_clause);
    w.hours(op, "target_hours", "Heures d'insertion prévues", o.target_hours);
    w.hours(op, "realised_hours", "Heures d'insertion réalisées", o.realised_hours);
    shortfall_rows(w, op, o.shortfall);
  }
  for (const AgreementLine& a : c.agreements) {
    const Where agreement{"agreement", "", "", a.agreement.id.value, ""};
    w.hours(agreement, "target_hours", "Heures d'insertion prévues", a.tracking.target_hours);
    w.hours(agreement, "realised_hours", "Heures d'insertion réalisées", a.tracking.counted_hours);
    shortfall_rows(w, agreement, {a.tracking.missing_hours, a.tracking.over_hours});
    for (const auto& l : a.tracking.lots) {
      const Where lot{"agreement_lot", l.operation, l.lot, a.agreement.id.value, ""};
      w.hours(lot, "target_hours", "Heures d'insertion prévues", l.target_hours);
      w.hours(lot, "realised_hours", "Heures d'insertion réalisées", l.counted_hours);
      w.hours(lot, "missing_hours", "Heures manquantes du lot au titre de la convention", l.missing_hours);
    }
  }
  return w.take();
}

}  // namespace clausier::report
