#pragma once
// The answer options (svarsalternativ) a question offers.
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"

namespace uppsikt {

struct Scale {
  Id id = 0;
  std::string name;                  // "Ja/Nej/Delvis/Ej aktuellt"
  std::vector<std::string> options;  // in the order shown
};

// The options of the standard follow-up scale: Ja, Nej, Delvis, Ej aktuellt.
const std::vector<std::string>& standard_options();

// The option of `scale` that `text` names, ignoring case and surrounding space
// ("ja" → "Ja"), or empty when it names none.
std::string match_option(const std::vector<std::string>& options, std::string_view text);

}  // namespace uppsikt
