#include "clausier/track/plausibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <unordered_map>

#include "clausier/core/text.hpp"
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
  struct Key {
    std::string_view person;
    int month;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      return std::hash<std::string_view>{}(k.person) * 31 + static_cast<std::size_t>(k.month);
    }
  };
  // A million rows make hundreds of thousands of person-months and almost none over the maximum: the
  // first pass only sums (no list of rows per group, which cost two allocations per person-month), and
  // the rows of the groups over it are gathered in a second pass, when there are any.
  struct Sum {
    std::size_t first;  // the input index of its first row: groups come out in that order
    double hours = 0;
    std::uint32_t count = 0;
    std::size_t group = SIZE_MAX;  // its place in `over`, when over the maximum
  };
  std::unordered_map<Key, Sum, KeyHash> sums;
  sums.reserve(rows.size() / 2);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto [it, inserted] = sums.try_emplace(Key{rows[i].person, rows[i].month}, Sum{i});
    it->second.hours += rows[i].hours;
    ++it->second.count;
  }
  std::vector<std::pair<std::size_t, OverMaximum>> over;
  for (auto& [key, sum] : sums) {
    const Month m = Month::at(key.month);
    if (sum.count < 2 || !over_legal_maximum(sum.hours, m)) continue;
    over.push_back({sum.first, OverMaximum{key.person, m, sum.hours, {}}});
  }
  if (over.empty()) return {};
  std::sort(over.begin(), over.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t g = 0; g < over.size(); ++g) {
    const PersonMonthHours& first = rows[over[g].first];
    sums.find(Key{first.person, first.month})->second.group = g;
  }
  for (const PersonMonthHours& r : rows)
    if (std::size_t g = sums.find(Key{r.person, r.month})->second.group; g != SIZE_MAX)
      over[g].second.rows.push_back(r.row);
  std::vector<OverMaximum> out;
  out.reserve(over.size());
  for (auto& [first, group] : over) out.push_back(std::move(group));
  return out;
}

std::string over_maximum_group_detail(const OverMaximum& group) {
  return fmt::format("{} a {} déclarées en {}, sur {} lignes tous lots et fichiers confondus : {}", quoted(group.person),
                     text::format_hours(group.hours), text::format_month(group.month.year, group.month.month),
                     text::format_number(static_cast<double>(group.rows.size()), 0), maximum_text(group.month));
}

}  // namespace clausier::track
