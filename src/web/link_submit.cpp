// POST /lank/{token} — sets the password through a one-time link and shows that it is done;
// a password the policy refuses shows the form again with the reason.
#include "http/form.h"
#include "web/handlers.h"
#include "web/link_pages.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response link_submit(const Site& site, const Visit& visit, const http::Request& request) {
  const std::string token{request.param("token")};
  auto holder = service::open_link(site.store, token, site.sessions.clock);
  if (!holder) return dead_link_page(site, visit);
  const auto fields = http::parse_form(request);
  const std::string password = http::form_value(fields, "losenord");
  LinkForm form;
  if (password.empty()) form.password_error = "Ange ett lösenord.";
  else if (http::form_value(fields, "upprepat") != password) form.repeat_error = "Lösenorden är inte lika. Skriv samma lösenord två gånger.";
  if (!form.password_error.empty() || !form.repeat_error.empty())
    return link_password_page(site, visit, request, *holder, form, 400);

  service::Actor actor{std::nullopt, request.remote_address};
  if (visit.signed_in) actor.user_id = visit.viewer().user_id;
  auto result = service::use_link(site.store, token, password, actor, site.sessions.clock);
  if (!result.ok()) {
    if (!service::open_link(site.store, token, site.sessions.clock)) return dead_link_page(site, visit);
    form.password_error = result.message();
    return link_password_page(site, visit, request, *holder, form, 400);
  }
  return render_page(site, visit, Page{.title = "Lösenordet är sparat", .template_name = "link_done"});
}

}  // namespace uppsikt::web
