#pragma once
// A compiled report kept as JSON text and read back whole: a published report is frozen as
// it stood when it was published (its numbers, comments, trends and date), and every format
// is rendered from the frozen copy. Not the JSON download (json_renderer.h), which is a
// documented format for people's programs; this one only has to read back what it wrote.
#include <optional>
#include <string>

#include "report/model.h"

namespace uppsikt::report {

std::string to_stored_json(const CompiledReport& report);
// Nothing when `text` is not a report this program wrote.
std::optional<CompiledReport> from_stored_json(const std::string& text);

}  // namespace uppsikt::report
