// GET /mina-uppfoljningar — the open rounds the signed-in person answers, and the responses
// waiting for their approval, with status and deadline.
#include "service/my_followups.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/view.h"

namespace uppsikt::web {

http::Response my_followups_show(const Site& site, const Visit& visit, const http::Request&) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& f : service::my_followups(site.store, visit.viewer()))
    rows.push_back({{"round", f.round.name}, {"unit", f.unit.name}, {"status", status_json(f.status)}, {"to_approve", f.to_approve},
                    {"deadline", f.round.deadline.empty() ? "–" : f.round.deadline},
                    {"href", "/omgangar/" + std::to_string(f.round.id) + "/svar/" + std::to_string(f.unit.id)}});
  Page page{.title = "Mina uppföljningar", .template_name = "my_followups", .nav = "mina"};
  page.crumbs = {{"Uppföljningar", "/"}, {"Mina uppföljningar", ""}};
  page.data = {{"rows", rows}, {"empty", rows.empty()}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
