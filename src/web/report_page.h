#pragma once
// The compiled report page of a round (GET /omgangar/{id}/rapport): filters, downloads, the
// publishing state and form for those who may publish, and the report. The publish and
// withdraw forms render it again with their errors.
#include <vector>

#include "core/id.h"
#include "http/message.h"
#include "service/outcome.h"
#include "web/site.h"
#include "web/visit.h"

namespace uppsikt::web {

// 404 when the round does not exist or the viewer may not read its compiled report.
http::Response report_page(const Site& site, const Visit& visit, const http::Request& request, Id round_id,
                           const std::vector<service::FieldError>& errors = {}, int status = 200);

}  // namespace uppsikt::web
