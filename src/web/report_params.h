#pragma once
// The compiled report's filters as a query string (the GET form on the report page), and the
// download links and responses every report page shares.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/message.h"
#include "report/export.h"
#include "service/report_data.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// enhet=ID (a unit and those under it), typ=CODE (repeated; unit kinds), dokument=ID,
// kommentarer=nej (leave comments out). Unknown or malformed values are ignored.
service::ReportFilter report_filter(const http::Request& request);

// The filter part of the request's query, re-encoded, for links that keep the filters:
// "?enhet=3&typ=namnd" or "".
std::string report_query(const http::Request& request);

// One link per format: [{"label": "PDF", "href": base + "/exportera/pdf" + query, "format": "pdf"} …].
nlohmann::json download_links(const std::string& base, const std::string& query);

// The exported file as a download: its content type, Content-Disposition attachment with the
// file name, no caching by shared caches, and the security headers of every page.
http::Response download_response(const report::Exported& file);

// The report as a file in `format` (download_response). The 404 page
// when there is no report (missing, or not the viewer's to read); a page with the report
// layer's message (500) when the file cannot be made.
http::Response download(const Site& site, const Visit& visit, const std::optional<report::CompiledReport>& report,
                        report::Format format);
http::Response download(const Site& site, const Visit& visit, const std::optional<report::UnitReport>& report,
                        report::Format format);

}  // namespace uppsikt::web
