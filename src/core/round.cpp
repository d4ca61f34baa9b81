#include "core/round.h"

#include <algorithm>

namespace uppsikt {

bool asks_everyone(const Question& question) {
  return question.audience_kinds.empty() && question.audience_units.empty();
}

bool asks(const Question& question, const Unit& unit) {
  if (asks_everyone(question)) return true;
  const auto& kinds = question.audience_kinds;
  const auto& units = question.audience_units;
  return std::find(kinds.begin(), kinds.end(), unit.kind) != kinds.end() ||
         std::find(units.begin(), units.end(), unit.id) != units.end();
}

}  // namespace uppsikt
