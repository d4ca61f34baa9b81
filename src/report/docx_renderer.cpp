// The printed layout of a report written as a Word document. Charts are left out: their
// numbers stand in the table before them.
#include "report/docx_renderer.h"

#include "report/docx_document.h"
#include "report/printed_layout.h"

namespace uppsikt::report {
namespace {

using printed::Look;

docx::Paragraph paragraph_of(const printed::Text& t) {
  const bool bold = t.look == Look::kBold || t.look == Look::kSmallBold || t.look == Look::kSubtitle;
  const bool italic = t.look == Look::kNote || t.look == Look::kFaint;
  return {t.text, bold, italic};
}

docx::Table table_of(const printed::Table& t) {
  auto cell_of = [](const printed::Cell& cell) {
    docx::Cell out;
    for (const printed::Text& text : cell) out.push_back(paragraph_of(text));
    return out;
  };
  docx::Table out{.widths = t.widths};
  for (const auto& c : t.header) out.header.push_back(cell_of(c));
  for (const auto& row : t.rows) {
    out.rows.emplace_back();
    for (const auto& c : row) out.rows.back().push_back(cell_of(c));
  }
  return out;
}

struct Write {
  docx::Document& doc;
  void operator()(const printed::Heading& h) { doc.heading(h.level, h.text); }
  void operator()(const printed::Text& t) {
    if (t.look == Look::kTitle) return doc.title(t.text);
    doc.paragraph(paragraph_of(t));
  }
  void operator()(const printed::Table& t) { doc.table(table_of(t)); }
  void operator()(const printed::Chart&) {}
  void operator()(const printed::PageBreak&) { doc.page_break(); }
  void operator()(const printed::Space&) {}
};

std::string render(const printed::Layout& layout) {
  docx::Document doc(layout.title);
  for (const printed::Block& block : layout.blocks) std::visit(Write{doc}, block);
  return doc.finish();
}

}  // namespace

std::string render_docx(const UnitReport& report) { return render(printed::lay_out(report)); }
std::string render_docx(const CompiledReport& report) { return render(printed::lay_out(report)); }

}  // namespace uppsikt::report
