// The printed layout of a report drawn as PDF.
#include "report/pdf_renderer.h"

#include "report/pdf_chart.h"
#include "report/pdf_document.h"
#include "report/printed_layout.h"

namespace uppsikt::report {
namespace {

using printed::Look;

pdf::Style style_of(Look look) {
  switch (look) {
    case Look::kPlain: return {};
    case Look::kBold: return {.bold = true};
    case Look::kNote: return {.italic = true, .gray = 0.25};
    case Look::kSmall: return {.size = 9};
    case Look::kSmallBold: return {.size = 9, .bold = true};
    case Look::kFaint: return {.gray = 0.3};
    case Look::kTitle: return {.size = 26, .bold = true};
    case Look::kSubtitle: return {.size = 16};
    case Look::kLarge: return {.size = 12};
  }
  return {};
}

pdf::Cell cell_of(const printed::Cell& cell) {
  pdf::Cell out;
  for (const printed::Text& t : cell) out.push_back({t.text, style_of(t.look)});
  return out;
}

pdf::Table table_of(const printed::Table& t) {
  pdf::Table out{.widths = t.widths};
  for (const auto& c : t.header) out.header.push_back(cell_of(c));
  for (const auto& row : t.rows) {
    out.rows.emplace_back();
    for (const auto& c : row) out.rows.back().push_back(cell_of(c));
  }
  return out;
}

struct Draw {
  pdf::Document& doc;
  void operator()(const printed::Heading& h) { doc.heading(h.level, h.text); }
  void operator()(const printed::Text& t) { doc.paragraph(t.text, style_of(t.look)); }
  void operator()(const printed::Table& t) { doc.table(table_of(t)); }
  void operator()(const printed::Chart& c) { pdf::bar_chart(doc, c.counts); }
  void operator()(const printed::PageBreak&) { doc.new_page(); }
  void operator()(const printed::Space& s) { doc.space(s.points); }
};

std::string render(const printed::Layout& layout) {
  pdf::Document doc(layout.title, layout.title);
  for (const printed::Block& block : layout.blocks) std::visit(Draw{doc}, block);
  return doc.finish();
}

}  // namespace

std::string render_pdf(const UnitReport& report) { return render(printed::lay_out(report)); }
std::string render_pdf(const CompiledReport& report) { return render(printed::lay_out(report)); }

}  // namespace uppsikt::report
