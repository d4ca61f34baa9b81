#pragma once
// The reports as HTML. The fragments are generic (no page frame, no script, no style
// attributes) so that the web pages embed them in their own layout; their headings start at
// `top_level` (2 under a page's h1). The documents wrap a fragment in a standalone page with
// the report style sheet (static/report.css, embedded) for download and printing.
#include <string>

#include "report/model.h"

namespace uppsikt::report {

std::string render_html(const UnitReport& report, int top_level = 2);
std::string render_html(const CompiledReport& report, int top_level = 2);

std::string render_html_document(const UnitReport& report);
std::string render_html_document(const CompiledReport& report);

}  // namespace uppsikt::report
