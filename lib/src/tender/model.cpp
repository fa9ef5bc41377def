#include "clausier/tender/model.hpp"

namespace clausier::tender {

std::string_view name(BuyerKind v) {
  switch (v) {
    case BuyerKind::central: return "central";
    case BuyerKind::local: return "local";
    case BuyerKind::network: return "network";
  }
  return "";
}
std::string_view name(Nature v) {
  switch (v) {
    case Nature::works: return "works";
    case Nature::supplies: return "supplies";
    case Nature::services: return "services";
  }
  return "";
}
std::string_view name(Programme v) {
  switch (v) {
    case Programme::anru_investment: return "anru-investment";
    case Programme::anru_gup: return "anru-gup";
  }
  return "";
}
std::string_view name(Ccag v) {
  switch (v) {
    case Ccag::travaux: return "travaux";
    case Ccag::fcs: return "fcs";
    case Ccag::pi: return "pi";
    case Ccag::tic: return "tic";
    case Ccag::moe: return "moe";
    case Ccag::mi: return "mi";
  }
  return "";
}
std::string_view name(Clause v) {
  switch (v) {
    case Clause::execution: return "execution";
    case Clause::reserved_siae: return "reserved-siae";
    case Clause::reserved_disability: return "reserved-disability";
    case Clause::reserved_both: return "reserved-both";
    case Clause::integration_object: return "integration-object";
    case Clause::none: return "none";
  }
  return "";
}
std::optional<Clause> clause_named(std::string_view code) {
  for (Clause c : {Clause::execution, Clause::reserved_siae, Clause::reserved_disability, Clause::reserved_both,
                   Clause::integration_object, Clause::none})
    if (name(c) == code) return c;
  return std::nullopt;
}

std::string_view label(Clause v) {
  switch (v) {
    case Clause::execution: return "condition d'exécution";
    case Clause::reserved_siae: return "marché réservé aux structures d'insertion par l'activité économique";
    case Clause::reserved_disability: return "marché réservé aux entreprises adaptées et aux ESAT";
    case Clause::reserved_both:
      return "marché réservé aux structures d'insertion par l'activité économique, aux entreprises adaptées et aux ESAT";
    case Clause::integration_object: return "marché d'insertion et de qualification professionnelle";
    case Clause::none: return "sans clause sociale";
  }
  return "";
}

std::string_view short_label(Clause v) {
  switch (v) {
    case Clause::execution: return "condition d'exécution";
    case Clause::reserved_siae: return "marché réservé aux SIAE";
    case Clause::reserved_disability: return "marché réservé aux EA et ESAT";
    case Clause::reserved_both: return "marché réservé aux SIAE, EA et ESAT";
    case Clause::integration_object: return "marché d'insertion";
    case Clause::none: return "sans clause";
  }
  return "";
}

std::string_view name(Method v) {
  switch (v) {
    case Method::labour_cost: return "labour-cost";
    case Method::percent_of_hours: return "percent-of-hours";
    case Method::fixed: return "fixed";
    case Method::fte: return "fte";
    case Method::cleaning_pact: return "cleaning-pact";
  }
  return "";
}
std::string_view name(Rounding v) {
  switch (v) {
    case Rounding::nearest: return "nearest";
    case Rounding::up: return "up";
    case Rounding::down: return "down";
  }
  return "";
}
std::string_view name(TrancheKind v) { return v == TrancheKind::firm ? "firm" : "optional"; }
std::string_view name(FrameworkBasis v) {
  switch (v) {
    case FrameworkBasis::min: return "min";
    case FrameworkBasis::max: return "max";
    case FrameworkBasis::estimate: return "estimate";
  }
  return "";
}
std::string_view name(PenaltyCondition v) { return v == PenaltyCondition::best_efforts ? "best-efforts" : "strict"; }
std::string_view name(TrainingHours v) {
  switch (v) {
    case TrainingHours::work_contracts: return "work-contracts";
    case TrainingHours::all: return "all";
    case TrainingHours::none: return "none";
  }
  return "";
}

std::string_view name(EventKind v) {
  switch (v) {
    case EventKind::tranche_exercised: return "tranche-exercised";
    case EventKind::amendment: return "amendment";
    case EventKind::orders: return "orders";
    case EventKind::end_changed: return "end-changed";
    case EventKind::terminated: return "terminated";
  }
  return "";
}

std::string_view label(EventKind v) {
  switch (v) {
    case EventKind::tranche_exercised: return "affermissement de tranche";
    case EventKind::amendment: return "avenant";
    case EventKind::orders: return "commandes";
    case EventKind::end_changed: return "changement de fin";
    case EventKind::terminated: return "résiliation";
  }
  return "";
}

Ccag ccag_of(const Tender& t) {
  if (t.ccag) return t.ccag->value;
  return t.nature.value == Nature::works ? Ccag::travaux : Ccag::fcs;
}

const Lot* Tender::find_lot(std::string_view lot_id) const {
  for (const auto& lot : lots)
    if (lot.id.value == lot_id) return &lot;
  return nullptr;
}

double Lot::tranches_amount() const {
  double sum = 0;
  for (const Tranche& tr : tranches) sum += tr.amount.value;
  return sum;
}

}  // namespace clausier::tender
