#include "web/report_page.h"

#include <algorithm>

#include "core/swedish_time.h"
#include "report/html_renderer.h"
#include "service/report_choices.h"
#include "service/report_data.h"
#include "service/report_publishing.h"
#include "web/infra/form_errors.h"
#include "web/infra/notice.h"
#include "web/infra/format.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json filter_form(const service::ReportChoices& choices, const service::ReportFilter& filter) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : choices.units)
    units.push_back({{"id", u.id}, {"name", u.name}, {"selected", filter.scope == u.id}});
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : choices.kinds) {
    bool checked = std::find(filter.kinds.begin(), filter.kinds.end(), k) != filter.kinds.end();
    kinds.push_back({{"code", to_code(k)}, {"label", label(k)}, {"checked", checked}});
  }
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& d : choices.documents)
    documents.push_back({{"id", d.id}, {"title", d.title}, {"selected", filter.document_id == d.id}});
  return {{"units", units}, {"kinds", kinds}, {"documents", documents}, {"without_comments", !filter.with_comments}};
}

// The publishing section, for those who may publish: the state, the forms, their errors.
nlohmann::json publish_section(const Site& site, const Visit& visit, Id round_id,
                               const std::vector<service::FieldError>& errors) {
  if (!service::may_publish(site.store, visit.viewer(), round_id)) return nullptr;
  const std::string base = "/omgangar/" + std::to_string(round_id) + "/rapport";
  nlohmann::json out{{"csrf", visit.csrf_token}, {"publish_action", base + "/publicera"},
                     {"withdraw_action", base + "/avpublicera"}};
  out["published"] = published_json(site, round_id);
  // The filter above has its own "kommentarer" checkbox: the publish radios' ids differ, and
  // the error links to the first of them.
  for (const auto& e : errors) {
    add_form_error(out, "publicera-utan", e.message, "publicera-utan");
    out["kommentarer_error"] = e.message;
  }
  return out;
}

}  // namespace

nlohmann::json published_json(const Site& site, Id round_id) {
  auto p = service::publication(site.store, round_id);
  if (!p) return nullptr;
  return {{"with_comments", p->with_comments}, {"at", swedish_time(p->published_at)},
          {"href", "/publicerat/" + std::to_string(round_id)}};
}

http::Response report_page(const Site& site, const Visit& visit, const http::Request& request, Id round_id,
                           const std::vector<service::FieldError>& errors, int status) {
  const auto filter = report_filter(request);
  auto report = service::compiled_report(site.store, visit.viewer(), round_id, filter);
  if (!report) return error_page(site, visit, 404);

  const std::string round_href = "/omgangar/" + std::to_string(round_id);
  const std::string base = round_href + "/rapport";
  Page page{.title = "Sammanställning – " + report->round_name, .template_name = "report_show", .nav = "start",
            .notice = notice_of(request)};
  page.crumbs = {{"Uppföljningar", "/"}, {report->round_name, round_href}, {"Sammanställning", ""}};
  page.data = {{"action", base},
               {"filter", filter_form(service::report_choices(site.store, visit.viewer(), round_id), filter)},
               {"downloads", download_links(base, report_query(request))},
               {"publish", publish_section(site, visit, round_id, errors)},
               {"assessment_href", service::may_publish(site.store, visit.viewer(), round_id) ? base + "/bedomning" : ""},
               {"assessment_heading", report->assessment_heading},
               {"report", report::render_html(*report, 2)}};
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

}  // namespace uppsikt::web
