#include "web/answering_questions.h"

#include "core/swedish_time.h"
#include "core/text.h"
#include "service/answering.h"
#include "service/answer_fields.h"
#include "web/infra/format.h"
#include "web/infra/markup.h"

namespace uppsikt::web {
namespace {

namespace answer_fields = service::answer_fields;

std::string comment_rule_text(const Question& q) {
  if (q.comment_rule == CommentRule::required) return "Kommentar krävs.";
  if (q.comment_rule != CommentRule::required_for_some || q.comment_required_for.empty()) return "";
  std::string options;
  for (std::size_t i = 0; i < q.comment_required_for.size(); ++i) {
    if (i > 0) options += i + 1 == q.comment_required_for.size() ? " eller " : ", ";
    options += q.comment_required_for[i];
  }
  return "Kommentar krävs för svaret " + options + ".";
}

void write_paragraphs(std::string& out, std::string_view text) {
  for (const auto& p : paragraph_list(text)) write(out, "<p>{}</p>", Escaped{p});
}

void write_reference(std::string& out, const Node& item) {
  write(out, "<div class=\"uppsikt-reference\">\n<p><strong>{}</strong> {}</p>\n", Escaped{item.title},
        Escaped{item.text});
  if (!item.expected_result.empty())
    write(out, "<p><strong>Förväntat resultat:</strong> {}</p>\n", Escaped{item.expected_result});
  out += "</div>\n";
}

// The answer as the form shows it: what was posted when the page comes back with errors.
struct Shown {
  std::string_view choice;
  std::string_view comment;
  int version;
};

void write_options(std::string& out, Id id, const std::vector<std::string>& options, std::string_view chosen) {
  const std::string name = answer_fields::choice(id);
  for (std::size_t i = 0; i < options.size(); ++i)
    write(out,
          "<div class=\"radio-button\">\n"
          "<input class=\"radio-button__input\" type=\"radio\" id=\"{0}-{1}\" name=\"{0}\" "
          "value=\"{2}\"{3}>\n"
          "<label class=\"radio-button__label\" for=\"{0}-{1}\">{2}</label>\n"
          "</div>\n",
          name, i + 1, Escaped{options[i]}, options[i] == chosen ? " checked" : "");
}

void write_previous(std::string& out, const Question& q, const Answer& previous, std::string_view round) {
  write(out,
        "<aside class=\"uppsikt-previous\" aria-label=\"Förra omgångens svar\">\n"
        "<p class=\"uppsikt-previous__label\">{}</p>\n"
        "<p>Svar: <span class=\"badge {}\">{}</span></p>\n",
        Escaped{round}, choice_badge(previous.choice), Escaped{previous.choice});
  write_paragraphs(out, previous.comment);
  write(out,
        "\n<input type=\"hidden\" name=\"{4}\" value=\"{1}\" data-previous-choice>\n"
        "<input type=\"hidden\" name=\"{5}\" value=\"{2}\" data-previous-comment>\n"
        "<button type=\"submit\" class=\"button button--secondary button--small\" name=\"kopiera\" value=\"{0}\" "
        "data-copy>Använd förra svaret<span class=\"uppsikt-visually-hidden\"> på: {3}</span></button>\n"
        "</aside>\n",
        q.id, Escaped{previous.choice}, Escaped{previous.comment}, Escaped{q.text},
        answer_fields::previous_choice(q.id), answer_fields::previous_comment(q.id));
}

void write_fields(std::string& out, const service::AnsweredQuestion& aq, const Shown& shown, const QuestionContext& c) {
  const Question& q = aq.question;
  const Id id = q.id;
  // The error goes where the fixing is: on the options, or on the comment (GOV.UK's and
  // FKUI's pattern: the field marked invalid and described by its message).
  const auto error = c.errors.find(id);
  const bool comment_error = error != c.errors.end() && error->second.field == answer_fields::comment(id);
  const bool has_error = error != c.errors.end() && !comment_error;
  const Answer stored = aq.answer.value_or(Answer{.version = 0});
  const std::string comment = answer_fields::comment(id);
  write(out,
        "<div class=\"uppsikt-answer-grid\">\n<div class=\"uppsikt-answer-fields\">\n"
        "<input type=\"hidden\" name=\"{6}\" value=\"{1}\" data-version>\n"
        "<input type=\"hidden\" name=\"{7}\" value=\"{2}\" data-check>\n"
        "<fieldset class=\"fieldset radio-button-group{3}\" id=\"{8}\"{4}>\n"
        "<legend class=\"label fieldset__label\">Svar<span class=\"uppsikt-visually-hidden\">: {5}</span></legend>\n",
        id, shown.version, service::answer_check(stored.choice, stored.comment),
        has_error ? " radio-button-group--error" : "", has_error ? fmt::format(" aria-describedby=\"fel-{}\"", id) : "",
        Escaped{q.text}, answer_fields::version(id), answer_fields::check(id), answer_fields::choice(id));
  if (has_error)
    write(out, "<p class=\"label__message label__message--error\" id=\"fel-{}\">{}</p>\n", id,
          Escaped{error->second.message});
  out += "<div class=\"fieldset__content radio-button-group__content\">\n";
  static const std::vector<std::string> kNoOptions;
  const auto scale = c.view.options.find(q.scale_id);
  write_options(out, id, scale == c.view.options.end() ? kNoOptions : scale->second, shown.choice);
  const std::string rule = comment_rule_text(q);
  write(out,
        "</div>\n</fieldset>\n<div class=\"textarea-field{4}\">\n"
        "<label class=\"label\" for=\"{0}\">Kommentar<span class=\"uppsikt-visually-hidden\"> till: {1}</span>\n"
        "<span class=\"label__description\" id=\"{0}-hjalp\">{2}{3}Skriv inte namn eller andra "
        "personuppgifter.</span>\n",
        comment, Escaped{q.text}, Escaped{rule}, rule.empty() ? "" : " ", comment_error ? " textarea-field--error" : "");
  if (comment_error)
    write(out, "<span class=\"label__message label__message--error\" id=\"{}-fel\">{}</span>\n", comment,
          Escaped{error->second.message});
  write(out,
        "</label>\n"
        "<textarea class=\"textarea-field__textarea\" id=\"{6}\" name=\"{6}\" rows=\"4\" "
        "maxlength=\"{1}\" aria-describedby=\"{4}{6}-hjalp {6}-antal\"{5} data-max=\"{1}\" data-comment>{2}</textarea>\n"
        "<p class=\"uppsikt-count uppsikt-muted\" id=\"{6}-antal\" data-count>{3} av {1} tecken</p>\n"
        "</div>\n"
        "<p class=\"uppsikt-saved\" id=\"sparat-{0}\" role=\"status\" aria-live=\"polite\" data-status>",
        id, service::kMaxCommentChars, Escaped{shown.comment}, utf8_length(shown.comment).value_or(shown.comment.size()),
        comment_error ? comment + "-fel " : "", comment_error ? " aria-invalid=\"true\"" : "", comment);
  if (aq.answer && !aq.answer->changed_at.empty())
    write(out, "Senast sparat {} av {}", Escaped{swedish_time(aq.answer->changed_at)}, Escaped{aq.answer->changed_by});
  out += "</p>\n</div>\n";
  if (auto p = c.view.previous.find(id); p != c.view.previous.end())
    write_previous(out, q, p->second, c.view.previous_round);
  out += "</div>\n";
}

void write_read_view(std::string& out, const Shown& shown) {
  out += "<div class=\"uppsikt-answer\">\n<p>Svar: ";
  if (shown.choice.empty()) out += "<span class=\"uppsikt-muted\">Inte besvarad</span>";
  else write(out, "<span class=\"badge {}\">{}</span>", choice_badge(shown.choice), Escaped{shown.choice});
  out += "</p>\n";
  const auto paragraphs = paragraph_list(shown.comment);
  if (!paragraphs.empty()) {
    out += "<div class=\"uppsikt-comment\"><p class=\"uppsikt-comment__label\">Kommentar</p>";
    for (const auto& p : paragraphs) write(out, "<p>{}</p>", Escaped{p});
    out += "</div>\n";
  }
  out += "</div>\n";
}

}  // namespace

namespace {

// A question whose wording was corrected after the round opened: when, and what was asked
// before, so that those who answered the earlier wording can see whether their answer holds.
void write_changes(std::string& out, const std::vector<QuestionChange>& changes) {
  out += "<div class=\"message-box message-box--info uppsikt-question__change\">\n";
  for (const auto& change : changes)
    write(out, "<p class=\"message-box__content\">Frågans formulering ändrades {}. Tidigare löd den: ”{}”</p>\n",
          Escaped{swedish_time(change.changed_at)}, Escaped{change.before});
  out += "</div>\n";
}

}  // namespace

void write_question(std::string& out, const service::AnsweredQuestion& aq, int heading, const QuestionContext& c) {
  const Question& q = aq.question;
  Shown shown{"", "", 0};
  if (aq.answer) shown = {aq.answer->choice, aq.answer->comment, aq.answer->version};
  if (auto p = c.state.posted.find(q.id); p != c.state.posted.end())
    shown = {p->second.choice, p->second.comment, p->second.seen_version};
  // Numbered as the compiled report numbers it, so that "fråga 5" means the same in both.
  const auto number = c.view.numbers.find(q.id);
  write(out,
        "<article class=\"uppsikt-question{0}\" id=\"fraga-{1}\" data-question=\"{1}\">\n"
        "<h{2} class=\"uppsikt-question__text\" id=\"fraga-{1}-rubrik\">{4}{3}</h{2}>\n",
        c.errors.contains(q.id) ? " uppsikt-question--error" : "", q.id, heading, Escaped{q.text},
        number == c.view.numbers.end() ? "" : fmt::format("<span class=\"uppsikt-question__number\">Fråga {}</span> ", number->second));
  if (!q.audience.empty()) write(out, "<p class=\"uppsikt-muted\">Gäller: {}</p>\n", Escaped{q.audience});
  if (auto changes = c.view.changes.find(q.id); changes != c.view.changes.end()) write_changes(out, changes->second);
  if (aq.item) write_reference(out, *aq.item);
  if (c.editable) write_fields(out, aq, shown, c);
  else write_read_view(out, shown);
  out += "</article>\n";
}

}  // namespace uppsikt::web
