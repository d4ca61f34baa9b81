#pragma once
// What a coordinator's change returns: done (with the id it made or changed), not found
// (also a foreign or forbidden record, so that its existence is not given away), refused
// with Swedish messages, each naming the form field it is about, or not confirmed yet.
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
  enum class Kind { done, not_found, invalid, unconfirmed };
  Kind kind = Kind::done;
  Id id = 0;
  std::vector<FieldError> errors;
  std::vector<std::string> consequences;  // unconfirmed: what the step will do, in Swedish

  bool ok() const { return kind == Kind::done; }
  static Outcome done(Id id) { return Outcome{Kind::done, id, {}, {}}; }
  static Outcome not_found() { return Outcome{Kind::not_found, 0, {}, {}}; }
  static Outcome invalid(std::vector<FieldError> errors) { return Outcome{Kind::invalid, 0, std::move(errors), {}}; }
  static Outcome unconfirmed(std::vector<std::string> consequences) {
    return Outcome{Kind::unconfirmed, 0, {}, std::move(consequences)};
  }
};

// A step in a list's order: before the previous entry or after the next.
enum class Move { up, down };

}  // namespace uppsikt::service
