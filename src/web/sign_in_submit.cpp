// POST /logga-in — signs in and goes to the start page (those who only answer or approve: to
// Mina uppföljningar) with a new session cookie; a wrong e-mail or password shows the form
// again with one message for both, too many tries 429.
#include "http/form.h"
#include "service/my_followups.h"
#include "web/handlers.h"
#include "web/sign_in_form.h"

namespace uppsikt::web {

http::Response sign_in_submit(const Site& site, const Visit& visit, const http::Request& request) {
  const auto fields = http::parse_form(request);
  SignInForm form{.email = http::form_value(fields, "epost")};
  const std::string password = http::form_value(fields, "losenord");
  if (form.email.empty()) form.email_error = "Ange din e-postadress.";
  if (password.empty()) form.password_error = "Ange ditt lösenord.";
  if (!form.email_error.empty() || !form.password_error.empty()) return sign_in_page(site, visit, form, 400);

  auto result = service::sign_in(site.store, form.email, password, request.remote_address,
                                 visit.session_token, site.sessions);
  if (result.ok()) {
    // Those who only answer or approve land on their own tasks.
    auto signed_in = service::resume_session(site.store, result.token, site.sessions);
    auto response = http::redirect(signed_in ? service::start_page(signed_in->viewer) : "/");
    response.headers.emplace_back("Set-Cookie", session_cookie(site, result.token));
    return response;
  }
  form.form_error = result.outcome.message();
  if (result.retry_minutes == 0) return sign_in_page(site, visit, form, 200);
  auto paused = sign_in_page(site, visit, form, 429);
  paused.set_header("Retry-After", std::to_string(result.retry_minutes * 60));
  return paused;
}

}  // namespace uppsikt::web
