#pragma once
// A follow-up table whose header row names its columns ("Nr | Åtgärd | Ansvarig | Status |
// Kommentar"): one row per question or measure, the columns' roles taken from the header.
#include <string>
#include <vector>

#include "importer/blocks.h"
#include "importer/column_roles.h"

namespace uppsikt::importer {

// The header's text per cell, as header_roles reads it.
std::vector<std::string> cell_texts(const BlockRow& row);

struct HeaderTable {
  std::vector<Role> roles;
  std::vector<std::string> names;  // the header's words, to label extra columns
};

// Adds the question of `row` under `section` to `out`. A row whose question cell is empty
// continues the question before it when `may_continue` (a row a page break cut), and is
// warned about otherwise; cells beyond the header's are kept as extra text, with a warning.
void read_header_table_row(const HeaderTable& table, const BlockRow& row, const std::string& section,
                           bool may_continue, FollowUp& out);

}  // namespace uppsikt::importer
