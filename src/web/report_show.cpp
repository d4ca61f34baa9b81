// GET /omgangar/{id}/rapport — the compiled report of a round, with its filters as a GET form,
// download links that keep the filters, and publishing for those who may publish.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_page.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response report_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return report_page(site, visit, request, *id);
}

}  // namespace uppsikt::web
