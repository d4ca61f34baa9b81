#pragma once
// The ruling lines a PDF draws: table borders, as stroked lines or as thin filled
// rectangles, and the edges of cell backgrounds. poppler-cpp gives text only; these come
// from poppler's own content-stream interpreter (libpoppler-private-dev), the same parser
// that gave the text, so that lines and words share one coordinate space (points from the
// page's top left) with every transformation, form and clip applied by poppler.
#include <string_view>
#include <vector>

namespace uppsikt::importer {

struct PdfSegment {
  double from = 0, to = 0;  // along the line: x for a horizontal one, y for a vertical one
  double at = 0;            // across it: y for a horizontal one, x for a vertical one
};

struct PdfRules {
  std::vector<PdfSegment> horizontal;
  std::vector<PdfSegment> vertical;
};

// One entry per page, in order. Throws ImportFailure when the bytes are no readable PDF.
std::vector<PdfRules> read_pdf_rules(std::string_view bytes);

}  // namespace uppsikt::importer
