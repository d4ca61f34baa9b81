// GET /omgangar/ny — the form for a new round: settings, units and the items to follow up.
#include "web/handlers.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_new(const Site& site, const Visit& visit, const http::Request&) {
  if (!service::may_build_rounds(visit.viewer())) return error_page(site, visit, 404);
  return round_new_page(site, visit, service::RoundSettings{});
}

}  // namespace uppsikt::web
