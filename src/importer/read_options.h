#pragma once
// What a user tells the importer about a file that its own reading got wrong: the role of a
// table column and the answer scale. Given on the command line (--column, --scale) or chosen
// on the browser's preview; by default the importer decides both from the file's words.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importer/column_roles.h"
#include "importer/followup.h"

namespace uppsikt::importer {

// "Status=answer": the column whose header reads `header` takes `role`.
struct ColumnChoice {
  std::string header;  // as written; compared ignoring case and doubled space
  Role role = Role::extra;
};

struct ReadOptions {
  // Default none. In every header table of the file (a table whose header row names its
  // columns), a column whose header reads as a choice's takes the choice's role, whatever
  // its words say. A role chosen for two columns stays with the first; the second is kept
  // as text on the question, with a warning.
  std::vector<ColumnChoice> columns;
  // Default empty: each answer is read in the scale its option belongs to. Else the name of
  // one of answer_scales(): every question is saved with that scale, and an answer outside
  // it is warned about and kept first in the comment instead.
  std::string scale;
};

// "Status=answer" or "Status=svar"; nothing when there is no '=', no header or no known role.
std::optional<ColumnChoice> parse_column_choice(std::string_view text);

// The role `choices` give the header cell `header`, if any.
std::optional<Role> chosen_role(const std::vector<ColumnChoice>& choices, std::string_view header);

// Applies ReadOptions::scale to what was read (see there). The caller checks that the name
// is one of answer_scales() (scale_named); an unknown name changes nothing.
void keep_to_scale(FollowUp& followup, std::string_view scale);

}  // namespace uppsikt::importer
