#include "web/infra/format.h"

#include <cctype>

#include <charconv>

#include "core/text.h"

namespace uppsikt::web {

std::optional<Id> parse_id(std::string_view text) {
  Id id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

int parse_days(std::string_view text) {
  int days = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (ec != std::errc() || end != text.data() + text.size()) return 0;
  return days;
}

std::string grouped_number(long long n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
    out += digits[i];
  }
  return out;
}

nlohmann::json status_json(ResponseStatus status) {
  std::string_view badge = "badge--default";
  switch (status) {
    case ResponseStatus::approved: badge = "badge--success"; break;
    case ResponseStatus::submitted: badge = "badge--info"; break;
    case ResponseStatus::returned: badge = "badge--warning"; break;
    case ResponseStatus::draft: badge = "badge--default"; break;
    case ResponseStatus::not_started: badge = "badge--error"; break;
  }
  return {{"label", label(status)}, {"badge", badge}, {"code", to_code(status)}};
}

std::string_view choice_badge(std::string_view choice) {
  if (choice == "Ja") return "badge--success";
  if (choice == "Nej") return "badge--error";
  if (choice == "Delvis") return "badge--warning";
  return "badge--default";
}

std::vector<std::string> paragraph_list(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  };
  for (auto line : split_lines(text)) {
    if (trim(line).empty()) {
      flush();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += trim(line);
  }
  flush();
  return out;
}

nlohmann::json paragraphs(std::string_view text) { return paragraph_list(text); }

nlohmann::json round_json(const Round& round) {
  return {{"id", round.id},
          {"name", round.name},
          {"year", round.year},
          {"status", label(round.status)},
          {"deadline", round.deadline},
          {"href", "/omgangar/" + std::to_string(round.id)}};
}

std::string query_escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
      continue;
    }
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

}  // namespace uppsikt::web
