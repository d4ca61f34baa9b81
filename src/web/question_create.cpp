// POST /omgangar/{id}/fragor — adds a question to a draft round.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response question_create(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto draft = question_from(http::parse_form(request));
  auto outcome = service::add_question(site.store, visit.viewer(), *id, draft);
  return after_change(site, visit, outcome, builder_href(*id) + "?" + done_query("fraga-tillagd") + "#fragor", [&](const auto& errors) {
    return round_builder_page(site, visit, *id, errors, 422, Posted{.question = draft});
  });
}

}  // namespace uppsikt::web
