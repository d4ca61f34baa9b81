// GET /api/v1/rounds/{id}/questions — the round's questionnaire: questions in order, the items
// and areas they follow up, their documents and answer options.
#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"

namespace uppsikt::api {

http::Response round_questions_get(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  std::optional<service::RoundQuestions> questions;
  if (round_id) questions = service::round_questions(site.store, call.viewer(), *round_id);
  if (!questions) return problem(problems::not_found, "Omgången finns inte, eller så ser du den inte.", request);
  return json_reply(200, questions_json(*questions));
}

}  // namespace uppsikt::api
