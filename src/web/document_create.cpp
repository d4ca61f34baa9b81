// POST /dokument — creates a governing document and goes on to its edit page.
#include "web/document_forms.h"
#include "web/infra/format.h"
#include "web/handlers.h"

namespace uppsikt::web {

http::Response document_create(const Site& site, const Visit& visit, const http::Request& request) {
  const auto fields = document_fields_from(http::parse_form(request));
  auto outcome = service::create_document(site.store, visit.viewer(), fields);
  return after_change(site, visit, outcome, document_edit_href(outcome.id), [&](const auto& errors) {
    return document_new_page(site, visit, fields, errors, 422);
  });
}

}  // namespace uppsikt::web
