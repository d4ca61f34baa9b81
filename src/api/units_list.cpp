// GET /api/v1/units — the units the token's owner holds a role on and every unit under them,
// each with its parent, by id, a page at a time.
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/units_in_reach.h"

namespace uppsikt::api {

http::Response units_list(const ApiSite& site, const Call& call, const http::Request& request) {
  auto page = page_of(request);
  if (!page) return problem(problems::bad_request, "cursor och limit ska vara tal (limit 1–500).", request);
  const auto units = service::units_in_reach(site.store, call.viewer());
  return json_reply(200, page_json(units, *page, [](const Unit& u) { return u.id; }, unit_json));
}

}  // namespace uppsikt::api
