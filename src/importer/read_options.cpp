#include "importer/read_options.h"

#include <algorithm>

#include "core/text.h"
#include "importer/answer_scales.h"

namespace uppsikt::importer {

std::optional<ColumnChoice> parse_column_choice(std::string_view text) {
  const auto eq = text.rfind('=');
  if (eq == std::string_view::npos) return std::nullopt;
  const std::string header = collapse_space(text.substr(0, eq));
  auto role = role_named(text.substr(eq + 1));
  if (header.empty() || !role) return std::nullopt;
  return ColumnChoice{header, *role};
}

std::optional<Role> chosen_role(const std::vector<ColumnChoice>& choices, std::string_view header) {
  const std::string folded = fold_case(collapse_space(header));
  for (const auto& choice : choices)
    if (fold_case(collapse_space(choice.header)) == folded) return choice.role;
  return std::nullopt;
}

void keep_to_scale(FollowUp& followup, std::string_view name) {
  const AnswerScale* scale = scale_named(name);
  if (!scale) return;
  followup.scale = scale->name;
  for (auto& q : followup.questions) {
    if (!q.answer || std::find(scale->options.begin(), scale->options.end(), *q.answer) != scale->options.end())
      continue;
    followup.warnings.push_back(
        {q.line, q.page,
         "svaret \"" + *q.answer + "\" finns inte bland svarsalternativen " + scale->name +
             "; frågan har inget svar, och det som stod står först i kommentaren"});
    q.comment = q.comment ? *q.answer + "\n\n" + *q.comment : *q.answer;
    q.answer.reset();
  }
}

}  // namespace uppsikt::importer
