#include "service/report_assessments.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/iso_date.h"
#include "core/text.h"
#include "report/labels.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/report_outline.h"
#include "service/round_units.h"

namespace uppsikt::service {
namespace {

std::string default_sender_of(store::Tx& tx, const Round& round) {
  if (round.unit_id)
    if (auto unit = tx.unit(*round.unit_id)) return unit->name;
  return kDefaultSender;
}

// The parts of the round's report an assessment may be written for, in the report's order.
std::vector<AssessmentPart> parts_of(store::Tx& tx, Id round_id) {
  std::vector<AssessmentPart> out;
  const auto questions = tx.questions(round_id);
  for (const auto& section : report_outline(tx, questions, std::nullopt)) {
    const int level = std::clamp(section.heading.level, 1, 3);
    if (!section.key.empty()) out.push_back({section.key, report::heading_label(section.heading), level, false, ""});
    for (const auto& p : section.questions)
      out.push_back({question_target(p.question->id), "Fråga " + std::to_string(p.number) + ": " + p.question->text,
                     level + 1, true, ""});
  }
  return out;
}

}  // namespace

std::string assessment_field(const std::string& target) {
  std::string field = "bedomning-" + target;
  std::replace(field.begin(), field.end(), ':', '-');
  return field;
}

std::string assessment_heading(const std::string& sender) {
  const std::string name{trim(sender)};
  if (name.empty()) return assessment_heading(kDefaultSender);
  const char last = name.back();
  const bool has_s = last == 's' || last == 'x' || last == 'z' || last == 'S' || last == 'X' || last == 'Z';
  return name + (has_s ? "" : "s") + " bedömning";
}

std::optional<AssessmentForm> assessment_form(store::Store& store, const Viewer& viewer, Id round_id) {
  auto tx = store.begin_read();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return std::nullopt;
  AssessmentForm form{.round = *round, .default_sender = default_sender_of(*tx, *round),
                      .cover = tx->report_cover(round_id).value_or(ReportCover{})};
  form.heading = assessment_heading(form.cover.sender.empty() ? form.default_sender : form.cover.sender);
  const auto texts = tx->assessments(round_id);
  auto text_of = [&](const std::string& target) {
    auto it = texts.find(target);
    return it == texts.end() ? std::string() : it->second;
  };
  form.round_text = text_of(kRoundTarget);
  form.parts = parts_of(*tx, round_id);
  for (auto& part : form.parts) part.text = text_of(part.target);
  return form;
}

Outcome save_assessments(store::Store& store, const Viewer& viewer, Id round_id, const AssessmentInput& input) {
  auto tx = store.begin();
  bool exists = false;
  auto round = managed_round(*tx, viewer, round_id, exists);
  if (!round) return refuse_round(store, viewer, tx, exists, "assessment_save " + std::to_string(round_id));
  ReportCover cover{std::string(trim(input.cover.sender)), std::string(trim(input.cover.date)),
                    std::string(trim(input.cover.registration_number))};
  std::vector<FieldError> errors;
  if (!cover.date.empty() && !is_iso_date(cover.date)) errors.push_back({"datum", "Skriv datumet som ÅÅÅÅ-MM-DD"});
  std::set<std::string> targets{kRoundTarget};
  for (const auto& part : parts_of(*tx, round_id)) targets.insert(part.target);
  for (const auto& [target, text] : input.texts) {
    if (!targets.contains(target)) {
      errors.push_back({"bedomning", "En del av bedömningen hör inte till omgångens sammanställning"});
      break;
    }
    if (text.size() > kMostAssessmentBytes)
      errors.push_back({assessment_field(target), "Bedömningen får vara högst 20 000 tecken"});
  }
  if (!errors.empty()) return Outcome::invalid(std::move(errors));

  const auto before = tx->assessments(round_id);
  const auto before_cover = tx->report_cover(round_id).value_or(ReportCover{});
  nlohmann::json was = nlohmann::json::object(), is = nlohmann::json::object();
  const std::string now = now_iso();
  for (const auto& [target, raw] : input.texts) {
    const std::string text{trim(raw)};
    auto it = before.find(target);
    const std::string old = it == before.end() ? "" : it->second;
    if (text == old) continue;
    tx->save_assessment(round_id, target, text, now, viewer.user_id);
    was[target] = old;
    is[target] = text;
  }
  const bool cover_changed = cover.sender != before_cover.sender || cover.date != before_cover.date ||
                             cover.registration_number != before_cover.registration_number;
  if (cover_changed) {
    tx->save_report_cover(round_id, cover, now, viewer.user_id);
    was["cover"] = {{"sender", before_cover.sender}, {"date", before_cover.date},
                    {"registration_number", before_cover.registration_number}};
    is["cover"] = {{"sender", cover.sender}, {"date", cover.date}, {"registration_number", cover.registration_number}};
  }
  if (is.empty()) return Outcome::done(round_id);  // nothing changed, nothing to audit
  audit(*tx, actor_of(viewer),
        AuditEntry{.unit_id = round->unit_id, .action = "assessment_save", .entity = "round", .entity_id = round_id,
                   .before_json = was.dump(), .after_json = is.dump()});
  tx->commit();
  return Outcome::done(round_id);
}

}  // namespace uppsikt::service
