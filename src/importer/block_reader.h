#pragma once
// Finds the follow-up in a document's blocks, whatever its layout: numbered headings
// ("2", "2.", "2.1"); facts above the first heading ("Nämnd: …", "Datum: …"); two-column
// tables (question and reference | answer and comment); tables whose header row names the
// columns; and labelled paragraphs ("1.1 Har nämnden …?" then "Svar: Ja", "Kommentar: …").
// Whatever fits none of them becomes a warning that quotes it.
#include <vector>

#include "importer/blocks.h"
#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::importer {

FollowUp read_blocks(const std::vector<Block>& blocks, const ReadOptions& options = {});

}  // namespace uppsikt::importer
