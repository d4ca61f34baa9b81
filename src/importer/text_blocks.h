#pragma once
// A text file in the layouts that need no PDF geometry: a table saved as text (cells
// separated by tabs, as Word and Excel write a table as plain text, one line per row) or
// labelled paragraphs ("Svar: Ja"). A cell of several paragraphs breaks its row's line:
// the row goes on over the next lines until it has as many cells as the header row. The
// two-column layout taken out of a PDF is read by parse_text's own parser instead, which
// knows how pdftotext orders its lines.
#include <optional>
#include <string_view>
#include <vector>

#include "importer/blocks.h"

namespace uppsikt::importer {

// The text's blocks, or nothing when it holds neither a tab-separated header row nor an
// answer label, and so is the two-column layout.
std::optional<std::vector<Block>> text_blocks(std::string_view text);

}  // namespace uppsikt::importer
