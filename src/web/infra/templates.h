#pragma once
// Renders the mustache templates compiled into the binary (src/web/templates/*.mustache).
// Values are HTML-escaped unless a template asks for {{{raw}}}; view data is plain JSON.
// {{> name}} includes the template name.mustache with the same data.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace uppsikt::web {

// Throws std::logic_error when the template is missing or does not parse: a programming
// error that the server turns into a 500 with a logged reference.
std::string render_template(std::string_view name, const nlohmann::json& data);

}  // namespace uppsikt::web
