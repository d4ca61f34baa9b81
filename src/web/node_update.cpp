// POST /dokument/{id}/punkter/{node} — saves an area or item.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response node_update(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto node = parse_id(request.param("node"));
  if (!id || !node) return error_page(site, visit, 404);
  const auto fields = node_fields_from(http::parse_form(request));
  auto outcome = service::update_node(site.store, visit.viewer(), *node, fields);
  return after_change(site, visit, outcome, document_edit_href(*id) + "#innehall-lista", [&](const auto& errors) {
    return node_edit_page(site, visit, *id, *node, errors, 422, fields);
  });
}

}  // namespace uppsikt::web
