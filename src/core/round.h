#pragma once
// A follow-up round (uppföljningsomgång) and its questions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"
#include "core/unit.h"

namespace uppsikt {

enum class RoundStatus { draft, open, closed, published };

struct Round {
  Id id = 0;
  std::string name;  // "Uppföljning 2024"
  int year = 0;
  RoundStatus status = RoundStatus::draft;
  std::string deadline;  // ISO date, may be empty
  std::string opens_on;  // ISO date the units may start answering, may be empty
  std::string instructions;      // shown to the units above the questions
  bool requires_approval = false;  // a hand-in goes to the unit's approver first
  // The unit whose coordinators run the round; the units taking part lie under it. Empty for
  // rounds made before rounds had one (imports): then the units taking part decide.
  std::optional<Id> unit_id;
  // Taken out of the start page's list once closed; the "Arkiverade" list still shows it.
  bool archived = false;
};

// Whether a comment must accompany an answer.
enum class CommentRule { optional, required, required_for_some };

struct Question {
  Id id = 0;
  Id round_id = 0;
  std::optional<Id> node_id;  // the item it follows up
  int position = 0;
  std::string text;
  std::string audience;  // "Samtliga nämnder och styrelser", as shown; empty for all units
  // Who must answer: every unit of the round when both lists are empty, else the units of
  // these kinds and these units.
  std::vector<UnitKind> audience_kinds;
  std::vector<Id> audience_units;
  Id scale_id = 0;
  CommentRule comment_rule = CommentRule::optional;
  std::vector<std::string> comment_required_for;  // options needing a comment, for required_for_some
};

// A question's wording corrected while its round was open, kept so that those who answered
// the earlier wording see what changed and when.
struct QuestionChange {
  Id id = 0;
  Id question_id = 0;
  std::string changed_at;  // ISO timestamp, UTC
  std::optional<Id> changed_by;
  std::string before;      // the wording answered until then
  std::string after;
};

// Whether `question` is put to `unit` (a unit taking part in the round).
bool asks(const Question& question, const Unit& unit);
// Whether `question` is put to every unit of its round, whatever its kind.
bool asks_everyone(const Question& question);

std::string_view to_code(RoundStatus status);
std::optional<RoundStatus> round_status_from_code(std::string_view code);
std::string_view label(RoundStatus status);
std::string_view to_code(CommentRule rule);
std::optional<CommentRule> comment_rule_from_code(std::string_view code);

}  // namespace uppsikt
