// POST /omgangar/{id}/fragor/{question}/ta-bort — removes a question from a draft round.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response question_delete(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto question = parse_id(request.param("question"));
  if (!id || !question) return error_page(site, visit, 404);
  auto outcome = service::remove_question(site.store, visit.viewer(), *id, *question);
  return after_change(site, visit, outcome, builder_href(*id) + "#fragor", [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
