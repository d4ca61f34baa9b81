// GET /omgangar/{id} — one round: every responding unit with status, answer counts and last
// activity, sortable by column and filtered by status, unit kind and name; for those who run
// the round also the buttons to build, open, remind and close it and the units not handed in
// with their respondents' addresses.
#include <algorithm>

#include "core/swedish_time.h"
#include "service/overview.h"
#include "service/status_board.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/notice.h"
#include "web/report_page.h"
#include "web/report_params.h"
#include "web/infra/view.h"

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
    {service::UnitSort::activity, "Senast ändrad", false},
};

constexpr ResponseStatus kStatuses[] = {ResponseStatus::not_started, ResponseStatus::draft, ResponseStatus::submitted,
                                        ResponseStatus::returned, ResponseStatus::approved};
constexpr UnitKind kKinds[] = {UnitKind::namnd, UnitKind::styrelse, UnitKind::forvaltning, UnitKind::bolag,
                               UnitKind::forbund};

service::UnitFilter filter_of(const http::Request& request) {
  return {.status = response_status_from_code(request.query_param("status").value_or("")),
          .kind = unit_kind_from_code(request.query_param("slag").value_or("")),
          .search = std::string(request.query_param("sok").value_or(""))};
}

// The filter form's choices with the current one selected, and the filter as a query string
// that sorting links keep.
nlohmann::json filter_json(const service::UnitFilter& f) {
  nlohmann::json statuses = nlohmann::json::array();
  for (auto s : kStatuses) statuses.push_back({{"code", to_code(s)}, {"label", label(s)}, {"selected", f.status == s}});
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : kKinds) kinds.push_back({{"code", to_code(k)}, {"label", label(k)}, {"selected", f.kind == k}});
  return {{"statuses", statuses}, {"kinds", kinds}, {"search", f.search}};
}

std::string filter_query(const http::Request& request) {
  std::string query;
  for (const char* name : {"status", "slag", "sok"})
    if (auto value = request.query_param(name); value && !value->empty())
      query += "&" + std::string(name) + "=" + query_escape(*value);
  return query;
}

// A reminder ready in the person's own e-mail program: every address as a blind copy, so that
// units do not see each other's addresses.
std::string reminder_mailto(const service::PendingList& list, const Round& round) {
  std::string bcc;
  for (const auto& e : list.emails) bcc += (bcc.empty() ? "" : ",") + e;
  const std::string deadline = round.deadline.empty() ? "" : " senast " + round.deadline;
  const std::string subject = "Påminnelse: " + round.name;
  const std::string body = "Hej!\n\nEr enhet har ännu inte lämnat in sitt svar i " + round.name +
                           ". Logga in i Uppsikt, välj Mina uppföljningar och lämna in svaret" + deadline +
                           ".\n\nTack!";
  return "mailto:?bcc=" + query_escape(bcc) + "&subject=" + query_escape(subject) + "&body=" + query_escape(body);
}

// The board and the list of units not handed in show this many units at a time: a national
// round has some 12,000.
constexpr std::size_t kUnitsPerPage = 200;

// Every address for the reminder, but the table of units only up to kUnitsPerPage (the board's
// status filter shows the rest).
nlohmann::json pending_json(const service::PendingList& list, const Round& round) {
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : list.units) {
    if (units.size() == kUnitsPerPage) break;
    std::string emails;
    for (const auto& e : u.emails) emails += (emails.empty() ? "" : ", ") + e;
    units.push_back({{"name", u.unit.name}, {"status", status_json(u.status)}, {"emails", emails}});
  }
  std::string all;
  for (const auto& e : list.emails) all += (all.empty() ? "" : "; ") + e;
  const std::string more = list.units.size() > kUnitsPerPage
                               ? "Tabellen visar de första " + std::to_string(kUnitsPerPage) + " av " +
                                     grouped_number(static_cast<long long>(list.units.size())) +
                                     ". Filtrera enheterna ovan på status för att se fler."
                               : "";
  return {{"units", units}, {"more", more}, {"emails", all}, {"count", list.units.size()}, {"none", list.units.empty()},
          {"mailto", list.emails.empty() ? "" : reminder_mailto(list, round)}};
}

// Column headers as links that sort by the column, the current one marked with aria-sort
// and linking to the opposite order.
nlohmann::json columns(const std::string& base, service::UnitSort current, bool descending) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : kColumns) {
    bool active = c.sort == current;
    bool next_descending = active ? !descending : c.numeric;
    std::string href = base + "?sortera=" + std::string(service::to_param(c.sort)) +
                       (next_descending ? "&ordning=fallande" : "");
    out.push_back({{"label", c.label}, {"href", href}, {"numeric", c.numeric}, {"active", active},
                   {"aria_sort", active ? (descending ? "descending" : "ascending") : "none"}});
  }
  return out;
}

// Which slice of `total` rows page `param` (1-based, "sida") shows, clamped to the pages there are.
struct PageSlice {
  std::size_t number = 1;
  std::size_t first = 0;  // index of the first row shown
  std::size_t end = 0;    // one past the last
  std::size_t pages = 1;
};

PageSlice page_slice(std::optional<std::string_view> param, std::size_t total) {
  PageSlice p;
  p.pages = std::max<std::size_t>(1, (total + kUnitsPerPage - 1) / kUnitsPerPage);
  if (auto n = parse_id(param.value_or(""))) p.number = std::clamp<std::size_t>(static_cast<std::size_t>(*n), 1, p.pages);
  p.first = (p.number - 1) * kUnitsPerPage;
  p.end = std::min(total, p.first + kUnitsPerPage);
  return p;
}

// "Enheter 201–400 av 12 000" with links to the pages before and after, keeping sort and
// filter; nothing when every unit fits on one page.
nlohmann::json paging_json(const PageSlice& p, std::size_t total, const std::string& here) {
  if (p.pages == 1) return nullptr;
  auto href = [&](std::size_t n) { return here + "&sida=" + std::to_string(n); };
  return {{"shown", "Enheter " + std::to_string(p.first + 1) + "–" + std::to_string(p.end) + " av " +
                        grouped_number(static_cast<long long>(total))},
          {"previous_href", p.number > 1 ? href(p.number - 1) : ""},
          {"next_href", p.number < p.pages ? href(p.number + 1) : ""}};
}

}  // namespace

http::Response round_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  auto sort = service::unit_sort_from_param(request.query_param("sortera").value_or("namn"));
  bool descending = request.query_param("ordning").value_or("") == "fallande";
  const auto filter = filter_of(request);
  auto view = id ? service::round_view(site.store, visit.viewer(), *id, sort, descending, filter) : std::nullopt;
  if (!view) return error_page(site, visit, 404);

  std::string base = "/omgangar/" + std::to_string(view->round.id);
  const auto slice = page_slice(request.query_param("sida"), view->units.size());
  nlohmann::json units = nlohmann::json::array();
  for (std::size_t i = slice.first; i < slice.end; ++i) {
    const auto& row = view->units[i];
    units.push_back({{"name", row.unit.name},
                     {"parent", row.parent ? row.parent->name : ""},
                     {"href", base + "/svar/" + std::to_string(row.unit.id)},
                     {"status", status_json(row.status)},
                     {"yes", row.yes}, {"no", row.no}, {"partly", row.partly},
                     {"not_applicable", row.not_applicable}, {"answered", row.answered},
                     {"required", row.required}, {"changed_at", swedish_time(row.last_changed_at)},
                     {"changed_by", row.last_changed_by}, {"deadline", row.deadline}});
  }
  const auto& p = view->progress;
  Page page{.title = view->round.name, .template_name = "round_show", .nav = "start", .notice = notice_of(request)};
  page.crumbs = {{"Uppföljningar", "/"}, {view->round.name, ""}};
  auto column_list = columns(base, sort, descending);
  for (auto& c : column_list) c["href"] = c["href"].get<std::string>() + filter_query(request);
  const std::string here = base + "?sortera=" + std::string(service::to_param(sort)) +
                           (descending ? "&ordning=fallande" : "") + filter_query(request);
  page.data = {{"round", round_json(view->round)},
               {"columns", column_list},
               {"filter", filter_json(filter)},
               {"base", base},
               {"csrf", visit.csrf_token},
               {"manageable", view->manageable},
               {"draft", view->round.status == RoundStatus::draft},
               {"open", view->round.status == RoundStatus::open},
               {"reminded", request.query_param("paminnelse").value_or("")},
               {"units", units},
               {"paging", paging_json(slice, view->units.size(), here)},
               {"progress", {{"total", p.total}, {"not_started", p.not_started}, {"draft", p.draft},
                             {"submitted", p.submitted}, {"returned", p.returned},
                             {"approved", p.approved}, {"percent", p.percent_in()}}}};
  if (view->manageable)
    if (auto pending = service::pending_units(site.store, visit.viewer(), view->round.id))
      page.data["pending"] = pending_json(*pending, view->round);
  if (view->compiled_visible)
    page.data["report"] = {{"href", base + "/rapport"}, {"downloads", download_links(base + "/rapport", "")}};
  page.data["published"] = published_json(site, view->round.id);
  if (view->manageable && page.data["published"].is_null() && view->compiled_visible)
    page.data["unpublished_href"] = base + "/rapport#publicering";
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
