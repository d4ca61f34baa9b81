// GET /api/v1/rounds — the rounds the token's owner sees, with their status and how far their
// units have come, by id, a page at a time.
#include <algorithm>

#include "api/handlers.h"
#include "api/json_views.h"
#include "api/reply.h"

namespace uppsikt::api {

http::Response rounds_list(const ApiSite& site, const Call& call, const http::Request& request) {
  auto page = page_of(request);
  if (!page) return problem(problems::bad_request, "cursor och limit ska vara tal (limit 1–500).", request);
  auto rounds = service::round_summaries(site.store, call.viewer());
  std::sort(rounds.begin(), rounds.end(), [](const auto& a, const auto& b) { return a.round.id < b.round.id; });
  if (auto status = request.query_param("status")) {
    auto wanted = round_status_from_code(*status);
    if (!wanted) return problem(problems::bad_request, "status ska vara draft, open, closed eller published.", request);
    std::erase_if(rounds, [&](const auto& s) { return s.round.status != *wanted; });
  }
  return json_reply(200, page_json(
                             rounds, *page, [](const auto& s) { return s.round.id; },
                             [](const auto& s) { return round_json(s.round, s.progress, s.questions); }));
}

}  // namespace uppsikt::api
