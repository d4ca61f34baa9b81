#pragma once
// The reports as JSON, shaped as docs/report.schema.json documents: the structure of the report
// (sections, questions, counts, trends) and its long form as "rows".
#include <string>

#include "report/model.h"

namespace uppsikt::report {

std::string render_json(const CompiledReport& report);
std::string render_json(const UnitReport& report);

// Aggregated numbers only, for open data (docs/open-data.schema.json): per question its
// counts per option, how many answered and were asked; no comments, no unit or person names.
std::string render_counts_json(const CompiledReport& report);

}  // namespace uppsikt::report
