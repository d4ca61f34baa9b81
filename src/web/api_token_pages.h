#pragma once
// "Mina API-nycklar": a person's own API tokens, the form for a new one, and the new token
// shown once.
#include <string>

#include "core/api_token.h"
#include "http/message.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct TokenForm {
  std::string name;
  bool write = false;
  std::string days = "90";
  std::vector<service::FieldError> errors;
  std::string new_token;  // just made: shown this once
};

// "Återkallad 2026-… ", "Har gått ut", or empty while the token works at `now` (ISO, UTC):
// the status column of personal and service tokens alike.
std::string token_state(const ApiToken& token, const std::string& now);

http::Response api_tokens_page(const Site& site, const Visit& visit, const TokenForm& form = {}, int status = 200);

}  // namespace uppsikt::web
