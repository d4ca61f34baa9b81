#include "web/infra/templates.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <stdexcept>

#include "core/embedded.h"
#include "core/text.h"

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

struct Parsed {
  mu::mustache tmpl;
  std::string_view source;
};

// Each template parsed once per thread instead of on every request; kainjow's render is not
// const, so threads do not share one.
Parsed& parsed(std::string_view name) {
  thread_local std::map<std::string, std::unique_ptr<Parsed>, std::less<>> cache;
  if (auto it = cache.find(name); it != cache.end()) return *it->second;
  const std::string file = std::string(name) + ".mustache";
  auto source = embedded::find(file);
  if (!source) throw std::logic_error("web: no template " + file);
  auto entry = std::make_unique<Parsed>(Parsed{mu::mustache{std::string(*source)}, *source});
  if (!entry->tmpl.is_valid()) throw std::logic_error("web: template " + file + ": " + entry->tmpl.error_message());
  entry->tmpl.set_custom_escape([](const std::string& s) { return escape_html(s); });
  return *cache.emplace(std::string(name), std::move(entry)).first->second;
}

}  // namespace

std::string render_template(std::string_view name, const nlohmann::json& data) {
  Parsed& p = parsed(name);
  auto values = to_data(data);
  if (values.is_object()) add_partials(p.source, values);
  std::string out;
  out.reserve(p.source.size() * 2);
  p.tmpl.render(values, mu::mustache::render_handler([&out](const std::string& piece) { out += piece; }));
  return out;
}

}  // namespace uppsikt::web
