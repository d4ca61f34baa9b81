#pragma once
// The success notice on the page a change redirects to: the change's handler adds
// "?klart=<key>" to the address, and the page shows the key's message once. Every key and its
// Swedish text are here, so that a notice is written once whichever page shows it.
#include <string>
#include <string_view>

#include "http/message.h"

namespace uppsikt::web {

// "?klart=oppnad", to append to a redirect's address (after a "?" or "&" as the caller needs).
std::string done_query(std::string_view key);

// The message for the request's "klart" parameter; empty without one or for an unknown key.
std::string notice_of(const http::Request& request);

}  // namespace uppsikt::web
