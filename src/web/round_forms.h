#pragma once
// The coordinator's round pages, shared by their handlers: reading the settings and question
// forms, and rendering the new-round form, the round builder, the question form and the copy
// form, each with its error summary (linking to the fields) and the values as posted.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "http/form.h"
#include "http/message.h"
#include "service/outcome.h"
#include "service/round_admin.h"
#include "web/infra/outcome_response.h"  // after_change, used by every round page
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

using Form = http::Form;

service::RoundSettings settings_from(const Form& form);
service::QuestionDraft question_from(const Form& form);
// Every value of a repeated field (checkboxes) that is an id.
std::vector<Id> ids_from(const Form& form, const std::string& name);

// A copy's settings: the source's, a year on ("Uppföljning 2024" → "Uppföljning 2025"), no dates.
service::RoundSettings next_year_settings(const Round& source);

// "/omgangar/7/bygg"
std::string builder_href(Id round_id);

// What was posted, shown again beside the errors so that nothing typed is lost.
struct Posted {
  std::optional<service::RoundSettings> settings;
  std::optional<service::QuestionDraft> question;
};

// A success notice on the builder (web/infra/notice.h): under the title, or for a question above
// the questions, where the redirect's #fragor lands.
struct BuilderNotice {
  std::string text;
  bool at_questions = false;
};

http::Response round_new_page(const Site& site, const Visit& visit, const service::RoundSettings& settings,
                              const std::vector<service::FieldError>& errors = {}, int status = 200);
// The builder of a round the viewer manages; 404 when they do not. `errors` go in the summary.
http::Response round_builder_page(const Site& site, const Visit& visit, Id round_id,
                                  const std::vector<service::FieldError>& errors = {}, int status = 200,
                                  const Posted& posted = {}, const BuilderNotice& notice = {});
http::Response question_edit_page(const Site& site, const Visit& visit, Id round_id, Id question_id,
                                  const std::vector<service::FieldError>& errors = {}, int status = 200,
                                  const std::optional<service::QuestionDraft>& posted = std::nullopt);
http::Response round_copy_page(const Site& site, const Visit& visit, Id round_id, const service::RoundSettings& settings,
                               const std::vector<service::FieldError>& errors = {}, int status = 200);

}  // namespace uppsikt::web
