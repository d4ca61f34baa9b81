// GET /dokument/{id}/punkter/{node} — the form for one area or item.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response node_edit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto node = parse_id(request.param("node"));
  if (!id || !node) return error_page(site, visit, 404);
  return node_edit_page(site, visit, *id, *node);
}

}  // namespace uppsikt::web
