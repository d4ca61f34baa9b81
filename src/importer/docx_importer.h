#pragma once
// Reads a follow-up written in Word: numbered headings (heading styles or paragraphs that
// start with a number) over two-column tables ("Uppföljningsfrågor" | "Svarsalternativ med
// kommentar"), tables whose header row names the columns, or labelled paragraphs; see
// block_reader.h.
#include <string_view>

#include "importer/followup.h"
#include "importer/read_options.h"

namespace uppsikt::importer {

// `bytes` is the whole .docx file. Throws ImportFailure when it is no readable Word
// document; problems inside one become warnings that name the paragraph ("Stycke 12").
FollowUp parse_docx(std::string_view bytes, const ReadOptions& options = {});

}  // namespace uppsikt::importer
