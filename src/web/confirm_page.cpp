#include "web/confirm_page.h"

#include "http/form.h"

namespace uppsikt::web {

http::Response confirm_page(const Site& site, const Visit& visit, const Confirmation& c) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [name, value] : c.fields) fields.push_back({{"name", name}, {"value", value}});
  Page page{.title = c.title, .template_name = "confirm", .crumbs = c.crumbs, .nav = "start"};
  page.data = {{"consequences", c.consequences}, {"action", c.action}, {"fields", fields},
               {"field", kConfirmField},         {"button", c.button}, {"cancel_href", c.cancel_href},
               {"csrf", visit.csrf_token}};
  return render_page(site, visit, page);
}

bool confirmed(const http::Request& request) {
  return http::form_value(http::parse_form(request), kConfirmField) == "ja";
}

}  // namespace uppsikt::web
