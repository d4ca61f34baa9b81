// The compiled report of a round for print: summaries, then per question the counts, a bar
// chart, the units that answered Nej or Delvis and the other comments, and the trend over
// earlier rounds; last the units that have not answered.
#include <algorithm>

#include "core/swedish_time.h"
#include "report/printed_layout.h"
#include "report/report_text.h"

namespace uppsikt::report::printed {
namespace {

constexpr std::size_t kMostOptionColumns = 6;

Cell text(const std::string& s, Look look = Look::kPlain) { return Cell{{s, look}}; }

// The coordinator's assessment under its heading, when there is one.
void assessment(Layout& out, const CompiledReport& r, const std::string& text) {
  if (text.empty()) return;
  out.blocks.push_back(Text{r.assessment_heading, Look::kBold});
  out.blocks.push_back(Text{text});
}

// The cover for the council: registration number, sender and date above the title.
void title_page(Layout& out, const CompiledReport& r) {
  out.blocks.push_back(Space{60});
  if (!r.registration_number.empty()) out.blocks.push_back(Text{"Diarienummer: " + r.registration_number, Look::kLarge});
  if (!r.sender.empty()) out.blocks.push_back(Text{"Avsändare: " + r.sender, Look::kLarge});
  if (!r.report_date.empty()) out.blocks.push_back(Text{"Datum: " + r.report_date, Look::kLarge});
  out.blocks.insert(out.blocks.end(),
                    {Space{60}, Text{"Sammanställning", Look::kSubtitle}, Text{r.round_name, Look::kTitle}, Space{20},
                     Text{r.scope, Look::kLarge},
                     Text{"Enheter som lämnat in: " + std::to_string(r.units_handed_in) + " av " +
                              std::to_string(r.units_asked),
                          Look::kLarge}});
  if (!r.with_comments) out.blocks.push_back(Text{"Kommentarerna är utelämnade.", Look::kLarge});
  if (!r.units_listed) out.blocks.push_back(Text{kUnitsNotListed, Look::kLarge});
  out.blocks.insert(out.blocks.end(), {Text{"Utskriven: " + swedish_time(r.generated_at), Look::kFaint}, PageBreak{}});
}

// The options of all summaries, in the order they first appear.
std::vector<std::string> options_of(const std::vector<Summary>& summaries) {
  std::vector<std::string> options;
  for (const Summary& s : summaries)
    for (const OptionCount& c : s.counts)
      if (std::find(options.begin(), options.end(), c.option) == options.end()) options.push_back(c.option);
  return options;
}

const OptionCount* find_option(const std::vector<OptionCount>& counts, const std::string& option) {
  auto it = std::find_if(counts.begin(), counts.end(), [&](const OptionCount& c) { return c.option == option; });
  return it == counts.end() ? nullptr : &*it;
}

void summaries(Layout& out, const CompiledReport& r) {
  if (r.summaries.empty()) return;
  out.blocks.push_back(Heading{1, "Sammanfattning"});
  const std::vector<std::string> options = options_of(r.summaries);
  // Few options get a column each; more would not fit across the page.
  const bool columns = options.size() <= kMostOptionColumns;
  Table table{.widths = {3, 1}, .header = {text("Dokument eller område", Look::kBold), text("Frågor", Look::kBold)}};
  if (columns) {
    for (const std::string& o : options) table.widths.push_back(1.3), table.header.push_back(text(o, Look::kBold));
  } else {
    table.widths.push_back(4), table.header.push_back(text("Svar", Look::kBold));
  }
  for (const Summary& s : r.summaries) {
    std::vector<Cell> row{text(heading_label(s.heading), s.heading.level <= 1 ? Look::kBold : Look::kPlain),
                          text(std::to_string(s.questions))};
    std::string all;
    for (const std::string& o : options) {
      const OptionCount* c = find_option(s.counts, o);
      if (columns) row.push_back(text(c ? count_and_share(*c) : "–"));
      else if (c) all += (all.empty() ? "" : ", ") + o + " " + count_and_share(*c);
    }
    if (!columns) row.push_back(text(all));
    table.rows.push_back(std::move(row));
  }
  out.blocks.push_back(std::move(table));
}

Table counts_table(const CompiledQuestion& q) {
  Table table{.widths = {3, 1, 1},
              .header = {text("Svarsalternativ", Look::kBold), text("Antal", Look::kBold), text("Andel", Look::kBold)}};
  for (const OptionCount& c : q.counts)
    table.rows.push_back({text(c.option), text(std::to_string(c.count)), text(percent(c.share))});
  table.rows.push_back({text("Besvarade", Look::kBold),
                        text(std::to_string(q.answered) + " av " + std::to_string(q.asked), Look::kBold), text("")});
  return table;
}

// The answers that pass `keep`, under `title`, as a table of unit, answer and comment.
template <typename Keep>
void answers(Layout& out, const CompiledReport& r, const CompiledQuestion& q, const std::string& title, Keep keep) {
  Table table{.widths = {2, 1}, .header = {text("Enhet", Look::kBold), text("Svar", Look::kBold)}};
  if (r.with_comments) table.widths.push_back(4), table.header.push_back(text("Kommentar", Look::kBold));
  for (const UnitChoice& a : q.answers) {
    if (!keep(a)) continue;
    std::vector<Cell> row{text(a.unit), text(a.choice)};
    if (r.with_comments) row.push_back(text(a.comment));
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) return;
  out.blocks.push_back(Text{title, Look::kBold});
  out.blocks.push_back(std::move(table));
}

void trend(Layout& out, const CompiledReport& r, const CompiledQuestion& q) {
  if (q.trend.empty()) return;
  Table table{.widths = {1, 2}, .header = {text("År", Look::kBold), text("Omgång", Look::kBold)}};
  for (const OptionCount& c : q.counts) table.widths.push_back(1.2), table.header.push_back(text(c.option, Look::kBold));
  auto add = [&](int year, const std::string& round, const std::vector<OptionCount>& counts) {
    std::vector<Cell> row{text(std::to_string(year)), text(round)};
    for (const OptionCount& c : q.counts) {
      const OptionCount* found = find_option(counts, c.option);
      row.push_back(text(found ? count_and_share(*found) : "–"));
    }
    table.rows.push_back(std::move(row));
  };
  for (const TrendPoint& t : q.trend) add(t.year, t.round_name, t.counts);
  add(r.year, r.round_name, q.counts);
  out.blocks.push_back(Text{"Jämfört med tidigare omgångar", Look::kBold});
  out.blocks.push_back(std::move(table));
}

void question(Layout& out, const CompiledReport& r, const CompiledQuestion& cq, int level) {
  const ReportQuestion& q = cq.question;
  out.blocks.push_back(Heading{level, "Fråga " + std::to_string(q.number) + ": " + q.text});
  if (!q.audience.empty()) out.blocks.push_back(Text{q.audience, Look::kNote});
  const std::string reference = reference_label(q);
  if (!reference.empty()) out.blocks.push_back(Text{reference, Look::kSmallBold});
  if (!q.reference_text.empty() && q.reference_text != q.reference_title)
    out.blocks.push_back(Text{q.reference_text, Look::kSmall});
  if (!q.expected_result.empty()) out.blocks.push_back(Text{"Förväntat resultat: " + q.expected_result, Look::kSmall});
  out.blocks.push_back(counts_table(cq));
  if (cq.answered > 0) out.blocks.push_back(Chart{cq.counts});
  assessment(out, r, cq.assessment);
  answers(out, r, cq, "Enheter som svarat Nej eller Delvis", [](const UnitChoice& a) { return needs_attention(a.choice); });
  if (r.with_comments)
    answers(out, r, cq, "Kommentarer från övriga enheter",
            [](const UnitChoice& a) { return !needs_attention(a.choice) && !a.comment.empty(); });
  trend(out, r, cq);
}

void not_answered(Layout& out, const CompiledReport& r) {
  out.blocks.push_back(Heading{1, "Enheter som inte har svarat"});
  if (r.units_not_answered.empty()) out.blocks.push_back(Text{"Alla enheter har svarat."});
  for (const std::string& unit : r.units_not_answered) out.blocks.push_back(Text{"• " + unit});
}

}  // namespace

Layout lay_out(const CompiledReport& report) {
  Layout out{.title = "Sammanställning – " + report.round_name};
  title_page(out, report);
  if (!report.assessment.empty()) {
    out.blocks.push_back(Heading{1, report.assessment_heading});
    out.blocks.push_back(Text{report.assessment});
  }
  summaries(out, report);
  for (const CompiledSection& s : report.sections) {
    const int level = std::clamp(s.heading.level, 1, 3);
    out.blocks.push_back(Heading{level, heading_label(s.heading)});
    assessment(out, report, s.assessment);
    for (const CompiledQuestion& q : s.questions) question(out, report, q, std::min(level + 1, 3));
  }
  not_answered(out, report);
  return out;
}

}  // namespace uppsikt::report::printed
