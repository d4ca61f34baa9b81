// GET /publicerat — every published compiled report, for anyone, without signing in.
#include "core/swedish_time.h"
#include "service/report_publishing.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response published_list(const Site& site, const Visit& visit, const http::Request&) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& p : service::published_rounds(site.store)) {
    const std::string href = "/publicerat/" + std::to_string(p.round_id);
    rows.push_back({{"name", p.name}, {"href", href}, {"with_comments", p.with_comments},
                    {"at", swedish_time(p.published_at)}, {"csv", href + "/oppna-data.csv"},
                    {"json", href + "/oppna-data.json"}});
  }
  Page page{.title = "Publicerade sammanställningar", .template_name = "published_list", .nav = "publicerat"};
  page.data = {{"reports", rows}, {"has_reports", !rows.empty()}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
