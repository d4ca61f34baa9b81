// GET /omgangar/{id} — one round: every responding unit with status and answer counts,
// sortable by column.
#include "service/overview.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/view.h"

namespace uppsikt::web {
namespace {

struct Column {
  service::UnitSort sort;
  std::string_view label;
  bool numeric;
};
constexpr Column kColumns[] = {
    {service::UnitSort::name, "Enhet", false},
    {service::UnitSort::status, "Status", false},
    {service::UnitSort::yes, "Ja", true},
    {service::UnitSort::no, "Nej", true},
    {service::UnitSort::answered, "Besvarade", true},
};

// Column headers as links that sort by the column, the current one marked with aria-sort
// and linking to the opposite order.
nlohmann::json columns(const std::string& base, service::UnitSort current, bool descending) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : kColumns) {
    bool active = c.sort == current;
    bool next_descending = active ? !descending : c.numeric;
    std::string href = base + "?sort=" + std::string(service::to_param(c.sort)) +
                       (next_descending ? "&ordning=fallande" : "");
    out.push_back({{"label", c.label}, {"href", href}, {"numeric", c.numeric}, {"active", active},
                   {"aria_sort", active ? (descending ? "descending" : "ascending") : "none"}});
  }
  return out;
}

}  // namespace

http::Response round_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto sort = service::unit_sort_from_param(request.query_param("sort").value_or("namn"));
  bool descending = request.query_param("ordning").value_or("") == "fallande";
  auto view = id ? service::round_view(site.store, visit.viewer(), *id, sort, descending) : std::nullopt;
  if (!view) return error_page(site, visit, 404);

  std::string base = "/omgangar/" + std::to_string(view->round.id);
  nlohmann::json units = nlohmann::json::array();
  for (const auto& row : view->units) {
    units.push_back({{"name", row.unit.name},
                     {"parent", row.parent ? row.parent->name : ""},
                     {"href", base + "/svar/" + std::to_string(row.unit.id)},
                     {"status", status_json(row.status)},
                     {"yes", row.yes}, {"no", row.no}, {"partly", row.partly},
                     {"not_applicable", row.not_applicable}, {"answered", row.answered},
                     {"questions", view->questions}});
  }
  const auto& p = view->progress;
  Page page{.title = view->round.name, .template_name = "round", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {view->round.name, ""}};
  page.data = {{"round", round_json(view->round)},
               {"columns", columns(base, sort, descending)},
               {"units", units},
               {"progress", {{"total", p.total}, {"not_started", p.not_started}, {"draft", p.draft},
                             {"submitted", p.submitted}, {"returned", p.returned},
                             {"approved", p.approved}, {"percent", p.percent_in()}}}};
  if (service::can_view_compiled(visit.viewer(), view->round))
    page.data["report"] = {{"href", base + "/rapport"}, {"downloads", download_links(base + "/rapport", "")}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
