#include "core/scale.h"

#include "core/text.h"

namespace uppsikt {

const std::vector<std::string>& standard_options() {
  static const std::vector<std::string> options{"Ja", "Nej", "Delvis", "Ej aktuellt"};
  return options;
}

std::string match_option(const std::vector<std::string>& options, std::string_view text) {
  const std::string wanted = fold_case(trim(text));
  for (const auto& option : options)
    if (fold_case(option) == wanted) return option;
  return {};
}

}  // namespace uppsikt
