// GET /publicerat/{id}/oppna-data.csv and .json — a published report's aggregated numbers as
// open data (per question and option: count and share; no comments, no names), for anyone.
#include "report/csv_renderer.h"
#include "report/json_renderer.h"
#include "service/report_publishing.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

enum class OpenFormat { csv, json };

http::Response open_data(const Site& site, const Visit& visit, const http::Request& request, OpenFormat format) {
  auto id = parse_id(request.param("id"));
  auto report = id ? service::published_report(site.store, *id) : std::nullopt;
  if (!report) return error_page(site, visit, 404);
  const std::string stem = report::file_slug(report->round_name) + "-oppna-data.";
  if (format == OpenFormat::csv)
    return download_response({report::render_counts_csv(*report), "text/csv; charset=utf-8", stem + "csv"});
  return download_response({report::render_counts_json(*report), "application/json", stem + "json"});
}

}  // namespace

http::Response published_open_data_csv(const Site& site, const Visit& visit, const http::Request& request) {
  return open_data(site, visit, request, OpenFormat::csv);
}

http::Response published_open_data_json(const Site& site, const Visit& visit, const http::Request& request) {
  return open_data(site, visit, request, OpenFormat::json);
}

}  // namespace uppsikt::web
