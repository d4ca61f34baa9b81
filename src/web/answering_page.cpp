#include "web/answering_page.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <fmt/format.h>

#include "core/swedish_time.h"
#include "core/text.h"
#include "service/answer_fields.h"
#include "web/answering_questions.h"
#include "web/infra/format.h"
#include "web/report_params.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

using service::AnsweringView;
using service::FieldError;
namespace answer_fields = service::answer_fields;

std::string block_anchor(const service::ResponseBlock& b, std::size_t index) {
  return "avsnitt-" + (b.number.empty() ? std::to_string(index + 1) : b.number);
}

// The id of the field an error links to: the first option, the comment or the message.
std::string field_id(const FieldError& e, const AnsweringState& state) {
  const auto on = answer_fields::on_question(e.field);
  if (!on) return state.form_field;
  return on->comment ? e.field : e.field + "-1";
}

// At most `limit` characters of `text`, with "…" when cut.
std::string shortened(std::string_view text, std::size_t limit) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == limit) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

nlohmann::json answer_json(const Answer& a) {
  return {{"choice", a.choice}, {"choice_badge", choice_badge(a.choice)}, {"comment", paragraphs(a.comment)},
          {"choice_raw", a.choice}, {"comment_raw", a.comment}};
}

nlohmann::json options_json(Id question_id, const std::vector<std::string>& options, std::string_view chosen) {
  nlohmann::json out = nlohmann::json::array();
  const std::string name = answer_fields::choice(question_id);
  for (std::size_t i = 0; i < options.size(); ++i)
    out.push_back({{"value", options[i]}, {"id", fmt::format("{}-{}", name, i + 1)}, {"name", name},
                   {"checked", options[i] == chosen}});
  return out;
}

// The status of a section in the task list, from how many of its questions are answered; a
// section with an error to fix is never "Klar".
nlohmann::json section_status(int answered, int total, bool has_errors) {
  if (has_errors) return {{"label", "Har fel"}, {"badge", "badge--error"}};
  if (answered == total) return {{"label", "Klar"}, {"badge", "badge--success"}};
  if (answered > 0) return {{"label", "Påbörjad"}, {"badge", "badge--warning"}};
  return {{"label", "Ej påbörjad"}, {"badge", "badge--default"}};
}

nlohmann::json history_json(const AnsweringView& view) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : view.events)
    out.push_back({{"label", label(e.kind)}, {"who", e.user_name}, {"at", swedish_time(e.at)},
                   {"message", e.message}, {"late", e.late}, {"edition", e.edition}});
  return out;
}

// Links to what was handed in under each edition.
nlohmann::json editions_json(const AnsweringView& view) {
  nlohmann::json out = nlohmann::json::array();
  const auto& r = view.page.response;
  for (const auto& e : view.events)
    if (e.kind == ResponseEventKind::handed_in)
      out.push_back({{"edition", e.edition}, {"at", swedish_time(e.at)},
                     {"href", response_path(r.round_id, r.unit_id) + "/inlamnat/" + std::to_string(e.edition)}});
  return out;
}

// The latest message of an approver's send-back or a coordinator's return, while it applies.
nlohmann::json return_message(const AnsweringView& view) {
  if (view.page.response.status != ResponseStatus::returned) return nullptr;
  for (auto e = view.events.rbegin(); e != view.events.rend(); ++e)
    if (e->kind == ResponseEventKind::sent_back || e->kind == ResponseEventKind::returned)
      return {{"label", label(e->kind)}, {"who", e->user_name}, {"at", swedish_time(e->at)}, {"message", e->message}};
  return nullptr;
}

nlohmann::json errors_json(const AnsweringView& view, const AnsweringState& state) {
  std::map<Id, std::string> texts;
  for (const auto& b : view.page.blocks)
    for (const auto& aq : b.questions) texts.emplace(aq.question.id, aq.question.text);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : state.errors) {
    std::string text = e.message;
    const auto on = answer_fields::on_question(e.field);
    if (auto t = on ? texts.find(on->question_id) : texts.end(); t != texts.end())
      text = shortened(t->second, 60) + ": " + e.message;
    out.push_back({{"href", "#" + field_id(e, state)}, {"message", text}});
  }
  return out;
}

// The error of a decision's message field (sending back, returning), keyed by the field's id
// so that the template marks that field: aria-invalid, described by its message.
nlohmann::json message_errors(const AnsweringState& state) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& e : state.errors)
    if (e.field == answer_fields::kMessage && state.form_field.starts_with("meddelande-")) {
      std::string key = state.form_field.substr(std::string_view("meddelande-").size());
      std::replace(key.begin(), key.end(), '-', '_');  // "skicka_tillbaka", as the template names it
      out[key] = e.message;
    }
  return out;
}

}  // namespace

std::string response_path(Id round_id, Id unit_id) {
  return "/omgangar/" + std::to_string(round_id) + "/svar/" + std::to_string(unit_id);
}

http::Response answering_page(const Site& site, const Visit& visit, const AnsweringView& view,
                              const AnsweringState& state, int status) {
  const auto& r = view.page.response;
  std::map<Id, FieldError> question_errors;
  for (const auto& e : state.errors)
    if (auto on = answer_fields::on_question(e.field)) question_errors.emplace(on->question_id, e);
  const QuestionContext context{view, state, question_errors, view.may.answer};

  Page page{.title = view.page.unit.name, .template_name = "answering", .nav = "start"};
  nlohmann::json blocks = nlohmann::json::array();
  nlohmann::json tasks = nlohmann::json::array();
  for (std::size_t i = 0; i < view.page.blocks.size(); ++i) {
    const auto& b = view.page.blocks[i];
    const int level = std::min(b.level + 1, 6);  // h1 is the page
    std::string questions;
    int answered = 0;
    bool errors_here = false;
    for (const auto& aq : b.questions) {
      write_question(questions, aq, std::min(level + 1, 6), context);
      if (aq.answer && !aq.answer->choice.empty()) ++answered;
      errors_here = errors_here || question_errors.contains(aq.question.id);
    }
    const std::string anchor = block_anchor(b, i);
    const int total = static_cast<int>(b.questions.size());
    if (total > 0)
      tasks.push_back({{"href", "#" + anchor}, {"number", b.number}, {"title", b.title},
                       {"status", section_status(answered, total, errors_here)}});
    blocks.push_back({{"number", b.number}, {"title", b.title}, {"level", level}, {"anchor", anchor},
                      {"questions_html", page.splice(std::move(questions))}, {"has_questions", total > 0}, {"editable", view.may.answer},
                      {"notice", anchor == state.notice_anchor ? state.notice : ""}});
  }
  const bool notice_in_section = std::any_of(blocks.begin(), blocks.end(), [&](const nlohmann::json& b) {
    return b["anchor"] == state.notice_anchor && b["has_questions"] == true;
  });
  const std::string path = response_path(r.round_id, r.unit_id);
  auto errors = errors_json(view, state);
  page.crumbs = {{"Uppföljningar", "/"}, {view.page.round.name, "/omgangar/" + std::to_string(r.round_id)},
                 {view.page.unit.name, ""}};
  page.data = {
      {"csrf", visit.csrf_token},
      {"path", path},
      {"round", round_json(view.page.round)},
      {"deadline", deadline_for(r, view.page.round.deadline)},
      {"deadline_extended", !r.deadline.empty()},
      {"instructions", paragraphs(view.page.round.instructions)},
      {"has_instructions", !trim(view.page.round.instructions).empty()},
      {"parent", view.page.parent ? view.page.parent->name : ""},
      {"status", status_json(r.status)},
      {"awaiting_approval", r.status == ResponseStatus::submitted && view.page.round.requires_approval},
      {"requires_approval", view.page.round.requires_approval},
      {"updated_at", r.updated_at.empty() ? "" : swedish_time(r.updated_at)},
      {"handed_in_at", r.handed_in_at.empty() ? "" : swedish_time(r.handed_in_at)},
      {"edition", r.edition > 1 ? std::to_string(r.edition) : ""},
      {"answered", view.page.answered},
      {"questions", view.page.questions},
      {"late", view.late},
      {"may_answer", view.may.answer},
      {"may_approve", view.may.approve},
      {"may_return", view.may.return_response},
      {"may_reopen", view.may.reopen},
      {"script", view.may.answer ? site.assets.url_for("autosave.js") : ""},
      {"has_errors", !errors.empty()},
      {"tasks", std::move(tasks)},  // moved: a copy of the blocks was a tenth of the page's time
      {"blocks", std::move(blocks)},
      {"errors", std::move(errors)},
      {"message", state.message},
      {"message_errors", message_errors(state)},
      {"notice", notice_in_section ? "" : state.notice},
      {"returned", return_message(view)},
      {"history", history_json(view)},
      {"has_history", !view.events.empty()},
      {"editions", editions_json(view)},
      {"downloads", download_links(path, "")},
  };
  auto response = render_page(site, visit, page);
  response.status = status;
  return response;
}

http::Response conflict_page(const Site& site, const Visit& visit, const AnsweringView& view,
                             const std::vector<Conflict>& conflicts) {
  std::map<Id, const service::AnsweredQuestion*> questions;
  for (const auto& b : view.page.blocks)
    for (const auto& aq : b.questions) questions.emplace(aq.question.id, &aq);
  nlohmann::json items = nlohmann::json::array();
  bool all_mine = !conflicts.empty();  // every other save was this person's, in another tab
  for (const auto& c : conflicts) {
    auto q = questions.find(c.mine.question_id);
    if (q == questions.end()) continue;
    const Question& question = q->second->question;
    auto scale = view.options.find(question.scale_id);
    const auto& options = scale == view.options.end() ? std::vector<std::string>{} : scale->second;
    Answer mine{.choice = c.mine.choice, .comment = c.mine.comment};
    const bool by_me = !c.theirs.changed_by.empty() && c.theirs.changed_by == visit.viewer().name;
    all_mine = all_mine && by_me;
    items.push_back({{"id", question.id}, {"text", question.text}, {"mine", answer_json(mine)},
                     {"theirs", answer_json(c.theirs)}, {"by", by_me ? "dig, i en annan flik" : c.theirs.changed_by},
                     {"at", swedish_time(c.theirs.changed_at)}, {"version", c.theirs.version},
                     {"options", options_json(question.id, options, c.mine.choice)},
                     {"choice_name", answer_fields::choice(question.id)},
                     {"comment_name", answer_fields::comment(question.id)},
                     {"version_name", answer_fields::version(question.id)},
                     {"comment_text", c.mine.comment},
                     {"comment_length", utf8_length(c.mine.comment).value_or(c.mine.comment.size())},
                     {"max_comment", service::kMaxCommentChars},
                     {"back", response_path(view.page.round.id, view.page.unit.id) + "#fraga-" +
                                  std::to_string(question.id)}});
  }
  Page page{.title = "Svaret har ändrats av någon annan", .template_name = "answer_conflict", .nav = "start"};
  const std::string path = response_path(view.page.round.id, view.page.unit.id);
  page.crumbs = {{"Uppföljningar", "/"}, {view.page.round.name, "/omgangar/" + std::to_string(view.page.round.id)},
                 {view.page.unit.name, path}, {"Krock", ""}};
  page.data = {{"csrf", visit.csrf_token}, {"path", path}, {"conflicts", items}, {"all_mine", all_mine},
               {"script", site.assets.url_for("autosave.js")}};
  auto response = render_page(site, visit, page);
  response.status = 409;
  return response;
}

}  // namespace uppsikt::web
