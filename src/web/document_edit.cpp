// GET /dokument/{id}/redigera — a document's facts, its areas and items in order, a new area
// or item, and a new edition.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response document_edit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return document_edit_page(site, visit, *id);
}

}  // namespace uppsikt::web
