#pragma once
// The page a one-time link opens (/lank/{token}): the form to set a password, with its
// errors, shared by the GET and POST handlers.
#include <string>

#include "http/message.h"
#include "service/one_time_links.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct LinkForm {
  std::string password_error;
  std::string repeat_error;
};

http::Response link_password_page(const Site& site, const Visit& visit, const http::Request& request,
                                  const service::LinkHolder& holder, const LinkForm& form, int status = 200);

// A dead link: unknown, used, expired. 404, so that guessing tells nothing.
http::Response dead_link_page(const Site& site, const Visit& visit);

}  // namespace uppsikt::web
