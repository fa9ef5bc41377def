#pragma once
// The tender file of formats.md section 2, as read: every value keeps the position it was written at,
// and an absent optional value stays absent (defaults are applied by the calculation, which says where
// each value came from).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clausier/io/values.hpp"

namespace clausier::tender {

using io::Date;
using io::Located;
template <class T>
using Field = std::optional<Located<T>>;

enum class BuyerKind { central, local, network };
enum class Nature { works, supplies, services };
enum class Programme { anru_investment, anru_gup };
// The CCAG 2021 the contract refers to: works, current supplies and services, intellectual services,
// information technology, project management (maîtrise d'œuvre), industrial contracts.
enum class Ccag { travaux, fcs, pi, tic, moe, mi };
enum class Clause { execution, reserved_siae, reserved_disability, reserved_both, integration_object, none };
enum class Method { labour_cost, percent_of_hours, fixed, fte, cleaning_pact };
enum class Rounding { nearest, up, down };
enum class TrancheKind { firm, optional };
enum class FrameworkBasis { min, max, estimate };
enum class PenaltyCondition { best_efforts, strict };
enum class TrainingHours { work_contracts, all, none };
enum class EventKind { tranche_exercised, amendment, orders, end_changed, terminated };

// Code names as written in files and JSON ("reserved-siae", "labour-cost", ...).
std::string_view name(BuyerKind v);
std::string_view name(Nature v);
std::string_view name(Programme v);
std::string_view name(Ccag v);
std::string_view name(Clause v);
std::string_view name(Method v);
std::string_view name(Rounding v);
std::string_view name(TrancheKind v);
std::string_view name(FrameworkBasis v);
std::string_view name(PenaltyCondition v);
std::string_view name(TrainingHours v);
std::string_view name(EventKind v);  // "tranche-exercised", "amendment", "orders", "end-changed", "terminated"
std::string_view label(EventKind v);  // "affermissement de tranche", "avenant", "commandes", "changement de fin", "résiliation"

std::optional<Clause> clause_named(std::string_view code);  // "reserved-siae" -> Clause::reserved_siae

// French labels of a clause, the only ones: as a contract words it ("marché réservé aux structures
// d'insertion par l'activité économique", clausier draft's documents), and short, for messages and
// table cells ("marché réservé aux SIAE", check and report).
std::string_view label(Clause v);
std::string_view short_label(Clause v);
// A social award criterion, which legal reference rows name as the clause kind "award-criterion".
inline constexpr std::string_view award_criterion_code = "award-criterion";
inline constexpr std::string_view award_criterion_label = "critère d'attribution";

// The parameters a lot may set and the tender's `parameters` block may default.
struct Parameters {
  Field<double> hourly_cost;
  Field<double> rate;
  Field<double> labour_share;
  Field<double> percent;
  Field<Rounding> rounding;
  Field<double> rounding_step;
  Field<double> minimum_hours;
  // A key of this block was misspelt or had an invalid value (already reported): a value found
  // missing later may be that one, so it is not reported a second time.
  bool had_errors = false;
};

struct Buyer {
  std::string name;
  Located<BuyerKind> kind{BuyerKind::local, {}};  // local when not given
  Field<std::string> siret;
};

struct Facilitator {
  Position pos;
  Field<std::string> name, organisation, email, phone;
};

struct Penalties {
  Position pos;
  Field<double> per_missing_hour;
  Field<PenaltyCondition> condition;
  Field<double> cap_share;
  Field<double> late_report_per_day;
  Field<double> late_final_report_per_day;
};

struct Counting {
  Position pos;
  Field<TrainingHours> training_hours;
  Field<int> eligibility_validity_months;
  Field<double> tolerance;
};

struct Tranche {
  Position pos;
  Located<std::string> id;
  TrancheKind kind = TrancheKind::firm;
  Located<double> amount;
  std::string title;
};

struct Framework {
  Position pos;
  Field<double> min, max;
  Located<FrameworkBasis> basis;
};

struct Contractor {
  std::string name;
  Field<std::string> siret;
  Field<std::string> email;  // where `track due --format eml` sends its reminders (an addr-spec, checked)
};

struct Award {
  Position pos;
  std::optional<Contractor> contractor;
  Field<Date> notified;
};

// What happened to a lot's contract after award (formats.md section 2, « Lot events »), in date order.
// Which fields an event has depends on its kind; the loader refuses the others.
struct Event {
  Position pos;
  Located<Date> date;
  Located<EventKind> kind;
  Field<std::string> tranche;        // tranche-exercised; amendment of one tranche
  Field<double> amount;              // amendment (the new amount), orders (cumulative amount ordered)
  Field<double> hours;               // amendment or terminated: hours agreed by the parties
  Field<Date> end;                   // end-changed
  Field<double> executed_amount;     // terminated
  std::string note;
};

struct AwardCriterion {
  Position pos;
  Located<double> weight;
  std::string description;
};

struct Lot {
  Position pos;
  Located<std::string> id;
  std::string title;
  Located<Clause> clause{Clause::execution, {}};
  Located<Method> method{Method::labour_cost, {}};  // labour-cost when not given (pos = the lot's)
  bool method_given = false;
  Field<std::string> cpv;
  Field<std::string> trade;
  Field<double> amount;
  Field<Date> start, end;
  std::optional<Award> award;
  std::vector<Event> events;  // as written; the loader checks they are in date order and fit the lot
  Parameters params;
  Field<double> hours;                            // fixed
  Field<double> fte;                              // fte
  Field<double> months;                           // fte, cleaning-pact
  Field<double> transferred_staff_monthly_hours;  // cleaning-pact
  std::vector<Tranche> tranches;
  std::optional<Framework> framework;
  std::optional<AwardCriterion> award_criterion;
  // Why the lot has no clause: the justification, as written (`derogation: "…"` or its `reason`), and,
  // for the social consideration of L. 2112-2-1, the case of the article it relies on (`ground`, a row
  // of the derogation_grounds table; absent for free text).
  Field<std::string> derogation;
  Field<std::string> derogation_ground;

  bool has_clause() const { return clause.value != Clause::none; }
  // The sum of the tranches' amounts (0 without tranches): the lot's amount when it has tranches.
  double tranches_amount() const;
};

struct Tender {
  std::string path;  // the file it was read from
  Located<std::string> id;
  std::string title;
  Buyer buyer;
  std::optional<Facilitator> facilitator;
  Located<Nature> nature{Nature::works, {}};
  Field<Date> notice_date;
  Field<Programme> programme;
  Field<Ccag> ccag;  // absent: the default for the nature (ccag_of)
  Parameters parameters;
  std::optional<Penalties> penalties;
  std::optional<Counting> counting;
  Position lots_pos;
  std::vector<Lot> lots;

  const Lot* find_lot(std::string_view id) const;
};

// The CCAG the contract refers to: the `ccag` field, else CCAG-Travaux for works and CCAG-FCS for
// supplies and services (the general CCAG of current supplies and services; intellectual services,
// IT, project management and industrial contracts say so with `ccag`).
Ccag ccag_of(const Tender& t);

}  // namespace clausier::tender
