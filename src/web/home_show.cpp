// GET / — the follow-up rounds with how far each has come.
#include "service/overview.h"
#include "service/round_admin.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/view.h"

namespace uppsikt::web {

http::Response home_show(const Site& site, const Visit& visit, const http::Request&) {
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& s : service::round_summaries(site.store, visit.viewer())) {
    auto r = round_json(s.round);
    r["questions"] = s.questions;
    r["units"] = s.progress.total;
    r["handed_in"] = s.progress.submitted + s.progress.approved;
    r["approved"] = s.progress.approved;
    r["percent"] = s.progress.percent_in();
    rounds.push_back(std::move(r));
  }
  Page page{.title = "Uppföljningar", .template_name = "home", .nav = "start"};
  page.data = {{"rounds", rounds}, {"empty", rounds.empty()},
               {"may_build", service::may_build_rounds(visit.viewer())}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
