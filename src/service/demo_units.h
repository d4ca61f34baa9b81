#pragma once
// The demo city's organisation: committees with their administrations, companies and a
// joint body, named as in a large Swedish city.
#include <span>
#include <string_view>

#include "core/unit.h"

namespace uppsikt::service::demo {

struct UnitSeed {
  std::string_view name;
  UnitKind kind;
  std::string_view parent;  // empty: under the city
  bool responds;            // answers the follow-up
};

std::span<const UnitSeed> unit_seeds();

inline constexpr std::string_view kCity = "Göteborgs Stad";
inline constexpr std::string_view kSeedUnit = "Miljöförvaltningen";

}  // namespace uppsikt::service::demo
