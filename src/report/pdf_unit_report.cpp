// The unit report as PDF: a title page, then the follow-up's headings with, under each,
// the two-column table of the handwritten original (question | answer with comment).
#include <algorithm>

#include "report/pdf_document.h"
#include "report/pdf_renderer.h"
#include "report/report_text.h"

namespace uppsikt::report {
namespace {

using pdf::Cell;
using pdf::Style;

const Style kBold{.bold = true};
const Style kItalic{.italic = true, .gray = 0.25};

std::string title_of(const UnitReport& r) { return r.round_name + " – " + r.unit_name; }

void title_page(pdf::Document& doc, const UnitReport& r) {
  doc.space(120);
  doc.paragraph(r.round_name, {.size = 26, .bold = true});
  doc.space(8);
  doc.paragraph(r.unit_name, {.size = 18});
  if (!r.parent_name.empty()) doc.paragraph(r.parent_name, {.size = 12, .gray = 0.3});
  doc.space(30);
  doc.paragraph("Status: " + r.status, {.size = 12});
  doc.paragraph(r.handed_in_at.empty() ? std::string("Inte inlämnad") : "Inlämnad: " + r.handed_in_at, {.size = 12});
  doc.paragraph("Utskriven: " + r.generated_at, {.size = 10, .gray = 0.3});
  doc.new_page();
}

Cell question_cell(const ReportQuestion& q) {
  Cell cell{{q.text, kBold}};
  if (!q.audience.empty()) cell.push_back({q.audience, kItalic});
  const std::string reference = reference_line(q);
  if (!reference.empty()) cell.push_back({reference, {.size = 9, .bold = true}});
  if (!q.reference_text.empty() && q.reference_text != q.reference_title) cell.push_back({q.reference_text, {.size = 9}});
  if (!q.expected_result.empty()) cell.push_back({"Förväntat resultat: " + q.expected_result, {.size = 9}});
  return cell;
}

Cell answer_cell(const UnitAnswer& a) {
  Cell cell{a.choice.empty() ? pdf::Paragraph{"Ej besvarad", kItalic} : pdf::Paragraph{a.choice, kBold}};
  if (!a.comment.empty()) cell.push_back({a.comment, {}});
  return cell;
}

void section(pdf::Document& doc, const UnitSection& s) {
  doc.heading(std::clamp(s.heading.level, 1, 3), heading_line(s.heading));
  if (s.answers.empty()) return;
  pdf::Table table{.widths = {1, 1},
                   .header = {{{"Uppföljningsfrågor", kBold}}, {{"Svarsalternativ med kommentar", kBold}}}};
  for (const UnitAnswer& a : s.answers) table.rows.push_back({question_cell(a.question), answer_cell(a)});
  doc.table(table);
}

}  // namespace

std::string render_pdf(const UnitReport& report) {
  pdf::Document doc(title_of(report), title_of(report));
  title_page(doc, report);
  std::string document;
  for (const UnitSection& s : report.sections) {
    // A document whose own heading is not among the sections still gets one.
    if (s.document != document && s.heading.level > 1 && !s.document.empty()) doc.heading(1, s.document);
    document = s.document;
    section(doc, s);
  }
  if (report.sections.empty()) doc.paragraph("Uppföljningen har inga frågor till enheten.");
  return doc.finish();
}

}  // namespace uppsikt::report
