// GET /publicerat/{id}/exportera/{format} and /publicerat/{id}/version/{version}/exportera/{format}
// — a published compiled report as a file, for anyone: the latest version or the one named,
// as frozen when it was published.
#include "service/report_publishing.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response published_download(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto format = report::format_from_code(request.param("format"));
  const auto named = request.param("version");
  auto version = named.empty() ? std::optional<Id>(0) : parse_id(named);
  if (!id || !format || !version) return error_page(site, visit, 404);
  return download(site, visit,
                  service::published_report(site.store, *id, service::listing_for(*format), static_cast<int>(*version)),
                  *format);
}

}  // namespace uppsikt::web
