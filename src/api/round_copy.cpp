// POST /api/v1/rounds/{id}/copy — a new draft round with the round's questions and units, as
// "Kopiera omgång" makes it: {"name", "year", "opens_on", "deadline", "instructions",
// "requires_approval"}. For whoever runs the round. Answers 201 with the new round.
#include "api/refusal.h"
#include "api/json_body.h"
#include "api/body_fields.h"
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/overview.h"
#include "service/round_admin.h"

namespace uppsikt::api {

http::Response round_copy(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  if (!round_id) return problem(problems::not_found, "Omgången finns inte, eller så ser du den inte.", request);
  auto body = json_body(request);
  if (!body) return problem(problems::bad_request, "Skicka ett JSON-objekt med den nya omgångens namn och år.", request);
  BodyFields fields(*body);
  const service::RoundSettings settings{.name = fields.text("name"),
                                        .year = fields.integer("year"),
                                        .opens_on = fields.text("opens_on"),
                                        .deadline = fields.text("deadline"),
                                        .instructions = fields.text("instructions"),
                                        .requires_approval = fields.flag("requires_approval")};
  if (!fields.wrong().empty()) return problem(problems::bad_request, fields.wrong() + " har fel typ.", request);
  auto outcome = service::copy_round(site.store, call.viewer(), *round_id, settings);
  if (!outcome.ok()) return refused(outcome, "Omgången finns inte, eller så kan du inte kopiera den.", request);
  auto view = service::round_view(site.store, call.viewer(), outcome.id, service::UnitSort::name, false);
  auto response = json_reply(201, round_json(view->round, view->progress, view->questions));
  response.set_header("Location", "/api/v1/rounds/" + std::to_string(outcome.id));
  return response;
}

}  // namespace uppsikt::api
