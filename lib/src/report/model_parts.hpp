#pragma once
// Private to the report model: what the operation report (model.cpp), the participant sheet
// (sheet.cpp) and the breakdowns (breakdowns.cpp) share.
#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "clausier/report/model.hpp"

namespace clausier::report::detail {

int age_at_validation(const track::Participant& p);
Date last_day(track::Month m);
track::Month month_of_index(int index);
// The category of a situation known at as_of, from the rule table; none when there is none yet.
OutcomeCategory category_at(const std::optional<track::Situation>& s, Date as_of, const rules::RuleSet& rules);
CountingInfo counting_info(const tender::Tender& t, double tolerance, const rules::RuleSet& rules);

// Statement lot ids as the tender writes them ("1" for "01"), looked up once per distinct text.
class LotIndex {
 public:
  explicit LotIndex(const hours::TenderResult& result) {
    for (std::size_t i = 0; i < result.lots.size(); ++i) exact_.emplace(result.lots[i].lot->id.value, i);
  }
  std::size_t operator()(std::string_view id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    std::size_t found = npos;
    if (auto e = exact_.find(id); e != exact_.end()) found = e->second;
    else
      for (const auto& [key, i] : exact_)
        if (track::same_lot(key, id) && (found == npos || i < found)) found = i;
    cache_.emplace(id, found);
    return found;
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::unordered_map<std::string_view, std::size_t> exact_, cache_;
};

}  // namespace clausier::report::detail
