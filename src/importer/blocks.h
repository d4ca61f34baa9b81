#pragma once
// A follow-up document as every reader sees it once the file format is gone: a run of
// paragraphs (or text lines) and tables of cells. DOCX, ODT, XLSX, text and ruled PDF
// tables are turned into blocks; read_blocks (block_reader.h) finds the layout in them.
#include <variant>
#include <vector>

#include "importer/table_row.h"

namespace uppsikt::importer {

// A paragraph (DOCX, ODT: `whole` is true, each one a paragraph of its own) or a line of
// wrapped text (text files, PDF: consecutive lines join, a blank one breaks the paragraph).
struct TextBlock {
  CellLine line;
  int heading_level = 0;  // from the paragraph's style; 0 for body text
  bool whole = true;
};

using BlockCell = std::vector<CellLine>;  // its paragraphs (or lines), as TextBlock's rules
using BlockRow = std::vector<BlockCell>;

struct TableBlock {
  std::vector<BlockRow> rows;
  // Rows a PDF page break may have cut: the row (index) continues from the one before,
  // unless the reader finds it begins a new question. Empty for formats without pages.
  // A cell of such a row that begins with a blank line begins a new paragraph there.
  std::vector<std::size_t> maybe_continued;
};

using Block = std::variant<TextBlock, TableBlock>;

}  // namespace uppsikt::importer
