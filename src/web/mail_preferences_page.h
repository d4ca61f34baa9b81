#pragma once
// "E-postinställningar": the mail a person gets, and the one they choose (the digest).
#include <vector>

#include "http/message.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

inline constexpr const char* kMailPreferencesPath = "/mina-installningar/e-post";

// The page; `saved` shows the notice of a saved choice, `errors` the refused one's messages.
http::Response mail_preferences_page(const Site& site, const Visit& visit, bool saved,
                                     const std::vector<service::FieldError>& errors = {}, int status = 200);

}  // namespace uppsikt::web
