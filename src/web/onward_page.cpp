#include "web/onward_page.h"

#include "web/infra/view.h"

namespace uppsikt::web {

http::Response onward_page(const Site& site, const Visit* visit, const Onward& onward) {
  Page page{.title = onward.title, .template_name = "onward", .refresh_to = onward.url};
  page.data = {{"url", onward.url}, {"text", onward.text}};
  return visit ? render_page(site, *visit, page) : render_page(site, page);
}

}  // namespace uppsikt::web
