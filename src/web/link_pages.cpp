#include "web/link_pages.h"

#include "web/infra/view.h"

namespace uppsikt::web {

http::Response link_password_page(const Site& site, const Visit& visit, const http::Request& request,
                                  const service::LinkHolder& holder, const LinkForm& form, int status) {
  nlohmann::json errors = nlohmann::json::array();
  if (!form.password_error.empty()) errors.push_back({{"field", "losenord"}, {"message", form.password_error}});
  if (!form.repeat_error.empty()) errors.push_back({{"field", "upprepat"}, {"message", form.repeat_error}});
  const bool invitation = holder.purpose == LinkPurpose::invitation;
  Page page{.title = invitation ? "Välj ditt lösenord" : "Välj ett nytt lösenord", .template_name = "link_password"};
  page.data = {{"csrf", visit.csrf_token},
               {"action", service::link_path(request.param("token"))},
               {"intro", invitation ? "Du är inbjuden till Uppsikt. Välj ett lösenord för ditt konto."
                                    : "Välj ett nytt lösenord för ditt konto. Det gamla slutar gälla."},
               {"name", holder.name},
               {"email", holder.email},
               {"losenord_error", form.password_error},
               {"upprepat_error", form.repeat_error},
               {"errors", errors},
               {"has_errors", !errors.empty()}};
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

http::Response dead_link_page(const Site& site, const Visit& visit) {
  Page page{.title = "Länken fungerar inte", .template_name = "error"};
  page.data = {{"text", std::string{service::kLinkDead}}};
  auto response = render_page(site, visit, page);
  response.status = 404;
  return response;
}

}  // namespace uppsikt::web
