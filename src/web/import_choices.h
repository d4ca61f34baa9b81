#pragma once
// The coordinator's corrections on the import preview: each file's column roles (for tables
// whose header row names the columns) and answer scale. The preview shows them as selects,
// the save form carries the ones previewed as hidden fields, and both post them back under
// the names made here, so that a field's name is spelled in this file only.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/form.h"
#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::web {

// What the preview shows of file `index` (0-based) read as `followup`: {"columns": [{header,
// id, name, header_name, roles: [{value, label, selected}]}], "scales": [{value, label,
// selected}], "scale_id", "scale_name", "has_columns"}. A header that stands in several
// tables of the file is one column: a choice applies to all of them.
nlohmann::json choices_json(const importer::FollowUp& followup, std::size_t index);

// The choices posted for `files` files, one ReadOptions per file in the order shown. A role
// or scale that is none of those offered is ignored: the importer decides there.
std::vector<importer::ReadOptions> posted_choices(const http::Form& form,
                                                  std::size_t files);

}  // namespace uppsikt::web
