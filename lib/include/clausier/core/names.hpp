#pragma once
// Enums named by stable codes (command-line values, JSON codes): one table of (code, value) pairs per
// enum, kept beside it, read both ways.
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace clausier {

template <class E>
using NameTable = std::span<const std::pair<std::string_view, E>>;

template <class E>
std::optional<E> value_named(NameTable<E> table, std::string_view name) {
  for (const auto& [code, value] : table)
    if (code == name) return value;
  return std::nullopt;
}

template <class E>
std::string_view name_of(NameTable<E> table, E value) {
  for (const auto& [code, v] : table)
    if (v == value) return code;
  return {};
}

// For an enum that has `std::string_view name(E)` beside it: the value of `all` named `text`.
template <class E>
std::optional<E> value_with_name(std::initializer_list<E> all, std::string_view text) {
  for (E value : all)
    if (name(value) == text) return value;
  return std::nullopt;
}

}  // namespace clausier
