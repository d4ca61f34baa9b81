#include "web/templates.h"

#include <kainjow/mustache.hpp>
#include <stdexcept>

#include "core/embedded.h"

namespace uppsikt::web {
namespace {
namespace mu = kainjow::mustache;

mu::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mu::data obj{mu::data::type::object};
      for (const auto& [key, value] : j.items()) obj.set(key, to_data(value));
      return obj;
    }
    case nlohmann::json::value_t::array: {
      mu::data list{mu::data::type::list};
      for (const auto& value : j) list.push_back(to_data(value));
      return list;
    }
    case nlohmann::json::value_t::string: {
      // An empty string is false, so that {{#field}}…{{/field}} skips what is not there.
      const auto& s = j.get_ref<const std::string&>();
      return s.empty() ? mu::data(false) : mu::data(s);
    }
    case nlohmann::json::value_t::boolean: return mu::data(j.get<bool>());
    case nlohmann::json::value_t::null: return mu::data(false);
    default: return mu::data(j.dump());  // numbers
  }
}

// Attribute values are quoted with '"' in our templates, but escape every character that
// can end an HTML attribute or start markup, so a template change cannot open a hole.
std::string escape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '`': out += "&#96;"; break;
      case '=': out += "&#61;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_template(std::string_view name, const nlohmann::json& data) {
  std::string file = std::string(name) + ".mustache";
  auto source = embedded::find(file);
  if (!source) throw std::logic_error("web: no template " + file);
  mu::mustache tmpl{std::string(*source)};
  if (!tmpl.is_valid()) throw std::logic_error("web: template " + file + ": " + tmpl.error_message());
  tmpl.set_custom_escape(escape_html);
  return tmpl.render(to_data(data));
}

}  // namespace uppsikt::web
