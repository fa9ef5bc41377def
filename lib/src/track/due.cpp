#include "clausier/track/due.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "clausier/hours/target.hpp"
#include "clausier/io/values.hpp"
#include "clausier/text/french.hpp"
#include "clausier/text/table.hpp"
#include "clausier/track/key_set.hpp"

namespace clausier::track {

namespace {

using boost::gregorian::date_duration;
using boost::gregorian::months;

Date first_day(Month m) { return Date(static_cast<unsigned short>(m.year), static_cast<unsigned short>(m.month), 1); }
Month next(Month m) { return m.month == 12 ? Month{m.year + 1, 1} : Month{m.year, m.month + 1}; }

}  // namespace

std::vector<Reminder> due(const Operation& op, Date as_of) {
  std::vector<Reminder> out;
  const hours::TenderResult* result = op.result();
  if (result == nullptr) return out;
  std::optional<int> validity = counting_rules(*result->tender).validity_months;
  Month current = Month::of(as_of);

  // The months each lot (as written in the statements) has rows for.
  KeySet declared;
  for (const StatementRow& row : op.statements.rows) declared.insert((std::uint64_t{row.lot} << 32) | std::uint32_t(row.month));
  std::optional<TextId> written;
  for (const auto& r : result->lots) {
    const tender::Lot& lot = *r.lot;
    // Nothing is due on a lot not awarded; a lot ends at its end at the date (end-changed, terminated).
    const hours::Target target = hours::target_at(r, as_of);
    if (!target.due() || !lot.start) continue;
    const std::optional<Date>& end = target.end;
    Month last = current;
    if (end) last = std::min(last, next(Month::of(*end)));
    written = op.statements.lots.find(lot.id.value);
    for (Month m = Month::of(lot.start->value); m < last; m = next(m)) {
      if (written && declared.contains((std::uint64_t{*written} << 32) | std::uint32_t(m.index()))) continue;
      // A month's statement is expected once the month is over.
      out.push_back({first_day(next(m)), "missing-statement", lot.id.value, "",
                     fmt::format("lot {} : pas d'état des heures pour {}", lot.id.value, text::format_month(m.year, m.month)),
                     true});
    }
    if (end && *end >= as_of && *end <= as_of + date_duration(60))
      out.push_back({*end, "lot-ending", lot.id.value, "",
                     fmt::format("lot {} : fin d'exécution le {} ; préparer le bilan", lot.id.value,
                                 text::format_date_long(*end)),
                     false});
  }
  for (const Participant& p : op.participants.list) {
    if (validity) {
      Date end = p.validated_on + months(*validity);
      if (end <= as_of + date_duration(30) && end >= as_of - date_duration(31))
        out.push_back({end, "eligibility-expiring", "", p.ref,
                       fmt::format("{} : validité de l'éligibilité {} le {}", p.ref, end < as_of ? "terminée" : "se termine",
                                   text::format_date_long(end)),
                       end < as_of});
    }
    if (p.exit && !p.follow_up) {
      Date follow = p.exit->date + months(6);
      if (follow <= as_of + date_duration(30))
        out.push_back({follow, "follow-up-due", "", p.ref,
                       fmt::format("{} : situation à six mois de la sortie du {} à recueillir", p.ref,
                                   text::format_date_long(p.exit->date)),
                       follow < as_of});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) {
    return std::tie(a.date, a.kind, a.lot, a.participant) < std::tie(b.date, b.kind, b.lot, b.participant);
  });
  return out;
}

std::string render_due_text(const std::vector<Reminder>& reminders, Date as_of) {
  std::string out = fmt::format("Échéances au {} : {}\n", text::format_date_long(as_of), reminders.size());
  if (reminders.empty()) return out;
  std::vector<text::Row> rows;
  for (const auto& r : reminders)
    rows.push_back({text::format_date_short(r.date), r.late ? "en retard" : "à venir", r.message});
  return out + "\n" + text::render_text_table({{"Date"}, {"État"}, {"Objet"}}, rows);
}

std::string render_due_csv(const std::vector<Reminder>& reminders) {
  std::string out(text::utf8_bom);
  out += text::csv_row({"date", "etat", "type", "lot", "participant", "objet"});
  for (const auto& r : reminders)
    out += text::csv_row({io::iso(r.date), r.late ? "en retard" : "à venir", r.kind, r.lot, r.participant, r.message});
  return out;
}

namespace {
// RFC 5545: escape \ ; , and newlines in text values; fold lines longer than 75 octets.
std::string ics_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    out += c;
  }
  return out;
}
std::string fold(const std::string& line) {
  std::string out;
  std::size_t i = 0;
  std::size_t width = 75;
  while (line.size() - i > width) {
    std::size_t cut = i + width;
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // never inside a UTF-8 character
    out += line.substr(i, cut - i) + "\r\n ";
    i = cut;
    width = 74;
  }
  return out + line.substr(i) + "\r\n";
}
std::string compact(Date d) { return io::iso(d).erase(7, 1).erase(4, 1); }
}  // namespace

std::string render_due_ics(const std::vector<Reminder>& reminders, Date as_of, const std::string& operation_id) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Clausier//clausier track due//FR\r\nCALSCALE:GREGORIAN\r\n";
  for (const auto& r : reminders) {
    std::string uid = fmt::format("{}-{}-{}-{}-{}@clausier", operation_id, r.kind, r.lot.empty() ? "x" : r.lot,
                                  r.participant.empty() ? "x" : r.participant, compact(r.date));
    out += "BEGIN:VEVENT\r\n";
    out += fold("UID:" + uid);
    out += fold("DTSTAMP:" + compact(as_of) + "T000000Z");  // the run's date, not the clock: same input, same file
    out += fold("DTSTART;VALUE=DATE:" + compact(r.date));
    out += fold("DTEND;VALUE=DATE:" + compact(r.date + boost::gregorian::date_duration(1)));
    out += fold("SUMMARY:" + ics_text(fmt::format("Clause sociale {} : {}", operation_id, r.message)));
    out += "END:VEVENT\r\n";
  }
  return out + "END:VCALENDAR\r\n";
}

}  // namespace clausier::track
