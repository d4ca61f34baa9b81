// POST /api/v1/units — a unit under one the caller administers (or a new top unit, for an
// admin of every top unit): {"name", "kind", "parent_id"}. Admins only. Answers 201 with it.
#include "api/refusal.h"
#include "api/json_body.h"
#include "api/body_fields.h"
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/unit_admin.h"

namespace uppsikt::api {

http::Response unit_create(const ApiSite& site, const Call& call, const http::Request& request) {
  if (!service::is_admin(call.viewer()))
    return problem(problems::forbidden, "Bara administratörer lägger till enheter.", request);
  auto body = json_body(request);
  if (!body) return problem(problems::bad_request, "Skicka ett JSON-objekt med enhetens namn, sort och överordnade enhet.", request);
  BodyFields fields(*body);
  const service::UnitInput input{.name = fields.text("name"), .kind = fields.text("kind"), .parent_id = fields.id("parent_id")};
  if (!fields.wrong().empty()) return problem(problems::bad_request, fields.wrong() + " har fel typ.", request);
  auto result = service::create_unit(site.store, call.viewer(), input);
  if (!result.ok()) return refused(result, "Den överordnade enheten finns inte.", request);
  auto unit = site.store.begin_read()->unit(result.id);
  auto response = json_reply(201, unit_json(*unit));
  response.set_header("Location", "/api/v1/units");
  return response;
}

}  // namespace uppsikt::api
