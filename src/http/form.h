#pragma once
// Form bodies: the fields of an url-encoded form a page posts (multipart forms with files
// are http/multipart.h's).
#include <map>
#include <string>

#include "http/message.h"

namespace uppsikt::http {

using Form = std::multimap<std::string, std::string>;

// The fields of an application/x-www-form-urlencoded body; empty for any other body.
Form parse_form(const Request& request);

// The first field named `name`, or "".
std::string form_value(const Form& form, const std::string& name);

}  // namespace uppsikt::http
