#pragma once
// The page machinery behind the PDF reports: an A4 document that text, headings and tables
// flow into, page after page, with a running title in the header, "Sida N av M" in the
// footer and a bookmark for every heading. What is added is laid out at once and drawn when
// finish() knows the number of pages. Cairo and pango stay inside pdf_document.cpp.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::report::pdf {

// How a run of text looks. gray: 0 is black, 1 white.
struct Style {
  double size = 10;  // points
  bool bold = false;
  bool italic = false;
  double gray = 0;
};

// One table cell: paragraphs, each with its own style, stacked.
struct Paragraph {
  std::string text;
  Style style;
};
using Cell = std::vector<Paragraph>;

// A table as wide as the text; header cells are repeated at the top of every page the
// table runs onto, and a row too tall for the page is split between its lines.
struct Table {
  std::vector<double> widths;  // relative column widths, one per column
  std::vector<Cell> header;    // may be empty: no header row
  std::vector<std::vector<Cell>> rows;
};

// How a chart's rectangle is filled so that neighbours differ in grey scale too.
enum class Fill { kDark, kHatched, kLight, kCrossHatched, kStriped, kWhite };

class Document {
 public:
  // title: the PDF's title (metadata and outline); running_title: the header of pages 2..n.
  Document(std::string_view title, std::string_view running_title);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Width of the text column and the position of its left edge, in points.
  double text_width() const;
  double left() const;

  // A heading (level 1–3) with a bookmark; never left alone at the foot of a page.
  void heading(int level, std::string_view text);
  void paragraph(std::string_view text, const Style& style = {});
  void space(double points);
  void table(const Table& table);
  void new_page();

  // Drawing by position, for charts: reserve() moves on to a new page unless `height`
  // points are left and returns the top of the reserved band; the calls below draw in it.
  double reserve(double height);
  void rectangle(double x, double y, double width, double height, Fill fill);
  void line(double x1, double y1, double x2, double y2, double width, double gray);
  // Text on one line (wrapped if wider than max_width), its top at y; returns its height.
  double text_at(double x, double y, double max_width, std::string_view text, const Style& style,
                 bool align_right = false);
  double measure_width(std::string_view text, const Style& style);

  // Draws every page and returns the PDF's bytes. Call once.
  std::string finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace uppsikt::report::pdf
