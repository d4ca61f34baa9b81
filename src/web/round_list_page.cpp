#include "web/round_list_page.h"

#include "service/overview.h"
#include "service/round_admin.h"
#include "web/infra/format.h"
#include "web/infra/notice.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response round_list_page(const Site& site, const Visit& visit, const http::Request& request, bool archived) {
  nlohmann::json rounds = nlohmann::json::array();
  int elsewhere = 0;  // the rounds of the other list
  for (const auto& s : service::round_summaries(site.store, visit.viewer())) {
    if (s.round.archived != archived) {
      ++elsewhere;
      continue;
    }
    auto r = round_json(s.round);
    r["questions"] = s.questions;
    r["units"] = s.progress.total;
    r["handed_in"] = s.progress.submitted + s.progress.approved;
    r["approved"] = s.progress.approved;
    r["percent"] = s.progress.percent_in();
    rounds.push_back(std::move(r));
  }
  Page page{.title = archived ? "Arkiverade omgångar" : "Uppföljningar", .template_name = "round_list", .nav = "start",
            .notice = notice_of(request)};
  if (archived) page.crumbs = {{"Uppföljningar", "/"}, {"Arkiverade omgångar", ""}};
  page.data = {{"rounds", rounds},
               {"empty", rounds.empty()},
               {"archived_view", archived},
               {"has_archived", !archived && elsewhere > 0},
               {"archived_count", elsewhere},
               {"may_build", !archived && service::may_build_rounds(visit.viewer())}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
