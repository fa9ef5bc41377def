#pragma once
// Plausibility of declared hours (formats.md section 5.3). One person cannot legally work more than
// 48 hours in a week (code du travail, article L. 3121-20), so no more than 48 h × (days of the
// month ÷ 7) in a month: a row above it is a typo (1 012,5 for 101,25) and cannot be read; rows of
// one person in one month that are above it together each get a warning, and still count.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/track/statements.hpp"

namespace clausier::track {

inline constexpr double legal_weekly_maximum = 48;  // hours, code du travail, art. L. 3121-20
inline constexpr std::string_view legal_maximum_reference = "article L. 3121-20 du code du travail";

// 48 × days ÷ 7: 212,57 h in a month of 31 days, 205,71 h in 30, 192 h in a February of 28.
double legal_monthly_maximum(Month m);
// Hours above it (by more than a hundredth: a maximum typed rounded is not over it).
bool over_legal_maximum(double hours, Month m);

// A row over the maximum, in French, for its reason over-legal-maximum:
// "1 012,5 heures en avril 2027 : au plus 205,71 heures pour une personne (48 heures par semaine,
//  article L. 3121-20 du code du travail)".
std::string over_maximum_detail(double hours, Month m);

// One person's hours of one row, the input of over_maximum_groups.
struct PersonMonthHours {
  std::uint32_t row = 0;         // the caller's index of the row
  std::uint32_t person_id = 0;   // the caller's number of that person: the same for the same person
  int month = 0;                 // Month::index()
  double hours = 0;              // work plus training hours
};

// The rows of each person and month whose hours together exceed the maximum (rows each under it),
// one group per person and month, groups in the order of their first row, rows in input order.
struct OverMaximum {
  std::string_view person;
  Month month;
  double hours = 0;  // the group's total
  std::vector<std::uint32_t> rows;
};
// `people[person_id]` names each person (the participant as matched: its ref_key). `rows` is taken (and
// reordered): a copy of a million rows would cost as much as the check.
std::vector<OverMaximum> over_maximum_groups(std::vector<PersonMonthHours> rows,
                                             std::span<const std::string_view> people);

// The warning of each row of a group (hours-over-legal-maximum), in French:
// "P-0001 a 230 heures déclarées en avril 2027, toutes lignes confondues : au plus 205,71 heures …".
std::string over_maximum_group_detail(const OverMaximum& group);

}  // namespace clausier::track
