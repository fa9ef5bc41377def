// The codes of the report with their French labels, and the small figures every renderer shares.
#include <cmath>

#include "clausier/report/model.hpp"

namespace clausier::report {

long long full_time_equivalents(double hours) { return std::llround(hours / fte_hours); }

std::string_view code(Sex s) {
  switch (s) {
    case Sex::female: return "F";
    case Sex::male: return "M";
    case Sex::unspecified: return "X";
  }
  return "X";
}

std::optional<Sex> sex_named(std::string_view c) {
  for (Sex s : {Sex::female, Sex::male, Sex::unspecified})
    if (code(s) == c) return s;
  return std::nullopt;
}

std::string_view label(Sex s) {
  switch (s) {
    case Sex::female: return "femme";
    case Sex::male: return "homme";
    case Sex::unspecified: return "autre ou non précisé";
  }
  return "";
}

std::string_view group_label(Sex s) {
  switch (s) {
    case Sex::female: return "femmes";
    case Sex::male: return "hommes";
    case Sex::unspecified: return "autre ou non précisé";
  }
  return "";
}

std::string_view code(AgeBand b) {
  switch (b) {
    case AgeBand::under_26: return "under-26";
    case AgeBand::from_26_to_49: return "26-49";
    case AgeBand::from_50: return "50-plus";
  }
  return "";
}

std::string_view label(AgeBand b) {
  switch (b) {
    case AgeBand::under_26: return "moins de 26 ans";
    case AgeBand::from_26_to_49: return "26 à 49 ans";
    case AgeBand::from_50: return "50 ans ou plus";
  }
  return "";
}

AgeBand age_band(int age) {
  if (age < 26) return AgeBand::under_26;
  if (age < 50) return AgeBand::from_26_to_49;
  return AgeBand::from_50;
}

std::string_view code(OutcomeCategory c) {
  switch (c) {
    case OutcomeCategory::durable: return "durable";
    case OutcomeCategory::transition: return "transition";
    case OutcomeCategory::positive: return "positive";
    case OutcomeCategory::neutral: return "neutral";
    case OutcomeCategory::other: return "other";
    case OutcomeCategory::none: return "none";
  }
  return "";
}

std::optional<OutcomeCategory> outcome_category_named(std::string_view c) {
  for (OutcomeCategory o : {OutcomeCategory::durable, OutcomeCategory::transition, OutcomeCategory::positive,
                            OutcomeCategory::neutral, OutcomeCategory::other, OutcomeCategory::none})
    if (code(o) == c) return o;
  return std::nullopt;
}

std::string_view label(OutcomeCategory c) {
  switch (c) {
    case OutcomeCategory::durable: return "emploi durable";
    case OutcomeCategory::transition: return "emploi de transition";
    // What the IAE typology counts as a positive exit, said where the bilan counts it.
    case OutcomeCategory::positive: return "sortie positive (formation pré-qualifiante ou qualifiante, embauche dans une autre SIAE)";
    case OutcomeCategory::neutral: return "sortie neutre";
    case OutcomeCategory::other: return "autre situation";
    case OutcomeCategory::none: return "non renseignée";
  }
  return "";
}

std::string lot_status(const LotReport& l) {
  if (l.tracking_status) return std::string(track::french_label(*l.tracking_status));
  return "non suivi (" + std::string(hours::french_label(l.hours_status)) + ")";
}

std::vector<std::string> decp_values(const hours::LotResult& lot) {
  using tender::Clause;
  Clause clause = lot.lot->clause.value;
  std::vector<std::string> out;
  // An execution clause (or an insertion-object contract) is a social consideration once it is set:
  // below the minimum the clause is not set.
  if (lot.status == hours::Status::ok && (clause == Clause::execution || clause == Clause::integration_object))
    out.emplace_back("Clause sociale");
  if (lot.lot->award_criterion && clause != Clause::none) out.emplace_back("Critère social");
  if (clause == Clause::reserved_siae || clause == Clause::reserved_disability || clause == Clause::reserved_both)
    out.emplace_back("Marché réservé");
  if (out.empty()) out.emplace_back("Pas de considération sociale");
  return out;
}

std::string_view name(GroupBy g) {
  switch (g) {
    case GroupBy::none: return "none";
    case GroupBy::buyer: return "buyer";
    case GroupBy::year: return "year";
    case GroupBy::trade: return "trade";
    case GroupBy::route: return "route";
  }
  return "";
}

Cell published_work_contracts(int work_contracts, const Cell& participants) {
  Cell c;
  c.key = "work_contracts";
  c.label = "Contrats de travail";
  c.people = work_contracts;
  c.suppressed = participants.suppressed;
  // « < 5 » only when it is true: fewer contracts than the hidden people, themselves fewer than min_cell;
  // else « masqué » (a person may hold several contracts; the people may be hidden as a secondary cell).
  c.secondary = participants.suppressed && (participants.secondary || work_contracts > participants.people);
  return c;
}

}  // namespace clausier::report
