#pragma once
// Members of a write's JSON body, read with their types checked: a member of the wrong type is
// the caller's mistake (400), told by name; an absent one takes the default.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"

namespace uppsikt::api {

class BodyFields {
 public:
  explicit BodyFields(const nlohmann::json& body) : body_(body) {}

  std::string text(std::string_view name) { return typed<std::string>(name, &nlohmann::json::is_string).value_or(""); }
  std::optional<Id> id(std::string_view name) { return typed<Id>(name, &nlohmann::json::is_number_integer); }
  int integer(std::string_view name) { return typed<int>(name, &nlohmann::json::is_number_integer).value_or(0); }
  bool flag(std::string_view name) { return typed<bool>(name, &nlohmann::json::is_boolean).value_or(false); }

  // The first member of the wrong type, or empty when every member read had its type.
  const std::string& wrong() const { return wrong_; }

 private:
  template <typename T>
  std::optional<T> typed(std::string_view name, bool (nlohmann::json::*is)() const noexcept) {
    auto member = body_.find(name);
    if (member == body_.end() || member->is_null()) return std::nullopt;
    if (!((*member).*is)()) {
      if (wrong_.empty()) wrong_ = std::string(name);
      return std::nullopt;
    }
    return member->get<T>();
  }

  const nlohmann::json& body_;
  std::string wrong_;
};

}  // namespace uppsikt::api
