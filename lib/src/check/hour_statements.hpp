#pragma once
// Private to the document checks: where a draft document states a number of hours (in digits, in
// words, or both) and which lot each statement is about, for `clausier check --doc`.
//
// Hour statements: a number followed by "heure(s)" or "h" ("1 542 heures", "= 1 541,67 h",
// "mille cinq cent quarante-deux (1 542) heures", "1 542 (mille cinq cent quarante-deux) heures",
// "deux cent soixante-deux heures et demie (262,5 heures)"), or any number in a cell of a table
// column whose header says "heures" ("Heures d'insertion"). Not hours: a number followed by "%",
// "€" or "euros" (so "30 €/h" and "6 % des heures" are not), an operand of a formula ("× 151,67 h"),
// a threshold ("seuil de 150 heures", "plancher de 150 h"), a time limit or a working time
// ("délai de 48 heures", "sous 24 heures", "35 heures par semaine", "heures ouvrées", "heures de
// formation"), and "un"/"une" alone ("une heure"), which is an article as often as a number.
#include <cstddef>
#include <optional>
#include <vector>

#include "clausier/tender/model.hpp"
#include "document_view.hpp"

namespace clausier::check::detail {

struct HourStatement {
  std::size_t paragraph = 0;         // index in document().paragraphs
  std::size_t begin = 0, end = 0;    // bytes of the paragraph text: the figures and their unit
  std::optional<double> digits;      // the value in digits, when written in digits
  std::optional<double> words;       // the value in words ("… heures et demie" adds 0.5)
  bool decimals = false;             // the digits have a decimal part (a figure before rounding)
  const tender::Lot* lot = nullptr;  // the lot it is about, or nullptr (total, or none)
  const tender::Tranche* tranche = nullptr;  // a table row "dont tranche …"
  bool total = false;                        // a table row "Total"
  double value() const { return digits ? *digits : words.value_or(0); }
  bool disagree() const;  // words and digits are both written and differ
};
std::vector<HourStatement> find_hour_statements(const DocumentView& view);

// "6 % des heures" for a lot of method percent-of-hours: the lot's volume is stated as a share.
struct PercentStatement {
  std::size_t paragraph = 0;
  double percent = 0;  // 6 for "6 %"
  const tender::Lot* lot = nullptr;
};
std::vector<PercentStatement> find_percent_statements(const DocumentView& view);

}  // namespace clausier::check::detail
