#pragma once
// Reminders a scheduled job can produce: what is late, and what is coming.
#include <string>
#include <vector>

#include "clausier/track/operation.hpp"

namespace clausier::track {

struct Reminder {
  Date date;             // when it is (or was) due
  std::string kind;      // missing-statement, eligibility-expiring, follow-up-due, lot-ending
  std::string lot;       // may be empty
  std::string participant;  // pseudonymous ref, may be empty
  std::string message;   // French, one line
  bool late = false;     // already past at the date of the run
};

// Months without any statement since each lot started (up to the month before as_of, and to the month of its
// end), eligibility ending within 30 days, exits whose six-month follow-up is due within 30 days, lots ending
// within 60 days. Only lots where hours are due (awarded, clause set); a lot ends at its end at as_of, lot
// events applied (end-changed, terminated).
std::vector<Reminder> due(const Operation& op, Date as_of);

std::string render_due_text(const std::vector<Reminder>& reminders, Date as_of);
std::string render_due_csv(const std::vector<Reminder>& reminders);
// An iCalendar file (RFC 5545): one all-day event per reminder, stable UIDs, CRLF lines.
std::string render_due_ics(const std::vector<Reminder>& reminders, Date as_of, const std::string& operation_id);

}  // namespace clausier::track
