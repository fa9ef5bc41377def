#pragma once
// How doctest prints Clausier's small value types in failure messages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clausier/core/diagnostic.hpp"

namespace doctest {
template <>
struct StringMaker<clausier::Position> {
  static String convert(const clausier::Position& p) {
    return (std::to_string(p.line) + ":" + std::to_string(p.column)).c_str();
  }
};
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return (s + "]").c_str();
  }
};
}  // namespace doctest
