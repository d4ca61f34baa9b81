#pragma once
// The coordinator's assessment of a round's compiled report ("Stadsledningskontorets
// bedömning"): a text for the whole round, for each document and area of the report and for
// each question, and the cover the report carries to the council (sender, date, diarienummer).
// Those who manage the round (service/round_admin.h's rules) write them on the report's pages;
// every format of the compiled report shows them (service/report_data.h), and a publication
// freezes them with the rest of the report.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/round.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// The sender when none is given and the round has no coordinating unit.
inline const std::string kDefaultSender = "Stadsledningskontoret";

// "Stadsledningskontorets bedömning", "Göteborgs Stads bedömning": the sender's genitive.
std::string assessment_heading(const std::string& sender);

// The longest text kept for one part, in characters (UTF-8 bytes): a few pages.
inline constexpr std::size_t kMostAssessmentBytes = 20000;

// The form field of a part's text: "bedomning-question-42", "bedomning-round".
std::string assessment_field(const std::string& target);

struct AssessmentPart {
  std::string target;  // core/assessment.h
  std::string label;   // "Fråga 5: Har ni …", "1 Målområde 1"
  int level = 1;       // for the heading's indentation: sections 1–3, questions below their section
  bool question = false;
  std::string text;
};

struct AssessmentForm {
  Round round;
  std::string heading;         // assessment_heading of the sender in use
  std::string default_sender;  // the round's coordinating unit, else kDefaultSender
  ReportCover cover;           // as saved (the sender may be empty: the default)
  std::string round_text;      // the assessment of the whole round
  std::vector<AssessmentPart> parts;  // the report's sections and questions, in its order
};

// Nothing unless the viewer may manage the round.
std::optional<AssessmentForm> assessment_form(store::Store& store, const Viewer& viewer, Id round_id);

struct AssessmentInput {
  ReportCover cover;
  std::map<std::string, std::string> texts;  // by target, the round's ("round") included; an empty text removes it
};

// Saves the cover and the texts in one transaction with one audit row of what changed. Refused
// (nothing written): a date that is not ÅÅÅÅ-MM-DD (field "datum"), a text too long (its
// target's field), a target that is not a part of the round's report.
Outcome save_assessments(store::Store& store, const Viewer& viewer, Id round_id, const AssessmentInput& input);

}  // namespace uppsikt::service
