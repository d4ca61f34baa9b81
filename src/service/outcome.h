#pragma once
// What a change returns: done (with the id it made or changed), or a refusal of one of a few
// kinds, each a Swedish message for people:
// - not found: also a foreign or forbidden record, so that its existence is not given away;
// - not allowed: the person sees the record but may not do this to it;
// - conflict: the record's state does not allow it now (already closed, changed meanwhile);
// - invalid: the input breaks a rule, each error naming the form field it is about;
// - unconfirmed: it would go through, but the person has not confirmed it yet.
// The pages turn an outcome into a response in one place (web/infra/outcome_response.h), the API
// in one other (api/refusal.h); each switches over every kind, so a kind added here is
// a compile error until both handle it.
#include <string>
#include <vector>

#include "core/id.h"

namespace uppsikt::service {

struct FieldError {
  std::string field;    // the form field's id, for the error summary's link
  std::string message;  // Swedish, for people
};

// Whether the person confirmed a step that cannot be undone: opening or closing a round,
// approving or returning a response. Unconfirmed, the step is checked as if it were taken
// and, when it would go through, changes nothing and says what it would do, so that the
// page can ask (the pages ask; an API call is itself the confirmation).
enum class Confirmed { no, yes };

struct Outcome {
  enum class Kind { done, not_found, not_allowed, conflict, invalid, unconfirmed };
  Kind kind = Kind::done;
  Id id = 0;
  // invalid: one per field; not allowed and conflict: one, about the whole form (field "").
  std::vector<FieldError> errors;
  std::vector<std::string> consequences;  // unconfirmed: what the step will do, in Swedish

  bool ok() const { return kind == Kind::done; }
  // The first error's message: what to say when there is room for one line.
  std::string message() const { return errors.empty() ? std::string() : errors.front().message; }

  static Outcome done(Id id) { return Outcome{Kind::done, id, {}, {}}; }
  // The pages show their 404 page; a message is for an answer that has room for one line.
  static Outcome not_found(std::string message = {}) {
    return Outcome{Kind::not_found, 0, message.empty() ? std::vector<FieldError>{} : std::vector<FieldError>{{"", std::move(message)}}, {}};
  }
  static Outcome not_allowed(std::string message) { return Outcome{Kind::not_allowed, 0, {{"", std::move(message)}}, {}}; }
  static Outcome conflict(std::string message) { return Outcome{Kind::conflict, 0, {{"", std::move(message)}}, {}}; }
  static Outcome invalid(std::vector<FieldError> errors) { return Outcome{Kind::invalid, 0, std::move(errors), {}}; }
  static Outcome invalid(std::string field, std::string message) {
    return invalid({{std::move(field), std::move(message)}});
  }
  static Outcome unconfirmed(std::vector<std::string> consequences) {
    return Outcome{Kind::unconfirmed, 0, {}, std::move(consequences)};
  }
};

// A step in a list's order: before the previous entry or after the next.
enum class Move { up, down };

}  // namespace uppsikt::service
