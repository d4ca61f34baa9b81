#include "web/infra/visit.h"

#include "http/cookies.h"
#include "service/tokens.h"

namespace uppsikt::web {
namespace {

std::string cookie_name(const Site& site, const char* base) {
  return (site.secure_cookies ? "__Host-" : "") + std::string{base};
}

http::CookieOptions cookie_options(const Site& site) {
  return http::CookieOptions{.secure = site.secure_cookies};
}

}  // namespace

std::string session_cookie_name(const Site& site) { return cookie_name(site, "uppsikt_session"); }
std::string form_cookie_name(const Site& site) { return cookie_name(site, "uppsikt_form"); }

std::string session_cookie(const Site& site, const std::string& token) {
  return http::set_cookie(session_cookie_name(site), token, cookie_options(site));
}

std::string expired_session_cookie(const Site& site) {
  auto options = cookie_options(site);
  options.max_age = 0;
  return http::set_cookie(session_cookie_name(site), "", options);
}

std::string form_cookie(const Site& site, const std::string& token) {
  return http::set_cookie(form_cookie_name(site), token, cookie_options(site));
}

Visit visit_of(const Site& site, const http::Request& request) {
  Visit visit;
  visit.session_token = http::cookie(request, session_cookie_name(site)).value_or("");
  if (!visit.session_token.empty())
    visit.signed_in = service::resume_session(site.store, visit.session_token, site.sessions);
  if (visit.signed_in) {
    visit.signed_in->viewer.remote_address = request.remote_address;
    visit.csrf_token = visit.signed_in->csrf_token;
    return visit;
  }
  visit.csrf_token = http::cookie(request, form_cookie_name(site)).value_or("");
  if (!service::looks_like_token(visit.csrf_token)) {
    visit.csrf_token = service::random_token();
    visit.new_form_token = true;
  }
  return visit;
}

}  // namespace uppsikt::web
