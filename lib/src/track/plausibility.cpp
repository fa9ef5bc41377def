#include "clausier/track/plausibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "clausier/core/text.hpp"
#include "clausier/text/french.hpp"
#include "clausier/track/group_by.hpp"

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

std::vector<OverMaximum> over_maximum_groups(std::vector<PersonMonthHours> rows,
                                             std::span<const std::string_view> people) {
  // A million rows, tens of thousands of people: the rows are first grouped by person (group_by_key, in
  // passes that stay in the cache), then each person's few rows sorted by month. No table the size of
  // the input is probed at random: that was a cache miss or three per row, and grew worse than linearly.
  const std::vector<std::uint32_t> start = group_by_key(rows, static_cast<std::uint32_t>(people.size()),
                                                        [](const PersonMonthHours& r) { return r.person_id; });
  // A person's rows come in input order, often already by month (a file a month, read in order).
  auto before = [](const PersonMonthHours& a, const PersonMonthHours& b) {
    return a.month != b.month ? a.month < b.month : a.row < b.row;
  };
  std::vector<OverMaximum> out;
  for (std::size_t p = 0; p < people.size(); ++p) {
    auto first = rows.begin() + start[p], last = rows.begin() + start[p + 1];
    if (last - first < 2) continue;
    if (!std::is_sorted(first, last, before)) std::sort(first, last, before);
    for (auto run = first; run != last;) {
      auto end = std::find_if(run, last, [&](const PersonMonthHours& e) { return e.month != run->month; });
      double hours = 0;  // summed in row order, as the rows come
      for (auto e = run; e != end; ++e) hours += e->hours;
      const Month m = Month::at(run->month);
      if (end - run >= 2 && over_legal_maximum(hours, m)) {
        OverMaximum group{people[p], m, hours, {}};
        for (auto e = run; e != end; ++e) group.rows.push_back(e->row);
        out.push_back(std::move(group));
      }
      run = end;
    }
  }
  // The groups in the order of their first row (rows of a group ascending: the input's order).
  std::sort(out.begin(), out.end(), [](const OverMaximum& a, const OverMaximum& b) { return a.rows.front() < b.rows.front(); });
  return out;
}

std::string over_maximum_group_detail(const OverMaximum& group) {
  return fmt::format("{} a {} déclarées en {}, sur {} lignes tous lots et fichiers confondus : {}", quoted(group.person),
                     text::format_hours(group.hours), text::format_month(group.month.year, group.month.month),
                     text::format_number(static_cast<double>(group.rows.size()), 0), maximum_text(group.month));
}

}  // namespace clausier::track
