// POST /admin/enheter/{id}/flytta — moves the unit under another (never under itself).
#include "http/form.h"
#include "web/admin_pages.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response unit_move(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const std::string parent = http::form_value(http::parse_form(request), "overordnad");
  auto result = service::move_unit(site.store, visit.viewer(), *id, parse_id(parent));
  return after_unit_change(site, visit, result, *id, AdminForm{.values = {{"overordnad", parent}}});
}

}  // namespace uppsikt::web
