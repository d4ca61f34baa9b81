#include "web/service_token_pages.h"

#include <map>

#include "core/role.h"
#include "core/swedish_time.h"
#include "service/api_tokens.h"
#include "service/unit_admin.h"
#include "web/api_token_pages.h"
#include "web/infra/form_errors.h"
#include "web/unit_choice.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

constexpr Role kServiceRoles[] = {Role::reader, Role::respondent, Role::approver, Role::coordinator};

}  // namespace

http::Response service_tokens_page(const Site& site, const Visit& visit, const ServiceTokenForm& form, int status) {
  const auto units = service::administered_units(site.store, visit.viewer());
  if (units.empty()) return error_page(site, visit, 404);
  auto [unit_options, unit_names] = unit_choice(units, form.unit);
  nlohmann::json roles = nlohmann::json::array();
  for (Role role : kServiceRoles)
    roles.push_back({{"code", to_code(role)}, {"label", label(role)}, {"selected", form.role == to_code(role)}});
  const std::string now = service::now_iso();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& token : service::service_tokens(site.store, visit.viewer())) {
    const std::string state = token_state(token, now);
    rows.push_back({{"name", token.name},
                    {"grant", std::string(label(token.service_role)) + " på " + unit_names[token.service_unit_id]},
                    {"rights", token.can_write ? "Läsa och ändra" : "Bara läsa"},
                    {"expires", token.expires_at.substr(0, 10)},
                    {"last_used", token.last_used_at.empty() ? "Aldrig" : swedish_time(token.last_used_at)},
                    {"active", state.empty()},
                    {"status", state},
                    {"csrf", visit.csrf_token},
                    {"revoke_href", "/admin/api-nycklar/" + std::to_string(token.id) + "/aterkalla"}});
  }
  Page page{.title = "API-nycklar för system", .template_name = "service_token_list"};
  page.crumbs = {{"Start", "/"}, {"Administration", "/admin/enheter"}, {"API-nycklar för system", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"tokens", rows},         {"namn", form.name}, {"write", form.write},
               {"dagar", form.days},       {"roles", roles},         {"units", unit_options}};
  if (!form.new_token.empty()) page.data["new_token"] = {{"name", form.name}, {"token", form.new_token}};
  for (const auto& error : form.errors) add_form_error(page.data, error.field, error.message, "namn");
  auto response = render_page(site, visit, page);
  response.status = status;
  response.set_header("Cache-Control", "no-store");  // a new token must not stay in a cache
  return response;
}

}  // namespace uppsikt::web
