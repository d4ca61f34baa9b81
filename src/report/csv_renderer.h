#pragma once
// CSV for Swedish Excel (core/csv.h: semicolon, CRLF, UTF-8 with BOM, formulas neutralised).
#include <string>

#include "report/model.h"

namespace uppsikt::report {

// The long form: a header row, then one row per unit × question (report/model.h LongRow).
std::string render_csv(const CompiledReport& report);
std::string render_csv(const UnitReport& report);

// Aggregated numbers only, for open data: one row per question × option with its count, its
// share of the units that answered (per cent, Swedish decimal comma) and how many answered.
std::string render_counts_csv(const CompiledReport& report);

}  // namespace uppsikt::report
