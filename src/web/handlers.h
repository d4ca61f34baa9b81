#pragma once
// The page handlers, one per file, named for the page and what they do with it. Each reads
// its input, asks a service, and renders a page or an error.
#include "http/message.h"
#include "web/site.h"
#include "web/visit.h"

namespace uppsikt::web {

http::Response home_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response round_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response response_show(const Site& site, const Visit& visit, const http::Request& request);
// Reports: the compiled report page, its downloads, a unit's report as a download
http::Response report_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response report_download(const Site& site, const Visit& visit, const http::Request& request);
http::Response response_download(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_list(const Site& site, const Visit& visit, const http::Request& request);
http::Response document_show(const Site& site, const Visit& visit, const http::Request& request);
// Importing old follow-ups: the upload form, the preview, the save
http::Response import_new(const Site& site, const Visit& visit, const http::Request& request);
http::Response import_preview(const Site& site, const Visit& visit, const http::Request& request);
http::Response import_save(const Site& site, const Visit& visit, const http::Request& request);
// Signing in and out
http::Response sign_in_show(const Site& site, const Visit& visit, const http::Request& request);
http::Response sign_in_submit(const Site& site, const Visit& visit, const http::Request& request);
http::Response sign_out_submit(const Site& site, const Visit& visit, const http::Request& request);
http::Response accessibility_show(const Site& site, const Visit& visit, const http::Request& request);

}  // namespace uppsikt::web
