#pragma once
// The reports as PDF: A4 with embedded fonts, page numbers, a running title, bookmarks for
// the headings and the title in the document's metadata.
#include <string>

#include "report/model.h"

namespace uppsikt::report {

std::string render_pdf(const UnitReport& report);
std::string render_pdf(const CompiledReport& report);

}  // namespace uppsikt::report
