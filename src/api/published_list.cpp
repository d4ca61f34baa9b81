// GET /api/v1/published — every published report, open to anyone without a token.
#include "api/handlers.h"
#include "api/reply.h"
#include "service/report_publishing.h"

namespace uppsikt::api {

http::Response published_list(const ApiSite& site, const Call&, const http::Request&) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : service::published_rounds(site.store))
    items.push_back({{"round_id", p.round_id},
                     {"name", p.name},
                     {"year", p.year},
                     {"with_comments", p.with_comments},
                     {"published_at", p.published_at}});
  auto response = json_reply(200, {{"items", items}});
  response.set_header("Cache-Control", "public, no-cache");
  return response;
}

}  // namespace uppsikt::api
