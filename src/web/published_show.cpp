// GET /publicerat/{id} — a published compiled report, for anyone, without signing in: the
// report page's renderer, its downloads and the open data. 404 unless it is published.
#include "report/html_renderer.h"
#include "service/report_publishing.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/view.h"

namespace uppsikt::web {

http::Response published_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto report = id ? service::published_report(site.store, *id) : std::nullopt;
  if (!report) return error_page(site, visit, 404);
  const std::string base = "/publicerat/" + std::to_string(*id);
  Page page{.title = "Sammanställning – " + report->round_name, .template_name = "published", .nav = "publicerat"};
  page.crumbs = {{"Publicerat", "/publicerat"}, {report->round_name, ""}};
  page.data = {{"downloads", download_links(base, "")},
               {"csv", base + "/oppna-data.csv"},
               {"json", base + "/oppna-data.json"},
               {"report", report::render_html(*report, 2)}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
