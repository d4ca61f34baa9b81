// GET /dokument/ny — the form for a new governing document.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response document_new(const Site& site, const Visit& visit, const http::Request&) {
  if (!service::may_edit_documents(visit.viewer())) return error_page(site, visit, 404);
  return document_new_page(site, visit, service::DocumentFields{
      .kind = "program", .unit_id = service::default_document_unit(site.store, visit.viewer())});
}

}  // namespace uppsikt::web
