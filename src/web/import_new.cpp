// GET /import — the upload form, for admins and coordinators only.
#include "service/web_import.h"
#include "web/handlers.h"
#include "web/import_pages.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response import_new(const Site& site, const Visit& visit, const http::Request&) {
  if (!service::may_import(visit.viewer())) return error_page(site, visit, 404);
  return import_form_page(site, visit);
}

}  // namespace uppsikt::web
