#include "clausier/track/plausibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>

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
  // person's number (the caller's: no text hashed per row) and the month packed in 64 bits (KeySet), its sum
  // in one vector, no allocation per person-month; the rows of a group are gathered in a second pass, only
  // for the groups over the maximum.
  constexpr std::uint32_t no_group = ~std::uint32_t{0};
  struct Sum {
    std::uint32_t first = 0;  // its first row, which names the person
    int month = 0;
    std::uint32_t rows = 0;
    std::uint32_t group = no_group;
    double hours = 0;
  };
  std::vector<Sum> sums;  // in the order of their first row
  std::vector<std::uint32_t> sum_of(rows.size());
  KeySet keys(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const PersonMonthHours& r = rows[i];
    const std::uint64_t key = std::uint64_t{r.person_id} << 32 | static_cast<std::uint32_t>(r.month);
    auto [s, inserted] = keys.insert(key, static_cast<std::uint32_t>(sums.size()));
    if (inserted) sums.push_back({static_cast<std::uint32_t>(i), r.month});
    sums[s].hours += r.hours;
    ++sums[s].rows;
    sum_of[i] = s;
  }
  std::vector<OverMaximum> out;
  for (Sum& sum : sums) {
    const Month m = Month::at(sum.month);
    if (sum.rows < 2 || !over_legal_maximum(sum.hours, m)) continue;
    sum.group = static_cast<std::uint32_t>(out.size());
    out.push_back(OverMaximum{rows[sum.first].person, m, sum.hours, {}});
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
