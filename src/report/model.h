#pragma once
// What a report says, independent of its format: the unit report (one unit's response laid
// out like the follow-up document it replaces) and the compiled report of a round (how every
// unit answered every question). The service fills these from the store after checking who
// may read them; each renderer (HTML, PDF, DOCX, XLSX, CSV, JSON) turns one into bytes.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"

namespace uppsikt::report {

// A question as the follow-up document shows it, with the item it follows up.
struct ReportQuestion {
  Id id = 0;
  int number = 0;                    // 1-based position in the round
  std::string text;
  std::string audience;              // "Samtliga nämnder och styrelser"; empty for all units
  std::string reference_kind;        // "Strategi", "Insats", "Åtgärd"; empty without an item
  std::string reference_number;      // "1:1"
  std::string reference_title;       // the item's short name
  std::string reference_text;        // the item's full wording
  std::string expected_result;       // may be empty
  std::vector<std::string> options;  // the scale's options, in order
};

// A heading of the follow-up: a document (level 1) or one of its areas (level 2 and below).
struct Heading {
  std::string number;  // "1.1.1"; may be empty
  std::string title;
  int level = 1;
};

// ---- The unit report --------------------------------------------------------------------

struct UnitAnswer {
  ReportQuestion question;
  std::string choice;   // empty when unanswered
  std::string comment;  // paragraphs separated by a blank line
};

struct UnitSection {
  Heading heading;
  std::string document;  // the governing document's title the section belongs to
  std::vector<UnitAnswer> answers;
};

struct UnitReport {
  std::string round_name;    // "Uppföljning 2024"
  int year = 0;
  std::string unit_name;     // "Miljö- och klimatnämnden"
  std::string parent_name;   // may be empty
  std::string status;        // "Inlämnad", as people read it
  std::string handed_in_at;  // ISO date and time; empty when not handed in
  std::string generated_at;  // ISO date and time of rendering
  std::vector<UnitSection> sections;  // in the follow-up's order
};

// ---- The compiled report ----------------------------------------------------------------

struct OptionCount {
  std::string option;
  int count = 0;
  double share = 0;  // of the units that answered the question, 0–1
};

// One unit's answer to one question, for listing comments.
struct UnitChoice {
  Id unit_id = 0;
  std::string unit;     // the unit's name
  std::string choice;
  std::string comment;  // empty when comments are left out (published without comments)
  std::string handed_in_at;
};

// The same question (following up the same item) in an earlier round.
struct TrendPoint {
  int year = 0;
  std::string round_name;
  std::vector<OptionCount> counts;
};

struct CompiledQuestion {
  ReportQuestion question;
  std::vector<OptionCount> counts;  // one per option of the scale, in scale order
  int answered = 0;                 // units that chose an option
  int asked = 0;                    // units the question was put to
  std::vector<UnitChoice> answers;  // every unit that answered, by unit name (Swedish order)
  std::vector<TrendPoint> trend;    // earlier rounds, oldest first; the current round not included
  std::string assessment;           // the coordinator's (CompiledReport::assessment_heading); may be empty
};

struct CompiledSection {
  Heading heading;
  std::string document;
  std::vector<CompiledQuestion> questions;
  std::string assessment;  // the coordinator's, of the document or area; may be empty
};

// Counts summed over the questions of one document or area, for the summary tables.
struct Summary {
  Heading heading;
  int questions = 0;
  std::vector<OptionCount> counts;
};

struct CompiledReport {
  std::string round_name;
  int year = 0;
  std::string generated_at;
  std::string scope;                // what the filter kept, in words: "Hela organisationen"
  bool with_comments = true;
  // False when the selection is too large to list each unit's answer (a national round):
  // the questions then hold counts only, and `answers` is empty.
  bool units_listed = true;
  int units_asked = 0;              // units of the round after filtering
  int units_handed_in = 0;          // handed in or approved
  std::vector<CompiledSection> sections;
  std::vector<Summary> summaries;   // per document (level 1), then per area, in order
  std::vector<std::string> units_not_answered;  // names, Swedish order
  // The coordinating office's assessment ("Stadsledningskontorets bedömning", named for the
  // sender): of the whole round here, of sections and questions on them. And the cover facts
  // for the council: sender, date (ISO) and registration number (diarienummer); may be empty.
  std::string assessment_heading;
  std::string assessment;
  std::string sender;
  std::string report_date;
  std::string registration_number;
};

// One row of the long form (one unit × question), shared by CSV, XLSX and JSON. The fields
// view the report's text and are valid during the call that receives the row: a national
// round has 600,000 rows, and copying the question and reference into each was most of the
// work of writing them.
struct LongRow {
  std::string_view round;
  std::string_view document;
  std::string_view section;    // "1.1.1 Målområde 1: …"
  std::string_view reference;  // "Strategi 1:1 Öka kunskapen"
  std::string_view question;
  std::string_view unit;
  std::string_view answer;
  std::string_view comment;
  std::string_view handed_in;
};

// Calls `row` for each row of the long form, in the report's order.
void for_each_long_row(const CompiledReport& report, const std::function<void(const LongRow&)>& row);
void for_each_long_row(const UnitReport& report, const std::function<void(const LongRow&)>& row);
std::size_t long_row_count(const CompiledReport& report);
std::size_t long_row_count(const UnitReport& report);

}  // namespace uppsikt::report
