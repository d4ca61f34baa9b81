// POST /omgangar/{id}/fragor/{question} — saves a question's text, item, comment rule and audience.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response question_update(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto question = parse_id(request.param("question"));
  if (!id || !question) return error_page(site, visit, 404);
  const auto draft = question_from(http::parse_form(request));
  auto outcome = service::update_question(site.store, visit.viewer(), *id, *question, draft);
  return after_change(site, visit, outcome, builder_href(*id) + "?" + done_query("fraga-sparad") + "#fragor", [&](const auto& errors) {
    return question_edit_page(site, visit, *id, *question, errors, 422, draft);
  });
}

}  // namespace uppsikt::web
