// POST /dokument/{id}/punkter/{node}/flytta — moves an area or item among its siblings (riktning=upp|ned).
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response node_move(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto node = parse_id(request.param("node"));
  if (!id || !node) return error_page(site, visit, 404);
  const auto move = http::form_value(http::parse_form(request), "riktning") == "upp" ? service::Move::up : service::Move::down;
  auto outcome = service::move_node(site.store, visit.viewer(), *node, move);
  return after_change(site, visit, outcome, document_edit_href(*id) + "#innehall-lista", [&](const auto& errors) {
    return document_edit_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
