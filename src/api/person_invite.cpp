// POST /api/v1/people — a person with one role on a unit the caller administers, invited as on
// the admin page: {"email", "name", "role", "unit_id"}. Admins only. Answers 201 with the
// person's id and the one-time invitation link, or null when the invitation went out by mail.
#include "api/refusal.h"
#include "api/json_body.h"
#include "api/body_fields.h"
#include "api/handlers.h"
#include "api/reply.h"
#include "service/person_admin.h"

namespace uppsikt::api {

http::Response person_invite(const ApiSite& site, const Call& call, const http::Request& request) {
  if (!service::is_admin(call.viewer()))
    return problem(problems::forbidden, "Bara administratörer lägger till personer.", request);
  auto body = json_body(request);
  if (!body) return problem(problems::bad_request, "Skicka ett JSON-objekt med e-post, namn, roll och enhet.", request);
  BodyFields fields(*body);
  const service::PersonInput input{.email = fields.text("email"), .name = fields.text("name"),
                                   .role = fields.text("role"), .unit_id = fields.id("unit_id")};
  if (!fields.wrong().empty()) return problem(problems::bad_request, fields.wrong() + " har fel typ.", request);
  auto result = service::invite_person(site.store, call.viewer(), input);
  if (!result.ok()) return refused(result.outcome, "Personen finns inte.", request);
  const nlohmann::json link = result.mailed ? nlohmann::json() : nlohmann::json(service::link_path(result.token));
  return json_reply(201, {{"id", result.outcome.id}, {"invitation_link", link}, {"mailed", result.mailed}});
}

}  // namespace uppsikt::api
