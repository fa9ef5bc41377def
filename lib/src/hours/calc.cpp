#include "clausier/hours/calc.hpp"

#include <algorithm>

#include <cmath>
#include <stdexcept>

namespace clausier::hours {

using namespace clausier::tender;

std::string_view name(Status s) {
  switch (s) {
    case Status::ok: return "ok";
    case Status::below_minimum: return "below-minimum";
    case Status::no_clause: return "no-clause";
    case Status::no_capacity: return "no-capacity";
  }
  return "";
}

std::string_view french_label(Status s) {
  switch (s) {
    case Status::ok: return "retenu";
    case Status::below_minimum: return "sous le minimum";
    case Status::no_clause: return "sans clause";
    case Status::no_capacity: return "sans capacité";
  }
  return "";
}

std::string_view french_label(Method m) {
  switch (m) {
    case Method::labour_cost: return "coût de main-d'œuvre";
    case Method::percent_of_hours: return "% des heures travaillées";
    case Method::fixed: return "heures fixées";
    case Method::fte: return "équivalents temps plein";
    case Method::cleaning_pact: return "PACT Propreté";
  }
  return "";
}

std::string_view name(Basis b) {
  switch (b) {
    case Basis::amount: return "amount";
    case Basis::tranches: return "tranches";
    case Basis::framework_min: return "framework-min";
    case Basis::framework_max: return "framework-max";
    case Basis::framework_estimate: return "framework-estimate";
    case Basis::none: return "none";
  }
  return "";
}

double round6(double v) { return std::round(v * 1e6) / 1e6; }

double round_hours(double raw, Rounding mode, double step) {
  double r = round6(raw);
  double q = r / step;
  // A quotient that is an integer on paper (0.3 ÷ 0.1) must not become 2.9999999999999996 and be
  // floored to 2: snap to the integer when the difference is floating-point noise.
  double nearest = std::round(q);
  if (std::fabs(q - nearest) < 1e-9 * std::max(1.0, std::fabs(q))) q = nearest;
  switch (mode) {
    case Rounding::nearest: q = std::round(q); break;  // half away from zero
    case Rounding::up: q = std::ceil(q); break;
    case Rounding::down: q = std::floor(q); break;
  }
  return round6(q * step);
}

namespace {

// amount × labour share × rate ÷ hourly cost; for percent-of-hours, rate is the percent.
double formula(double amount, const ResolvedLot& p) {
  return amount * p.labour_share->value * p.rate->value / p.hourly_cost->value;
}

// PACT Propreté: C = hourly_cost ÷ labour_share and P = 1 − S × C ÷ (A ÷ N), for the amount A.
Pact pact_for(const Lot& lot, const ResolvedLot& p, double amount) {
  Pact pact;
  pact.c = p.hourly_cost->value / p.labour_share->value;
  pact.months = lot.months->value;
  pact.transferred = lot.transferred_staff_monthly_hours ? lot.transferred_staff_monthly_hours->value : 0;
  pact.monthly_amount = amount / pact.months;
  pact.p = 1 - pact.transferred * pact.c / pact.monthly_amount;
  return pact;
}

bool no_capacity(const Pact& pact) { return round6(pact.p) <= 0; }
// I = P × A ÷ C × T
double pact_raw_hours(const Pact& pact, double amount, const ResolvedLot& p) {
  return round6(pact.p * amount / pact.c * p.rate->value);
}

class Calculator {
 public:
  LotResult lot(const ResolvedLot& params) {
    const Lot& lot = *params.lot;
    LotResult r;
    r.lot = &lot;
    r.params = params;
    if (!lot.has_clause()) {
      r.status = Status::no_clause;
      r.amount = lot.amount ? std::optional(lot.amount->value) : std::nullopt;
      r.basis = lot.amount ? Basis::amount : Basis::none;
      return r;
    }
    switch (lot.method.value) {
      case Method::labour_cost:
      case Method::percent_of_hours: money_based(r); break;
      case Method::fixed: r.raw_hours = round6(lot.hours->value); break;
      case Method::fte: r.raw_hours = round6(lot.fte->value * lot.months->value * full_time_month_hours); break;
      case Method::cleaning_pact: cleaning_pact(r); break;
    }
    if (r.status == Status::no_capacity) return r;
    if (r.tranches.empty()) r.hours = round_hours(r.raw_hours, params.rounding.value, params.rounding_step.value);
    r.status = r.hours < params.minimum_hours.value ? Status::below_minimum : Status::ok;
    return r;
  }

 private:
  void money_based(LotResult& r) {
    const Lot& lot = *r.lot;
    const ResolvedLot& p = r.params;
    if (!lot.tranches.empty()) {
      r.basis = Basis::tranches;
      double raw = 0, hours = 0;
      for (const Tranche& tr : lot.tranches) {
        TrancheResult t{&tr, round6(formula(tr.amount.value, p)), 0};
        t.hours = round_hours(t.raw_hours, p.rounding.value, p.rounding_step.value);
        raw += t.raw_hours;
        hours += t.hours;
        r.tranches.push_back(t);
      }
      r.amount = lot.tranches_amount();
      r.raw_hours = round6(raw);
      r.hours = round6(hours);
      return;
    }
    if (lot.framework) {
      switch (lot.framework->basis.value) {
        case FrameworkBasis::min:
          r.basis = Basis::framework_min;
          r.amount = lot.framework->min->value;
          break;
        case FrameworkBasis::max:
          r.basis = Basis::framework_max;
          r.amount = lot.framework->max->value;
          break;
        case FrameworkBasis::estimate:
          r.basis = Basis::framework_estimate;
          r.amount = lot.amount->value;
          break;
      }
    } else {
      r.basis = Basis::amount;
      r.amount = lot.amount->value;
    }
    r.raw_hours = round6(formula(*r.amount, p));
  }

  // PACT Propreté: I = P × A ÷ C × T with C = hourly_cost ÷ labour_share and P = 1 − S × C ÷ (A ÷ N).
  void cleaning_pact(LotResult& r) {
    const Lot& lot = *r.lot;
    double a = lot.amount->value;
    Pact pact = pact_for(lot, r.params, a);
    r.basis = Basis::amount;
    r.amount = a;
    r.pact = pact;
    if (no_capacity(pact)) {
      r.status = Status::no_capacity;
      return;
    }
    r.raw_hours = pact_raw_hours(pact, a, r.params);
  }
};

}  // namespace

AmountHours hours_for_amount(const LotResult& r, double amount) {
  const ResolvedLot& p = r.params;
  AmountHours out;
  switch (r.lot->method.value) {
    case Method::labour_cost:
    case Method::percent_of_hours: out.raw_hours = round6(formula(amount, p)); break;
    case Method::cleaning_pact: {
      Pact pact = pact_for(*r.lot, p, amount);
      if (no_capacity(pact)) return out;
      out.raw_hours = pact_raw_hours(pact, amount, p);
      break;
    }
    case Method::fixed:
    case Method::fte: throw std::logic_error("hours_for_amount: the lot's method does not compute from an amount");
  }
  out.hours = round_hours(out.raw_hours, p.rounding.value, p.rounding_step.value);
  return out;
}

TenderResult compute(const Tender& t, const Resolution& resolution, const std::vector<Override>& overrides) {
  if (!resolution.ok()) throw std::logic_error("hours::compute needs a resolution without errors");
  TenderResult out;
  out.tender = &t;
  for (const Override& o : overrides) out.overrides.push_back(o.text);
  Calculator calc;
  for (const ResolvedLot& params : resolution.lots) out.lots.push_back(calc.lot(params));
  out.total_hours = total_hours(out.lots);
  return out;
}

double total_hours(const std::vector<LotResult>& lots, const std::vector<std::string>& only) {
  double total = 0;
  for (const LotResult& r : lots) {
    if (r.status != Status::ok) continue;
    if (!only.empty() && std::find(only.begin(), only.end(), r.lot->id.value) == only.end()) continue;
    total += r.hours;
  }
  return round6(total);
}

}  // namespace clausier::hours
