#include "clausier/tender/identifiers.hpp"

#include <algorithm>

namespace clausier::tender {

bool luhn_valid(std::string_view digits) {
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool siret_valid(std::string_view digits) {
  if (digits.size() != 14) return false;
  // La Poste's head office (…00048) keeps the Luhn key; its other establishments do not.
  if (digits.substr(0, 9) == "356000000" && digits != "35600000000048") {
    int sum = 0;
    for (char c : digits) sum += c - '0';
    return sum % 5 == 0;
  }
  return luhn_valid(digits);
}

}  // namespace clausier::tender
