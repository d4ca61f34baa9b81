#pragma once
// The reports as JSON, shaped as docs/report.schema.json documents: the structure of the report
// (sections, questions, counts, trends) and its long form as "rows".
#include <string>

#include "report/model.h"

namespace uppsikt::report {

std::string render_json(const CompiledReport& report);
std::string render_json(const UnitReport& report);

}  // namespace uppsikt::report
