#pragma once
// What many unit tests start from: the built-in rule tables, parsed once, and a date written as numbers.
#include "clausier/io/values.hpp"
#include "clausier/rules/rules.hpp"

inline const clausier::rules::RuleSet& builtin() {
  static const clausier::rules::RuleSet r = clausier::rules::RuleSet::builtin();
  return r;
}

inline clausier::io::Date date(int y, int m, int d) {
  return clausier::io::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}
