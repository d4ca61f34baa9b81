// POST /dokument/{id}/ny-utgava — a new edition of the document; the old one stays.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response document_edition_create(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  auto outcome = service::new_edition(site.store, visit.viewer(), *id, http::form_value(http::parse_form(request), "period"));
  return after_change(site, visit, outcome, document_edit_href(outcome.id), [&](const auto& errors) {
    return document_edit_page(site, visit, *id, errors, 422);
  });
}

}  // namespace uppsikt::web
