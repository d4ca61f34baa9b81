#pragma once
// A PDF's lines cut at the table's column boundary, with page furniture taken away: page
// headers and footers repeated on several pages and page numbers ("Sida 3 av 7", a lone
// "3" at the foot) are dropped, as they belong to no question.
#include <string>
#include <vector>

#include "importer/pdf_pages.h"

namespace uppsikt::importer {

struct ColumnLine {
  std::string left;    // the question column, or the whole line when it runs across both
  std::string right;   // the answer column
  bool full_width = false;  // the line runs across the column boundary (a long heading)
  bool gap_left = false;    // a paragraph break above the left part (more than a line's leading)
  bool gap_right = false;   // the same for the right part
  bool page_start = false;  // the first line kept on its page
  int page = 0;
  int number = 0;  // line on the page, as PdfLine::number
};

std::vector<ColumnLine> column_lines(const std::vector<PdfPage>& pages);

// The pages without their furniture (the lines column_lines leaves out for it).
std::vector<PdfPage> without_furniture(std::vector<PdfPage> pages);

}  // namespace uppsikt::importer
