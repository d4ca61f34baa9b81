// GET /api/v1/rounds/{id}/responses/{unit}/answers/{question} — the unit's answer to one
// question with its version as the ETag ("0" before the first save), for If-Match on a save.
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"
#include "service/response_view.h"

namespace uppsikt::api {

http::Response answer_get(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  auto unit_id = id_param(request, "unit");
  auto question_id = id_param(request, "question");
  std::optional<service::ResponseView> view;
  if (round_id && unit_id && question_id) view = service::response_view(site.store, call.viewer(), *round_id, *unit_id);
  if (view)
    for (const auto& block : view->blocks)
      for (const auto& asked : block.questions) {
        if (asked.question.id != *question_id) continue;
        const Answer answer = asked.answer.value_or(
            Answer{.response_id = view->response.id, .question_id = asked.question.id, .version = 0});
        auto response = json_reply(200, answer_json(answer, view->unit.id));
        response.set_header("ETag", "\"" + std::to_string(answer.version) + "\"");
        return response;
      }
  return problem(problems::not_found, "Frågan finns inte i svaret, eller så ser du det inte.", request);
}

}  // namespace uppsikt::api
