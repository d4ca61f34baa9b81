// GET /tillganglighet — the accessibility statement the DOS law (2018:1937) requires.
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {

http::Response accessibility_show(const Site& site, const Visit& visit, const http::Request&) {
  Page page{.title = "Tillgänglighetsredogörelse", .template_name = "accessibility_show"};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
