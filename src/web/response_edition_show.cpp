// GET /omgangar/{id}/svar/{unit}/inlamnat/{edition} — the answers as they were handed in
// under an earlier edition, after the response was returned and answered again.
#include <algorithm>

#include "service/answering_view.h"
#include "web/answering_page.h"
#include "web/infra/format.h"
#include "web/handlers.h"
#include "web/infra/view.h"

namespace uppsikt::web {
namespace {

nlohmann::json question_json(const service::AnsweredQuestion& aq, int heading_level) {
  nlohmann::json q = {{"text", aq.question.text}, {"audience", aq.question.audience}, {"heading", heading_level},
                      {"anchor", "fraga-" + std::to_string(aq.question.id)}};
  if (aq.item)
    q["item"] = {{"title", aq.item->title}, {"text", aq.item->text}, {"expected_result", aq.item->expected_result}};
  if (aq.answer && !aq.answer->choice.empty()) {
    q["choice"] = aq.answer->choice;
    q["choice_badge"] = choice_badge(aq.answer->choice);
  }
  q["comment"] = aq.answer ? paragraphs(aq.answer->comment) : nlohmann::json::array();
  q["has_comment"] = !q["comment"].empty();
  return q;
}

}  // namespace

http::Response response_edition_show(const Site& site, const Visit& visit, const http::Request& request) {
  auto round_id = parse_id(request.param("id"));
  auto unit_id = parse_id(request.param("unit"));
  auto edition = parse_id(request.param("edition"));
  if (!round_id || !unit_id || !edition || *edition > 1000) return error_page(site, visit, 404);
  auto view = service::handed_in_view(site.store, visit.viewer(), *round_id, *unit_id, static_cast<int>(*edition));
  if (!view) return error_page(site, visit, 404);

  nlohmann::json blocks = nlohmann::json::array();
  for (const auto& b : view->blocks) {
    const int level = std::min(b.level + 1, 6);
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& aq : b.questions) questions.push_back(question_json(aq, std::min(level + 1, 6)));
    blocks.push_back({{"number", b.number}, {"title", b.title}, {"level", level}, {"questions", questions}});
  }
  const std::string path = response_path(*round_id, *unit_id);
  Page page{.title = view->unit.name + " – inlämnad version " + std::to_string(*edition), .template_name = "response",
            .nav = "start"};
  page.crumbs = {{"Uppföljningar", "/"}, {view->round.name, "/omgangar/" + std::to_string(*round_id)},
                 {view->unit.name, path}, {"Version " + std::to_string(*edition), ""}};
  page.data = {{"round", round_json(view->round)},
               {"parent", view->parent ? view->parent->name : ""},
               {"status", {{"label", "Inlämnad version " + std::to_string(*edition)}, {"badge", "badge--info"}}},
               {"answered", view->answered},
               {"questions", view->questions},
               {"blocks", blocks}};
  return render_page(site, visit, page);
}

}  // namespace uppsikt::web
