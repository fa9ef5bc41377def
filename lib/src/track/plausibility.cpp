#include "clausier/track/plausibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <unordered_map>

#include "clausier/core/text.hpp"
#include "clausier/track/key_set.hpp"
#include "clausier/text/french.hpp"

namespace clausier::track {

namespace {

std::string maximum_text(Month m) {
  return fmt::format("au plus {} pour une personne ({} par semaine, {})", text::format_hours(legal_monthly_maximum(m)),
                     text::format_hours(legal_weekly_maximum), legal_maximum_reference);
}

}  // namespace

double legal_monthly_maximum(Month m) {
  int days = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(m.year),
                                                                   static_cast<unsigned short>(m.month));
  return legal_weekly_maximum * days / 7;
}

bool over_legal_maximum(double hours, Month m) {
  // A hundredth of an hour of tolerance: 212,57 typed for 212,571… is not over.
  return hours > legal_monthly_maximum(m) + 0.005;
}

std::string over_maximum_detail(double hours, Month m) {
  return fmt::format("{} en {} : {}", text::format_hours(hours), text::format_month(m.year, m.month), maximum_text(m));
}

std::vector<OverMaximum> over_maximum_groups(std::span<const PersonMonthHours> rows) {
  // A million rows make up to a million person-months: each is a slot of one flat table keyed by the
  // person's number and the month packed in 64 bits (KeySet), its sum in one vector, no allocation per
  // person-month; the rows of a group are gathered in a second pass, only for the groups over the maximum.
  constexpr std::uint32_t no_group = ~std::uint32_t{0};
  struct Sum {
    std::uint32_t person = 0;
    int month = 0;
    std::uint32_t rows = 0;
    std::uint32_t group = no_group;
    double hours = 0;
  };
  std::unordered_map<std::string_view, std::uint32_t> person_ids;
  std::vector<std::string_view> persons;
  std::vector<Sum> sums;  // in the order of their first row
  std::vector<std::uint32_t> sum_of(rows.size());
  KeySet keys(rows.size());
  std::string_view last;  // consecutive rows often name the same person, with the same text
  std::uint32_t last_id = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const PersonMonthHours& r = rows[i];
    if (persons.empty() || r.person.data() != last.data() || r.person.size() != last.size()) {
      auto [it, inserted] = person_ids.try_emplace(r.person, static_cast<std::uint32_t>(persons.size()));
      if (inserted) persons.push_back(r.person);
      last = r.person;
      last_id = it->second;
    }
    const std::uint64_t key = std::uint64_t{last_id} << 32 | static_cast<std::uint32_t>(r.month);
    auto [s, inserted] = keys.insert(key, static_cast<std::uint32_t>(sums.size()));
    if (inserted) sums.push_back({last_id, r.month});
    sums[s].hours += r.hours;
    ++sums[s].rows;
    sum_of[i] = s;
  }
  std::vector<OverMaximum> out;
  for (Sum& sum : sums) {
    const Month m = Month::at(sum.month);
    if (sum.rows < 2 || !over_legal_maximum(sum.hours, m)) continue;
    sum.group = static_cast<std::uint32_t>(out.size());
    out.push_back(OverMaximum{persons[sum.person], m, sum.hours, {}});
    out.back().rows.reserve(sum.rows);
  }
  if (out.empty()) return out;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (std::uint32_t g = sums[sum_of[i]].group; g != no_group) out[g].rows.push_back(rows[i].row);
  return out;
}

std::string over_maximum_group_detail(const OverMaximum& group) {
  return fmt::format("{} a {} déclarées en {}, sur {} lignes tous lots et fichiers confondus : {}", quoted(group.person),
                     text::format_hours(group.hours), text::format_month(group.month.year, group.month.month),
                     text::format_number(static_cast<double>(group.rows.size()), 0), maximum_text(group.month));
}

}  // namespace clausier::track
