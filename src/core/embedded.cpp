#include "core/embedded.h"

#include <map>
#include <string>

namespace uppsikt::embedded {
namespace {
// Function-local so that registrars in other translation units can run first.
std::map<std::string, std::string_view, std::less<>>& files() {
  static std::map<std::string, std::string_view, std::less<>> all;
  return all;
}
}  // namespace

std::optional<std::string_view> find(std::string_view name) {
  auto it = files().find(name);
  if (it == files().end()) return std::nullopt;
  return it->second;
}

Registrar::Registrar(std::initializer_list<std::pair<std::string_view, std::string_view>> list) {
  for (const auto& [name, data] : list) files().emplace(std::string(name), data);
}

}  // namespace uppsikt::embedded
