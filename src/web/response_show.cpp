// GET /omgangar/{id}/svar/{unit} — a unit's answers to a round, laid out like the
// follow-up document it replaces.
#include <algorithm>

#include "service/response_view.h"
#include "web/format.h"
#include "web/handlers.h"
#include "web/report_params.h"
#include "web/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json question_json(const service::AnsweredQuestion& aq, int heading_level) {
  nlohmann::json q = {{"text", aq.question.text},
                      {"audience", aq.question.audience},
                      {"heading", heading_level},
                      {"anchor", "fraga-" + std::to_string(aq.question.id)}};
  if (aq.item) {
    q["item"] = {{"title", aq.item->title},
                 {"text", aq.item->text},
                 {"expected_result", aq.item->expected_result}};
  }
  if (aq.answer && !aq.answer->choice.empty()) {
    q["choice"] = aq.answer->choice;
    q["choice_badge"] = choice_badge(aq.answer->choice);
  }
  q["comment"] = aq.answer ? paragraphs(aq.answer->comment) : nlohmann::json::array();
  q["has_comment"] = !q["comment"].empty();
  return q;
}

}  // namespace

http::Response response_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  auto view = round_id && unit_id ? service::response_view(site.store, visit.viewer(), *round_id, *unit_id) : std::nullopt;
  if (!view) return error_page(site, visit, 404);

  nlohmann::json blocks = nlohmann::json::array();
  for (const auto& b : view->blocks) {
    // h1 is the page; documents are h2 and deeper areas follow without skipping a level.
    int level = std::min(b.level + 1, 6);
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& aq : b.questions) questions.push_back(question_json(aq, std::min(level + 1, 6)));
    blocks.push_back({{"number", b.number}, {"title", b.title}, {"level", level},
                      {"questions", questions}});
  }
  std::string round_href = "/omgangar/" + std::to_string(view->round.id);
  Page page{.title = view->unit.name, .template_name = "response", .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {view->round.name, round_href}, {view->unit.name, ""}};
  page.data = {{"round", round_json(view->round)},
               {"parent", view->parent ? view->parent->name : ""},
               {"status", status_json(view->response.status)},
               {"updated_at", view->response.updated_at},
               {"answered", view->answered},
               {"questions", view->questions},
               {"blocks", blocks},
               {"downloads", download_links(round_href + "/svar/" + std::to_string(view->unit.id), "")}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
