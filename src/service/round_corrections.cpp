#include "service/round_corrections.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/iso_date.h"
#include "core/text.h"
#include "core/unit_tree.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/mail_settings.h"
#include "service/mail_text.h"
#include "service/notices.h"
#include "service/round_units.h"

namespace uppsikt::service {
namespace {

Outcome status_error(std::string message) { return Outcome::invalid({{"status", std::move(message)}}); }

void audit_change(store::Tx& tx, const Viewer& viewer, const Round& round, std::string action, std::string entity,
                  Id entity_id, const nlohmann::json& before, const nlohmann::json& after) {
  audit(tx, actor_of(viewer),
        AuditEntry{.unit_id = round.unit_id, .action = std::move(action), .entity = std::move(entity),
                   .entity_id = entity_id, .before_json = before.is_null() ? "" : before.dump(),
                   .after_json = after.is_null() ? "" : after.dump()});
}

bool is_closed(const Round& round) {
  return round.status == RoundStatus::closed || round.status == RoundStatus::published;
}

}  // namespace

Outcome extend_deadline(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id,
                        const std::string& deadline) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "deadline_extend " + std::to_string(round_id));
  if (round->status != RoundStatus::open) return status_error("Svarstiden kan bara förlängas medan omgången är öppen");
  auto response = tx->response_of(round_id, unit_id);
  if (!response) return Outcome::invalid({{"forlang-enhet", "Välj en enhet som deltar i omgången"}});
  const std::string day{trim(deadline)};
  if (!day.empty() && !is_iso_date(day))
    return Outcome::invalid({{"forlang-datum", "Skriv den nya sista svarsdagen som ÅÅÅÅ-MM-DD"}});
  if (!day.empty() && !round->deadline.empty() && day <= round->deadline)
    return Outcome::invalid(
        {{"forlang-datum", "Den nya sista svarsdagen måste vara efter omgångens, " + round->deadline}});
  tx->set_response_deadline(response->id, day);
  audit_change(*tx, viewer, *round, "deadline_extend", "response", response->id,
               {{"unit_id", unit_id}, {"deadline", response->deadline}}, {{"unit_id", unit_id}, {"deadline", day}});
  tx->commit();
  return Outcome::done(unit_id);
}

Outcome add_round_unit(store::Store& store, const Viewer& viewer, Id round_id, Id unit_id) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_unit_add " + std::to_string(round_id));
  if (is_closed(*round)) return status_error("Omgången är stängd och kan inte få fler enheter");
  const auto unit = tx->unit(unit_id);
  const UnitTree tree(tx->units());
  if (!unit || unit->closed || !holds(viewer, tree, Role::coordinator, unit_id) ||
      (round->unit_id && !unit_within(tree, unit_id, *round->unit_id)))
    return Outcome::invalid({{"ny-enhet", "Välj en enhet inom ditt ansvarsområde"}});
  if (tx->response_of(round_id, unit_id))
    return Outcome::invalid({{"ny-enhet", unit->name + " deltar redan i omgången"}});
  tx->add_response(Response{.round_id = round_id, .unit_id = unit_id});
  // Joining an open round, its respondents are told as the others were when it opened.
  if (const auto settings = mail_settings(); settings && round->status == RoundStatus::open)
    queue_to(*tx, unit_people(*tx, tree, Role::respondent, unit_id),
             round_opened_text(response_facts(settings->public_url, *round, *unit)), "round_opened", round_id, unit_id,
             system_now());
  audit_change(*tx, viewer, *round, "round_unit_add", "round", round_id, nullptr, {{"unit_id", unit_id}});
  tx->commit();
  return Outcome::done(unit_id);
}

Outcome reword_question(store::Store& store, const Viewer& viewer, Id round_id, Id question_id,
                        const std::string& text) {
  auto tx = store.begin();
  auto question = tx->question(question_id);
  if (!question || question->round_id != round_id) return Outcome::not_found();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "question_reword " + std::to_string(question_id));
  if (round->status != RoundStatus::open)
    return status_error("Formuleringen rättas så här bara medan omgången är öppen");
  const std::string wording = collapse_space(text);
  if (wording.empty()) return Outcome::invalid({{"fraga", "Skriv frågan"}});
  if (wording == question->text) return Outcome::invalid({{"fraga", "Frågan har redan den formuleringen"}});
  const QuestionChange change{.question_id = question_id, .changed_at = now_iso(), .changed_by = viewer.user_id,
                              .before = question->text, .after = wording};
  tx->add_question_change(change);
  question->text = wording;
  tx->update_question(*question);
  audit_change(*tx, viewer, *round, "question_reword", "question", question_id, {{"text", change.before}},
               {{"text", change.after}});
  tx->commit();
  return Outcome::done(question_id);
}

Outcome delete_draft_round(store::Store& store, const Viewer& viewer, Id round_id, Confirmed confirmed) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_delete " + std::to_string(round_id));
  if (round->status != RoundStatus::draft) return status_error("Bara ett utkast kan tas bort");
  const auto questions = tx->questions(round_id).size();
  const auto units = tx->responses(round_id).size();
  auto counted = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (confirmed == Confirmed::no)
    return Outcome::unconfirmed({"Utkastet " + round->name + " tas bort med " + counted(questions, "fråga", "frågor") +
                                     " och " + counted(units, "enhet", "enheter") + ", och svar som redan finns i det.",
                                 "Det går inte att ångra. Loggen behåller att det fanns och vem som tog bort det."});
  tx->delete_round(round_id);
  audit_change(*tx, viewer, *round, "round_delete", "round", round_id,
               {{"name", round->name}, {"year", round->year}, {"questions", questions}, {"units", units}}, nullptr);
  tx->commit();
  return Outcome::done(round_id);
}

Outcome archive_round(store::Store& store, const Viewer& viewer, Id round_id, bool archived) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "round_archive " + std::to_string(round_id));
  if (!is_closed(*round)) return status_error("Bara en stängd omgång kan arkiveras");
  if (round->archived == archived) return Outcome::done(round_id);
  round->archived = archived;
  tx->update_round(*round);
  audit_change(*tx, viewer, *round, archived ? "round_archive" : "round_unarchive", "round", round_id,
               {{"archived", !archived}}, {{"archived", archived}});
  tx->commit();
  return Outcome::done(round_id);
}

}  // namespace uppsikt::service
