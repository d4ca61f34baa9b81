// GET /publicerat/{id} and /publicerat/{id}/version/{version} — a published compiled report,
// for anyone, without signing in: the latest version or the one named, frozen as it was
// published, with its downloads, the open data and the list of its versions. 404 unless it
// is published (and has that version).
#include "core/swedish_time.h"
#include "report/html_renderer.h"
#include "service/report_publishing.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

// Every version, with a link to each but the one shown.
nlohmann::json versions_json(const std::vector<Publication>& versions, const std::string& base, int shown) {
  nlohmann::json out = nlohmann::json::array();
  for (auto v = versions.rbegin(); v != versions.rend(); ++v)
    out.push_back({{"version", v->version}, {"at", swedish_time(v->published_at)},
                   {"with_comments", v->with_comments}, {"current", v->version == shown},
                   {"href", base + "/version/" + std::to_string(v->version)}});
  return out;
}

}  // namespace

http::Response published_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  const auto named = request.param("version");
  auto version = named.empty() ? std::optional<Id>(0) : parse_id(named);
  auto report = id && version ? service::published_report(site.store, *id, service::UnitListing::up_to_limit,
                                                          static_cast<int>(*version))
                              : std::nullopt;
  if (!report) return error_page(site, visit, 404);
  const std::string base = "/publicerat/" + std::to_string(*id);
  const auto versions = service::published_versions(site.store, *id);
  const int shown = *version != 0 ? static_cast<int>(*version) : versions.empty() ? 0 : versions.back().version;
  const std::string here = named.empty() ? base : base + "/version/" + std::to_string(shown);
  Page page{.title = "Sammanställning – " + report->round_name, .template_name = "published_show", .nav = "publicerat"};
  page.crumbs = {{"Publicerat", "/publicerat"}, {report->round_name, named.empty() ? "" : base}};
  if (!named.empty()) page.crumbs.push_back({"Version " + std::to_string(shown), ""});
  page.data = {{"downloads", download_links(here, "")},
               {"csv", base + "/oppna-data.csv"},
               {"json", base + "/oppna-data.json"},
               {"version", shown > 0 ? std::to_string(shown) : ""},
               {"latest", shown == (versions.empty() ? 0 : versions.back().version)},
               {"latest_href", base},
               {"published_at", swedish_time(report->generated_at)},
               {"versions", versions_json(versions, base, shown)},
               {"has_versions", versions.size() > 1},
               {"report", report::render_html(*report, 2)}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
