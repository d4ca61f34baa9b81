#pragma once
// "API-nycklar för system" for admins: the service tokens on units they administer, the form
// for a new one (a role on a unit), and a new token shown once.
#include <string>
#include <vector>

#include "http/message.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct ServiceTokenForm {
  std::string name;
  std::string role = "reader";
  std::string unit;
  bool write = false;
  std::string days = "90";
  std::vector<service::FieldError> errors;
  std::string new_token;  // just made: shown this once
};

http::Response service_tokens_page(const Site& site, const Visit& visit, const ServiceTokenForm& form = {},
                                   int status = 200);

}  // namespace uppsikt::web
