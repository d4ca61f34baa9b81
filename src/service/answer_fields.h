#pragma once
// The answering form's field names for one question, in one place: the page writes them
// (answering_questions.cpp, the conflict view), the save handler reads them (answer_save.cpp)
// and the autosave script takes them from the page's inputs, never spelling them itself.
#include <string>
#include <string_view>

#include "core/id.h"

namespace uppsikt::web::answer_fields {

inline std::string named(std::string_view base, Id question_id) {
  return std::string{base} + "-" + std::to_string(question_id);
}

inline constexpr std::string_view kChoice = "svar";              // the chosen option
inline constexpr std::string_view kComment = "kommentar";
inline constexpr std::string_view kVersion = "version";          // the version the page showed
inline constexpr std::string_view kCheck = "kontroll";           // service::answer_check of what it showed
inline constexpr std::string_view kPreviousChoice = "forra-svar";  // last round's, for "Använd förra svaret"
inline constexpr std::string_view kPreviousComment = "forra-kommentar";

inline std::string choice(Id q) { return named(kChoice, q); }
inline std::string comment(Id q) { return named(kComment, q); }
inline std::string version(Id q) { return named(kVersion, q); }
inline std::string check(Id q) { return named(kCheck, q); }
inline std::string previous_choice(Id q) { return named(kPreviousChoice, q); }
inline std::string previous_comment(Id q) { return named(kPreviousComment, q); }

}  // namespace uppsikt::web::answer_fields
