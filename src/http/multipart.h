#pragma once
// multipart/form-data bodies (RFC 7578), as browsers send file uploads: the boundary comes
// from the Content-Type header, each part has a Content-Disposition with its field name and,
// for a file, its file name. Malformed input is an error value, never an exception.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace uppsikt::http {

struct FormPart {
  std::string name;                      // the form field's name
  std::optional<std::string> file_name;  // set for a file field (may be "" when none was chosen)
  std::string content_type;              // the part's Content-Type, "" when absent
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;                      // the bytes as sent
};

struct Multipart {
  std::vector<FormPart> parts;
  std::string error;  // empty when the body was read; else why not (for the log)

  bool ok() const { return error.empty(); }
  // The first non-file field named `name`, or "".
  std::string field(std::string_view name) const;
  // The file parts named `name` that carry a file name (an empty file input sends one with "").
  std::vector<const FormPart*> files(std::string_view name) const;
};

inline constexpr std::size_t kMaxFormParts = 20;

// The boundary of a "multipart/form-data; boundary=…" Content-Type, if there is one.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Parses `body` with `boundary`. At most kMaxFormParts parts.
Multipart parse_multipart(std::string_view body, std::string_view boundary);

// The request's body when its Content-Type is multipart/form-data; an error value otherwise.
Multipart parse_multipart(const Request& request);

}  // namespace uppsikt::http
