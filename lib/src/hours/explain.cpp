// hours --explain: each lot's formula with its values, units and the origin of each parameter.
#include <fmt/format.h>

#include <algorithm>

#include "clausier/hours/render.hpp"
#include "clausier/text/french.hpp"

namespace clausier::hours {

using namespace clausier::tender;
using text::format_number;
using text::format_percent;

namespace {

std::string where(const Param<double>& p);

std::string origin(const Param<double>& p) {
  if (!p.verified) return where(p) + " — valeur non vérifiée dans sa source";
  return where(p);
}

std::string where(const Param<double>& p) {
  switch (p.source) {
    case Source::lot: return fmt::format("lot, ligne {}", p.pos.line);
    case Source::tender_parameters: return fmt::format("parameters, ligne {}", p.pos.line);
    case Source::method_default: return fmt::format("valeur par défaut de la méthode {}", p.detail);
    case Source::rule_table: return fmt::format("table de règles : {}", p.detail);
    case Source::user_rules: return fmt::format("fichier de règles {}", p.detail);
    case Source::override_value: return fmt::format("--set {}", p.detail);
    case Source::builtin_default: return "valeur par défaut";
  }
  return "";
}

std::string rounding_text(const ResolvedLot& p) {
  bool whole = p.rounding_step.value == 1;
  std::string step = whole ? "" : fmt::format(" multiple de {}\u202Fh", format_number(p.rounding_step.value));
  switch (p.rounding.value) {
    case Rounding::nearest: return whole ? "arrondi au plus proche" : fmt::format("arrondi au{} le plus proche", step);
    case Rounding::up: return whole ? "arrondi au supérieur" : fmt::format("arrondi au{} supérieur", step);
    case Rounding::down: return whole ? "arrondi à l'inférieur" : fmt::format("arrondi au{} inférieur", step);
  }
  return "";
}

std::string euros(double v) { return text::format_euros(v); }
std::string hours_short(double v) { return format_number(v, 2) + "\u202Fh"; }

// A formula, then its hours after rounding and how they were rounded.
std::string rounded(const std::string& formula, const ResolvedLot& p, double hours) {
  return fmt::format("{} → {} ({})", formula, hours_short(hours), rounding_text(p));
}

}  // namespace

std::string formula_text(double amount, const ResolvedLot& p, double raw_hours) {
  return fmt::format("{} × {} × {} ÷ {}\u202F€/h = {}", euros(amount), format_percent(p.labour_share->value),
                     format_percent(p.rate->value), format_number(p.hourly_cost->value), hours_short(raw_hours));
}

std::string formula_text(const LotResult& r) {
  const Lot& lot = *r.lot;
  if (r.status == Status::no_clause) return "";
  switch (lot.method.value) {
    case Method::labour_cost:
    case Method::percent_of_hours: return formula_text(*r.amount, r.params, r.raw_hours);
    case Method::fixed: return "";
    case Method::fte:
      return fmt::format("{} {} × {} mois × {} = {}", format_number(lot.fte->value),
                         lot.fte->value >= 2 ? "équivalents temps plein" : "équivalent temps plein",
                         format_number(lot.months->value), hours_short(full_time_month_hours),
                         hours_short(r.raw_hours));
    case Method::cleaning_pact:
      return fmt::format("P × A ÷ C × T = {} × {} ÷ {}\u202F€ × {} = {}", format_number(r.pact->p, 4), euros(*r.amount),
                         format_number(r.pact->c), format_percent(r.params.rate->value), hours_short(r.raw_hours));
  }
  return "";
}

std::vector<std::string> explain_lot(const LotResult& r) {
  const Lot& lot = *r.lot;
  const ResolvedLot& p = r.params;
  std::vector<std::string> out;
  if (r.status == Status::no_clause) {
    out.push_back(fmt::format("Lot {} — {} : clause none", lot.id.value, lot.title));
    out.push_back("  pas de clause : 0\u202Fh");
    if (lot.derogation)
      out.push_back(lot.derogation_ground
                        ? fmt::format("  dérogation ({}) : {}", lot.derogation_ground->value, lot.derogation->value)
                        : fmt::format("  dérogation : {}", lot.derogation->value));
    return out;
  }
  out.push_back(fmt::format("Lot {} — {} : méthode {} ({}), clause {}", lot.id.value, lot.title, name(lot.method.value),
                            french_label(lot.method.value), name(lot.clause.value)));
  auto param = [&](std::string_view label, const std::optional<Param<double>>& v, std::string shown) {
    if (v) out.push_back(fmt::format("  {:<22}{:<16}({})", label, shown, origin(*v)));
  };
  if (r.amount && lot.method.value != Method::fixed && lot.method.value != Method::fte) {
    std::string basis = r.basis == Basis::tranches             ? "somme des tranches"
                        : r.basis == Basis::framework_min      ? "minimum de l'accord-cadre"
                        : r.basis == Basis::framework_max      ? "maximum de l'accord-cadre"
                        : r.basis == Basis::framework_estimate ? "estimation de l'accord-cadre"
                                                               : fmt::format("lot, ligne {}", lot.amount->pos.line);
    out.push_back(fmt::format("  {:<22}{:<16}({})", "montant HT", euros(*r.amount), basis));
  }
  if (p.labour_share) param("part de main-d'œuvre", p.labour_share, format_percent(p.labour_share->value));
  if (p.rate)
    param(lot.method.value == Method::percent_of_hours ? "pourcentage" : "taux d'insertion", p.rate,
          format_percent(p.rate->value));
  if (p.hourly_cost) param("coût horaire", p.hourly_cost, format_number(p.hourly_cost->value) + "\u202F€/h");

  switch (lot.method.value) {
    case Method::labour_cost:
    case Method::percent_of_hours:
      if (r.tranches.empty()) {
        out.push_back("  calcul : " + rounded(formula_text(r), p, r.hours));
      } else {
        for (const TrancheResult& t : r.tranches)
          out.push_back(fmt::format("  tranche {} ({}) : {}", t.tranche->id.value,
                                    t.tranche->kind == TrancheKind::firm ? "ferme" : "optionnelle",
                                    rounded(formula_text(t.tranche->amount.value, p, t.raw_hours), p, t.hours)));
        bool optional = std::any_of(r.tranches.begin(), r.tranches.end(), [](const TrancheResult& t) {
          return t.tranche->kind == TrancheKind::optional;
        });
        out.push_back(fmt::format("  total des tranches, chacune arrondie : {}{}", hours_short(r.hours),
                                  optional ? " (tranches optionnelles comprises)" : ""));
      }
      if (lot.method.value == Method::percent_of_hours)
        out.push_back(fmt::format("  estimation : l'obligation porte sur {} des heures réellement travaillées",
                                  format_percent(p.rate->value)));
      break;
    case Method::fixed:
      out.push_back(fmt::format("  calcul : {} fixées par l'acheteur (lot, ligne {}) → {} ({})", hours_short(lot.hours->value),
                                lot.hours->pos.line, hours_short(r.hours), rounding_text(p)));
      break;
    case Method::fte:
      out.push_back("  calcul : " + rounded(formula_text(r), p, r.hours));
      break;
    case Method::cleaning_pact: {
      const Pact& k = *r.pact;
      out.push_back(fmt::format("  C = {}\u202F€/h ÷ {} = {}\u202F€ de chiffre d'affaires par heure de main-d'œuvre",
                                format_number(p.hourly_cost->value), format_percent(p.labour_share->value),
                                format_number(k.c)));
      out.push_back(fmt::format("  P = 1 − {} h/mois × {}\u202F€ ÷ ({} ÷ {} mois) = {}", format_number(k.transferred),
                                format_number(k.c), euros(*r.amount), format_number(k.months), format_number(k.p, 4)));
      if (r.status == Status::no_capacity) {
        out.push_back("  P ≤ 0 : les heures du personnel repris dépassent la main-d'œuvre que le marché peut payer ;"
                      " pas de clause (sans capacité)");
        return out;
      }
      out.push_back("  calcul : I = " + rounded(formula_text(r), p, r.hours));
      break;
    }
  }
  std::string minimum = fmt::format("minimum {} ({})", hours_short(p.minimum_hours.value), origin(p.minimum_hours));
  if (r.status == Status::below_minimum)
    out.push_back(fmt::format("  {} < {} : la clause n'est pas mise en œuvre (heures données pour information)",
                              hours_short(r.hours), minimum));
  else
    out.push_back(fmt::format("  {} ≥ {} : clause retenue", hours_short(r.hours), minimum));
  if (!r.params.overridden.empty()) {
    std::string keys;
    for (const auto& k : r.params.overridden) keys += (keys.empty() ? "" : ", ") + k;
    out.push_back(fmt::format("  valeurs modifiées par --set : {}", keys));
  }
  return out;
}

}  // namespace clausier::hours
