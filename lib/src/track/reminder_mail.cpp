#include "clausier/track/reminder_mail.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>
#include <set>

#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"

namespace clausier::track {

namespace {

// One contractor's message while it is being gathered.
struct Draft {
  std::string name, address;
  const tender::Facilitator* facilitator = nullptr;
  std::vector<std::string> operations;
  std::string body;  // the sections, one per operation
};

// The French letters of a company name, without their accents, for a file name: « Électricité » -> electricite.
constexpr std::pair<std::string_view, char> unaccented[] = {
    {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"À", 'a'}, {"Â", 'a'}, {"ç", 'c'}, {"Ç", 'c'}, {"é", 'e'}, {"è", 'e'},
    {"ê", 'e'}, {"ë", 'e'}, {"É", 'e'}, {"È", 'e'}, {"Ê", 'e'}, {"î", 'i'}, {"ï", 'i'}, {"Î", 'i'}, {"ô", 'o'},
    {"ö", 'o'}, {"Ô", 'o'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"Û", 'u'}, {"ÿ", 'y'}};

std::string file_stem(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    char letter = 0;
    for (const auto& [accented, plain] : unaccented)
      if (name.substr(i, accented.size()) == accented) {
        letter = plain;
        i += accented.size() - 1;
        break;
      }
    if (letter == 0 && c < 0x80 && std::isalnum(c)) letter = static_cast<char>(std::tolower(c));
    if (letter != 0) out += letter;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "titulaire" : out;
}

const tender::Facilitator* usable(const std::optional<tender::Facilitator>& f) {
  return f && f->email && io::plain_email_address(f->email->value) ? &*f : nullptr;
}

std::string line_of(const Reminder& r) {
  return fmt::format("  - {} ({}) : {}\n", text::format_date_short(r.date), r.late ? "en retard" : "à venir", r.message);
}

// What is due on the lots of one contractor in one operation, lot by lot, then its participants.
std::string section(const tender::Tender& t, const OperationReminders& op, const std::vector<const tender::Lot*>& lots) {
  std::string out = fmt::format("Opération {} — {}\n", t.id.value, t.title);
  std::set<std::string> lot_ids;
  for (const tender::Lot* lot : lots) {
    lot_ids.insert(lot->id.value);
    std::string lines;
    for (const Reminder& r : op.reminders)
      if (r.lot == lot->id.value) lines += line_of(r);
    if (!lines.empty()) out += fmt::format("\nLot {} — {}\n{}", lot->id.value, lot->title, lines);
  }
  std::string people;
  for (const Reminder& r : op.reminders) {
    if (r.participant.empty()) continue;
    auto it = op.participant_lots.find(r.participant);
    if (it == op.participant_lots.end()) continue;
    if (std::any_of(it->second.begin(), it->second.end(), [&](const std::string& l) { return lot_ids.count(l) > 0; }))
      people += line_of(r);
  }
  if (!people.empty()) out += "\nParticipants (pseudonymes) de vos lots\n" + people;
  return out;
}

bool concerns(const OperationReminders& op, const tender::Lot& lot) {
  for (const Reminder& r : op.reminders) {
    if (r.lot == lot.id.value) return true;
    if (r.participant.empty()) continue;
    auto it = op.participant_lots.find(r.participant);
    if (it != op.participant_lots.end() && std::find(it->second.begin(), it->second.end(), lot.id.value) != it->second.end())
      return true;
  }
  return false;
}

// How to send the statements: the blank statement named, its columns, and the rule on personal data.
std::string how_to_send() {
  return "\nComment transmettre les états des heures\n"
         "Un état par lot et par mois, en réponse à ce message : l'état vierge du lot (un tableur CSV aux colonnes\n"
         "lot, participant, mois, modalite, contrat, employeur, heures_travail, heures_formation), rempli.\n"
         "Demandez-le en réponse si vous ne l'avez plus. Les participants y sont désignés par leur pseudonyme\n"
         "(P-0001…) : jamais de nom, d'adresse ni de numéro de sécurité sociale.\n";
}

std::string signature(const tender::Facilitator& f) {
  std::string out = "\nCordialement,\n";
  if (f.name) out += f.name->value + "\n";
  if (f.organisation) out += f.organisation->value + "\n";
  if (f.phone) out += f.phone->value + "\n";
  return out + f.email->value + "\n";
}

}  // namespace

ReminderMails reminder_mails(std::span<const OperationReminders> operations, io::Date as_of) {
  ReminderMails out;
  std::vector<Draft> drafts;
  for (const OperationReminders& op : operations) {
    const tender::Tender& t = *op.tender;
    const tender::Facilitator* from = usable(t.facilitator);
    // Contractors of this operation, in lot order, each with its lots that have something due.
    std::vector<std::pair<const tender::Contractor*, std::vector<const tender::Lot*>>> holders;
    for (const tender::Lot& lot : t.lots) {
      if (!lot.award || !lot.award->contractor || !concerns(op, lot)) continue;
      const tender::Contractor* c = &*lot.award->contractor;
      auto it = std::find_if(holders.begin(), holders.end(), [&](const auto& h) { return h.first->name == c->name; });
      if (it == holders.end()) holders.push_back({c, {&lot}});
      else it->second.push_back(&lot);
    }
    for (const auto& [contractor, lots] : holders) {
      auto email = std::find_if(lots.begin(), lots.end(), [](const tender::Lot* l) { return l->award->contractor->email.has_value(); });
      if (email == lots.end() || from == nullptr) {
        out.without_address.push_back(fmt::format("{} ({}) : {}", contractor->name, t.id.value,
                                                  email == lots.end() ? "pas d'adresse award.contractor.email"
                                                                      : "pas d'adresse facilitator.email d'où l'envoyer"));
        continue;
      }
      const std::string& address = (*email)->award->contractor->email->value;
      // The name by value: clang 14 (scripts/fuzz.sh) refuses a lambda capturing a structured binding.
      const std::string& name = contractor->name;
      auto d = std::find_if(drafts.begin(), drafts.end(), [&](const Draft& x) { return x.name == name && x.address == address; });
      if (d == drafts.end()) d = drafts.insert(drafts.end(), Draft{contractor->name, address, from, {}, {}});
      d->operations.push_back(t.id.value);
      d->body += (d->body.empty() ? "" : "\n") + section(t, op, lots);
    }
  }
  std::set<std::string> files;
  for (Draft& d : drafts) {
    ReminderMail m;
    std::string stem = file_stem(d.name);
    m.file = stem + ".eml";
    for (int i = 2; !files.insert(m.file).second; ++i) m.file = fmt::format("{}-{}.eml", stem, i);
    std::string from_name = d.facilitator->name ? d.facilitator->name->value : std::string();
    if (d.facilitator->organisation)
      from_name = from_name.empty() ? d.facilitator->organisation->value
                                    : fmt::format("{} ({})", from_name, d.facilitator->organisation->value);
    std::string ops;
    for (const std::string& o : d.operations) ops += (ops.empty() ? "" : ", ") + o;
    m.message.from = {from_name, d.facilitator->email->value};
    m.message.to = {d.name, d.address};
    m.message.subject = fmt::format("Clause sociale {} : états des heures et échéances au {}", ops, text::format_date_long(as_of));
    m.message.body = fmt::format(
                         "Bonjour,\n\nVoici, au {}, ce qui est attendu de {} au titre de la clause sociale "
                         "(heures d'insertion) de {} :\n\n",
                         text::format_date_long(as_of), d.name,
                         d.operations.size() == 1 ? "l'opération " + ops : "vos marchés " + ops) +
                     d.body + how_to_send() + signature(*d.facilitator);
    m.message.date = as_of;
    m.message.message_id = fmt::format("{}-{}-{}@clausier", io::iso(as_of), stem, files.size());
    m.message.draft = true;
    m.operations = d.operations;
    out.mails.push_back(std::move(m));
  }
  return out;
}

}  // namespace clausier::track
