// POST /dokument/{id}/punkter — adds an area or an item to the document.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response node_create(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::add_node(site.store, visit.viewer(), *id, node_fields_from(http::parse_form(request)));
  return after_change(site, visit, outcome, document_edit_href(*id) + "#innehall-lista", [&](const auto& errors) {
    return document_edit_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
