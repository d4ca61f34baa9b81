#pragma once
// Reads a follow-up written in Word: numbered headings (heading styles or paragraphs that
// start with a number) and tables of "Uppföljningsfrågor" | "Svarsalternativ med kommentar".
#include <string_view>

#include "importer/followup.h"

namespace uppsikt::importer {

// `bytes` is the whole .docx file. Throws ImportFailure when it is no readable Word
// document; problems inside one become warnings that name the paragraph ("Stycke 12").
FollowUp parse_docx(std::string_view bytes);

}  // namespace uppsikt::importer
