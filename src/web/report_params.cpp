#include "web/report_params.h"

#include <array>

#include "report/report_error.h"
#include "web/infra/format.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

constexpr std::array<std::pair<report::Format, std::string_view>, 6> kDownloads{{
    {report::Format::pdf, "PDF"},
    {report::Format::docx, "Word"},
    {report::Format::xlsx, "Excel"},
    {report::Format::csv, "CSV"},
    {report::Format::json, "JSON"},
    {report::Format::html, "HTML"},
}};

template <typename Report>
http::Response download_or_error(const Site& site, const Visit& visit, const std::optional<Report>& report,
                                 report::Format format) {
  if (!report) return error_page(site, visit, 404);
  try {
    return download_response(report::export_report(*report, format));
  } catch (const report::ReportError& e) {
    Page page{.title = "Exporten gick inte att göra", .template_name = "error"};
    page.data = {{"text", e.what()}, {"has_reference", false}};
    auto response = render_page(site, visit, page);
    response.status = 500;
    return response;
  }
}

}  // namespace

service::ReportFilter report_filter(const http::Request& request) {
  service::ReportFilter filter;
  if (auto unit = request.query_param("enhet")) filter.scope = parse_id(*unit);
  if (auto doc = request.query_param("dokument")) filter.document_id = parse_id(*doc);
  auto [first, last] = request.query.equal_range("typ");
  for (auto it = first; it != last; ++it)
    if (auto kind = unit_kind_from_code(it->second)) filter.kinds.push_back(*kind);
  filter.with_comments = request.query_param("kommentarer").value_or("") != "nej";
  return filter;
}

std::string report_query(const http::Request& request) {
  std::string out;
  for (const auto& [key, value] : request.query) {
    if (key != "enhet" && key != "typ" && key != "dokument" && key != "kommentarer") continue;
    if (value.empty()) continue;
    out += (out.empty() ? "?" : "&") + key + "=" + query_escape(value);
  }
  return out;
}

nlohmann::json download_links(const std::string& base, const std::string& query) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [format, label] : kDownloads) {
    const std::string code(report::to_code(format));
    out.push_back({{"label", label}, {"format", code}, {"href", base + "/exportera/" + code + query}});
  }
  return out;
}

http::Response download_response(const report::Exported& file) {
  http::Response response;
  response.body = file.bytes;
  response.set_header("Content-Type", file.content_type);
  response.set_header("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
  response.set_header("Cache-Control", "private, no-store");
  add_security_headers(response);
  return response;
}

http::Response download(const Site& site, const Visit& visit, const std::optional<report::CompiledReport>& report,
                        report::Format format) {
  return download_or_error(site, visit, report, format);
}

http::Response download(const Site& site, const Visit& visit, const std::optional<report::UnitReport>& report,
                        report::Format format) {
  return download_or_error(site, visit, report, format);
}

}  // namespace uppsikt::web
