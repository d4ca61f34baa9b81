#include "web/webhook_pages.h"

#include <algorithm>

#include "core/swedish_time.h"
#include "service/unit_admin.h"
#include "service/webhooks.h"
#include "web/infra/form_errors.h"
#include "web/unit_choice.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response webhooks_page(const Site& site, const Visit& visit, const WebhookForm& form, int status) {
  const auto units = service::administered_units(site.store, visit.viewer());
  if (units.empty()) return error_page(site, visit, 404);
  auto [unit_options, unit_names] = unit_choice(units, form.unit);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& hook : service::webhooks_of(site.store, visit.viewer())) {
    std::string events;
    for (const auto& e : hook.events) events += (events.empty() ? "" : ", ") + std::string(service::event_label(e));
    rows.push_back({{"url", hook.url}, {"events", events}, {"unit", unit_names[hook.unit_id]},
                    {"created", swedish_time(hook.created_at)}, {"csrf", visit.csrf_token},
                    {"remove_href", "/admin/webhooks/" + std::to_string(hook.id) + "/ta-bort"}});
  }
  nlohmann::json events = nlohmann::json::array();
  for (std::size_t i = 0; i < kWebhookEvents.size(); ++i) {
    const std::string code{kWebhookEvents[i]};
    events.push_back({{"code", code}, {"label", service::event_label(code)}, {"id", "handelser-" + std::to_string(i)},
                      {"checked", std::find(form.events.begin(), form.events.end(), code) != form.events.end()}});
  }
  events.front()["id"] = "handelser";  // the error summary links to the first box
  Page page{.title = "Webhooks", .template_name = "webhook_list"};
  page.crumbs = {{"Start", "/"}, {"Administration", "/admin/enheter"}, {"Webhooks", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"webhooks", rows}, {"adress", form.url}, {"events", events},
               {"units", unit_options}};
  if (!form.new_secret.empty()) page.data["new_secret"] = {{"url", form.url}, {"secret", form.new_secret}};
  for (const auto& error : form.errors) add_form_error(page.data, error.field, error.message, "adress");
  auto response = render_page(site, visit, page);
  response.status = status;
  response.set_header("Cache-Control", "no-store");  // a new key must not stay in a cache
  return response;
}

}  // namespace uppsikt::web
