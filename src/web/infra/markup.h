#pragma once
// Markup written straight into one string, for the parts of a page that repeat so often (the
// answering page's questions) that building template data for them costs more than the page.
// Every value that is not markup goes in as Escaped.
#include <fmt/format.h>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace uppsikt::web {

// Text formatted as HTML-escaped, safe as element text and as a quoted attribute value.
struct Escaped {
  std::string_view text;
};

// Appends `format` with `args` to `out`.
template <typename... Args>
void write(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
  fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
}

}  // namespace uppsikt::web

template <>
struct fmt::formatter<uppsikt::web::Escaped> : fmt::formatter<std::string_view> {
  format_context::iterator format(const uppsikt::web::Escaped& value, format_context& ctx) const;
};
