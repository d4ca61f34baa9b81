#pragma once
// A form's errors as the templates show them: the summary at the top ({{#has_errors}},
// {{#errors}} with field and message, each linking to its field) and the message at each
// field ("<field>_error").
#include <nlohmann/json.hpp>
#include <string>

namespace uppsikt::web {

// Adds the error about `field` ("" for the whole form: linked to `fallback_field`) to `data`.
inline void add_form_error(nlohmann::json& data, const std::string& field, const std::string& message,
                           const std::string& fallback_field) {
  if (message.empty()) return;
  if (!data.contains("errors")) data["errors"] = nlohmann::json::array();
  data["errors"].push_back({{"field", field.empty() ? fallback_field : field}, {"message", message}});
  data["has_errors"] = true;
  data[(field.empty() ? fallback_field : field) + "_error"] = message;
}

}  // namespace uppsikt::web
