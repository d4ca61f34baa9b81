// GET /omgangar/{id}/bygg — the round builder: questions, units, settings, open and close.
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_edit(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const bool about_question = request.query_param("klart").value_or("").starts_with("fraga");
  return round_builder_page(site, visit, *id, {}, 200, {}, BuilderNotice{notice_of(request), about_question});
}

}  // namespace uppsikt::web
