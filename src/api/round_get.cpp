// GET /api/v1/rounds/{id} — one round with its status and how far its units have come (those
// the token's owner sees).
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"

namespace uppsikt::api {

http::Response round_get(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  std::optional<service::RoundView> view;
  if (round_id) view = service::round_view(site.store, call.viewer(), *round_id, service::UnitSort::name, false);
  if (!view) return problem(problems::not_found, "Omgången finns inte, eller så ser du den inte.", request);
  return json_reply(200, round_json(view->round, view->progress, view->questions));
}

}  // namespace uppsikt::api
