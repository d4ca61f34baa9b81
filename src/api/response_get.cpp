// GET /api/v1/rounds/{id}/responses/{unit} — a unit's response: status, version, edition,
// hand-in, what the token's owner may do with it, and its answers (with their versions, for
// If-Match on a save).
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/answering_view.h"

namespace uppsikt::api {

http::Response response_get(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  auto unit_id = id_param(request, "unit");
  std::optional<service::AnsweringView> answering;
  if (round_id && unit_id) answering = service::answering_view(site.store, call.viewer(), *round_id, *unit_id);
  if (!answering) return problem(problems::not_found, "Svaret finns inte, eller så ser du det inte.", request);
  const auto* view = &answering->page;
  const auto& allowed = answering->may;
  const auto& response = view->response;
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& block : view->blocks)
    for (const auto& question : block.questions)
      if (question.answer) answers.push_back(answer_json(*question.answer, view->unit.id));
  return json_reply(200, {{"id", response.id},
                          {"round_id", response.round_id},
                          {"unit", unit_json(view->unit)},
                          {"status", to_code(response.status)},
                          {"version", response.version},
                          {"edition", response.edition},
                          {"updated_at", response.updated_at},
                          {"handed_in_at", response.handed_in_at},
                          {"answered", view->answered},
                          {"questions", view->questions},
                          {"allowed", {{"answer", allowed.answer},
                                       {"approve", allowed.approve},
                                       {"return", allowed.return_response}}},
                          {"answers", answers}});
}

}  // namespace uppsikt::api
