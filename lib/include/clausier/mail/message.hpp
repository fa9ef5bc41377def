#pragma once
// An e-mail message (RFC 5322, MIME, UTF-8) as a mail client opens it: one plain-text part. The only
// interface to the mail library (GMime 3), which encodes the headers (RFC 2047), the body (quoted-printable)
// and folds the lines; nothing else in Clausier includes GMime.
#include <string>

#include "clausier/io/values.hpp"

namespace clausier::mail {

struct Address {
  std::string name;     // a display name, any UTF-8 (encoded as needed); may be empty
  std::string address;  // an addr-spec that io::plain_email_address accepts (the caller checks it)
};

struct Message {
  Address from, to;
  std::string subject;     // UTF-8, one line
  std::string body;        // UTF-8 plain text, lines ended by \n
  io::Date date;           // the Date header: that day, 08:00 UTC (the run's date, not the clock: same input, same file)
  std::string message_id;  // without angle brackets, e.g. 0123abcd@clausier
  // X-Unsent: 1, so that Outlook and others open the file as a draft to review and send.
  bool draft = true;
};

// The whole message, CRLF line ends. Throws std::invalid_argument for an address that is not a plain
// addr-spec (a programming error: the loaders refuse such addresses).
std::string render(const Message& m);

}  // namespace clausier::mail
