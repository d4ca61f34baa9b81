#include "report/html_text.h"

#include <algorithm>

#include "core/text.h"

namespace uppsikt::report::html {

std::string heading(int level, std::string_view text, std::string_view css_class) {
  const std::string n = std::to_string(std::clamp(level, 1, 6));
  std::string out = "<h" + n;
  if (!css_class.empty()) out += " class=\"" + std::string(css_class) + "\"";
  return out + ">" + escape_html(text) + "</h" + n + ">\n";
}

std::string paragraphs(std::string_view text) {
  std::string out;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) out += "<p>" + current + "</p>";
    current.clear();
  };
  for (auto line : split_lines(text)) {
    line = trim(line);
    if (line.empty()) {
      flush();
      continue;
    }
    if (!current.empty()) current += "<br>";
    current += escape_html(line);
  }
  flush();
  return out;
}

std::string fact(std::string_view term, std::string_view value) {
  if (value.empty()) return {};
  return "<dt>" + escape_html(term) + "</dt><dd>" + escape_html(value) + "</dd>\n";
}

}  // namespace uppsikt::report::html
