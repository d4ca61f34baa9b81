// The unit report for print: a title page, then the follow-up's headings with, under each,
// the two-column table of the handwritten original (question | answer with comment).
#include <algorithm>

#include "core/swedish_time.h"
#include "report/printed_layout.h"
#include "report/report_text.h"

namespace uppsikt::report::printed {
namespace {

void title_page(Layout& out, const UnitReport& r) {
  out.blocks.insert(out.blocks.end(),
                    {Space{120}, Text{r.round_name, Look::kTitle}, Text{r.unit_name, Look::kSubtitle}});
  if (!r.parent_name.empty()) out.blocks.push_back(Text{r.parent_name, Look::kFaint});
  out.blocks.insert(out.blocks.end(),
                    {Space{30}, Text{"Status: " + r.status, Look::kLarge},
                     Text{r.handed_in_at.empty() ? std::string("Inte inlämnad") : "Inlämnad: " + swedish_time(r.handed_in_at), Look::kLarge},
                     Text{"Utskriven: " + swedish_time(r.generated_at), Look::kFaint}, PageBreak{}});
}

Cell question_cell(const ReportQuestion& q) {
  Cell cell{{q.text, Look::kBold}};
  if (!q.audience.empty()) cell.push_back({q.audience, Look::kNote});
  const std::string reference = reference_label(q);
  if (!reference.empty()) cell.push_back({reference, Look::kSmallBold});
  if (!q.reference_text.empty() && q.reference_text != q.reference_title) cell.push_back({q.reference_text, Look::kSmall});
  if (!q.expected_result.empty()) cell.push_back({"Förväntat resultat: " + q.expected_result, Look::kSmall});
  return cell;
}

Cell answer_cell(const UnitAnswer& a) {
  Cell cell{a.choice.empty() ? Text{"Ej besvarad", Look::kNote} : Text{a.choice, Look::kBold}};
  if (!a.comment.empty()) cell.push_back({a.comment, Look::kPlain});
  return cell;
}

void section(Layout& out, const UnitSection& s) {
  out.blocks.push_back(Heading{std::clamp(s.heading.level, 1, 3), heading_label(s.heading)});
  if (s.answers.empty()) return;
  Table table{.widths = {1, 1},
              .header = {{{"Uppföljningsfrågor", Look::kBold}}, {{"Svarsalternativ med kommentar", Look::kBold}}}};
  for (const UnitAnswer& a : s.answers) table.rows.push_back({question_cell(a.question), answer_cell(a)});
  out.blocks.push_back(std::move(table));
}

}  // namespace

Layout lay_out(const UnitReport& report) {
  Layout out{.title = report.round_name + " – " + report.unit_name};
  title_page(out, report);
  std::string document;
  for (const UnitSection& s : report.sections) {
    // A document whose own heading is not among the sections still gets one.
    if (s.document != document && s.heading.level > 1 && !s.document.empty()) out.blocks.push_back(Heading{1, s.document});
    document = s.document;
    section(out, s);
  }
  if (report.sections.empty()) out.blocks.push_back(Text{"Uppföljningen har inga frågor till enheten."});
  return out;
}

}  // namespace uppsikt::report::printed
