#include "web/unit_choice.h"

namespace uppsikt::web {

UnitChoice unit_choice(const std::vector<service::AdminUnit>& units, const std::string& selected) {
  UnitChoice choice;
  for (const auto& u : units) {
    choice.names[u.unit.id] = u.unit.name;
    choice.options.push_back({{"id", u.unit.id}, {"name", std::string(u.depth * 2, ' ') + u.unit.name},
                              {"selected", selected == std::to_string(u.unit.id)}});
  }
  return choice;
}

}  // namespace uppsikt::web
