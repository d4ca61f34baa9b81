#pragma once
// The reports as Excel workbooks (libxlsxwriter): a sheet "Svar" with the long form (one row
// per unit × question) and, for the compiled report, a sheet "Antal" with the count and share
// of every option per question. Frozen header row, filters, column widths that fit the
// content; text that a spreadsheet would run as a formula starts with an apostrophe.
#include <string>

#include "report/model.h"

namespace uppsikt::report {

// Throws ReportError when the workbook cannot be written (no temporary directory).
std::string render_xlsx(const CompiledReport& report);
std::string render_xlsx(const UnitReport& report);

}  // namespace uppsikt::report
