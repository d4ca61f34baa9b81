// POST /api/v1/rounds/{id}/responses/{unit}/hand-in | approve | send-back | return — the steps
// of a response's life, each the service the page's buttons call; send-back and return take
// {"message": "…"}. Answers the response's new status and version.
#include <algorithm>
#include <array>

#include "api/json_body.h"
#include "api/refusal.h"
#include "api/handlers.h"
#include "api/reply.h"
#include "service/answering.h"

namespace uppsikt::api {
namespace {

using Decide = service::Outcome (*)(store::Store&, const service::Viewer&, Id, Id, std::string_view);

struct Step {
  std::string_view path;  // the last segment of the route
  Decide decide;
};

constexpr std::array<Step, 4> kSteps{{
    {"hand-in", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view) { return service::hand_in(s, v, r, u); }},
    // The request is itself the confirmation that the pages ask for.
    {"approve", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view) { return service::approve(s, v, r, u, service::Confirmed::yes); }},
    {"send-back", service::send_back},
    {"return", [](store::Store& s, const service::Viewer& v, Id r, Id u, std::string_view m) { return service::return_response(s, v, r, u, m, service::Confirmed::yes); }},
}};

}  // namespace

http::Response response_decide(const ApiSite& site, const Call& call, const http::Request& request) {
  auto round_id = id_param(request, "id");
  auto unit_id = id_param(request, "unit");
  const std::string_view last = std::string_view(request.path).substr(request.path.rfind('/') + 1);
  auto step = std::find_if(kSteps.begin(), kSteps.end(), [&](const Step& s) { return s.path == last; });
  if (!round_id || !unit_id || step == kSteps.end())
    return problem(problems::not_found, "Svaret finns inte, eller så ser du det inte.", request);
  auto body = json_body(request);
  if (!body || (body->contains("message") && !(*body)["message"].is_string()))
    return problem(problems::bad_request, "Skicka ett JSON-objekt, med meddelandet som texten message.", request);
  auto outcome = step->decide(site.store, call.viewer(), *round_id, *unit_id, body->value("message", ""));
  if (!outcome.ok()) return refused(outcome, "Svaret finns inte, eller så ser du det inte.", request);
  auto response = site.store.begin_read()->response_of(*round_id, *unit_id);
  return json_reply(200, {{"id", response->id},
                          {"status", to_code(response->status)},
                          {"version", response->version},
                          {"edition", response->edition}});
}

}  // namespace uppsikt::api
