#pragma once
// One table per enum pairs each value with its stored code and its Swedish label, so that
// the three mappings cannot drift apart.
#include <optional>
#include <span>
#include <string_view>

namespace uppsikt::detail {

template <typename E>
struct CodeRow {
  E value;
  std::string_view code;
  std::string_view label;
};

template <typename E>
const CodeRow<E>& row_of(std::span<const CodeRow<E>> table, E value) {
  for (const auto& row : table)
    if (row.value == value) return row;
  return table.front();  // unreachable while every enum value has a row
}

template <typename E>
std::optional<E> from_code(std::span<const CodeRow<E>> table, std::string_view code) {
  for (const auto& row : table)
    if (row.code == code) return row.value;
  return std::nullopt;
}

}  // namespace uppsikt::detail
