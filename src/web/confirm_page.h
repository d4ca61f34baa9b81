#pragma once
// The page that asks before a step that cannot be undone (opening or closing a round,
// approving or returning a response): what the step will do, as the service says, and a form
// that posts the same fields again with bekrafta=ja. It works without JavaScript.
#include <string>
#include <utility>
#include <vector>

#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/view.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// The field a confirmed step carries.
inline constexpr const char* kConfirmField = "bekrafta";

struct Confirmation {
  std::string title;                       // "Öppna Uppföljning 2025?"
  std::vector<Crumb> crumbs;
  std::vector<std::string> consequences;   // what the step will do, from the service
  std::string action;                      // where the form posts
  std::vector<std::pair<std::string, std::string>> fields;  // posted again, besides bekrafta=ja
  std::string button;                      // "Ja, öppna omgången"
  std::string cancel_href;                 // back to where the person came from
};

http::Response confirm_page(const Site& site, const Visit& visit, const Confirmation& confirmation);

// Whether the posted form carries bekrafta=ja.
bool confirmed(const http::Request& request);

}  // namespace uppsikt::web
