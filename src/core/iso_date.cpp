#include "core/iso_date.h"

#include <cctype>
#include <chrono>

namespace uppsikt {
namespace {

int digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  const std::chrono::year_month_day day{std::chrono::year{digits(text, 0, 4)},
                                        std::chrono::month{static_cast<unsigned>(digits(text, 5, 2))},
                                        std::chrono::day{static_cast<unsigned>(digits(text, 8, 2))}};
  return day.ok();
}

}  // namespace uppsikt
