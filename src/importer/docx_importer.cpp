#include "importer/docx_importer.h"

#include "importer/block_reader.h"
#include "importer/docx_body.h"
#include "importer/docx_package.h"

namespace uppsikt::importer {
namespace {

CellLine cell_line(const DocxParagraph& p) {
  return {p.text, p.index, 0, "Stycke " + std::to_string(p.index)};
}

// Each paragraph of a cell is a paragraph of its text: a break goes between.
BlockCell cell_lines(const DocxCell& cell) {
  BlockCell out;
  for (const DocxParagraph& p : cell) {
    if (!out.empty()) out.push_back({"", p.index, 0, ""});
    out.push_back(cell_line(p));
  }
  return out;
}

std::vector<Block> blocks_of(const std::vector<DocxBlock>& body) {
  std::vector<Block> out;
  for (const DocxBlock& block : body) {
    if (const auto* p = std::get_if<DocxParagraph>(&block)) {
      out.push_back(TextBlock{cell_line(*p), p->heading_level, true});
      continue;
    }
    TableBlock table;
    for (const DocxTableRow& row : std::get<DocxTable>(block).rows) {
      BlockRow cells;
      for (const DocxCell& cell : row) cells.push_back(cell_lines(cell));
      table.rows.push_back(std::move(cells));
    }
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace

FollowUp parse_docx(std::string_view bytes, const ReadOptions& options) {
  return read_blocks(blocks_of(read_docx_body(read_docx_part(bytes, "word/document.xml"))), options);
}

}  // namespace uppsikt::importer
