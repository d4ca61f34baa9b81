#pragma once
// Building and running follow-up rounds, for coordinators: a round's settings and units, its
// questions and whom each asks, copying last year's round, opening and closing.
//
// Only an admin, or a coordinator on the round's unit (service/permissions.h), may change a
// round; to anyone else a round looks missing (Outcome::not_found, the refusal audited).
// Each change is validated (Swedish messages naming the form field) and written with its
// audit row in one transaction; a refused change writes nothing. Questions and units change
// only while the round is a draft; settings also while it is open; nothing once it is closed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/round.h"
#include "core/scale.h"
#include "core/unit.h"
#include "service/outcome.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

// What the settings form holds. Dates are ISO (ÅÅÅÅ-MM-DD) or empty.
struct RoundSettings {
  std::string name;
  int year = 0;
  std::string opens_on;
  std::string deadline;
  std::string instructions;
  bool requires_approval = false;
};

// Whom a question asks: every unit of the round, units of some kinds, or chosen units.
enum class AudienceMode { all, kinds, units };

struct QuestionDraft {
  std::string text;
  std::optional<Id> node_id;   // the item followed up
  std::optional<Id> scale_id;  // the answer options; none keeps the question's (new: the standard)
  CommentRule comment_rule = CommentRule::optional;
  std::vector<std::string> comment_required_for;  // options of the scale, for required_for_some
  AudienceMode audience = AudienceMode::all;
  std::vector<UnitKind> kinds;
  std::vector<Id> units;
};

// Whether the viewer may build rounds at all (admin or coordinator anywhere).
bool may_build_rounds(const Viewer& viewer);
// The units the viewer may let take part: open units under their admin or coordinator
// grants, sorted by name by Swedish rules.
std::vector<Unit> round_candidate_units(store::Store& store, const Viewer& viewer);

// A draft round with a response for each unit and, for each chosen item of the governing
// documents, a question on the standard scale, in the documents' order. Outcome::id is the round.
Outcome create_round(store::Store& store, const Viewer& viewer, const RoundSettings& settings,
                     const std::vector<Id>& units, const std::vector<Id>& items);
Outcome update_round(store::Store& store, const Viewer& viewer, Id round_id, const RoundSettings& settings);
// Units join (a new response each) or leave (their response goes) a draft round.
Outcome set_round_units(store::Store& store, const Viewer& viewer, Id round_id, const std::vector<Id>& units);

// Outcome::id is the question.
Outcome add_question(store::Store& store, const Viewer& viewer, Id round_id, const QuestionDraft& draft);
Outcome update_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id,
                        const QuestionDraft& draft);
Outcome remove_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id);
// Swaps the question with the one before or after it; at either end nothing moves.
Outcome move_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id, Move move);

// A new draft round with the source's questions (audiences included) and units, and
// `settings` (the form starts from the source's). Outcome::id is the new round.
Outcome copy_round(store::Store& store, const Viewer& viewer, Id source_id, const RoundSettings& settings);

// A warning when the name speaks of another year than the round's ("Uppföljning 2026" with
// the year 2025): rounds are ordered by their year when earlier answers are looked up, and a
// report shows the year. Empty when they agree or the name holds no year.
std::string year_warning(const RoundSettings& settings);

// A draft with questions and units opens: the units see it; an open round closes: nothing
// changes any more. Either needs the person's confirmation (service/outcome.h): unconfirmed,
// the outcome lists what it will do, each question that reaches none of the round's units
// (its audience has no unit in the round) among them.
Outcome open_round(store::Store& store, const Viewer& viewer, Id round_id, Confirmed confirmed);
Outcome close_round(store::Store& store, const Viewer& viewer, Id round_id, Confirmed confirmed);

// "(samtliga nämnder och styrelser)" as the form shows it: empty for every unit of the round,
// else the kinds ("samtliga nämnder och styrelser", "samtliga bolag") and the units' names.
std::string audience_text(const Question& question, const std::vector<Unit>& units);

// What the round builder shows.
struct BuilderQuestion {
  Question question;
  std::optional<Node> item;
  std::string audience;  // audience_text
  std::string section;   // the document and area of the item, "Övriga frågor" without one
  std::string scale;     // the name of its answer options
  int reaches = 0;       // how many of the round's units it is put to
};
struct ItemChoice {
  Document document;
  Node node;
  int depth = 0;  // in the document's outline
};
struct RoundBuilder {
  Round round;
  std::vector<BuilderQuestion> questions;  // by position
  std::vector<Unit> units;                 // taking part, by Swedish name (the viewer's)
  std::map<Id, std::string> deadlines;     // the units given their own later deadline, by unit id
  int unit_count = 0;                      // every unit taking part
  std::vector<Unit> candidates;            // round_candidate_units
  std::vector<ItemChoice> items;           // areas and items of the current documents, in order
  std::vector<Scale> scales;               // to choose from, the standard one first
  std::vector<std::string> options;        // of every scale, each once, in the scales' order
};
// Nothing unless the viewer may manage the round.
std::optional<RoundBuilder> round_builder(store::Store& store, const Viewer& viewer, Id round_id);
// The areas and items of the current editions of the documents, for choosing.
std::vector<ItemChoice> item_choices(store::Store& store);

}  // namespace uppsikt::service
