// POST /import — reads the uploaded files and shows what they hold. Nothing is saved yet; the
// files are kept server-side under a token that the preview's save form carries.
#include "http/multipart.h"
#include "service/web_import.h"
#include "web/handlers.h"
#include "web/import_pages.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response import_preview(const Site& site, const Visit& visit, const http::Request& request) {
  if (!service::may_import(visit.viewer())) return error_page(site, visit, 404);
  const auto form = http::parse_multipart(request);
  if (!form.ok()) return import_form_page(site, visit, {"Filerna kom inte fram hela. Försök igen."}, 400);
  const auto parts = form.files("filer");
  if (parts.empty()) return import_form_page(site, visit, {"Välj minst en fil att importera."}, 400);

  std::vector<service::UploadedFile> files;
  std::vector<service::FilePreview> previews;
  std::vector<std::string> errors;
  for (const auto* part : parts) {
    files.push_back({*part->file_name, part->body, {}});
    previews.push_back(service::import_preview(*part->file_name, part->body));
    if (!previews.back().error.empty()) errors.push_back(previews.back().error);
  }
  if (!errors.empty()) return import_form_page(site, visit, errors, 422);
  const std::string token = service::stage_uploads(site.store, visit.viewer(), files);
  return import_preview_page(site, visit, token, previews);
}

}  // namespace uppsikt::web
