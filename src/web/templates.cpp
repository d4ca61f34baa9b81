#include "web/templates.h"

#include <kainjow/mustache.hpp>
#include <stdexcept>

#include "core/embedded.h"

namespace uppsikt::web {
namespace {
namespace mu = kainjow::mustache;

// Builds each value in place: mustache's set() and push_back() copy their argument, which
// copied every nested level again (a third of the answer page's time).
mu::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mu::data obj{mu::data::type::object};
      for (const auto& [key, value] : j.items()) obj[key] = to_data(value);
      return obj;
    }
    case nlohmann::json::value_t::array: {
      mu::data list{mu::data::type::list};
      // list_value() is const only, but the list is a heap object that `list` owns and is
      // not const, so appending through it is sound.
      auto& items = const_cast<mu::basic_list<std::string>&>(list.list_value());
      items.reserve(j.size());  // no reallocation: mustache's data has no noexcept move
      for (const auto& value : j) items.push_back(to_data(value));
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

// Makes each {{> name}} of `source` render the template name.mustache (one level: partials
// are small shared pieces of forms, not pages).
void add_partials(std::string_view source, mu::data& data) {
  for (auto at = source.find("{{>"); at != std::string_view::npos; at = source.find("{{>", at + 3)) {
    const auto end = source.find("}}", at);
    if (end == std::string_view::npos) break;
    std::string name{source.substr(at + 3, end - at - 3)};
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    auto partial = embedded::find(name + ".mustache");
    if (!partial) throw std::logic_error("web: no partial template " + name);
    std::string text{*partial};
    data.set(name, mu::partial([text] { return text; }));
  }
}

}  // namespace

std::string render_template(std::string_view name, const nlohmann::json& data) {
  std::string file = std::string(name) + ".mustache";
  auto source = embedded::find(file);
  if (!source) throw std::logic_error("web: no template " + file);
  mu::mustache tmpl{std::string(*source)};
  if (!tmpl.is_valid()) throw std::logic_error("web: template " + file + ": " + tmpl.error_message());
  tmpl.set_custom_escape(escape_html);
  auto values = to_data(data);
  if (values.is_object()) add_partials(*source, values);
  return tmpl.render(values);
}

}  // namespace uppsikt::web
