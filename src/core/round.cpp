#include "core/round.h"

#include <algorithm>

namespace uppsikt {

bool asks(const Question& question, const Unit& unit) {
  if (question.audience_kinds.empty() && question.audience_units.empty()) return true;
  const auto& kinds = question.audience_kinds;
  const auto& units = question.audience_units;
  return std::find(kinds.begin(), kinds.end(), unit.kind) != kinds.end() ||
         std::find(units.begin(), units.end(), unit.id) != units.end();
}

}  // namespace uppsikt
