// POST /omgangar/{id}/svar/{unit}/{action} — the approver approves or sends back, a
// coordinator returns or reopens for the unit; then back to the response page.
#include <algorithm>
#include <array>
#include <string_view>

#include "http/cookies.h"
#include "service/answering_view.h"
#include "web/answering_page.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/view.h"

namespace uppsikt::web {
namespace {

using Decide = service::AnswerOutcome (*)(store::Store&, const service::Viewer&, Id, Id, std::string_view);

struct Action {
  std::string_view path;  // the last segment of the URL, also the success notice's key
  Decide decide;
};

constexpr std::array<Action, 4> kActions{{
    {"godkann", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view) { return service::approve(s, v, r, u); }},
    {"skicka-tillbaka", service::send_back},
    {"atersand", service::return_response},
    {"oppna-igen", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view) { return service::reopen_for_unit(s, v, r, u); }},
}};

}  // namespace

http::Response response_action(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  const auto name = request.param("action");
  auto action = std::find_if(kActions.begin(), kActions.end(), [&](const Action& a) { return a.path == name; });
  if (!round_id || !unit_id || action == kActions.end()) return error_page(site, visit, 404);

  const std::string message = http::form_value(http::parse_form(request), "meddelande");
  auto outcome = action->decide(site.store, visit.viewer(), *round_id, *unit_id, message);
  if (outcome.ok()) return http::redirect(response_path(*round_id, *unit_id) + "?klart=" + std::string(name));
  if (outcome.refusal == service::Refusal::not_found) return error_page(site, visit, 404);
  if (outcome.refusal == service::Refusal::forbidden) return error_page(site, visit, 403);

  auto view = service::answering_view(site.store, visit.viewer(), *round_id, *unit_id);
  if (!view) return error_page(site, visit, 404);
  AnsweringState state{.errors = outcome.errors, .form_field = "meddelande-" + std::string(name), .message = message};
  if (state.errors.empty()) {
    state.errors.push_back({0, outcome.message, service::AnswerError::Field::message});
    state.form_field = "fel";
  }
  return answering_page(site, visit, *view, state, outcome.refusal == service::Refusal::invalid ? 422 : 409);
}

}  // namespace uppsikt::web
