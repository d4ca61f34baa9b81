// POST /omgangar/{id}/fragor/{question}/formulering — corrects a question's wording while its
// round is open; those who answered see the change beside the question.
#include "service/round_corrections.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response question_reword(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto question = parse_id(request.param("question"));
  if (!id || !question) return error_page(site, visit, 404);
  service::QuestionDraft posted;
  posted.text = http::form_value(http::parse_form(request), "fraga");
  auto outcome = service::reword_question(site.store, visit.viewer(), *id, *question, posted.text);
  return after_change(site, visit, outcome, builder_href(*id) + "?" + done_query("fraga-rattad") + "#fragor",
                      [&](const auto& errors) { return question_edit_page(site, visit, *id, *question, errors, 422, posted); });
}

}  // namespace uppsikt::web
