#include "http/form.h"

namespace uppsikt::http {

Form parse_form(const Request& request) {
  auto type = request.header("content-type");
  if (!type || !type->starts_with("application/x-www-form-urlencoded")) return {};
  return parse_query(request.body);
}

std::string form_value(const Form& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? std::string{} : it->second;
}

}  // namespace uppsikt::http
