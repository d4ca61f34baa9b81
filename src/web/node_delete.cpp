// POST /dokument/{id}/punkter/{node}/ta-bort — removes an area or item nothing refers to.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response node_delete(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto node = parse_id(request.param("node"));
  if (!id || !node) return error_page(site, visit, 404);
  auto outcome = service::remove_node(site.store, visit.viewer(), *node);
  return after_change(site, visit, outcome, document_edit_href(*id) + "#innehall-lista", [&](const auto& errors) {
    return document_edit_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
