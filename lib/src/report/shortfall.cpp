// Shortfalls are never netted (formats.md section 7): the hours missing of an operation, a contractor or a
// group are the sum of each lot's own, and the surplus of a lot is shown apart, as a surplus.
#include <fmt/format.h>

#include "clausier/report/model.hpp"
#include "clausier/text/french.hpp"

namespace clausier::report {

void Shortfall::add(double missing_hours, double over_hours) {
  missing += missing_hours;
  over += over_hours;
}

void Shortfall::round() {
  missing = hours::round6(missing);
  over = hours::round6(over);
}

std::string shortfall_label(const Shortfall& s, double target) {
  if (target <= 0 && s.over <= 0) return "";
  std::string missing = s.missing > 0 ? "il manque " + text::format_hours(s.missing) : "";
  std::string over = s.over > 0 ? "dépassement de " + text::format_hours(s.over) : "";
  if (!missing.empty() && !over.empty()) return missing + " ; " + over;
  if (!missing.empty()) return missing;
  if (!over.empty()) return over;
  return "objectif atteint";
}

// A pooling agreement is the one place where a surplus makes up a shortfall (formats.md section 8).
std::string agreement_status(const AgreementLine& a) {
  if (a.tracking.status) return std::string(track::french_label(*a.tracking.status));
  return "pas encore en vigueur (signée le " + text::format_date_short(a.agreement.signed_on.value) + ")";
}

}  // namespace clausier::report
