#include "api/reply.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace uppsikt::api {
namespace {

std::optional<long long> positive_number(std::string_view text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

http::Response json_reply(int status, const nlohmann::json& body) {
  http::Response response{.status = status, .headers = {}, .body = body.dump()};
  response.set_header("Content-Type", "application/json");
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

http::Response problem(const ProblemType& type, std::string_view detail, const http::Request& request) {
  return problem(type, detail, request, nlohmann::json::object());
}

http::Response problem(const ProblemType& type, std::string_view detail, const http::Request& request,
                       const nlohmann::json& extra) {
  nlohmann::json body = extra;
  body["type"] = "/api#problem-" + std::string(type.slug);
  body["title"] = type.title;
  body["status"] = type.status;
  body["detail"] = detail;
  body["instance"] = request.path;
  http::Response response{.status = type.status, .headers = {}, .body = body.dump()};
  response.set_header("Content-Type", "application/problem+json");
  response.set_header("Cache-Control", "no-store");
  return response;
}

std::optional<Page> page_of(const http::Request& request) {
  Page page;
  if (auto cursor = request.query_param("cursor")) {
    auto after = positive_number(*cursor);
    if (!after) return std::nullopt;
    page.after = *after;
  }
  if (auto limit = request.query_param("limit")) {
    auto value = positive_number(*limit);
    if (!value || *value < 1 || *value > 500) return std::nullopt;
    page.limit = static_cast<int>(*value);
  }
  return page;
}

nlohmann::json paged(nlohmann::json items, std::optional<Id> next_after) {
  return nlohmann::json{{"items", std::move(items)},
                        {"next_cursor", next_after ? nlohmann::json(std::to_string(*next_after)) : nlohmann::json()}};
}

std::optional<Id> id_param(const http::Request& request, std::string_view name) {
  auto value = positive_number(request.param(name));
  if (!value || *value == 0) return std::nullopt;
  return static_cast<Id>(*value);
}

}  // namespace uppsikt::api
