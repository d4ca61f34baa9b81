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
  // The response's edition: 1 until it is first returned (by the approver or a
  // coordinator), then raised by one on each return. What was handed in under an earlier
  // edition stays readable (Tx::handed_in_answers).
  int edition = 1;
  std::string handed_in_at;       // the latest hand-in, ISO UTC; empty before the first
  std::optional<Id> handed_in_by; // who made it (a user id)
  // A coordinator opened it again after the round closed: its unit may answer and hand in.
  bool reopened = false;
  // A later deadline than the round's for this unit alone (ISO date); empty: the round's.
  std::string deadline;
};

// What happened to a response, for its history: who, when, and a message where one is given.
enum class ResponseEventKind { handed_in, sent_back, approved, returned, reopened };

struct ResponseEvent {
  Id id = 0;
  Id response_id = 0;
  ResponseEventKind kind = ResponseEventKind::handed_in;
  int edition = 1;          // the response's edition when it happened
  std::optional<Id> user_id;
  std::string user_name;    // read from the users table; not written
  std::string at;           // ISO timestamp, UTC
  std::string message;      // the approver's or coordinator's message; may be empty
  bool late = false;        // a hand-in after the round's deadline
};

struct Answer {
  Id id = 0;
  Id response_id = 0;
  Id question_id = 0;
  std::string choice;   // one of the scale's options, empty when unanswered
  std::string comment;  // paragraphs separated by a blank line
  int version = 1;  // the version stored: 1 when first saved, raised by one on every change
  std::string changed_by;
  std::string changed_at;  // ISO timestamp, UTC
};

// The day the unit must answer by: its own when it was given a later one, else the round's.
inline const std::string& deadline_for(const Response& response, const std::string& round_deadline) {
  return response.deadline.empty() ? round_deadline : response.deadline;
}

std::string_view to_code(ResponseStatus status);
std::optional<ResponseStatus> response_status_from_code(std::string_view code);
// "Ej påbörjad", "Utkast", "Inlämnad", "Återsänd", "Godkänd".
std::string_view label(ResponseStatus status);
std::string_view to_code(ResponseEventKind kind);
std::optional<ResponseEventKind> response_event_kind_from_code(std::string_view code);
// "Inlämnad", "Skickad tillbaka av godkännaren", "Godkänd", "Återsänd av samordnare",
// "Öppnad igen efter stängning".
std::string_view label(ResponseEventKind kind);

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
