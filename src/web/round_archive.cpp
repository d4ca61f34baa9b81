// POST /omgangar/{id}/arkivera — takes a closed round out of the start page's list; the
// archived rounds' list still shows it.
#include "service/round_corrections.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_archive(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::archive_round(site.store, visit.viewer(), *id, true);
  return after_change(site, visit, outcome, "/?" + done_query("arkiverad"),
                      [&](const auto& errors) { return round_builder_page(site, visit, *id, errors, 422); });
}

}  // namespace uppsikt::web
