#pragma once
// Reads a follow-up saved as PDF: text with positions tells the question column from the
// answer column, which the text importer has to guess.
#include <string_view>

#include "importer/followup.h"

namespace uppsikt::importer {

// `bytes` is the whole .pdf file. Throws ImportFailure when it is no readable PDF, is
// locked or holds no text; problems inside one become warnings that name the page.
FollowUp parse_pdf(std::string_view bytes);

}  // namespace uppsikt::importer
