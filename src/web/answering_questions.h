#pragma once
// The questions of the answering page, written straight into the page: with their answer
// fields they are most of its bytes, and as template data they were most of its time.
#include <map>
#include <string>

#include "service/answering_view.h"
#include "web/answering_page.h"

namespace uppsikt::web {

struct QuestionContext {
  const service::AnsweringView& view;
  const AnsweringState& state;
  const std::map<Id, service::FieldError>& errors;  // question → its error (on the options or the comment)
  bool editable;                            // the answer form, else the read view
};

// Appends one question's <article>, its heading at level `heading`.
void write_question(std::string& out, const service::AnsweredQuestion& aq, int heading, const QuestionContext& c);

}  // namespace uppsikt::web
