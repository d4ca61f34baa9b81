#pragma once
// Whether this process sends mail, and the public address its links start with.
//
// Set once by `uppsikt serve` (from --smtp-url and --public-url) before the server takes
// requests; unset, nothing is queued and one-time links are shown on screen instead. It is
// process-wide rather than passed along because every interface (web, API, command line)
// that causes an event must queue the same mail with it: a hand-in through the API notifies
// the approver as one through the web page does, without each caller knowing of mail.
#include <optional>
#include <string>
#include <string_view>

namespace uppsikt::service {

struct MailSettings {
  std::string public_url;  // "https://uppsikt.example.se", no trailing slash
};

// Thread-safe; tests set and clear it around a case.
void set_mail_settings(std::optional<MailSettings> settings);
std::optional<MailSettings> mail_settings();

// `path` ("/lank/…") made absolute with the public URL.
std::string public_link(const MailSettings& settings, std::string_view path);

}  // namespace uppsikt::service
