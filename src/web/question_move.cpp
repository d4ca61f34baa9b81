// POST /omgangar/{id}/fragor/{question}/flytta — moves a question up or down (riktning=upp|ned).
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response question_move(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto question = parse_id(request.param("question"));
  if (!id || !question) return error_page(site, visit, 404);
  const auto move = http::form_value(http::parse_form(request), "riktning") == "upp" ? service::Move::up : service::Move::down;
  auto outcome = service::move_question(site.store, visit.viewer(), *id, *question, move);
  return after_change(site, visit, outcome, builder_href(*id) + "#fragor", [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
