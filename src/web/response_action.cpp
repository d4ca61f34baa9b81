// POST /omgangar/{id}/svar/{unit}/{action} — the approver approves or sends back, a
// coordinator returns or reopens for the unit; then back to the response page. Approving and
// returning cannot be undone by the one who does it: without bekrafta=ja they change nothing
// and ask first, with the return's message carried to the confirmation.
#include <algorithm>
#include <array>
#include <string_view>

#include "http/form.h"
#include "service/answering_view.h"
#include "web/answering_page.h"
#include "web/infra/format.h"
#include "web/confirm_page.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/infra/outcome_response.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

using service::Confirmed;
using Decide = service::Outcome (*)(store::Store&, const service::Viewer&, Id, Id, std::string_view, Confirmed);

struct Action {
  std::string_view path;  // the last segment of the URL, also the success notice's key (web/infra/notice.h)
  Decide decide;
  std::string_view question;  // the confirmation's title, for the steps that ask first
  std::string_view button;
};

constexpr std::array<Action, 4> kActions{{
    {"godkann", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view, Confirmed c) { return service::approve(s, v, r, u, c); },
     "Godkänna svaret från ", "Ja, godkänn svaret"},
    {"skicka-tillbaka", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view m, Confirmed) { return service::send_back(s, v, r, u, m); }},
    {"atersand", service::return_response, "Återsända svaret från ", "Ja, återsänd svaret"},
    {"oppna-igen", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view, Confirmed) { return service::reopen_for_unit(s, v, r, u); }},
}};

}  // namespace

http::Response response_action(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  const auto name = request.param("action");
  auto action = std::find_if(kActions.begin(), kActions.end(), [&](const Action& a) { return a.path == name; });
  if (!round_id || !unit_id || action == kActions.end()) return error_page(site, visit, 404);

  const std::string message = http::form_value(http::parse_form(request), "meddelande");
  const auto confirmation = confirmed(request) ? Confirmed::yes : Confirmed::no;
  auto outcome = action->decide(site.store, visit.viewer(), *round_id, *unit_id, message, confirmation);
  const std::string path = response_path(*round_id, *unit_id);
  if (outcome.ok()) return http::redirect(path + "?" + done_query(name));
  using Kind = service::Outcome::Kind;
  if (outcome.kind == Kind::not_found || outcome.kind == Kind::not_allowed)
    return error_page(site, visit, refusal_status(outcome.kind));

  auto view = service::answering_view(site.store, visit.viewer(), *round_id, *unit_id);
  if (!view) return error_page(site, visit, 404);
  if (outcome.kind == Kind::unconfirmed) {
    const auto& round = view->page.round;
    const auto& unit = view->page.unit;
    Confirmation asked{.title = std::string(action->question) + unit.name + "?",
                       .crumbs = {{"Uppföljningar", "/"}, {round.name, "/omgangar/" + std::to_string(round.id)},
                                  {unit.name, path}, {"Bekräfta", ""}},
                       .consequences = outcome.consequences,
                       .action = path + "/" + std::string(name),
                       .button = std::string(action->button),
                       .cancel_href = path};
    if (!message.empty()) asked.fields.push_back({"meddelande", message});
    return confirm_page(site, visit, asked);
  }
  AnsweringState state{.errors = outcome.errors, .form_field = "meddelande-" + std::string(name), .message = message};
  if (outcome.kind != Kind::invalid) state.form_field = "fel";  // about the whole response, not the message
  return answering_page(site, visit, *view, state, refusal_status(outcome.kind));
}

}  // namespace uppsikt::web
