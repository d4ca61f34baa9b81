// GET /api — the API described for people: how to get a token and send it, each operation with
// its parameters, and what each problem type means (the anchors the problems' "type" names).
// Read out of the OpenAPI document, so the two cannot disagree. Plain HTML, no script.
#include <cctype>

#include "api/handlers.h"
#include "api/openapi_document.h"
#include "api/reply.h"
#include "core/text.h"

namespace uppsikt::api {
namespace {

void add(std::string& html, std::string_view text) { append_escaped_html(html, text); }

void add_operation(std::string& html, const std::string& path, const std::string& method, const nlohmann::json& op) {
  html += "<section><h3><code>";
  for (char c : method) html += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  html += " ";
  add(html, path);
  html += "</code></h3><p>";
  add(html, op.value("summary", ""));
  html += "</p>";
  if (op.contains("description")) {
    html += "<p>";
    add(html, op["description"].get<std::string>());
    html += "</p>";
  }
  if (op.contains("parameters")) {
    html += "<ul>";
    for (const auto& p : op["parameters"]) {
      if (!p.contains("name")) continue;  // a $ref to a shared parameter
      html += "<li><code>";
      add(html, p["name"].get<std::string>());
      html += "</code> (";
      add(html, p.value("in", ""));
      html += "): ";
      add(html, p.value("description", ""));
      html += "</li>";
    }
    html += "</ul>";
  }
  html += "<p>Svar: ";
  bool first = true;
  for (const auto& entry : op["responses"].items()) {
    const auto& status = entry.key();
    html += first ? "" : ", ";
    add(html, status);
    first = false;
  }
  html += "</p></section>\n";
}

}  // namespace

http::Response api_page(const ApiSite&, const Call&, const http::Request&) {
  const auto doc = nlohmann::json::parse(openapi_document());
  std::string html =
      "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  add(html, doc["info"]["title"].get<std::string>());
  html += "</title></head><body><header><p><a href=\"/\">Till Uppsikt</a></p></header><main><h1>";
  add(html, doc["info"]["title"].get<std::string>());
  html += "</h1><p>";
  add(html, doc["info"]["description"].get<std::string>());
  html += "</p><p>Maskinläsbar beskrivning: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a> (OpenAPI ";
  add(html, doc["openapi"].get<std::string>());
  html += ").</p><h2>Anrop</h2>\n";
  for (const auto& [path, item] : doc["paths"].items())
    for (const auto& [method, op] : item.items()) add_operation(html, path, method, op);
  html += "<h2>Fel</h2><p>Fel svaras som <code>application/problem+json</code> (RFC 9457). "
          "Fältet <code>type</code> pekar hit.</p><dl>\n";
  for (const auto& type : kProblemTypes) {
    html += "<dt id=\"problem-";
    add(html, type.slug);
    html += "\"><code>";
    add(html, type.slug);
    html += "</code> (" + std::to_string(type.status) + ")</dt><dd>";
    add(html, type.title);
    html += "</dd>\n";
  }
  html += "</dl></main></body></html>\n";
  auto response = http::html_response(200, std::move(html));
  response.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  return response;
}

}  // namespace uppsikt::api
