#include "web/markup.h"

#include "core/text.h"

fmt::format_context::iterator fmt::formatter<uppsikt::web::Escaped>::format(const uppsikt::web::Escaped& value,
                                                                            format_context& ctx) const {
  // Runs go through the string_view formatter, which appends them whole rather than by character.
  const fmt::formatter<std::string_view>& whole = *this;
  const std::string_view s = value.text;
  std::size_t plain = 0;  // start of the run not yet written
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto entity = uppsikt::html_entity(s[i]);
    if (entity.empty()) continue;
    whole.format(s.substr(plain, i - plain), ctx);
    whole.format(entity, ctx);
    plain = i + 1;
  }
  return whole.format(s.substr(plain), ctx);
}
