#pragma once
// Reads the text taken out of a follow-up PDF (like the seed fixture): a two-column table
// of "Uppföljningsfrågor" and "Svarsalternativ med kommentar" under numbered headings;
// also a table saved as text (tab-separated, with a header row) and labelled paragraphs.
#include <string_view>

#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::importer {

FollowUp parse_text(std::string_view text, const ReadOptions& options = {});

}  // namespace uppsikt::importer
