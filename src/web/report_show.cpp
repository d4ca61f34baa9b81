// GET /omgangar/{id}/rapport — the compiled report of a round, with its filters as a GET form
// and download links that keep the filters.
#include <algorithm>

#include "report/html_renderer.h"
#include "service/report_choices.h"
#include "service/report_data.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json filter_form(const service::ReportChoices& choices, const service::ReportFilter& filter) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : choices.units)
    units.push_back({{"id", u.id}, {"name", u.name}, {"selected", filter.scope == u.id}});
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : choices.kinds) {
    bool checked = std::find(filter.kinds.begin(), filter.kinds.end(), k) != filter.kinds.end();
    kinds.push_back({{"code", to_code(k)}, {"label", label(k)}, {"checked", checked}});
  }
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& d : choices.documents)
    documents.push_back({{"id", d.id}, {"title", d.title}, {"selected", filter.document_id == d.id}});
  return {{"units", units}, {"kinds", kinds}, {"documents", documents}, {"without_comments", !filter.with_comments}};
}

}  // namespace

http::Response report_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  const auto filter = report_filter(request);
  auto report = id ? service::compiled_report(site.store, visit.viewer(), *id, filter) : std::nullopt;
  if (!report) return error_page(site, visit, 404);

  const std::string round_href = "/omgangar/" + std::to_string(*id);
  const std::string base = round_href + "/rapport";
  Page page{.title = "Sammanställning – " + report->round_name, .template_name = "report", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {report->round_name, round_href}, {"Sammanställning", ""}};
  page.data = {{"action", base},
               {"filter", filter_form(service::report_choices(site.store, visit.viewer(), *id), filter)},
               {"downloads", download_links(base, report_query(request))},
               {"report", report::render_html(*report, 2)}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
