// GET /mina-uppfoljningar — the open rounds the signed-in person answers, the responses
// waiting for their approval and, for a coordinator, those handed in and not yet looked at,
// with status and deadline.
#include "service/my_followups.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response my_followups_show(const Site& site, const Visit& visit, const http::Request&) {
  nlohmann::json rows = nlohmann::json::array();
  const auto mine = service::my_followups(site.store, visit.viewer());
  for (const auto& f : mine.tasks)
    rows.push_back({{"round", f.round.name}, {"unit", f.unit.name}, {"status", status_json(f.status)}, {"to_approve", f.to_approve},
                    {"to_review", f.to_review},
                    {"deadline", f.deadline.empty() ? "–" : f.deadline}, {"deadline_extended", f.deadline_extended},
                    {"href", "/omgangar/" + std::to_string(f.round.id) + "/svar/" + std::to_string(f.unit.id)}});
  // A round with more handed-in responses than are listed: its board, filtered on them.
  nlohmann::json more = nlohmann::json::array();
  for (const auto& [round, count] : mine.more_to_review)
    more.push_back({{"text", grouped_number(static_cast<long long>(count)) + " inlämnade svar i " + round.name},
                    {"href", "/omgangar/" + std::to_string(round.id) + "?status=" + std::string(to_code(ResponseStatus::submitted))}});
  Page page{.title = "Mina uppföljningar", .template_name = "my_followups", .nav = "mina"};
  page.crumbs = {{"Uppföljningar", "/"}, {"Mina uppföljningar", ""}};
  page.data = {{"rows", rows}, {"empty", rows.empty()}, {"more", more}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
