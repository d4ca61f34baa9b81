#pragma once
// Text into HTML and SVG: the small elements every report fragment repeats. Text is escaped
// with core's escape_html, as the web pages' templates do.
#include <string>
#include <string_view>

#include "core/text.h"

namespace uppsikt::report::html {

// <hN class="…">text</hN> with N = `level` kept within 1–6.
std::string heading(int level, std::string_view text, std::string_view css_class = "");

// Each paragraph of `text` (separated by a blank line) as <p>, single newlines as <br>.
std::string paragraphs(std::string_view text);

// A <dt>/<dd> pair; nothing when `value` is empty.
std::string fact(std::string_view term, std::string_view value);

}  // namespace uppsikt::report::html
