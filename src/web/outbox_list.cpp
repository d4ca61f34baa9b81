// GET /admin/utskick — the outbox for admins of the whole organisation: how many messages are
// queued, sent and failed, and the latest ones with the receiving server's answer, a failed
// one with "Försök igen". ?status=queued|sent|failed shows only those.
#include "core/outbox.h"
#include "service/outbox.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

constexpr OutboxStatus kStatuses[] = {OutboxStatus::queued, OutboxStatus::sent, OutboxStatus::failed};

std::string_view badge(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::sent: return "badge--success";
    case OutboxStatus::failed: return "badge--error";
    case OutboxStatus::queued: break;
  }
  return "badge--default";
}

}  // namespace

http::Response outbox_list(const Site& site, const Visit& visit, const http::Request& request) {
  const auto status = outbox_status_from_code(request.query_param("status").value_or(""));
  auto view = service::outbox_view(site.store, visit.viewer(), status);
  if (!view) return error_page(site, visit, 404);
  nlohmann::json filters = nlohmann::json::array();
  filters.push_back({{"label", "Alla"}, {"href", "/admin/utskick"}, {"current", !status}, {"count", ""}});
  for (OutboxStatus s : kStatuses)
    filters.push_back({{"label", std::string{label(s)}}, {"href", "/admin/utskick?status=" + std::string{to_code(s)}},
                       {"current", status == s}, {"count", std::to_string(view->counts[s])}});
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& m : view->messages)
    rows.push_back({{"id", std::to_string(m.id)}, {"created_at", m.created_at}, {"recipient", m.recipient},
                    {"subject", m.subject}, {"status", std::string{label(m.status)}},
                    {"badge", std::string{badge(m.status)}}, {"attempts", std::to_string(m.attempts)},
                    {"sent_at", m.sent_at}, {"next_attempt_at", m.status == OutboxStatus::queued ? m.next_attempt_at : ""},
                    {"answer", m.last_error}, {"failed", m.status == OutboxStatus::failed},
                    {"retry_href", "/admin/utskick/" + std::to_string(m.id) + "/forsok-igen"}});
  Page page{.title = "Utskick", .template_name = "outbox_list",
            .crumbs = {{"Administration", "/admin/enheter"}, {"Utskick", ""}}, .nav = "admin"};
  page.data = {{"csrf", visit.csrf_token}, {"filters", filters}, {"messages", rows}, {"empty", rows.empty()}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
