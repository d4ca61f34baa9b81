#pragma once
// The reports as Word documents (.docx): real heading styles, the follow-up's tables and
// page numbers; they open in Word and LibreOffice without repair.
#include <string>

#include "report/model.h"

namespace uppsikt::report {

std::string render_docx(const UnitReport& report);
std::string render_docx(const CompiledReport& report);

}  // namespace uppsikt::report
