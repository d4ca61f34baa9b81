#include "web/infra/view.h"

#include <array>
#include <charconv>
#include <random>
#include <string_view>
#include <system_error>

#include "service/audit_view.h"
#include "service/unit_admin.h"
#include "service/web_import.h"
#include "web/infra/templates.h"

namespace uppsikt::web {
namespace {

// Markers that stand for spliced HTML in rendered templates: a separator character and a
// number drawn when the process starts, which no text a user wrote can guess.
const std::string& marker_prefix() {
  static const std::string prefix = [] {
    std::random_device random;
    return "\x1e" + std::to_string(random()) + std::to_string(random()) + ":";
  }();
  return prefix;
}

constexpr std::string_view kBodyKey = "body";

std::string marker(std::string_view key) { return marker_prefix() + std::string(key) + "\x1e"; }

// Appends `text` to `out` with each marker replaced: the body's by `body` (itself expanded),
// a spliced part's by that part.
void expand(std::string& out, std::string_view text, std::string_view body, const std::vector<std::string>& parts) {
  const std::string& prefix = marker_prefix();
  std::size_t at = 0;
  for (auto m = text.find(prefix); m != std::string_view::npos; m = text.find(prefix, at)) {
    const auto key_at = m + prefix.size();
    const auto end = text.find('\x1e', key_at);
    if (end == std::string_view::npos) break;
    out.append(text.substr(at, m - at));
    const auto key = text.substr(key_at, end - key_at);
    if (key == kBodyKey) {
      expand(out, body, {}, parts);
    } else {
      std::size_t index = 0;
      const auto [rest, error] = std::from_chars(key.data(), key.data() + key.size(), index);
      if (error == std::errc{} && rest == key.data() + key.size() && index < parts.size()) out.append(parts[index]);
    }
    at = end + 1;
  }
  out.append(text.substr(at));
}

struct NavEntry {
  std::string_view key;
  std::string_view label;
  std::string_view href;
};
constexpr std::array<NavEntry, 4> kNav{{
    {"start", "Uppföljningar", "/"},
    {"mina", "Mina uppföljningar", "/mina-uppfoljningar"},
    {"dokument", "Styrdokument", "/dokument"},
    {"publicerat", "Publicerat", "/publicerat"},  // open to anyone, signed in or not
}};
// Shown only to those who may import (admins and coordinators).
constexpr NavEntry kImportNav{"import", "Import", "/import"};
// Shown only to admins, and to those who may read the audit trail (admins and coordinators).
constexpr NavEntry kAdminNav{"admin", "Administration", "/admin/enheter"};
constexpr NavEntry kAuditNav{"logg", "Logg", "/logg"};

nlohmann::json frame(const Site& site, const Visit* visit, const Page& page, std::string body) {
  nlohmann::json nav = nlohmann::json::array();
  for (const auto& e : kNav)
    nav.push_back({{"label", e.label}, {"href", e.href}, {"current", e.key == page.nav}});
  if (visit && visit->signed_in && service::may_import(visit->viewer()))
    nav.push_back({{"label", kImportNav.label}, {"href", kImportNav.href}, {"current", kImportNav.key == page.nav}});
  if (visit && visit->signed_in && service::may_read_audit(visit->viewer()))
    nav.push_back({{"label", kAuditNav.label}, {"href", kAuditNav.href}, {"current", kAuditNav.key == page.nav}});
  if (visit && visit->signed_in && service::is_admin(visit->viewer()))
    nav.push_back({{"label", kAdminNav.label}, {"href", kAdminNav.href}, {"current", kAdminNav.key == page.nav}});
  nlohmann::json crumbs = nlohmann::json::array();
  for (const auto& c : page.crumbs) crumbs.push_back({{"label", c.label}, {"href", c.href}});
  return {
      {"title", page.title},
      {"notice", page.notice},
      {"refresh_to", page.refresh_to},
      {"body", std::move(body)},
      {"nav", nav},
      {"crumbs", crumbs},
      {"has_crumbs", !page.crumbs.empty()},
      {"css_fkui_variables", site.assets.url_for("fkui-css-variables.css")},
      {"css_fkui", site.assets.url_for("fkui.min.css")},
      {"css_app", site.assets.url_for("uppsikt.css")},
      {"css_report", site.assets.url_for("report.css")},
      {"user", visit && visit->signed_in
                   ? nlohmann::json{{"name", visit->signed_in->viewer.name}, {"csrf", visit->csrf_token}}
                   : nlohmann::json(nullptr)},
  };
}

std::string_view error_title(int status) {
  switch (status) {
    case 400: return "Felaktig begäran";
    case 403: return "Åtkomst nekad";
    case 404: return "Sidan finns inte";
    case 405: return "Metoden är inte tillåten";
    case 413: return "För stor begäran";
    case 429: return "För många försök";
    default: return "Något gick fel";
  }
}

std::string_view error_text(int status) {
  switch (status) {
    case 400: return "Servern kunde inte tolka begäran. Kontrollera adressen och försök igen.";
    case 403: return "Du har inte behörighet att göra detta.";
    case 404: return "Sidan du söker finns inte, eller så har den flyttats.";
    case 405: return "Sidan kan inte användas på det sättet.";
    case 413: return "Det du skickade är större än servern tar emot.";
    case 429: return "Vänta en stund och försök sedan igen.";
    default: return "Ett oväntat fel inträffade. Felet är loggat. Försök igen om en stund.";
  }
}

}  // namespace

void add_security_headers(http::Response& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data:; base-uri 'self'; "
                      "form-action 'self'; frame-ancestors 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "same-origin");
  response.set_header("X-Frame-Options", "DENY");
}

namespace {

// The body template and the layout are rendered apart and put together with the spliced
// parts in one string: a 200 KB page is copied once, not through every template.
http::Response render(const Site& site, const Visit* visit, const Page& page) {
  const std::string body = render_template(page.template_name, page.data);
  const std::string layout = render_template("layout", frame(site, visit, page, marker(kBodyKey)));
  std::string html;
  std::size_t size = layout.size() + body.size();
  for (const auto& part : page.spliced) size += part.size();
  html.reserve(size);
  expand(html, layout, body, page.spliced);
  auto response = http::html_response(200, std::move(html));
  add_security_headers(response);
  response.set_header("Cache-Control", "no-store");
  return response;
}

Page error_of(int status, const std::string& reference) {
  Page page{.title = std::string(error_title(status)), .template_name = "error"};
  page.data = {{"text", error_text(status)}, {"reference", reference},
               {"has_reference", !reference.empty()}, {"status", status}};
  return page;
}

}  // namespace

std::string Page::splice(std::string html) {
  spliced.push_back(std::move(html));
  return marker(std::to_string(spliced.size() - 1));
}

http::Response render_page(const Site& site, const Visit& visit, const Page& page) {
  return render(site, &visit, page);
}

http::Response render_page(const Site& site, const Page& page) { return render(site, nullptr, page); }

http::Response error_page(const Site& site, const Visit& visit, int status) {
  auto response = render(site, &visit, error_of(status, ""));
  response.status = status;
  return response;
}

http::Response error_page(const Site& site, int status, const std::string& reference) {
  auto response = render(site, nullptr, error_of(status, reference));
  response.status = status;
  return response;
}

}  // namespace uppsikt::web
