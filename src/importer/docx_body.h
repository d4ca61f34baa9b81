#pragma once
// The body of word/document.xml as the importer needs it: paragraphs with their heading
// level, and tables as rows of cells of paragraphs. Check boxes (content controls and old
// form fields) become ☒ / ☐ in the text; deleted text and field codes are left out.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace uppsikt::importer {

struct DocxParagraph {
  std::string text;
  int heading_level = 0;  // 1–9 from the style ("Heading2", "Rubrik2") or outline level; 0 for body text
  int index = 0;          // 1-based count of paragraphs in the document, tables included
};

using DocxCell = std::vector<DocxParagraph>;
using DocxTableRow = std::vector<DocxCell>;

struct DocxTable {
  std::vector<DocxTableRow> rows;
};

using DocxBlock = std::variant<DocxParagraph, DocxTable>;

// Throws ImportFailure when the XML is malformed. pugixml expands no DTD entities and
// fetches nothing external, so a crafted document cannot blow up or reach out.
std::vector<DocxBlock> read_docx_body(std::string_view document_xml);

}  // namespace uppsikt::importer
