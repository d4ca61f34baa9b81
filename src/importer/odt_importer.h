#pragma once
// Reads a follow-up written in LibreOffice Writer (.odt): the same layouts as a .docx, from
// content.xml's headings (text:h), paragraphs and tables.
#include <string_view>

#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::importer {

// `bytes` is the whole .odt file. Throws ImportFailure when it is no readable OpenDocument
// text; problems inside one become warnings that name the paragraph ("Stycke 12").
FollowUp parse_odt(std::string_view bytes, const ReadOptions& options = {});

}  // namespace uppsikt::importer
