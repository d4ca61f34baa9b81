#pragma once
// The list of rounds with how far each has come: the start page (rounds not archived) and the
// archived rounds' page.
#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

http::Response round_list_page(const Site& site, const Visit& visit, const http::Request& request, bool archived);

}  // namespace uppsikt::web
