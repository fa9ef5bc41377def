// The statement templates. The workbook is made with libxlsxwriter, which only writes files: it goes
// through a temporary file (io::TempFile). Its labels come from the label table (forms_table.cpp), so
// what a list offers is what the reader accepts; its limits from plausibility.hpp.
#include "clausier/track/template.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

#include "clausier/core/text.hpp"
#include "clausier/io/temp_file.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/forms.hpp"
#include "clausier/track/plausibility.hpp"

namespace clausier::track {

namespace {

constexpr Route all_routes[] = {Route::direct, Route::etti, Route::ai, Route::geiq, Route::siae_subcontract,
                                Route::siae_cocontract, Route::ea};
constexpr Contract all_contracts[] = {Contract::cdi, Contract::cdi_inclusion, Contract::cdd, Contract::cddi,
                                      Contract::cdd_usage, Contract::interim, Contract::apprenticeship,
                                      Contract::professionalisation, Contract::other};

// The header, in the reader's French names (statements.cpp's aliases).
const char* const header[] = {"Lot", "Participant", "Mois", "Modalité", "Contrat", "Employeur", "Heures de travail",
                              "Heures de formation"};
enum Column : lxw_col_t { lot_col, participant_col, month_col, route_col, contract_col, employer_col, work_col, training_col };
constexpr lxw_row_t header_row = 3;  // row 4

void check(lxw_error e) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx : ") + lxw_strerror(e));
}

// The 31-day maximum, rounded up to the hundredth: no month allows more.
double hours_maximum() { return std::ceil(legal_monthly_maximum({2027, 1}) * 100) / 100; }

class TemplateBook {
 public:
  TemplateBook(const io::TempFile& file, const StatementTemplate& t)
      : t_(t), book_(workbook_new(file.path().c_str()), lxw_workbook_free) {
    if (!book_) throw std::runtime_error("xlsx : impossible de créer le classeur " + file.path());
    title_ = fmt::format("Relevé mensuel des heures d'insertion — lot {}", t.lot);
    properties_.title = title_.data();
    properties_.author = const_cast<char*>("Clausier");
    properties_.created = t.created.is_special() ? 315532800 : (t.created - io::Date(1970, 1, 1)).days() * 86400LL;
    check(workbook_set_properties(book_.get(), &properties_));
    bold_ = workbook_add_format(book_.get());
    format_set_bold(bold_);
    header_ = workbook_add_format(book_.get());
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    month_ = workbook_add_format(book_.get());
    format_set_num_format(month_, "mm/yyyy");
    hours_ = workbook_add_format(book_.get());
    format_set_num_format(hours_, "0.00");
    text_ = workbook_add_format(book_.get());
    format_set_num_format(text_, "@");
    wrap_ = workbook_add_format(book_.get());
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }

  void write() {
    hours_sheet();
    instructions_sheet();
  }
  void close() { check(workbook_close(book_.release())); }

 private:
  lxw_worksheet* sheet(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(book_.get(), name);
    if (ws == nullptr) throw std::runtime_error(std::string("xlsx : feuille impossible à créer : ") + name);
    return ws;
  }

  // A check on one column of the data rows, with its help shown when a cell is selected.
  void validate(lxw_worksheet* ws, lxw_col_t col, lxw_data_validation v, const char* title, const std::string& help,
                const std::string& error = {}) {
    v.input_title = const_cast<char*>(title);
    v.input_message = const_cast<char*>(help.c_str());
    if (!error.empty()) {
      v.error_title = const_cast<char*>("Valeur refusée");
      v.error_message = const_cast<char*>(error.c_str());
      v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    }
    check(worksheet_data_validation_range(ws, header_row + 1, col, header_row + template_rows, col, &v));
  }

  void list(lxw_worksheet* ws, lxw_col_t col, std::vector<std::string> labels, const char* title,
            const std::string& help, const std::string& error) {
    std::vector<char*> items;
    for (auto& l : labels) items.push_back(l.data());
    items.push_back(nullptr);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = items.data();
    validate(ws, col, v, title, help, error);
  }

  void hours_sheet() {
    lxw_worksheet* ws = sheet("Heures");
    check(worksheet_write_string(ws, 0, 0, title_.c_str(), bold_));
    check(worksheet_merge_range(ws, 1, 0, 1, training_col,
                                "Une ligne par personne, par mois et par modalité. Les codes et les règles : feuille "
                                "« Mode d'emploi ».",
                                nullptr));
    // Printed on A4 across, the header on every page.
    worksheet_set_paper(ws, 9);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, header_row, header_row));
    for (lxw_col_t c = 0; c < std::size(header); ++c) check(worksheet_write_string(ws, header_row, c, header[c], header_));
    check(worksheet_set_row(ws, header_row, 30, nullptr));
    worksheet_freeze_panes(ws, header_row + 1, 0);
    const double widths[] = {8, 14, 11, 26, 26, 28, 12, 12};
    for (lxw_col_t c = 0; c < std::size(widths); ++c) check(worksheet_set_column(ws, c, c, widths[c], nullptr));
    check(worksheet_set_column(ws, lot_col, lot_col, widths[lot_col], text_));
    check(worksheet_set_column(ws, participant_col, participant_col, widths[participant_col], text_));
    check(worksheet_set_column(ws, month_col, month_col, widths[month_col], month_));
    check(worksheet_set_column(ws, work_col, training_col, widths[work_col], hours_));
    // The lot is filled in: a row that holds nothing else is blank to the reader.
    for (lxw_row_t r = header_row + 1; r <= header_row + template_rows; ++r)
      check(worksheet_write_string(ws, r, lot_col, t_.lot.c_str(), text_));

    list(ws, lot_col, {t_.lot}, "Lot", fmt::format("Ce relevé est celui du lot {}.", t_.lot),
         fmt::format("Ce relevé est celui du lot {} : pour un autre lot, demandez son relevé au facilitateur.", t_.lot));
    lxw_data_validation any{};
    any.validate = LXW_VALIDATION_TYPE_LENGTH;
    any.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
    any.value_number = 40;
    validate(ws, participant_col, any, "Participant",
             "La référence pseudonyme donnée par le facilitateur (P-0001) : jamais un nom, un e-mail ni un numéro.",
             "Une référence pseudonyme (P-0001), de 40 caractères au plus.");
    lxw_data_validation month{};
    month.validate = LXW_VALIDATION_TYPE_ANY;
    validate(ws, month_col, month, "Mois", "Le mois des heures : 04/2027, avril 2027 ou une date du mois.");
    std::vector<std::string> routes, contracts;
    for (Route r : all_routes) routes.emplace_back(display_label(r));
    for (Contract c : all_contracts) contracts.emplace_back(display_label(c));
    list(ws, route_col, routes, "Modalité", "Comment la personne est employée : choisissez dans la liste.",
         "Choisissez la modalité dans la liste (codes : feuille « Mode d'emploi »).");
    list(ws, contract_col, contracts, "Contrat", "Le contrat de la personne : choisissez dans la liste.",
         "Choisissez le contrat dans la liste (codes : feuille « Mode d'emploi »).");
    lxw_data_validation employer{};
    employer.validate = LXW_VALIDATION_TYPE_ANY;
    validate(ws, employer_col, employer, "Employeur",
             "L'employeur de la personne : l'entreprise, l'ETTI, le GEIQ, l'association intermédiaire…");
    const std::string maximum = text::format_number(hours_maximum());
    const std::string hours_error =
        fmt::format("Un nombre d'heures entre 0 et {} : au plus 48 heures par semaine et par personne ({}).", maximum,
                    legal_maximum_reference);
    for (lxw_col_t c : {work_col, training_col}) {
      lxw_data_validation h{};
      h.validate = LXW_VALIDATION_TYPE_DECIMAL;
      h.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      h.minimum_number = 0;
      h.maximum_number = hours_maximum();
      validate(ws, c, h, c == work_col ? "Heures de travail" : "Heures de formation",
               c == work_col ? "Les heures travaillées dans le mois, en nombre décimal : 105,5."
                             : "Les heures de formation dans le mois (0 s'il n'y en a pas).",
               hours_error);
    }
    worksheet_activate(ws);
  }

  void row(lxw_worksheet* ws, lxw_row_t r, std::initializer_list<std::string> cells, lxw_format* format = nullptr) {
    lxw_col_t c = 0;
    for (const std::string& text : cells) check(worksheet_write_string(ws, r, c++, text.c_str(), format));
  }

  void instructions_sheet() {
    lxw_worksheet* ws = sheet("Mode d'emploi");
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_set_column(ws, 0, 0, 30, wrap_));
    check(worksheet_set_column(ws, 1, 1, 22, wrap_));
    check(worksheet_set_column(ws, 2, 2, 70, wrap_));
    lxw_row_t r = 0;
    row(ws, r++, {"Mode d'emploi du relevé des heures d'insertion"}, bold_);
    r++;
    const std::string maximum = text::format_hours(legal_monthly_maximum({2027, 1}));
    const std::string rules[] = {
        fmt::format("Remplissez la feuille « Heures » : une ligne par personne, par mois et par modalité. Le lot {} "
                    "est déjà indiqué ; ne modifiez pas la ligne d'en-tête.",
                    t_.lot),
        "Participant : la référence pseudonyme donnée par le facilitateur (P-0001), jamais un nom, un e-mail, un "
        "numéro de téléphone ni de sécurité sociale.",
        "Mois : 04/2027, avril 2027, avr.-27 ou une date du mois ; un mois par ligne.",
        "Modalité et contrat : choisissez dans les listes ; les codes et les autres formes admises sont ci-dessous.",
        fmt::format("Heures : en nombres décimaux (105,5). Une personne ne travaille pas plus de 48 heures par semaine "
                    "({}) : au plus {} dans un mois de 31 jours, toutes lignes confondues.",
                    legal_maximum_reference, maximum),
        "Heures de formation : elles comptent selon les règles de la consultation (par défaut, pour les contrats "
        "d'apprentissage et de professionnalisation).",
        "Enregistrez le classeur au format .xlsx (ou .ods) et renvoyez-le au facilitateur chaque mois.",
    };
    for (const std::string& rule : rules) {
      check(worksheet_merge_range(ws, r, 0, r, 2, rule.c_str(), wrap_));
      check(worksheet_set_row(ws, r++, 32, nullptr));
    }
    r++;
    auto codes = [&](const char* title, FormKind kind, const auto& values) {
      row(ws, r++, {title, "Code", "Autres formes acceptées"}, header_);
      for (auto v : values) {
        std::vector<std::string> others;
        for (const FormLabel& f : form_labels())
          if (f.kind == kind && f.code == name(v) && f.label != display_label(v)) others.emplace_back(f.label);
        row(ws, r++, {std::string(display_label(v)), std::string(name(v)), join(others, ", ")});
      }
      r++;
    };
    codes("Modalité (liste)", FormKind::route, all_routes);
    codes("Contrat (liste)", FormKind::contract, all_contracts);
    row(ws, r++, {"Exemple de ligne"}, bold_);
    const std::string example =
        fmt::format("Lot {} · P-0001 · {} · embauche directe · CDI · {} · 140 heures de travail · 0 heure de formation",
                    t_.lot, text::format_month(t_.month.year, t_.month.month), t_.employer);
    check(worksheet_merge_range(ws, r, 0, r, 2, example.c_str(), wrap_));
  }

  const StatementTemplate& t_;
  std::string title_;
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> book_;
  lxw_doc_properties properties_{};
  lxw_format *bold_ = nullptr, *header_ = nullptr, *month_ = nullptr, *hours_ = nullptr, *text_ = nullptr,
             *wrap_ = nullptr;
};

}  // namespace

std::string statement_template_csv(const StatementTemplate& t) {
  std::string text(text::utf8_bom);
  text += std::string(statement_header) + "\r\n";
  // A commented example row: the reader skips lines whose first field starts with '#'.
  text += fmt::format("# {};P-0001;{};direct;cdi;{};140;0\r\n", t.lot, t.month.iso(), t.employer);
  return text;
}

std::string statement_template_xlsx(const StatementTemplate& t) {
  io::TempFile file("clausier-template");
  TemplateBook book(file, t);
  book.write();
  book.close();
  return file.contents();
}

}  // namespace clausier::track
