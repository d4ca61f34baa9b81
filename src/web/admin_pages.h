#pragma once
// The admin pages, shared by their handlers: the unit list with the form for a new unit, one
// unit with its rename, move and close forms, the people list with the invitation form, one
// person with their roles, and the page that shows a one-time link once.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/message.h"
#include "service/outcome.h"
#include "service/person_admin.h"
#include "service/unit_admin.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// What was typed and what was wrong, to show the form again.
struct AdminForm {
  nlohmann::json values = nlohmann::json::object();  // field → typed value
  std::vector<service::FieldError> errors;
};

http::Response unit_list_page(const Site& site, const Visit& visit, const AdminForm& form = {}, int status = 200);
// nothing: the unit is not one the viewer administers (404).
http::Response unit_page(const Site& site, const Visit& visit, Id unit_id, const AdminForm& form = {},
                         int status = 200);
http::Response person_list_page(const Site& site, const Visit& visit, const AdminForm& form = {}, int status = 200);
http::Response person_page(const Site& site, const Visit& visit, Id user_id, const AdminForm& form = {},
                           int status = 200);
// The one-time link for `email`, shown once with the full address the person opens, or, when
// it was mailed, where it went.
http::Response link_created_page(const Site& site, const Visit& visit, const http::Request& request,
                                 const std::string& email, const service::MadeLink& link, bool invitation);

// After a change of a unit or a person (web/infra/outcome_response.h): to its page when done, else
// that page again with what was typed and what was wrong.
http::Response after_unit_change(const Site& site, const Visit& visit, const service::Outcome& outcome,
                                 Id unit_id, const AdminForm& typed);
http::Response after_person_change(const Site& site, const Visit& visit, const service::Outcome& outcome,
                                   Id user_id, const AdminForm& typed);

}  // namespace uppsikt::web
