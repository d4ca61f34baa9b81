// GET /omgangar/{id}/paminn — "Påminn nu": the units not handed in to choose from (all
// checked), the reminder as they would get it, and the round's reminder schedule with its next
// planned send.
#include "service/mail_settings.h"
#include "service/status_board.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/remind_page.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

constexpr std::size_t kListedUnits = 500;

std::string days_text(const ReminderSchedule& schedule) {
  std::string out;
  for (int d : schedule.days_before) out += (out.empty() ? "" : ", ") + std::to_string(d);
  return out;
}

}  // namespace

http::Response remind_page(const Site& site, const Visit& visit, Id round_id, const RemindErrors& errors, int status) {
  auto preview = service::reminder_preview(site.store, visit.viewer(), round_id);
  if (!preview) return error_page(site, visit, 404);
  const auto& round = preview->pending.round;
  const std::string base = "/omgangar/" + std::to_string(round.id);
  nlohmann::json units = nlohmann::json::array();
  for (const auto& u : preview->pending.units) {
    if (units.size() == kListedUnits) break;
    units.push_back({{"id", std::to_string(u.unit.id)}, {"name", u.unit.name}, {"status", status_json(u.status)},
                     {"people", std::to_string(u.emails.size())}});
  }
  const auto& plan = preview->plan;
  Page page{.title = "Påminn – " + round.name, .template_name = "round_remind", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {round.name, base}, {"Påminn", ""}};
  page.data = {{"base", base}, {"csrf", visit.csrf_token}, {"open", round.status == RoundStatus::open},
               {"mail", service::mail_settings().has_value()}, {"units", units},
               {"count", std::to_string(preview->pending.units.size())},
               {"more", preview->pending.units.size() > kListedUnits}, {"none", preview->pending.units.empty()},
               {"unit_error", errors.units},
               {"schedule", {{"on", plan.schedule.on}, {"days", days_text(plan.schedule)},
                             {"weekly", plan.schedule.weekly_after}, {"description", plan.description},
                             {"next", plan.next}, {"deadline", round.deadline}, {"error", errors.schedule}}}};
  if (preview->mail)
    page.data["preview"] = {{"unit", preview->pending.units.front().unit.name}, {"subject", preview->mail->subject},
                            {"text", preview->mail->text}};
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

http::Response round_remind_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  return remind_page(site, visit, *id);
}

}  // namespace uppsikt::web
