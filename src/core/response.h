#pragma once
// A unit's response to a round, and its answers to the round's questions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"

namespace uppsikt {

enum class ResponseStatus { not_started, draft, submitted, returned, approved };

struct Response {
  Id id = 0;
  Id round_id = 0;
  Id unit_id = 0;
  ResponseStatus status = ResponseStatus::not_started;
  int version = 1;          // raised on every change; guards against silent overwrites
  std::string updated_at;   // ISO timestamp, UTC
};

struct Answer {
  Id id = 0;
  Id response_id = 0;
  Id question_id = 0;
  std::string choice;   // one of the scale's options, empty when unanswered
  std::string comment;  // paragraphs separated by a blank line
  int version = 1;
  std::string changed_by;
  std::string changed_at;  // ISO timestamp, UTC
};

std::string_view to_code(ResponseStatus status);
std::optional<ResponseStatus> response_status_from_code(std::string_view code);
// "Ej påbörjad", "Utkast", "Inlämnad", "Återsänd", "Godkänd".
std::string_view label(ResponseStatus status);

// How far a round has come: the number of units' responses in each status.
struct Progress {
  int total = 0;
  int not_started = 0;
  int draft = 0;
  int submitted = 0;
  int returned = 0;
  int approved = 0;
  // Submitted or approved, as a whole percentage of all.
  int percent_in() const;
};

Progress progress_of(const std::vector<ResponseStatus>& statuses);

}  // namespace uppsikt
