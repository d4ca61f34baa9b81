#pragma once
// Reads a follow-up sent as an Excel workbook (.xlsx): the first sheet, a header row naming
// the columns ("Nr", "Åtgärd", "Status", "Kommentar" …) and one row per question. A row
// with text in its first cell only may be a numbered heading ("2 Trygghet").
#include <string_view>

#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::importer {

// `bytes` is the whole .xlsx file. Throws ImportFailure when it is no readable workbook;
// problems inside one become warnings that name the cell's row ("Rad 12").
FollowUp parse_xlsx(std::string_view bytes, const ReadOptions& options = {});

}  // namespace uppsikt::importer
