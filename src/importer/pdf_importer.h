#pragma once
// Reads a follow-up saved as PDF. A ruled table is read from the lines it draws
// (pdf_rules.h, pdf_grid.h): a row ends at a drawn line, never where text seems to end.
// Labelled paragraphs are read line by line; an unruled two-column table from the text
// positions, which tell the question column from the answer column.
#include <string_view>

#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::importer {

// `bytes` is the whole .pdf file. Throws ImportFailure when it is no readable PDF, is
// locked or holds no text; problems inside one become warnings that name the page.
FollowUp parse_pdf(std::string_view bytes, const ReadOptions& options = {});

}  // namespace uppsikt::importer
