#include "clausier/mail/message.hpp"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace clausier::mail {

namespace {

struct Unref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;

void check(const Address& a) {
  if (!io::plain_email_address(a.address)) throw std::invalid_argument("mail::render: not a plain address");
}

// A display name outside ASCII is encoded in UTF-8 (RFC 2047), as the body is: GMime would pick the
// smallest charset that fits, ISO-8859-1 for « Électricité Cathare ».
void add(GMimeMessage* message, GMimeAddressType type, const Address& a) {
  InternetAddress* mailbox = internet_address_mailbox_new(a.name.c_str(), a.address.c_str());
  internet_address_set_charset(mailbox, "utf-8");
  internet_address_list_add(g_mime_message_get_addresses(message, type), mailbox);
  g_object_unref(mailbox);
}

}  // namespace

std::string render(const Message& m) {
  check(m.from);
  check(m.to);
  // GMime is initialised once, when the first message is written: tools that never write one do not pay for it.
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });

  Ref<GMimeMessage> message(g_mime_message_new(TRUE));
  add(message.get(), GMIME_ADDRESS_TYPE_FROM, m.from);
  add(message.get(), GMIME_ADDRESS_TYPE_TO, m.to);
  g_mime_message_set_subject(message.get(), m.subject.c_str(), "utf-8");
  GDateTime* date = g_date_time_new_utc(m.date.year(), m.date.month(), m.date.day(), 8, 0, 0);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.get(), m.message_id.c_str());
  if (m.draft) g_mime_object_set_header(GMIME_OBJECT(message.get()), "X-Unsent", "1", nullptr);

  Ref<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  g_mime_text_part_set_text(part.get(), m.body.c_str());  // sets charset=utf-8
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));

  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* text = g_mime_object_to_string(GMIME_OBJECT(message.get()), options);
  g_mime_format_options_free(options);
  std::string out(text);
  g_free(text);
  return out;
}

}  // namespace clausier::mail
