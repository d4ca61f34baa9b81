#pragma once
// The units an admin administers as a form's <select> (indented by depth, the posted one
// selected) and each unit's name by id, for the pages that bind something to a unit: webhooks
// and service tokens.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "service/unit_admin.h"

namespace uppsikt::web {

struct UnitChoice {
  nlohmann::json options = nlohmann::json::array();  // {id, name, selected}
  std::map<Id, std::string> names;
};

UnitChoice unit_choice(const std::vector<service::AdminUnit>& units, const std::string& selected);

}  // namespace uppsikt::web
