// The bilan as an .xlsx workbook (libxlsxwriter): one sheet per table, a bold header row, figures written
// as numbers so that Excel and LibreOffice sum and chart them. Number format codes use Excel's neutral
// syntax ("#,##0", "0.0%"): the reader's locale shows them the French way (1 250, 12,5 %).
// A suppressed cell holds the text « < 5 » or « masqué » (masking.hpp), never its value; a Notes row under the
// table says why.
//
// libxlsxwriter 1.1.4 only writes to a file: the workbook goes to a fresh temporary file (mkstemp), is read
// back and the file removed. Its creation date is the report's date, so the same report gives the same bytes.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/hours/calc.hpp"
#include "clausier/io/temp_file.hpp"
#include "clausier/report/buyers.hpp"
#include "clausier/report/render.hpp"
#include "clausier/text/french.hpp"
#include "clausier/track/status.hpp"
#include "masking.hpp"

namespace clausier::report {
namespace {

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx : ") + lxw_strerror(e));
}

enum class Style { text, count, hours, euros, percent, date, month, masked };

// A workbook in its own temporary file: the only way a report makes one.
class Book {
 public:
  Book(Date created, std::string title, int min_cell)
      : file_("clausier-report"),
        title_(std::move(title)),
        min_cell_(min_cell),
        book_(workbook_new(file_.path().c_str()), lxw_workbook_free) {
    if (!book_) throw std::runtime_error("xlsx : impossible de créer le classeur " + file_.path());
    properties_.title = title_.data();
    properties_.author = const_cast<char*>("Clausier");
    // 0 would mean "now": the report's own date makes the bytes reproducible.
    properties_.created = created.is_special() ? 315532800 : (created - Date(1970, 1, 1)).days() * 86400LL;
    check(workbook_set_properties(book_.get(), &properties_));
  }

  int min_cell() const { return min_cell_; }

  lxw_worksheet* add_sheet(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(book_.get(), name);
    if (ws == nullptr) throw std::runtime_error(std::string("xlsx : feuille impossible à créer : ") + name);
    return ws;
  }

  // One format object per style and weight, made on first use.
  lxw_format* format(Style s, bool bold) {
    const int key = static_cast<int>(s) * 2 + (bold ? 1 : 0);
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(book_.get());
    if (bold) format_set_bold(f);
    switch (s) {
      case Style::text: break;
      case Style::count: format_set_num_format(f, "#,##0"); break;
      case Style::hours: format_set_num_format(f, "#,##0.0#"); break;
      case Style::euros: format_set_num_format(f, "#,##0.00"); break;  // the header says « € HT »: 90 000,00
      case Style::percent: format_set_num_format(f, "0.0%"); break;
      case Style::date: format_set_num_format(f, "dd/mm/yyyy"); break;
      case Style::month: format_set_num_format(f, "mm/yyyy"); break;
      case Style::masked: format_set_align(f, LXW_ALIGN_RIGHT); break;
    }
    formats_.emplace(key, f);
    return f;
  }

  // Closes the workbook and returns its bytes.
  std::string close() {
    check(workbook_close(book_.release()));
    return file_.contents();
  }

 private:
  io::TempFile file_;  // declared first: removed after the workbook is freed
  std::string title_;
  int min_cell_;
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book_;
  lxw_doc_properties properties_{};
  std::map<int, lxw_format*> formats_;
};

// A sheet filled row by row; column widths follow the widest content.
class Sheet {
 public:
  Sheet(Book& book, const char* name, const std::vector<std::string>& header) : book_(book), ws_(book.add_sheet(name)) {
    for (std::size_t c = 0; c < header.size(); ++c) text(c, header[c], true);
    worksheet_freeze_panes(ws_, 1, 0);
    // Printed on A4 landscape, one page wide, the header row on every page.
    worksheet_set_paper(ws_, 9);
    worksheet_set_landscape(ws_);
    worksheet_fit_to_pages(ws_, 1, 0);
    check(worksheet_repeat_rows(ws_, 0, 0));
    next();
  }
  ~Sheet() {
    for (std::size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           std::clamp(widths_[c] + 2.0, 10.0, 60.0), nullptr);
  }
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;

  void text(std::size_t col, const std::string& s, bool bold = false) {
    if (s.empty()) return;
    check(worksheet_write_string(ws_, row_, static_cast<lxw_col_t>(col), s.c_str(), book_.format(Style::text, bold)));
    widen(col, utf8_width(s));
  }
  void number(std::size_t col, double v, Style style, bool bold = false) {
    check(worksheet_write_number(ws_, row_, static_cast<lxw_col_t>(col), v, book_.format(style, bold)));
    widen(col, style == Style::percent ? 8 : utf8_width(text::format_number(v)));
  }
  // Whole hours without decimals, others with one or two.
  void hours(std::size_t col, double v, bool bold = false) {
    number(col, v, v == std::floor(v) ? Style::count : Style::hours, bold);
  }
  void percent(std::size_t col, const std::optional<double>& fraction) {
    if (fraction) number(col, *fraction, Style::percent);
  }
  void date(std::size_t col, const std::optional<Date>& d, Style style = Style::date) {
    if (!d || d->is_special()) return;
    auto ymd = d->year_month_day();
    lxw_datetime dt{static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day), 0, 0, 0};
    check(worksheet_write_datetime(ws_, row_, static_cast<lxw_col_t>(col), &dt, book_.format(style, false)));
    widen(col, 10);
  }
  // People of a cell: the count, or « < 5 » / « masqué ».
  void people(std::size_t col, const Cell& c, bool bold = false) {
    if (c.suppressed)
      hidden(col, detail::hidden_text(c, book_.min_cell()), bold);
    else
      number(col, c.people, Style::count, bold);
  }
  // A hidden figure that may be anything (a hidden cell's hours): « masqué ».
  void mask(std::size_t col, bool bold = false) { hidden(col, std::string(detail::protective_text), bold); }
  void next() { ++row_; }
  bool any_masked() const { return any_masked_; }

  // A blank row, then "Notes" and the text (which does not widen its column: it may overflow to the right).
  void notes(const std::string& note) {
    next();
    check(worksheet_write_string(ws_, row_, 0, "Notes", book_.format(Style::text, true)));
    check(worksheet_write_string(ws_, row_, 1, note.c_str(), nullptr));
    next();
  }

 private:
  void hidden(std::size_t col, const std::string& s, bool bold) {
    check(worksheet_write_string(ws_, row_, static_cast<lxw_col_t>(col), s.c_str(), book_.format(Style::masked, bold)));
    widen(col, utf8_width(s));
    any_masked_ = true;
  }
  void widen(std::size_t col, std::size_t chars) {
    if (widths_.size() <= col) widths_.resize(col + 1, 0);
    widths_[col] = std::max(widths_[col], static_cast<double>(chars));
  }
  Book& book_;
  lxw_worksheet* ws_;
  lxw_row_t row_ = 0;
  std::vector<double> widths_;
  bool any_masked_ = false;
};



std::optional<double> ratio(double part, double whole) {
  return whole > 0 ? std::optional<double>(part / whole) : std::nullopt;
}

// "2027-03" as the first day of the month (shown "03/2027"), so that the column sorts and charts as dates.
std::optional<Date> month_date(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return std::nullopt;
  try {
    return Date(static_cast<unsigned short>(std::stoi(month.substr(0, 4))),
                static_cast<unsigned short>(std::stoi(month.substr(5, 2))), 1);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string training_rule(const std::string& code) {
  if (code == "all") return "pour tous les contrats";
  if (code == "none") return "jamais";
  return "pour les contrats d'apprentissage et de professionnalisation";
}

const std::vector<std::string> breakdown_header{"Périmètre", "Répartition", "Catégorie", "Code", "Personnes", "Heures",
                                                "Effectif de la répartition"};

void breakdown_rows(Sheet& s, const std::string& scope, const std::vector<Breakdown>& list) {
  for (const Breakdown& b : list)
    for (const Cell& c : b.cells) {
      s.text(0, scope);
      s.text(1, b.title);
      s.text(2, c.label);
      s.text(3, c.key);
      s.people(4, c);
      if (b.has_hours) {
        if (c.suppressed)
          s.mask(5);
        else
          s.hours(5, c.hours);
      }
      s.people(6, detail::population_cell(b));
      s.next();
    }
}

// Label in column A, value in column B: the summary sheets. Each call writes one row.
class Pairs {
 public:
  explicit Pairs(Sheet& s) : s_(s) {}
  void text(const std::string& label, const std::string& value) { row(label, [&] { s_.text(1, value); }); }
  void count(const std::string& label, double v) { row(label, [&] { s_.number(1, v, Style::count); }); }
  void hours(const std::string& label, double v) { row(label, [&] { s_.hours(1, v); }); }
  void percent(const std::string& label, const std::optional<double>& v) { row(label, [&] { s_.percent(1, v); }); }
  void date(const std::string& label, Date d) { row(label, [&] { s_.date(1, d); }); }
  void people(const std::string& label, const Cell& c) { row(label, [&] { s_.people(1, c); }); }

 private:
  template <class WriteValue>
  void row(const std::string& label, WriteValue write) {
    s_.text(0, label);
    write();
    s_.next();
  }
  Sheet& s_;
};

// Whether the workbook hides anything: it shows each lot's breakdowns too (Répartitions), which the Markdown and
// HTML bilans leave out, so its note must not say that no count is under the threshold when one of those is.
bool workbook_hides(const OperationReport& r) {
  if (detail::anything_hidden(r)) return true;
  for (const LotReport& l : r.lots)
    if (detail::anything_hidden(l.breakdowns)) return true;
  return false;
}

void operation_summary(Book& book, const OperationReport& r) {
  Sheet s(book, "Synthèse", {"Indicateur", "Valeur"});
  Pairs p(s);
  p.text("Opération", r.id);
  p.text("Intitulé", r.title);
  p.text("Acheteur", r.buyer);
  p.date("Situation au", r.as_of);
  p.hours("Heures d'insertion prévues", r.target_hours);
  p.hours("Heures d'insertion réalisées", r.realised_hours);
  p.percent("Taux d'atteinte", r.achievement);
  // Each lot's own, never netted (formats.md section 7).
  p.hours("Dépassement de l'objectif (heures, somme des excédents de chaque lot)", r.shortfall.over);
  p.hours("Heures manquantes (somme des manques de chaque lot)", r.shortfall.missing);
  p.people("Participants ayant des heures décomptées", r.participants);
  p.people("Participants dont l'éligibilité est validée", r.validated_participants);
  p.people("Contrats de travail", published_work_contracts(r.work_contracts, r.participants));
  p.count("Lignes de relevés non décomptées", r.not_counted_rows);
  p.hours("Heures déclarées non décomptées", r.not_counted_hours);
  s.notes(detail::privacy_note(r.min_cell, workbook_hides(r)));
}

void operation_lots(Book& book, const OperationReport& r) {
  Sheet s(book, "Lots",
          {"Lot", "Intitulé", "Métier", "Clause", "Titulaire", "Début", "Fin", "Heures prévues", "Heures réalisées",
           "Taux d'atteinte", "Dépassement (heures)", "Heures manquantes", "Participants", "Statut"});
  for (const LotReport& l : r.lots) {
    s.text(0, l.id);
    s.text(1, l.title);
    s.text(2, l.trade);
    s.text(3, std::string(tender::short_label(l.clause)));
    s.text(4, l.contractor);
    s.date(5, l.start);
    s.date(6, l.end);
    if (l.has_target) s.hours(7, l.target_hours);  // not awarded: no target, an empty cell
    s.hours(8, l.realised_hours);
    s.percent(9, l.achievement);
    s.hours(10, l.over_hours);
    s.hours(11, l.missing_hours);
    s.people(12, l.participants);
    s.text(13, lot_status(l));
    s.next();
  }
  if (s.any_masked()) s.notes(detail::privacy_note(r.min_cell, true));
}

void operation_years(Book& book, const OperationReport& r) {
  Sheet s(book, "Lots par année", {"Lot", "Année", "Heures prévues", "Heures réalisées", "Participants"});
  for (const LotReport& l : r.lots)
    for (const LotReport::Year& y : l.years) {
      s.text(0, l.id);
      s.number(1, y.year, Style::text);
      s.hours(2, y.target_hours);
      s.hours(3, y.realised_hours);
      s.people(4, y.participants);
      s.next();
    }
  if (s.any_masked()) s.notes(detail::privacy_note(r.min_cell, true));
}

void operation_contractors(Book& book, const OperationReport& r) {
  Sheet s(book, "Titulaires",
          {"Titulaire", "Lots", "Heures prévues", "Heures réalisées", "Taux d'atteinte", "Dépassement (heures)",
           "Heures manquantes"});
  for (const ContractorReport& c : r.contractors) {
    s.text(0, c.name);
    s.text(1, join(c.lots, ", "));
    s.hours(2, c.target_hours);
    s.hours(3, c.realised_hours);
    s.percent(4, c.achievement);
    s.hours(5, c.shortfall.over);
    s.hours(6, c.shortfall.missing);
    s.next();
  }
}

void operation_breakdowns(Book& book, const OperationReport& r) {
  Sheet s(book, "Répartitions", breakdown_header);
  breakdown_rows(s, "Opération", r.breakdowns);
  for (const LotReport& l : r.lots) breakdown_rows(s, "Lot " + l.id, l.breakdowns);
  if (s.any_masked()) s.notes(detail::privacy_note(r.min_cell, true));
}

void operation_months(Book& book, const OperationReport& r) {
  Sheet s(book, "Mois", {"Mois", "Heures réalisées", "Cumul réalisé", "Cumul attendu"});
  for (const MonthRow& m : r.months) {
    if (auto d = month_date(m.month))
      s.date(0, d, Style::month);
    else
      s.text(0, m.month);
    s.hours(1, m.realised);
    s.hours(2, m.cumulative);
    s.hours(3, m.expected_cumulative);
    s.next();
  }
}

void operation_not_counted(Book& book, const OperationReport& r) {
  Sheet s(book, "Non décomptées", {"Motif", "Code", "Lignes", "Heures déclarées"});
  for (const NotCountedTotal& n : r.not_counted) {
    s.text(0, n.label);
    s.text(1, n.reason);
    s.number(2, n.rows, Style::count);
    s.hours(3, n.hours);
    s.next();
  }
  s.text(0, "Total", true);
  s.number(2, r.not_counted_rows, Style::count, true);
  s.hours(3, r.not_counted_hours, true);
  s.next();
}

void rules_sheet(Book& book, const CountingInfo& c, int min_cell, bool counting) {
  Sheet s(book, "Règles", {"Règle", "Valeur"});
  Pairs p(s);
  if (counting) {
    p.text("Heures de formation décomptées", training_rule(c.training_hours));
    if (c.validity_months)
      p.count("Validité de l'éligibilité (mois)", *c.validity_months);
    else
      p.text("Validité de l'éligibilité (mois)", "sans limite");
    p.percent("Tolérance avant retard", c.tolerance);
  } else {
    p.hours("Heures d'un équivalent temps plein", fte_hours);
  }
  p.count("Seuil du secret statistique (personnes)", min_cell);
  p.text("Version des tables de règles", c.rules_version);
  p.text("Empreinte SHA-256 des tables", c.rules_sha256);
}

void group_columns(Sheet& s, const GroupReport& g, bool bold) {
  s.number(2, g.operations, Style::count, bold);
  s.number(3, g.contracts_with_clause, Style::count, bold);
  if (g.has_target) s.hours(4, g.target_hours, bold);  // route groups: no target, an empty cell
  if (g.hours_suppressed) {  // a route group the whole hides: its hours are the hidden cell's
    s.mask(5, bold);
    s.mask(6, bold);
  } else {
    s.hours(5, g.realised_hours, bold);
    s.number(6, static_cast<double>(g.fte), Style::count, bold);
  }
  s.people(7, g.participants, bold);
  s.people(8, published_work_contracts(g.work_contracts, g.participants), bold);
  if (g.has_target) {
    s.hours(9, g.shortfall.over, bold);
    s.hours(10, g.shortfall.missing, bold);
  }
  s.next();
}

std::string group_by_label(GroupBy g) {
  switch (g) {
    case GroupBy::buyer: return "par acheteur";
    case GroupBy::year: return "par année";
    case GroupBy::trade: return "par métier";
    case GroupBy::route: return "par modalité de mise en œuvre";
    case GroupBy::none: break;
  }
  return "aucun";
}

// The pooling agreements, judged as `clausier track` judges them, then each pooled lot with its agreement.
void agreement_sheets(Book& book, const std::vector<AgreementLine>& agreements) {
  if (agreements.empty()) return;
  {
    Sheet s(book, "Conventions",
            {"Convention", "Titulaire", "Signée le", "En vigueur", "Lots", "Heures prévues", "Heures réalisées",
             "Heures manquantes", "Dépassement (heures)", "Statut", "Pénalité possible (€)"});
    for (const AgreementLine& a : agreements) {
      s.text(0, a.agreement.id.value);
      s.text(1, a.agreement.contractor);
      s.date(2, a.agreement.signed_on.value);
      s.text(3, a.tracking.in_force ? "oui" : "non");
      s.number(4, static_cast<double>(a.tracking.lots.size()), Style::count);
      s.hours(5, a.tracking.target_hours);
      s.hours(6, a.tracking.counted_hours);
      s.hours(7, a.tracking.missing_hours);
      s.hours(8, a.tracking.over_hours);
      s.text(9, agreement_status(a));
      s.number(10, a.tracking.penalty_exposure, Style::euros);
      s.next();
    }
  }
  Sheet s(book, "Lots des conventions",
          {"Opération", "Lot", "Convention", "Heures prévues", "Heures réalisées", "Part du manque (heures)",
           "Part de la pénalité (€)"});
  for (const AgreementLine& a : agreements)
    for (const auto& l : a.tracking.lots) {
      s.text(0, l.operation);
      s.text(1, l.lot);
      s.text(2, a.agreement.id.value);
      s.hours(3, l.target_hours);
      s.hours(4, l.counted_hours);
      s.hours(5, l.missing_hours);
      s.number(6, l.penalty_exposure, Style::euros);
      s.next();
    }
}

}  // namespace

std::string render_xlsx(const OperationReport& r) {
  Book book(r.as_of, "Bilan de la clause sociale d'insertion — " + r.id, r.min_cell);
  operation_summary(book, r);
  operation_lots(book, r);
  operation_years(book, r);
  operation_contractors(book, r);
  operation_breakdowns(book, r);
  operation_months(book, r);
  operation_not_counted(book, r);
  rules_sheet(book, r.counting, r.min_cell, true);
  return book.close();
}

std::string render_xlsx(const Consolidation& c) {
  Book book(c.as_of, "Bilan consolidé des clauses sociales d'insertion", c.min_cell);
  {
    Sheet s(book, "Synthèse", {"Indicateur", "Valeur"});
    Pairs p(s);
    p.date("Situation au", c.as_of);
    p.text("Regroupement", group_by_label(c.group_by));
    p.count("Opérations", static_cast<double>(c.operations.size()));
    p.count("Marchés avec une clause sociale", c.total.contracts_with_clause);
    p.hours("Heures d'insertion prévues", c.total.target_hours);
    p.hours("Heures d'insertion réalisées", c.total.realised_hours);
    p.percent("Taux d'atteinte", ratio(c.total.realised_hours, c.total.target_hours));
    p.hours("Dépassement de l'objectif (heures, somme des excédents de chaque lot)", c.total.shortfall.over);
    p.hours("Heures manquantes (somme des manques de chaque lot)", c.total.shortfall.missing);
    p.count("Équivalents temps plein (" + text::format_hours(fte_hours) + ")", static_cast<double>(c.total.fte));
    p.people("Participants (chacun compté une fois)", c.total.participants);
    p.people("Contrats de travail", published_work_contracts(c.total.work_contracts, c.total.participants));
    s.notes(detail::privacy_note(c.min_cell, detail::anything_hidden(c)));
  }
  {
    Sheet s(book, "Groupes",
            {"Groupe", "Libellé", "Opérations", "Marchés avec clause", "Heures prévues", "Heures réalisées", "ETP",
             "Participants", "Contrats de travail", "Dépassement (heures)", "Heures manquantes"});
    for (const GroupReport& g : c.groups) {
      s.text(0, g.key);
      s.text(1, g.label);
      group_columns(s, g, false);
    }
    s.text(1, "Ensemble", true);
    group_columns(s, c.total, true);
    if (s.any_masked()) s.notes(detail::privacy_note(c.min_cell, true));
  }
  {
    Sheet s(book, "Opérations",
            {"Opération", "Intitulé", "Acheteur", "Lots avec clause", "Heures prévues", "Heures réalisées",
             "Taux d'atteinte", "Dépassement (heures)", "Heures manquantes"});
    for (const OperationLine& o : c.operations) {
      s.text(0, o.id);
      s.text(1, o.title);
      s.text(2, o.buyer);
      s.number(3, o.lots_with_clause, Style::count);
      s.hours(4, o.target_hours);
      s.hours(5, o.realised_hours);
      s.percent(6, ratio(o.realised_hours, o.target_hours));
      s.hours(7, o.shortfall.over);
      s.hours(8, o.shortfall.missing);
      s.next();
    }
  }
  {
    Sheet s(book, "Répartitions", breakdown_header);
    breakdown_rows(s, "Ensemble", c.total.breakdowns);
    for (const GroupReport& g : c.groups) breakdown_rows(s, g.label, g.breakdowns);
    if (s.any_masked()) s.notes(detail::privacy_note(c.min_cell, true));
  }
  agreement_sheets(book, c.agreements);
  rules_sheet(book, c.counting, c.min_cell, false);
  return book.close();
}

std::string render_xlsx(const BuyerIndicators& b) {
  Book book(b.as_of, "Indicateurs acheteurs — considérations sociales", b.min_cell);
  {
    Sheet s(book, "Acheteurs",
            {"Acheteur", "Année de notification", "Opérations", "Lots notifiés", "Avec considération sociale", "Part",
             "Objectif national", "Lots réservés", "Montant des lots réservés (€ HT)", "Heures dues", "Heures réalisées",
             "Heures manquantes", "Personnes"});
    for (const BuyerYear& r : b.rows) {
      s.text(0, r.buyer);
      s.number(1, r.year, Style::text);
      s.number(2, r.operations, Style::count);
      s.number(3, r.lots_notified, Style::count);
      s.number(4, r.lots_with_social_consideration, Style::count);
      s.percent(5, r.social_consideration_share);
      s.percent(6, b.national_target);
      s.number(7, r.reserved_lots, Style::count);
      s.number(8, r.reserved_amount, Style::euros);
      s.hours(9, r.target_hours);
      s.hours(10, r.realised_hours);
      s.hours(11, r.shortfall.missing);
      s.people(12, r.participants);
      s.next();
    }
    if (s.any_masked()) s.notes(detail::buyer_privacy_note(b.min_cell));
  }
  return book.close();
}

}  // namespace clausier::report
