// POST /omgangar/{id}/paminnelser — the round's reminder schedule: on or off, the days before
// the deadline and weekly after it.
#include "service/reminders.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/remind_page.h"
#include "web/round_forms.h"

namespace uppsikt::web {

http::Response round_reminders_update(const Site& site, const Visit& visit, const http::Request& request) {
  auto id = parse_id(request.param("id"));
  if (!id) return error_page(site, visit, 404);
  const auto form = http::parse_form(request);
  const service::ReminderInput input{.on = http::form_value(form, "schema") == "pa",
                                     .days = http::form_value(form, "dagar"),
                                     .weekly_after = http::form_value(form, "varje-vecka") == "ja"};
  auto outcome = service::set_reminder_schedule(site.store, visit.viewer(), *id, input);
  const std::string href = "/omgangar/" + std::to_string(*id) + "/paminn";
  return after_change(site, visit, outcome, href + "#schema", [&](const std::vector<service::FieldError>& errors) {
    return remind_page(site, visit, *id, RemindErrors{.schedule = errors.front().message}, 422);
  });
}

}  // namespace uppsikt::web
