#pragma once
// The reserved integration hours of each lot (formats.md section 2), with every intermediate value
// kept so the result can be explained, tabulated and quoted by the other tools.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/tender/model.hpp"
#include "clausier/tender/resolve.hpp"

namespace clausier::hours {

enum class Status { ok, below_minimum, no_clause, no_capacity };
std::string_view name(Status s);         // "ok", "below-minimum", "no-clause", "no-capacity"
std::string_view french_label(Status s);  // "retenu", "sous le minimum", "sans clause", "sans capacité"
std::string_view french_label(tender::Method m);

// A full-time month: 35 h × 52 ÷ 12, as formats.md writes it (the SMIC's monthly basis, Talenz [S74]).
inline constexpr double full_time_month_hours = 151.67;
// The one full-time equivalent of every tool: a year of those months, 35 h × 52 weeks = 1 820 paid hours.
// The fte method sizes clauses with it and the bilans count their FTE with it. (The national network,
// Alliance Villes Emploi, publishes FTE of 1 600 hours worked; the bilans say so beside theirs.)
inline constexpr double full_time_year_hours = 1820;

// formats.md, exactly: r = raw rounded to 6 decimals (half away from zero); q = r ÷ step;
// nearest rounds q half away from zero, up takes the ceiling, down the floor; hours = q × step.
double round_hours(double raw, tender::Rounding mode, double step);
// Rounded to 6 decimals, half away from zero: the precision every figure is published with.
double round6(double v);

// The cleaning-pact (PACT Propreté) intermediate values.
struct Pact {
  double c = 0;  // hourly_cost ÷ labour_share: € of turnover per labour hour
  double p = 0;  // 1 − S × C ÷ (A ÷ N): share of labour left once the transferred staff is paid
  double monthly_amount = 0;  // A ÷ N
  double transferred = 0;     // S, monthly hours of the staff taken over
  double months = 0;          // N
};

struct TrancheResult {
  const tender::Tranche* tranche = nullptr;
  double raw_hours = 0;
  double hours = 0;
};

// Which amount the money-based methods used.
enum class Basis { amount, tranches, framework_min, framework_max, framework_estimate, none };
std::string_view name(Basis b);  // "amount", "tranches", "framework-min", ...

struct LotResult {
  const tender::Lot* lot = nullptr;
  tender::ResolvedLot params;
  Basis basis = Basis::none;
  std::optional<double> amount;  // the amount the formula used (the tranches' sum for a lot with tranches)
  std::optional<Pact> pact;
  double raw_hours = 0;          // before rounding, 6 decimals; for tranches, the sum of theirs
  double hours = 0;              // after rounding (sum of the tranches' rounded hours)
  Status status = Status::ok;
  std::vector<TrancheResult> tranches;
};

struct TenderResult {
  const tender::Tender* tender = nullptr;
  std::vector<LotResult> lots;
  double total_hours = 0;  // total_hours(lots)
  std::vector<std::string> overrides;  // the --set texts applied, in order
};

// The hours the lot's method gives on another amount (an amendment, the orders of a framework agreement,
// the amount executed at termination), with the lot's parameters and rounding: the same formula as the
// lot's own hours. Money-based methods only (labour-cost, percent-of-hours, cleaning-pact, whose P is
// recomputed on the amount; no capacity gives 0), on a lot whose parameters are resolved (it has a clause).
struct AmountHours {
  double raw_hours = 0;  // 6 decimals
  double hours = 0;      // rounded
};
AmountHours hours_for_amount(const LotResult& r, double amount);

// The total of formats.md section 2, in one place: the hours of the lots whose status is ok, rounded
// to 6 decimals; `only`, when not empty, keeps the lots with these ids (clausier draft --lot).
double total_hours(const std::vector<LotResult>& lots, const std::vector<std::string>& only = {});

// Requires a resolution without input errors (resolution.ok()).
TenderResult compute(const tender::Tender& t, const tender::Resolution& resolution,
                     const std::vector<tender::Override>& overrides = {});

}  // namespace clausier::hours
