// POST /omgangar/{id}/rapport/publicera — publishes the round's compiled report, with or
// without comments as the radio group "kommentarer" (med | utan) says.
#include "http/form.h"
#include "service/report_publishing.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_page.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response report_publish(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto choice = http::form_value(http::parse_form(request), "kommentarer");
  std::optional<bool> with_comments;
  if (choice == "med" || choice == "utan") with_comments = choice == "med";
  auto outcome = service::publish_report(site.store, visit.viewer(), *id, with_comments);
  return after_change(site, visit, outcome, "/omgangar/" + std::to_string(*id) + "/rapport#publicera",
                      [&](const auto& errors) { return report_page(site, visit, request, *id, errors, 422); });
}

}  // namespace uppsikt::web
