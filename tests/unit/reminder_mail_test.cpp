// Reminders as e-mail messages (track/reminder_mail.hpp, mail/message.hpp): one per contractor with an
// address, the others named; the message itself through GMime. tests/track/eml_python.py reads the
// messages the tool writes with Python's email parser.
#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

#include "clausier/mail/message.hpp"
#include "clausier/track/due.hpp"
#include "clausier/track/operation.hpp"
#include "clausier/track/reminder_mail.hpp"
#include "fixtures.hpp"
#include "printers.hpp"

using namespace clausier;

namespace {

const std::string portfolio = std::string(CLAUSIER_SOURCE_DIR) + "/tests/data/portfolio";

}  // namespace

TEST_CASE("mail: an RFC 5322 message, UTF-8 headers encoded, CRLF, a draft") {
  mail::Message m;
  m.from = {"Claire Fabre (Maison de l'emploi)", "clauses@mde.example.org"};
  m.to = {"Électricité Cathare", "chantiers@elec-cathare.example.fr"};
  m.subject = "Clause sociale CARC-2026-034 : états des heures";
  m.body = "Bonjour,\n\nLot 2 — Électricité : pas d'état pour octobre 2026.\n";
  m.date = date(2026, 11, 22);
  m.message_id = "2026-11-22-elec@clausier";
  std::string text = mail::render(m);
  INFO(text);
  CHECK(text.find("\r\n\r\n") != std::string::npos);
  CHECK(text.find("\n") == text.find("\r\n") + 1);
  CHECK(text.find("To: =?UTF-8?") != std::string::npos);    // the accented name, RFC 2047, in UTF-8
  CHECK(text.find("<chantiers@elec-cathare.example.fr>") != std::string::npos);
  CHECK(text.find("Subject: Clause sociale CARC-2026-034 : =?UTF-8?") != std::string::npos);
  CHECK(text.find("Date: Sun, 22 Nov 2026 08:00:00 +0000") != std::string::npos);
  CHECK(text.find("Message-Id: <2026-11-22-elec@clausier>") != std::string::npos);
  CHECK(text.find("X-Unsent: 1") != std::string::npos);
  CHECK(text.find("charset=utf-8") != std::string::npos);
  CHECK(text.find("quoted-printable") != std::string::npos);
  CHECK(text.find("Électricité") == std::string::npos);     // nothing but ASCII on the wire
  CHECK(mail::render(m) == text);                           // same input, same bytes
  m.to.address = "x@y.fr\r\nBcc: z@w.fr";
  CHECK_THROWS_AS(mail::render(m), std::invalid_argument);
}

TEST_CASE("mail: a line end in a display name or the subject adds no header") {
  // A tender's title and a company's name are free text, line ends allowed: they reach the Subject and
  // the display names, and must stay inside them.
  mail::Message m;
  m.from = {"Claire\r\nBcc: from@evil.example", "clauses@mde.example.org"};
  m.to = {"BTP Sud\nBcc: to@evil.example", "clauses@btp-sud.example.fr"};
  m.subject = "Clause sociale\r\nBcc: subject@evil.example\nX-Injected: 1";
  m.body = "Bonjour,\n";
  m.date = date(2026, 11, 22);
  m.message_id = "2026-11-22-btp@clausier";
  std::string text = mail::render(m);
  INFO(text);
  const std::string headers = text.substr(0, text.find("\r\n\r\n") + 2);
  CHECK(headers.find("\r\nBcc:") == std::string::npos);
  CHECK(headers.find("\r\nX-Injected:") == std::string::npos);
  CHECK(headers.find("\nBcc:") == std::string::npos);
  // Every header line is a header or the folded continuation of one (starts with white space).
  for (std::size_t at = 0; at < headers.size();) {
    std::size_t end = headers.find("\r\n", at);
    const std::string line = headers.substr(at, end - at);
    CHECK_MESSAGE((line.empty() || line[0] == ' ' || line[0] == '\t' || line.find(": ") != std::string::npos), line);
    at = end + 2;
  }
}

TEST_CASE("reminder mails: one message per contractor with an address, across the operations") {
  io::Date as_of = date(2026, 11, 22);
  // A deque: the results of an operation point into it, and a vector would copy it when it grows.
  std::deque<track::Operation> ops;
  for (const char* f : {"/ecole-jaures", "/viguier-voirie"}) ops.push_back(track::load_operation({portfolio + f, {}, {}}, builtin()));
  std::vector<track::OperationReminders> all;
  for (const auto& op : ops) {
    REQUIRE(op.result() != nullptr);
    track::OperationReminders r{op.result()->tender, track::due(op, as_of), {}};
    for (const auto& row : op.statements.rows)
      r.participant_lots[std::string(op.statements.participants[row.participant])].emplace_back(op.statements.lots[row.lot]);
    all.push_back(std::move(r));
  }
  track::ReminderMails mails = track::reminder_mails(all, as_of);
  // BTP Sud: CARC-2026-034/1 has no statement for October 2026 (its own lot 1 of CARC-2026-021 is up to
  // date); Électricité Cathare: CARC-2026-034/2, no statement since June; the Régie de quartier: 021/3,
  // none since March. Couleurs d'Oc (034/3) and Menuiserie de l'Aude (021/2) owe statements but have no
  // address.
  REQUIRE(mails.mails.size() == 3);
  CHECK(mails.mails[0].file == "btp-sud.eml");
  CHECK(mails.mails[0].message.to.address == "clauses@btp-sud.example.fr");
  CHECK(mails.mails[0].message.from.address == "clauses@mde-carcassonne.example.org");
  CHECK(mails.mails[0].message.subject.find("CARC-2026-034") != std::string::npos);
  CHECK(mails.mails[0].message.body.find("Lot 1 — Gros œuvre") != std::string::npos);
  CHECK(mails.mails[0].message.body.find("octobre 2026") != std::string::npos);
  CHECK(mails.mails[1].file == "electricite-cathare.eml");
  CHECK(mails.mails[1].message.body.find("juin 2026") != std::string::npos);
  CHECK(mails.mails[1].message.body.find("mai 2026") == std::string::npos);  // the lot starts in June
  CHECK(mails.mails[2].file == "regie-de-quartier-du-viguier.eml");
  CHECK(mails.mails[2].operations == std::vector<std::string>{"CARC-2026-021"});
  CHECK(mails.without_address == std::vector<std::string>{
                                     "Couleurs d'Oc (CARC-2026-034) : pas d'adresse award.contractor.email",
                                     "Menuiserie de l'Aude (CARC-2026-021) : pas d'adresse award.contractor.email"});
}
