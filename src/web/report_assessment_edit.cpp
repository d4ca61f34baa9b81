// GET /omgangar/{id}/rapport/bedomning — the coordinator's assessment of the compiled report
// and its cover for the council, for those who manage the round.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_assessment_page.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response report_assessment_edit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return report_assessment_page(site, visit, *id);
}

}  // namespace uppsikt::web
