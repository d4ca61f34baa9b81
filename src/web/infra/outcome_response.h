#pragma once
// A change's outcome (service/outcome.h) as the pages answer it, the same on every page:
// done → 303 to where the change shows; not found → the 404 page; a refusal the person can act
// on → the form again with its error summary (`again(errors)` renders it), with the kind's
// status: 403 not allowed, 409 conflict (or a step not yet confirmed), 422 invalid. `again` may
// answer otherwise (a redirect), and keeps its status then. Pages that confirm first
// (web/confirm_page.h) ask before they get here.
#include <string>
#include <vector>

#include "http/message.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/view.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// The status of a refusal shown on its form; every kind is named, so a new one is a compile
// error here until it is given one.
constexpr int refusal_status(service::Outcome::Kind kind) {
  switch (kind) {
    case service::Outcome::Kind::not_allowed: return 403;
    case service::Outcome::Kind::not_found: return 404;
    case service::Outcome::Kind::conflict:
    case service::Outcome::Kind::unconfirmed: return 409;
    case service::Outcome::Kind::invalid: return 422;
    case service::Outcome::Kind::done: return 200;
  }
  return 500;
}

template <typename Again>
http::Response after_change(const Site& site, const Visit& visit, const service::Outcome& outcome,
                            const std::string& done_href, Again again) {
  if (outcome.ok()) return http::redirect(done_href);
  if (outcome.kind == service::Outcome::Kind::not_found) return error_page(site, visit, 404);
  http::Response response = again(outcome.errors);
  if (response.status == 200) response.status = refusal_status(outcome.kind);  // not a redirect elsewhere
  return response;
}

}  // namespace uppsikt::web
