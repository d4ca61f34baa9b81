#pragma once
// The import pages, shared by their handlers: the upload form (with errors), the preview of
// the uploaded files with the choice of round and unit, and the result of saving.
#include <optional>
#include <string>
#include <vector>

#include "http/message.h"
#include "service/web_import.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// The upload form; `errors` (Swedish) go in the error summary, linked to the file field.
http::Response import_form_page(const Site& site, const Visit& visit, const std::vector<std::string>& errors = {},
                                int status = 200);

// The round and unit chosen on the preview, shown again with a refusal of the choice.
struct ImportChoice {
  std::optional<Id> round_id;
  std::string new_name;
  std::optional<Id> unit_id;  // none chosen: the form asks for one, nothing is preselected
  std::string error;          // Swedish, about the field below
  std::string field = "omgang";
};

// The preview of staged files under `token`, with the choice of round and unit.
http::Response import_preview_page(const Site& site, const Visit& visit, const std::string& token,
                                   const std::vector<service::FilePreview>& previews, const ImportChoice& choice = {},
                                   int status = 200);

http::Response import_result_page(const Site& site, const Visit& visit, const service::ImportResult& result);

}  // namespace uppsikt::web
