// GET /logg — the audit trail for admins and coordinators, filtered by unit, person and dates,
// a page at a time with a link to the next (older) page.
#include "core/swedish_time.h"
#include "web/audit_pages.h"
#include "web/infra/form_errors.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json options(const std::vector<std::pair<Id, std::string>>& items, std::optional<Id> selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [id, name] : items)
    out.push_back({{"id", std::to_string(id)}, {"name", name}, {"selected", selected == id}});
  return out;
}

}  // namespace

http::Response audit_list(const Site& site, const Visit& visit, const http::Request& request) {
  const auto query = audit_query_of(request);
  auto view = service::audit_view(site.store, visit.viewer(), query);
  if (!view) return error_page(site, visit, 404);
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : view->lines) {
    const auto& e = l.entry;
    lines.push_back({{"at", swedish_time(e.at)}, {"user", l.user.empty() ? "–" : l.user}, {"unit", l.unit}, {"action", e.action},
                     {"entity", e.entity}, {"entity_id", e.entity_id ? std::to_string(*e.entity_id) : ""},
                     {"before", e.before_json}, {"after", e.after_json}});
  }
  Page page{.title = "Logg", .template_name = "audit_list", .nav = "logg"};
  page.data = {{"units", options(view->units, query.unit_id)}, {"people", options(view->people, query.user_id)},
               {"from", query.from}, {"to", query.to}, {"lines", lines},
               {"count", std::to_string(view->lines.size())},
               {"later_page", !query.after.empty()},
               {"first_href", "/logg" + audit_query_string(query)},
               {"next_href", view->next.empty() ? "" : "/logg" + audit_query_string(query, view->next)},
               {"csv_href", "/logg.csv" + audit_query_string(query)}};
  for (const auto& e : view->outcome.errors) add_form_error(page.data, e.field, e.message, "fran");
  auto response = render_page(site, visit, page);
  if (!view->outcome.ok()) response.status = 400;
  return response;
}

}  // namespace uppsikt::web
