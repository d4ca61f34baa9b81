#pragma once
// The import pages, shared by their handlers: the upload form (with errors), the preview of
// the uploaded files with the choice of round and unit, and the result of saving.
#include <string>
#include <vector>

#include "http/message.h"
#include "service/web_import.h"
#include "web/site.h"
#include "web/visit.h"

namespace uppsikt::web {

// The upload form; `errors` (Swedish) go in the error summary, linked to the file field.
http::Response import_form_page(const Site& site, const Visit& visit, const std::vector<std::string>& errors = {},
                                int status = 200);

// The preview of staged files under `token`; `error` is about the round and unit choice.
http::Response import_preview_page(const Site& site, const Visit& visit, const std::string& token,
                                   const std::vector<service::FilePreview>& previews, const std::string& error = "",
                                   int status = 200);

http::Response import_result_page(const Site& site, const Visit& visit, const service::ImportResult& result);

}  // namespace uppsikt::web
