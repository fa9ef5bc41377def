#pragma once
// The reminders of `track due` as messages ready to send (`--format eml`): one per contractor, To the
// address of its award block (contractor.email), From the operation's facilitator, in French, listing
// what is due on each of its lots by month (missing statements, lots ending, and the eligibility ending
// or follow-ups due of the participants who worked on them) and how to send the statements.
#include <map>
#include <span>
#include <string>
#include <vector>

#include "clausier/mail/message.hpp"
#include "clausier/tender/model.hpp"
#include "clausier/track/due.hpp"

namespace clausier::track {

struct OperationReminders {
  const tender::Tender* tender = nullptr;
  std::vector<Reminder> reminders;                               // due(), in its order
  std::map<std::string, std::vector<std::string>> participant_lots;  // ref -> lots its counted hours are on
};

struct ReminderMail {
  std::string file;  // a file name from the contractor's name: btp-sud.eml (-2, -3… when two names agree)
  mail::Message message;
  std::vector<std::string> operations;  // the operations it speaks of
};

struct ReminderMails {
  std::vector<ReminderMail> mails;  // in the order contractors are first met (operations, then lots)
  // Contractors with something due but no message: "NAME (OPERATION)", with why (no contractor.email,
  // or the operation's facilitator has no usable e-mail address to send from).
  std::vector<std::string> without_address;
};

// One message per contractor (the same name and address across operations), with reminders on its lots;
// the From is the facilitator of the first operation it is met in. Messages are dated `as_of`.
ReminderMails reminder_mails(std::span<const OperationReminders> operations, io::Date as_of);

}  // namespace clausier::track
