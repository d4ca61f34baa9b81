#pragma once
// The compiled report page of a round (GET /omgangar/{id}/rapport): filters, downloads, the
// publishing state and form for those who may publish, and the report. The publish and
// withdraw forms render it again with their errors.
#include <nlohmann/json.hpp>
#include <vector>

#include "core/id.h"
#include "http/message.h"
#include "service/outcome.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// {"with_comments", "at", "href"} of the round's published report, or null when it is not
// published: the report page and the round page state it alike.
nlohmann::json published_json(const Site& site, Id round_id);

// 404 when the round does not exist or the viewer may not read its compiled report.
http::Response report_page(const Site& site, const Visit& visit, const http::Request& request, Id round_id,
                           const std::vector<service::FieldError>& errors = {}, int status = 200);

}  // namespace uppsikt::web
