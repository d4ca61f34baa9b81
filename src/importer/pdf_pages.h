#pragma once
// The words of a PDF with their positions, grouped into lines, page by page (poppler-cpp).
// Nothing here knows about follow-ups; pdf_columns.h turns these into table columns.
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

struct PdfWord {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;  // points, y grows downwards
};

// Words whose vertical middles meet, left to right; the two table columns of one row
// share a line here.
struct PdfLine {
  std::vector<PdfWord> words;
  double top = 0, bottom = 0;
  int number = 0;  // 1-based on its page, counting every line poppler found
};

struct PdfPage {
  int number = 0;
  double width = 0, height = 0;
  std::vector<PdfLine> lines;  // top to bottom
};

struct PdfLimits {
  // A committee's follow-up has tens of pages; thousands is no follow-up.
  int max_pages = 2'000;
};

// Throws ImportFailure when the bytes are no PDF, the PDF is locked, too long, or has no
// text at all (a scan).
std::vector<PdfPage> read_pdf_pages(std::string_view bytes, const PdfLimits& limits = {});

std::string line_text(const PdfLine& line);

}  // namespace uppsikt::importer
