#pragma once
// What a coordinator's change returns: done (with the id it made or changed), not found
// (also a foreign or forbidden record, so that its existence is not given away), or refused
// with Swedish messages, each naming the form field it is about.
#include <string>
#include <vector>

#include "core/id.h"

namespace uppsikt::service {

struct FieldError {
  std::string field;    // the form field's id, for the error summary's link
  std::string message;  // Swedish, for people
};

struct Outcome {
  enum class Kind { done, not_found, invalid };
  Kind kind = Kind::done;
  Id id = 0;
  std::vector<FieldError> errors;

  bool ok() const { return kind == Kind::done; }
  static Outcome done(Id id) { return Outcome{Kind::done, id, {}}; }
  static Outcome not_found() { return Outcome{Kind::not_found, 0, {}}; }
  static Outcome invalid(std::vector<FieldError> errors) { return Outcome{Kind::invalid, 0, std::move(errors)}; }
};

// A step in a list's order: before the previous entry or after the next.
enum class Move { up, down };

}  // namespace uppsikt::service
