#pragma once
// Log lines on stderr, where systemd's journal takes them: one per request (the access log)
// and spdlog's lines for notable events, as plain text or one JSON object per line.
// An access line names the route pattern, never the raw path or query (they hold ids and
// one-time tokens), and no header, cookie or body at all.
#include <string>

namespace uppsikt::http {

enum class LogFormat { plain, json };

// Sends every spdlog line (the default logger) to stderr in `format`. Call once at start-up,
// before threads log.
void use_log_format(LogFormat format);

struct AccessRecord {
  std::string method;
  std::string route;       // the pattern ("/omgangar/{id}"), "-" when none matched
  int status = 0;
  double duration_ms = 0;  // from the request's first byte to the response written
  std::size_t bytes = 0;   // the response body
  std::string request_id;
  std::string user;        // a user id, empty when nobody is signed in
  std::string remote;      // the peer's address
};

// The access line for `record`, without the time and level that the logger adds.
std::string access_line(const AccessRecord& record, LogFormat format);
// Logs `record` in the format chosen by use_log_format().
void log_access(const AccessRecord& record);

}  // namespace uppsikt::http
