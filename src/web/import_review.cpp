// POST /import/granska — reads the staged files again with the column roles and answer
// scale the coordinator chose on the preview, and shows the preview anew. Nothing is saved.
#include "http/form.h"
#include "service/web_import.h"
#include "web/handlers.h"
#include "web/import_choices.h"
#include "web/import_pages.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response import_review(const Site& site, const Visit& visit, const http::Request& request) {
  if (!service::may_import(visit.viewer())) return error_page(site, visit, 404);
  const auto fields = http::parse_form(request);
  const std::string token = http::form_value(fields, "uppladdning");
  const auto files = service::staged_uploads(site.store, visit.viewer(), token);
  if (files.empty())
    return import_form_page(site, visit, {"Filerna finns inte längre (de sparas i ett dygn). Ladda upp dem igen."}, 422);
  const auto choices = posted_choices(fields, files.size());
  std::vector<service::FilePreview> previews;
  for (std::size_t i = 0; i < files.size(); ++i)
    previews.push_back(service::import_preview(files[i].file_name, files[i].bytes, choices[i]));
  return import_preview_page(site, visit, token, previews);
}

}  // namespace uppsikt::web
