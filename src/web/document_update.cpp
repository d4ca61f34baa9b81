// POST /dokument/{id} — saves a document's facts.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response document_update(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto fields = document_fields_from(http::parse_form(request));
  auto outcome = service::update_document(site.store, visit.viewer(), *id, fields);
  return after_change(site, visit, outcome, document_edit_href(*id), [&](const auto& errors) {
    return document_edit_page(site, visit, *id, errors, 422, fields);
  });
}

}  // namespace uppsikt::web
