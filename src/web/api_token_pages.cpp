#include "web/api_token_pages.h"

#include "service/api_tokens.h"
#include "web/infra/form_errors.h"
#include "core/swedish_time.h"
#include "web/infra/view.h"

namespace uppsikt::web {
std::string token_state(const ApiToken& token, const std::string& now) {
  if (!token.revoked_at.empty()) return "Återkallad " + swedish_time(token.revoked_at);
  if (token.expires_at <= now) return "Har gått ut";
  return "";
}

http::Response api_tokens_page(const Site& site, const Visit& visit, const TokenForm& form, int status) {
  const std::string now = service::now_iso();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& token : service::api_tokens(site.store, visit.viewer())) {
    const std::string state = token_state(token, now);
    rows.push_back({{"name", token.name},
                    {"rights", token.can_write ? "Läsa och ändra" : "Bara läsa"},
                    {"created", token.created_at.substr(0, 10)},
                    {"expires", token.expires_at.substr(0, 10)},
                    {"last_used", token.last_used_at.empty() ? "Aldrig" : swedish_time(token.last_used_at)},
                    {"active", state.empty()},
                    {"status", state},
                    {"csrf", visit.csrf_token},
                    {"revoke_href", "/mina-api-nycklar/" + std::to_string(token.id) + "/aterkalla"}});
  }
  Page page{.title = "Mina API-nycklar", .template_name = "api_token_list"};
  page.crumbs = {{"Start", "/"}, {"Mina API-nycklar", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"tokens", rows}, {"namn", form.name}, {"write", form.write},
               {"dagar", form.days}};
  if (!form.new_token.empty()) page.data["new_token"] = {{"name", form.name}, {"token", form.new_token}};
  for (const auto& error : form.errors) add_form_error(page.data, error.field, error.message, "namn");
  auto response = render_page(site, visit, page);
  response.status = status;
  response.set_header("Cache-Control", "no-store");  // a new token must not stay in a cache
  return response;
}

}  // namespace uppsikt::web
