#pragma once
// "Webhooks" for admins: the webhooks on units they administer, the form for a new one, and a
// new one's signing key shown once.
#include <string>
#include <vector>

#include "http/message.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct WebhookForm {
  std::string url;
  std::vector<std::string> events;
  std::string unit;
  std::vector<service::FieldError> errors;
  std::string new_secret;  // just made: shown this once
};

http::Response webhooks_page(const Site& site, const Visit& visit, const WebhookForm& form = {}, int status = 200);

}  // namespace uppsikt::web
