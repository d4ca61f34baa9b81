#pragma once
// Small UTF-8 text helpers used across layers.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt {

// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);
// Unicode case folding (ICU): "Å" and "å", "Straße" and "STRASSE" compare equal after it.
std::string fold_case(std::string_view s);
// White space runs collapsed to one space, trimmed.
std::string collapse_space(std::string_view s);
std::vector<std::string_view> split_lines(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
// The number of characters (code points) in `s`, or nothing when `s` is not valid UTF-8
// (overlong forms and surrogates included), as form input may be.
std::optional<std::size_t> utf8_length(std::string_view s);
// `s` safe as HTML text and as a quoted attribute value: besides & < > " ' it escapes ` and =,
// which can end an unquoted attribute, so a careless template cannot open a hole.
std::string escape_html(std::string_view s);
// The same, appended to `out`: pages written straight into one buffer escape without a copy.
void append_escaped_html(std::string& out, std::string_view s);
// What escape_html writes for `c`, or nothing when `c` stays as it is. Inline: it is asked of
// every character of every page.
inline std::string_view html_entity(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '`': return "&#96;";
    case '=': return "&#61;";
    default: return {};
  }
}
// Gives `emit` what escape_html makes of `s`, piece by piece: the runs that stay as they are
// and the entities between them, so that any writer can escape without a copy.
template <typename Emit>
void escape_html_pieces(std::string_view s, Emit&& emit) {
  std::size_t plain = 0;  // start of the run not yet given
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto entity = html_entity(s[i]);
    if (entity.empty()) continue;
    emit(s.substr(plain, i - plain));
    emit(entity);
    plain = i + 1;
  }
  emit(s.substr(plain));
}

}  // namespace uppsikt
