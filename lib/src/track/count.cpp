// The counting rules of formats.md section 5, over the rows of track/statements.hpp, and the French
// explanation of each refusal, made only when a refused row is written.
#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <iterator>

#include "clausier/core/text.hpp"
#include "clausier/hours/target.hpp"
#include "clausier/io/values.hpp"
#include "clausier/track/forms.hpp"
#include "clausier/track/group_by.hpp"
#include "clausier/track/key_set.hpp"
#include "clausier/track/statements.hpp"

namespace clausier::track {

using tender::TrainingHours;

namespace {

// A row's lot, month and route in one key, its person's rows being looked at together: the route in 3
// bits, the month in 12 (from January 1990: statement months run to 2200), the lot in the rest.
std::uint64_t duplicate_key(std::uint32_t lot, int month, Route route) {
  constexpr int first_month = first_statement_year * 12;
  return (static_cast<std::uint64_t>(lot) << 15) | (static_cast<std::uint64_t>(month - first_month) << 3) |
         static_cast<std::uint64_t>(route);
}

// The lot a statement names: the tender's lot of that id, else the first whose id is the same number.
std::uint32_t lot_named(const std::vector<std::string>& ids, std::string_view id) {
  std::optional<std::size_t> found = find_lot(ids, id);  // formats.md 5.2: "1" names the only lot numbered 1
  return found ? static_cast<std::uint32_t>(*found) : Count::no_lot;
}

std::string month_text(int index) { return Month::at(index).iso(); }

}  // namespace

CountingRules counting_rules(const tender::Tender& t) {
  CountingRules c;
  if (t.counting && t.counting->training_hours) c.training = t.counting->training_hours->value;
  if (t.counting && t.counting->eligibility_validity_months) c.validity_months = t.counting->eligibility_validity_months->value;
  return c;
}

Count count_rows(const hours::TenderResult& result, const Participants& participants, const Statements& statements,
                 Date as_of_date) {
  const Month as_of = Month::of(as_of_date);
  Count out;
  out.result = &result;
  out.participants = &participants;
  out.statements = &statements;
  out.rules = counting_rules(*result.tender);
  // Each distinct text is looked up once, not once per row.
  out.lot_of.resize(statements.lots.size());
  std::vector<std::string> lot_ids;
  for (const auto& r : result.lots) lot_ids.push_back(r.lot->id.value);
  for (TextId id = 0; id < statements.lots.size(); ++id) out.lot_of[id] = lot_named(lot_ids, statements.lots[id]);
  out.person_of = people_of(statements.participants, participants);
  // Each participant text's person (its place in the file) and month of validation side by side: one
  // cache line per row. The months are taken in the file's order (60 000 participants read at random
  // missed the cache each).
  struct Person {
    std::uint32_t index;  // in participants.list, or no_person
    int validated;
  };
  constexpr std::uint32_t no_person = ~std::uint32_t{0};
  std::vector<int> validated_at(participants.list.size());
  for (std::size_t i = 0; i < validated_at.size(); ++i) validated_at[i] = Month::of(participants.list[i].validated_on).index();
  std::vector<Person> people(statements.participants.size(), {no_person, 0});
  out.validated_month.resize(people.size());
  for (TextId id = 0; id < people.size(); ++id) {
    if (out.person_of[id] == nullptr) continue;
    const auto index = static_cast<std::uint32_t>(out.person_of[id] - participants.list.data());
    people[id] = {index, validated_at[index]};
    out.validated_month[id] = validated_at[index];
  }
  struct Period {
    int first = INT_MIN, last = INT_MAX;  // months of the lot's start and end, when given
  };
  // Each lot, awarded or not at the date, with the end of its execution then: an end-changed or terminated
  // event moves it.
  std::vector<Period> periods(result.lots.size());
  std::vector<bool> awarded(result.lots.size());
  out.end_of.resize(result.lots.size());
  for (std::size_t i = 0; i < result.lots.size(); ++i) {
    const tender::Lot& lot = *result.lots[i].lot;
    const hours::Target target = hours::target_at(result.lots[i], as_of_date);
    awarded[i] = target.awarded;
    out.end_of[i] = target.end;
    if (lot.start) periods[i].first = Month::of(lot.start->value).index();
    if (target.end) periods[i].last = Month::of(*target.end).index();
  }
  const int last_month = as_of.index();
  const int validity = out.rules.validity_months.value_or(INT_MAX / 2);
  const std::vector<StatementRow>& rows = statements.rows;
  // First every check but the duplicate one, row by row: the refused rows keep their reason, the others
  // wait for the duplicate check. That check looks at each person's rows together (group_by_key), in
  // passes that stay in the cache: a key set of every row probed at random missed it on every row past
  // a million rows, and made 4 000 000 rows take 5.6 times as long as 1 000 000.
  constexpr std::uint8_t candidate = 0xFF;
  std::vector<std::uint8_t> verdict(rows.size(), candidate);  // a Reason, or candidate
  struct Candidate {
    std::uint32_t row, person;
    std::uint64_t key;  // lot, month and route: the row's duplicate key for its person
  };
  std::vector<Candidate> candidates;
  candidates.reserve(rows.size());
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    const StatementRow& row = rows[i];
    auto refuse = [&](Reason reason) { verdict[i] = static_cast<std::uint8_t>(reason); };
    if (row.month > last_month) {
      refuse(Reason::after_as_of);
      continue;
    }
    std::uint32_t lot = out.lot_of[row.lot];
    if (lot == Count::no_lot) {
      refuse(Reason::unknown_lot);
      continue;
    }
    if (!result.lots[lot].lot->has_clause()) {
      refuse(Reason::lot_without_clause);
      continue;
    }
    if (!awarded[lot]) {
      refuse(Reason::lot_not_awarded);
      continue;
    }
    const Person person = people[row.participant];
    if (person.index == no_person) {
      refuse(Reason::unknown_participant);
      continue;
    }
    if (row.month < person.validated) {
      refuse(Reason::before_validation);
      continue;
    }
    if (row.month > person.validated + validity) {
      refuse(Reason::after_validity);
      continue;
    }
    if (row.month < periods[lot].first || row.month > periods[lot].last) {
      refuse(Reason::outside_execution);
      continue;
    }
    // Keyed on the tender's lot and the participant: "1" and "01" rows of the same person, month and route are one.
    candidates.push_back({i, person.index, duplicate_key(lot, row.month, row.route)});
  }
  // The first row of each person, lot, month and route counts; the others repeat it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeats;  // (row, the row it repeats), by row
  {
    const std::vector<std::uint32_t> start =
        group_by_key(candidates, static_cast<std::uint32_t>(participants.list.size()),
                     [](const Candidate& c) { return c.person; });
    KeySet seen(0);  // a person's keys, with their first row; emptied for the next person
    for (std::size_t p = 0; p + 1 < start.size(); ++p) {
      if (start[p + 1] - start[p] < 2) continue;
      seen.reset(start[p + 1] - start[p]);
      for (std::uint32_t c = start[p]; c < start[p + 1]; ++c)
        if (auto [first, added] = seen.insert(candidates[c].key, candidates[c].row); !added)
          repeats.emplace_back(candidates[c].row, first);
    }
    std::sort(repeats.begin(), repeats.end());
  }
  candidates = {};
  out.counted.reserve(rows.size());
  out.not_counted.reserve(rows.size());  // room only: what no refusal fills is never touched
  auto repeat = repeats.begin();
  for (std::uint32_t i = 0; i < rows.size(); ++i) {
    if (verdict[i] != candidate) {
      out.not_counted.push_back({i, static_cast<Reason>(verdict[i]), 0});
    } else if (repeat != repeats.end() && repeat->first == i) {
      out.not_counted.push_back({i, Reason::duplicate, repeat->second});
      ++repeat;
    } else {
      out.counted.push_back(i);
    }
  }
  return out;
}

double Count::hours(const StatementRow& row) const {
  bool training = rules.training == TrainingHours::all ||
                  (rules.training == TrainingHours::work_contracts &&
                   (row.contract == Contract::apprenticeship || row.contract == Contract::professionalisation));
  return row.work_hours + (training ? row.training_hours : 0);
}

bool Count::plain_detail(Reason reason) {  // keep with the texts of detail() below
  return reason == Reason::after_as_of || reason == Reason::before_validation || reason == Reason::after_validity ||
         reason == Reason::outside_execution;
}

std::string Count::detail(const NotCounted& n) const {
  std::string out;
  detail(out, n);
  return out;
}

// Written straight into `out` (a million refused rows: no string per row); months as "2027-08".
void Count::detail(std::string& out, const NotCounted& n) const {
  if (n.unreadable()) {
    out += statements->unreadable[n.row].detail;
    return;
  }
  const StatementRow& row = statements->rows[n.row];
  auto to = std::back_inserter(out);
  const Month month = Month::at(row.month);
  auto validated = [&] { return Month::at(validated_month[row.participant]); };
  switch (n.reason) {
    case Reason::after_as_of:
      out += "mois ";
      month.append_iso(out);
      out += " postérieur à la date du suivi";
      break;
    case Reason::unknown_lot:
      fmt::format_to(to, FMT_COMPILE("lot {} inconnu de la consultation"), quoted(statements->lots[row.lot]));
      break;
    case Reason::lot_without_clause:
      fmt::format_to(to, FMT_COMPILE("le lot {} n'a pas de clause"), quoted(statements->lots[row.lot]));
      break;
    case Reason::lot_not_awarded: {
      const tender::Lot& lot = *result->lots[lot_of[row.lot]].lot;
      if (lot.award && lot.award->notified)
        fmt::format_to(to, "le lot {} n'est pas encore attribué à la date du suivi (notifié le {})",
                       quoted(statements->lots[row.lot]), io::iso(lot.award->notified->value));
      else
        fmt::format_to(to, "le lot {} n'est pas attribué (pas de « award » dans tender.yaml)", quoted(statements->lots[row.lot]));
      break;
    }
    case Reason::unknown_participant:
      fmt::format_to(to, FMT_COMPILE("participant {} absent du fichier des participants"),
                     quoted(statements->participants[row.participant]));
      break;
    case Reason::before_validation:
      out += "mois ";
      month.append_iso(out);
      out += " antérieur à la validation de l'éligibilité (";
      validated().append_iso(out);
      out += ')';
      break;
    case Reason::after_validity:
      out += "mois ";
      month.append_iso(out);
      fmt::format_to(to, FMT_COMPILE(" au-delà de la validité de l'éligibilité ({} mois après "), rules.validity_months.value_or(0));
      validated().append_iso(out);
      out += ')';
      break;
    case Reason::outside_execution: {
      const tender::Lot& lot = *result->lots[lot_of[row.lot]].lot;
      const std::optional<Date>& end = end_of[lot_of[row.lot]];
      fmt::format_to(to, FMT_COMPILE("mois {} hors de la période d'exécution du lot ({} à {})"), month_text(row.month),
                     lot.start ? Month::of(lot.start->value).iso() : "…", end ? Month::of(*end).iso() : "…");
      break;
    }
    case Reason::duplicate: {
      const StatementRow& first = statements->rows[n.first];
      const std::string& first_file = statements->files[first.file];
      fmt::format_to(to, FMT_COMPILE("déjà déclaré pour ce lot, ce participant, ce mois et cette modalité ({} ligne {})"),
                     first_file == statements->files[row.file] ? "même fichier," : first_file, first.line);
      break;
    }
    case Reason::invalid_row:
    case Reason::over_legal_maximum:
    case Reason::personal_data: break;
  }
}

}  // namespace clausier::track
