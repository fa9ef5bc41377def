#pragma once
// French forms (formats.md section 5.2): what a French company types for a month, a route, a
// contract, a lot or a participant's ref, read the same way in CSV files and spreadsheets, statements
// and participants. The labels are a table (forms_table.cpp), not code: a new label is one row there.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/io/values.hpp"
#include "clausier/track/statements.hpp"

namespace clausier::track {

// Text as forms are compared: lower case, accents removed, and without spaces, hyphens, apostrophes,
// dots or any other character than [a-z0-9]: "Contrat d'apprentissage" -> "contratdapprentissage".
std::string folded(std::string_view text);

// One row of the label table: a label (as shown, with its accents) of a code of one kind.
enum class FormKind { route, contract, month, total };
struct FormLabel {
  FormKind kind;
  std::string_view code;   // "direct", "interim"... ; a month: "1" to "12"; a totals row: "total"
  std::string_view label;  // "embauche directe", "intérim"...
};
// Every row, in table order: for each code, its labels, the one shown in drop-down lists first.
std::span<const FormLabel> form_labels();
// The label shown for a code in lists and templates ("embauche directe", "ETTI", "intérim"...).
std::string_view display_label(Route r);
std::string_view display_label(Contract c);

// A code as written: its code, in any case, or one of its labels, compared folded.
std::optional<Route> route_named(std::string_view text);
std::optional<Contract> contract_named(std::string_view text);

// What to tell a user whose code is unknown: the closest code or label, if one is close
// ("vouliez-vous dire « professionnalisation » ?"), and the accepted codes with their labels.
struct UnknownCode {
  std::string suggestion;  // the closest label or code as the table writes it, or empty
  std::string accepted;    // "direct (embauche directe, recrutement direct), etti (ETTI, …), …"
};
UnknownCode unknown_code(FormKind kind, std::string_view text);

// A month as French spreadsheets write it: "2027-04", "04/2027", "4/2027", a date "15/04/2027",
// "2027-04-15" (a time after it, "2027-04-15T08:30:00", as a date cell reads, is ignored), a French
// month name or its abbreviation with a 2- or 4-digit year ("avril 2027", "avr. 2027", "avr-27",
// "janv.-27"), and the English abbreviations an English Excel shows ("Apr-27"). Years 1990 to 2200.
std::optional<Month> parse_month(std::string_view text);

// A date in a participants file: ISO "2027-02-15" or "15/02/2027" (a time after an ISO date is
// ignored, as in a date cell).
std::optional<io::Date> parse_french_date(std::string_view text);

// A totals row ("TOTAL", "Total général", "Sous-total", "Totaux"): its first field holding something
// begins with a totals label. Such a row is named in a note and not read as a statement.
bool is_totals_row(const std::vector<std::string>& fields);

// A participant's ref compared without case: "r-001" is "R-001".
std::string ref_key(std::string_view ref);

// The lot of `ids` (a tender's lot ids) that `text` names: the same id, else the only one with the
// same number ("1" names "01", "01" names "1"); nullopt when none, or several lots have that number.
std::optional<std::size_t> find_lot(std::span<const std::string> ids, std::string_view text);

}  // namespace clausier::track
