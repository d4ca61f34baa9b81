#pragma once
// A PDF's pages as blocks (blocks.h), with table rows and cells taken from the ruling lines
// the PDF draws, never from where text happens to stand: a row ends at a drawn line. Rows
// that run on from the page before (a page break cut them) are marked as such; the text
// outside tables becomes lines, with a blank line where the space above shows a paragraph.
#include <optional>
#include <vector>

#include "importer/blocks.h"
#include "importer/pdf_pages.h"
#include "importer/pdf_rules.h"

namespace uppsikt::importer {

// The blocks, or nothing when no page has a ruled table (at least two rows of two cells).
// `pages` without their furniture; `rules` one per page, as read_pdf_rules gives them.
std::optional<std::vector<Block>> ruled_blocks(const std::vector<PdfPage>& pages, const std::vector<PdfRules>& rules);

// The pages' lines as text blocks, for the layouts without a table.
std::vector<Block> line_blocks(const std::vector<PdfPage>& pages);

}  // namespace uppsikt::importer
