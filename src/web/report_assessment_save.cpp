// POST /omgangar/{id}/rapport/bedomning — saves the assessment and the cover; back to the
// compiled report, which shows them in every format.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/report_assessment_page.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response report_assessment_save(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto form = service::assessment_form(site.store, visit.viewer(), *id);
  if (!form) return error_page(site, visit, 404);
  const auto input = assessment_input(*form, request);
  auto outcome = service::save_assessments(site.store, visit.viewer(), *id, input);
  return after_change(site, visit, outcome,
                      "/omgangar/" + std::to_string(*id) + "/rapport?" + done_query("bedomning"),
                      [&](const auto& errors) { return report_assessment_page(site, visit, *id, errors, 422, input); });
}

}  // namespace uppsikt::web
