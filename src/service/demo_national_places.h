#pragma once
// Sweden's 21 regions (län) with their 290 municipalities, and the committees, boards,
// administrations and companies a municipality of the national demo is made of.
#include <span>
#include <string_view>

#include "core/unit.h"

namespace uppsikt::service::national {

struct Region {
  std::string_view name;  // "Stockholms län"
  std::span<const std::string_view> municipalities;  // "Botkyrka" …
};

std::span<const Region> regions();

// One of a municipality's units; its name gets ", <kommun> kommun" appended.
struct UnitTemplate {
  std::string_view name;
  UnitKind kind;
  int parent;  // index of an earlier template, or -1 for directly under the municipality
};

// The 50 templates; a municipality with n units takes the first n (parents come first).
std::span<const UnitTemplate> unit_templates();

}  // namespace uppsikt::service::national
