#include "importer/answer_scales.h"

#include "core/scale.h"
#include "core/text.h"

namespace uppsikt::importer {

const std::vector<AnswerScale>& answer_scales() {
  // "Påbörjad" is how some plans write "Pågår"; each spelling gets a scale of its own, so
  // that a saved answer is always one of its question's options.
  static const std::vector<AnswerScale> scales{
      {"Ja/Nej/Delvis/Ej aktuellt", {"Ja", "Nej", "Delvis", "Ej aktuellt", "Vet ej"}},
      {"Genomförd/Pågår/Ej påbörjad", {"Genomförd", "Pågår", "Ej påbörjad"}},
      {"Genomförd/Påbörjad/Ej påbörjad", {"Genomförd", "Påbörjad", "Ej påbörjad"}},
      {"Uppfyllt/Delvis uppfyllt/Ej uppfyllt", {"Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt"}},
      {"Grön/Gul/Röd", {"Grön", "Gul", "Röd"}},
  };
  return scales;
}

std::optional<std::string> recognised_option(std::string_view text) {
  const std::string wanted = collapse_space(text);
  for (const auto& scale : answer_scales()) {
    std::string option = match_option(scale.options, wanted);
    if (!option.empty()) return option;
  }
  return std::nullopt;
}

const AnswerScale* scale_of(std::string_view option) {
  for (const auto& scale : answer_scales())
    for (const auto& o : scale.options)
      if (o == option) return &scale;
  return nullptr;
}

const AnswerScale* scale_named(std::string_view name) {
  const std::string wanted = fold_case(collapse_space(name));
  for (const auto& scale : answer_scales())
    if (fold_case(scale.name) == wanted) return &scale;
  return nullptr;
}

}  // namespace uppsikt::importer
