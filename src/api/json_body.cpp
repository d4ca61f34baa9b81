#include "api/answer_outcome.h"

#include "api/reply.h"

namespace uppsikt::api {
namespace {

std::string_view field_code(service::AnswerError::Field field) {
  switch (field) {
    case service::AnswerError::Field::choice: return "choice";
    case service::AnswerError::Field::comment: return "comment";
    default: return "message";
  }
}

}  // namespace

http::Response refused(const service::AnswerOutcome& outcome, const http::Request& request) {
  using service::Refusal;
  switch (outcome.refusal) {
    case Refusal::not_found: return problem(problems::not_found, "Svaret finns inte, eller så ser du det inte.", request);
    case Refusal::forbidden: return problem(problems::forbidden, outcome.message, request);
    case Refusal::invalid: {
      nlohmann::json errors = nlohmann::json::array();
      for (const auto& e : outcome.errors)
        errors.push_back({{"question_id", e.question_id}, {"field", field_code(e.field)}, {"message", e.message}});
      const std::string detail = outcome.message.empty() && !outcome.errors.empty() ? outcome.errors.front().message
                                                                                     : outcome.message;
      return problem(problems::invalid, detail, request, {{"errors", errors}});
    }
    default: return problem(problems::not_now, outcome.message, request);
  }
}

std::optional<nlohmann::json> json_body(const http::Request& request) {
  if (request.body.empty()) return nlohmann::json::object();
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return std::nullopt;
  return body;
}

}  // namespace uppsikt::api
