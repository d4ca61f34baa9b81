#include "service/answer_fields.h"

#include <charconv>

namespace uppsikt::service::answer_fields {
namespace {

std::optional<Id> id_after(std::string_view field, std::string_view base) {
  if (!field.starts_with(base) || field.size() < base.size() + 2 || field[base.size()] != '-') return std::nullopt;
  const std::string_view digits = field.substr(base.size() + 1);
  Id id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc{} || end != digits.data() + digits.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace

std::optional<OnQuestion> on_question(std::string_view field) {
  if (auto q = id_after(field, kChoice)) return OnQuestion{*q, false};
  if (auto q = id_after(field, kComment)) return OnQuestion{*q, true};
  return std::nullopt;
}

}  // namespace uppsikt::service::answer_fields
