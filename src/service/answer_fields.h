#pragma once
// The answering form's field names for one question, in one place: the service names the
// field of each refusal with them (service/outcome.h's FieldError), the page writes them
// (web/answering_questions.cpp, the conflict view), the save handler reads them
// (web/answer_save.cpp) and the autosave script takes them from the page's inputs, never
// spelling them itself.
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"

namespace uppsikt::service::answer_fields {

inline std::string named(std::string_view base, Id question_id) {
  return std::string{base} + "-" + std::to_string(question_id);
}

inline constexpr std::string_view kChoice = "svar";              // the chosen option
inline constexpr std::string_view kComment = "kommentar";
inline constexpr std::string_view kVersion = "version";          // the version the page showed
inline constexpr std::string_view kCheck = "kontroll";           // service::answer_check of what it showed
inline constexpr std::string_view kPreviousChoice = "forra-svar";  // last round's, for "Använd förra svaret"
inline constexpr std::string_view kPreviousComment = "forra-kommentar";
// A send-back's or return's message to the unit: one per form, not per question.
inline constexpr std::string_view kMessage = "meddelande";

inline std::string choice(Id q) { return named(kChoice, q); }
inline std::string comment(Id q) { return named(kComment, q); }
inline std::string version(Id q) { return named(kVersion, q); }
inline std::string check(Id q) { return named(kCheck, q); }
inline std::string previous_choice(Id q) { return named(kPreviousChoice, q); }
inline std::string previous_comment(Id q) { return named(kPreviousComment, q); }

// The question a refusal's field is on, and whether it is about the comment rather than the
// chosen option; nothing for a field of the whole form (the message, or "").
struct OnQuestion {
  Id question_id = 0;
  bool comment = false;
};
std::optional<OnQuestion> on_question(std::string_view field);

}  // namespace uppsikt::service::answer_fields
