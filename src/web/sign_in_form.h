#pragma once
// The sign-in page, shared by its GET and POST handlers: the form with what was typed (never
// the password) and the errors, each linked to its field.
#include <string>
#include <vector>

#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct SignInForm {
  std::string email;
  std::string email_error;     // shown at the field
  std::string password_error;
  std::string form_error;      // about both fields, such as a wrong password; linked to e-mail
};

http::Response sign_in_page(const Site& site, const Visit& visit, const SignInForm& form, int status = 200);

}  // namespace uppsikt::web
