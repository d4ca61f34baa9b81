#pragma once
// The coordinator's assessment of a round's compiled report, on the report's pages
// (GET /omgangar/{id}/rapport/bedomning): the cover for the council and one text for the whole
// round, each document and area, and each question, in the report's order. The save renders
// it again with its errors and what was typed.
#include <optional>
#include <vector>

#include "core/id.h"
#include "http/message.h"
#include "service/outcome.h"
#include "service/report_assessments.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

// What the form posted: the cover's fields and each part's text by target.
service::AssessmentInput assessment_input(const service::AssessmentForm& form, const http::Request& request);

// 404 unless the viewer manages the round.
http::Response report_assessment_page(const Site& site, const Visit& visit, Id round_id,
                                      const std::vector<service::FieldError>& errors = {}, int status = 200,
                                      const std::optional<service::AssessmentInput>& posted = std::nullopt);

}  // namespace uppsikt::web
