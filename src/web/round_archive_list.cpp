// GET /omgangar/arkiverade — the rounds taken out of the start page's list.
#include "web/handlers.h"
#include "web/round_list_page.h"

namespace uppsikt::web {

http::Response round_archive_list(const Site& site, const Visit& visit, const http::Request& request) {
  return round_list_page(site, visit, request, true);
}

}  // namespace uppsikt::web
