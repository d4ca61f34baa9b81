#include "web/infra/markup.h"

#include "core/text.h"

fmt::format_context::iterator fmt::formatter<uppsikt::web::Escaped>::format(const uppsikt::web::Escaped& value,
                                                                            format_context& ctx) const {
  // Runs go through the string_view formatter, which appends them whole rather than by character.
  const fmt::formatter<std::string_view>& whole = *this;
  uppsikt::escape_html_pieces(value.text, [&](std::string_view piece) { whole.format(piece, ctx); });
  return ctx.out();
}
