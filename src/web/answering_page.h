#pragma once
// The response page as its handlers render it: the unit's answers (a form for those who may
// answer, the read view for others), the approval and return forms, and the history; and
// the conflict view, where an answer saved meanwhile and the person's own stand side by side.
#include <map>
#include <string>
#include <vector>

#include "http/message.h"
#include "service/answering_view.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// What a POST leaves for the page it renders or redirects to.
struct AnsweringState {
  std::map<Id, service::AnswerInput> posted;  // shown instead of the stored answers
  std::vector<service::FieldError> errors;    // on a question (service/answer_fields.h), else on form_field
  std::string form_field;                     // id of the field a form-level error links to
  std::string message;                        // a posted approval or return message, shown again
  std::string notice;                         // success message
  std::string notice_anchor;                  // the section it shows in; empty for the top
};

http::Response answering_page(const Site& site, const Visit& visit, const service::AnsweringView& view,
                              const AnsweringState& state = {}, int status = 200);

// One answer that could not be saved because another was saved meanwhile.
struct Conflict {
  service::AnswerInput mine;
  Answer theirs;
};

http::Response conflict_page(const Site& site, const Visit& visit, const service::AnsweringView& view,
                             const std::vector<Conflict>& conflicts);

// The path of the response page, "/omgangar/3/svar/7".
std::string response_path(Id round_id, Id unit_id);

}  // namespace uppsikt::web
