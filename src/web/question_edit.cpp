// GET /omgangar/{id}/fragor/{question} — the form for one question of a draft round.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response question_edit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto question = parse_id(request.param("question"));
  if (!id || !question) return error_page(site, visit, 404);
  return question_edit_page(site, visit, *id, *question);
}

}  // namespace uppsikt::web
