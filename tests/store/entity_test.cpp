// Every entity written through a Tx and read back with all its fields, on a real database.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "store/store.h"
#include "support/backends.h"

namespace uppsikt::store {
namespace {

// Runs each test on a fresh database of every backend (see support/backends.h).
class EntityTest : public testing::BackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, EntityTest, ::testing::ValuesIn(testing::kBackends),
                         testing::backend_name);

// Ids of one round with one unit's response, shared by the response and answer tests.
struct Fixture {
  Id unit = 0;
  Id scale = 0;
  Id round = 0;
  Id question = 0;
  Id response = 0;
};

Fixture add_fixture(Tx& tx) {
  Fixture f;
  f.unit = tx.add_unit(Unit{.name = "Miljö- och klimatnämnden", .kind = UnitKind::namnd});
  f.scale = tx.add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  f.round = tx.add_round(Round{.name = "Uppföljning 2024", .year = 2024});
  f.question = tx.add_question(Question{.round_id = f.round, .text = "Fråga", .scale_id = f.scale});
  f.response = tx.add_response(Response{.round_id = f.round, .unit_id = f.unit});
  return f;
}

TEST_P(EntityTest, UnitRoundTripsWithAndWithoutParent) {
  auto tx = store_->begin();
  const Id city = tx->add_unit(
      Unit{.id = 0, .parent_id = std::nullopt, .name = "Göteborgs Stad", .kind = UnitKind::kommun});
  const Id board = tx->add_unit(Unit{.id = 0,
                                     .parent_id = city,
                                     .name = "Miljö- och klimatnämnden",
                                     .kind = UnitKind::namnd,
                                     .closed = true});
  tx->commit();

  auto read = store_->begin_read();
  const auto root = read->unit(city);
  ASSERT_TRUE(root);
  EXPECT_EQ(root->id, city);
  EXPECT_FALSE(root->parent_id);
  EXPECT_EQ(root->name, "Göteborgs Stad");
  EXPECT_EQ(root->kind, UnitKind::kommun);
  EXPECT_FALSE(root->closed);
  const auto child = read->unit_by_name("Miljö- och klimatnämnden");
  ASSERT_TRUE(child);
  EXPECT_EQ(child->id, board);
  EXPECT_EQ(child->parent_id, city);
  EXPECT_EQ(child->kind, UnitKind::namnd);
  EXPECT_TRUE(child->closed);
  EXPECT_FALSE(read->unit(9999));
  EXPECT_FALSE(read->unit_by_name("Ingen"));
  const auto all = read->units();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Göteborgs Stad");  // plain byte order: G < M
}

TEST_P(EntityTest, DocumentAndNodesRoundTripInTreeOrder) {
  auto tx = store_->begin();
  const Document written{.title = "Program för trygghet och brottsförebyggande arbete",
                         .kind = DocumentKind::handlingsplan,
                         .period = "2022–2026",
                         .decided_by = "Kommunfullmäktige",
                         .decided_on = "2022-06-16",
                         .position = 3};
  const Id doc = tx->add_document(written);
  const Id area = tx->add_node(Node{.document_id = doc,
                                    .kind = NodeKind::area,
                                    .number = "1",
                                    .title = "Målområde 1: Öka kunskapen",
                                    .position = 1});
  const Id second = tx->add_node(Node{.document_id = doc,
                                      .parent_id = area,
                                      .kind = NodeKind::item,
                                      .number = "1:2",
                                      .title = "Samverkan",
                                      .text = "Förvaltningen ska samverka.",
                                      .expected_result = "Färre brott",
                                      .position = 2});
  const Id first = tx->add_node(
      Node{.document_id = doc, .parent_id = area, .kind = NodeKind::item, .number = "1:1",
           .position = 1});
  tx->commit();

  auto read = store_->begin_read();
  const auto document = read->document(doc);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->id, doc);
  EXPECT_EQ(document->title, written.title);
  EXPECT_EQ(document->kind, DocumentKind::handlingsplan);
  EXPECT_EQ(document->period, "2022–2026");
  EXPECT_EQ(document->decided_by, "Kommunfullmäktige");
  EXPECT_EQ(document->decided_on, "2022-06-16");
  EXPECT_EQ(document->position, 3);
  EXPECT_EQ(read->document_by_title(written.title)->id, doc);
  EXPECT_FALSE(read->document_by_title("Saknas"));
  EXPECT_EQ(read->documents().size(), 1u);

  const auto item = read->node(second);
  ASSERT_TRUE(item);
  EXPECT_EQ(item->document_id, doc);
  EXPECT_EQ(item->parent_id, area);
  EXPECT_EQ(item->kind, NodeKind::item);
  EXPECT_EQ(item->number, "1:2");
  EXPECT_EQ(item->title, "Samverkan");
  EXPECT_EQ(item->text, "Förvaltningen ska samverka.");
  EXPECT_EQ(item->expected_result, "Färre brott");
  EXPECT_EQ(item->position, 2);
  EXPECT_FALSE(read->node(area)->parent_id);

  const auto nodes = read->nodes(doc);
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_EQ(nodes[0].id, area);  // the root first, then its children by position
  EXPECT_EQ(nodes[1].id, first);
  EXPECT_EQ(nodes[2].id, second);
}

TEST_P(EntityTest, TheCommonScalesComeWithTheSchema) {
  const auto scales = store_->begin_read()->scales();
  ASSERT_GE(scales.size(), 3u);
  EXPECT_EQ(scales[0].name, "Ja/Nej/Delvis/Ej aktuellt");
  EXPECT_EQ(scales[0].options, (std::vector<std::string>{"Ja", "Nej", "Delvis", "Ej aktuellt"}));
  EXPECT_EQ(scales[1].name, "Ja/Nej");
  EXPECT_EQ(scales[1].options, (std::vector<std::string>{"Ja", "Nej"}));
  EXPECT_EQ(scales[2].options, (std::vector<std::string>{"Ja", "Delvis", "Nej"}));
}

TEST_P(EntityTest, ScaleKeepsItsOptionsInOrder) {
  auto tx = store_->begin();
  const Id id = tx->add_scale(
      Scale{.name = "Fyra svar", .options = {"Ja", "Nej", "Delvis", "Ej aktuellt"}});
  const Id empty = tx->add_scale(Scale{.name = "Fritext", .options = {}});
  tx->commit();

  auto read = store_->begin_read();
  const auto scale = read->scale(id);
  ASSERT_TRUE(scale);
  EXPECT_EQ(scale->name, "Fyra svar");
  EXPECT_EQ(scale->options, (std::vector<std::string>{"Ja", "Nej", "Delvis", "Ej aktuellt"}));
  EXPECT_EQ(read->scale_by_name("Fritext")->id, empty);
  EXPECT_TRUE(read->scale(empty)->options.empty());
  EXPECT_FALSE(read->scale_by_name("Saknas"));
}

TEST_P(EntityTest, RoundsNewestYearFirstAndQuestionsByPosition) {
  auto tx = store_->begin();
  const Id scale = tx->add_scale(Scale{.name = "Ja eller nej", .options = {"Ja", "Nej"}});
  const Id doc = tx->add_document(Document{.title = "Plan"});
  const Id item = tx->add_node(Node{.document_id = doc, .kind = NodeKind::item});
  const Id old = tx->add_round(Round{.name = "Uppföljning 2023", .year = 2023});
  const Id latest = tx->add_round(Round{.name = "Uppföljning 2024",
                                        .year = 2024,
                                        .status = RoundStatus::published,
                                        .deadline = "2024-12-31"});
  const Id later = tx->add_question(Question{.round_id = latest,
                                             .position = 2,
                                             .text = "Har nämnden arbetat med insatsen?",
                                             .audience = "Berörda nämnder och styrelser",
                                             .scale_id = scale,
                                             .comment_rule = CommentRule::required_for_some,
                                             .comment_required_for = {"Nej", "Delvis"}});
  const Id earlier = tx->add_question(Question{
      .round_id = latest, .node_id = item, .position = 1, .text = "Första", .scale_id = scale});
  tx->commit();

  auto read = store_->begin_read();
  const auto rounds = read->rounds();
  ASSERT_EQ(rounds.size(), 2u);
  EXPECT_EQ(rounds[0].id, latest);
  EXPECT_EQ(rounds[1].id, old);
  EXPECT_EQ(rounds[0].name, "Uppföljning 2024");
  EXPECT_EQ(rounds[0].year, 2024);
  EXPECT_EQ(rounds[0].status, RoundStatus::published);
  EXPECT_EQ(rounds[0].deadline, "2024-12-31");
  EXPECT_EQ(read->round(old)->deadline, "");
  EXPECT_EQ(read->round_by_name("Uppföljning 2023")->id, old);
  EXPECT_FALSE(read->round_by_name("Uppföljning 1999"));

  const auto questions = read->questions(latest);
  ASSERT_EQ(questions.size(), 2u);
  EXPECT_EQ(questions[0].id, earlier);
  EXPECT_EQ(questions[0].node_id, item);
  EXPECT_EQ(questions[0].comment_rule, CommentRule::optional);
  EXPECT_TRUE(questions[0].comment_required_for.empty());
  const Question& q = questions[1];
  EXPECT_EQ(q.id, later);
  EXPECT_EQ(q.round_id, latest);
  EXPECT_FALSE(q.node_id);
  EXPECT_EQ(q.position, 2);
  EXPECT_EQ(q.text, "Har nämnden arbetat med insatsen?");
  EXPECT_EQ(q.audience, "Berörda nämnder och styrelser");
  EXPECT_EQ(q.scale_id, scale);
  EXPECT_EQ(q.comment_rule, CommentRule::required_for_some);
  EXPECT_EQ(q.comment_required_for, (std::vector<std::string>{"Nej", "Delvis"}));
  EXPECT_TRUE(read->questions(old).empty());
}

TEST_P(EntityTest, ResponseAndAnswerRoundTrip) {
  auto tx = store_->begin();
  const Fixture f = add_fixture(*tx);
  const Id answer = tx->save_answer(Answer{.response_id = f.response,
                                           .question_id = f.question,
                                           .choice = "Ja",
                                           .comment = "Första stycket.\n\nAndra stycket.",
                                           .changed_by = "anna",
                                           .changed_at = "2024-05-01T10:00:00Z"}, 0);
  tx->commit();

  auto read = store_->begin_read();
  const auto response = read->response(f.response);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->round_id, f.round);
  EXPECT_EQ(response->unit_id, f.unit);
  EXPECT_EQ(response->status, ResponseStatus::not_started);
  EXPECT_EQ(response->version, 1);
  EXPECT_EQ(response->updated_at, "");
  EXPECT_EQ(read->response_of(f.round, f.unit)->id, f.response);
  EXPECT_FALSE(read->response_of(f.round, f.unit + 100));
  EXPECT_EQ(read->responses(f.round).size(), 1u);

  const auto answers = read->answers(f.response);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].id, answer);
  EXPECT_EQ(answers[0].response_id, f.response);
  EXPECT_EQ(answers[0].question_id, f.question);
  EXPECT_EQ(answers[0].choice, "Ja");
  EXPECT_EQ(answers[0].comment, "Första stycket.\n\nAndra stycket.");
  EXPECT_EQ(answers[0].version, 1);
  EXPECT_EQ(answers[0].changed_by, "anna");
  EXPECT_EQ(answers[0].changed_at, "2024-05-01T10:00:00Z");
}

TEST_P(EntityTest, EveryEnumValueRoundTrips) {
  auto tx = store_->begin();
  const Id scale = tx->add_scale(Scale{.name = "S", .options = {"Ja"}});
  for (int i = 0; i <= static_cast<int>(UnitKind::nation); ++i) {
    const auto kind = static_cast<UnitKind>(i);
    const Id id = tx->add_unit(Unit{.name = "Enhet " + std::to_string(i), .kind = kind});
    EXPECT_EQ(tx->unit(id)->kind, kind);
  }
  for (int i = 0; i <= static_cast<int>(DocumentKind::plan); ++i) {
    const auto kind = static_cast<DocumentKind>(i);
    const Id doc = tx->add_document(Document{.title = "D", .kind = kind});
    EXPECT_EQ(tx->document(doc)->kind, kind);
    for (auto node_kind : {NodeKind::area, NodeKind::item}) {
      const Id node = tx->add_node(Node{.document_id = doc, .kind = node_kind});
      EXPECT_EQ(tx->node(node)->kind, node_kind);
    }
  }
  for (int i = 0; i <= static_cast<int>(RoundStatus::published); ++i) {
    const auto status = static_cast<RoundStatus>(i);
    const Id round = tx->add_round(Round{.name = "R" + std::to_string(i), .status = status});
    EXPECT_EQ(tx->round(round)->status, status);
    const auto rule = static_cast<CommentRule>(i % 3);
    tx->add_question(Question{.round_id = round, .scale_id = scale, .comment_rule = rule});
    EXPECT_EQ(tx->questions(round).at(0).comment_rule, rule);
  }
  const Id round = tx->add_round(Round{.name = "Svar"});
  for (int i = 0; i <= static_cast<int>(ResponseStatus::approved); ++i) {
    const auto status = static_cast<ResponseStatus>(i);
    const Id unit = tx->add_unit(Unit{.name = "Svarande " + std::to_string(i)});
    const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit,
                                                  .status = status});
    EXPECT_EQ(tx->response(response)->status, status);
  }
}

TEST_P(EntityTest, TalliesCountChoicesPerResponseAndSkipUnanswered) {
  auto tx = store_->begin();
  const Fixture f = add_fixture(*tx);
  const Id other_unit = tx->add_unit(Unit{.name = "Kulturnämnden"});
  const Id other = tx->add_response(Response{.round_id = f.round, .unit_id = other_unit});
  std::vector<Id> questions{f.question};
  for (int i = 0; i < 3; ++i)
    questions.push_back(
        tx->add_question(Question{.round_id = f.round, .position = i + 1, .scale_id = f.scale}));
  const char* const mine[] = {"Ja", "Ja", "Nej", ""};
  for (std::size_t i = 0; i < questions.size(); ++i)
    tx->save_answer(Answer{.response_id = f.response, .question_id = questions[i],
                           .choice = mine[i]}, 0);
  tx->save_answer(Answer{.response_id = other, .question_id = questions[0], .choice = "Nej"}, 0);
  // A response of another round is not counted.
  const Id other_round = tx->add_round(Round{.name = "Uppföljning 2025", .year = 2025});
  const Id q = tx->add_question(Question{.round_id = other_round, .scale_id = f.scale});
  const Id r = tx->add_response(Response{.round_id = other_round, .unit_id = f.unit});
  tx->save_answer(Answer{.response_id = r, .question_id = q, .choice = "Ja"}, 0);
  tx->commit();

  const auto tallies = store_->begin_read()->answer_tallies(f.round);
  ASSERT_EQ(tallies.size(), 2u);
  EXPECT_EQ(tallies[0].response_id, f.response);
  EXPECT_EQ(tallies[0].choices, (std::map<std::string, int>{{"Ja", 2}, {"Nej", 1}}));
  EXPECT_EQ(tallies[0].answered_by_all, 3);
  EXPECT_EQ(tallies[1].response_id, other);
  EXPECT_EQ(tallies[1].choices, (std::map<std::string, int>{{"Nej", 1}}));
  EXPECT_EQ(tallies[1].answered_by_all, 1);
}

// Handed-in counts are read one way when few responses are left out (a closed round) and
// another when many are; both must count the same.
TEST_P(EntityTest, ChoiceCountsCountHandedInAnswersWhetherFewOrManyAreLeftOut) {
  for (const int handed_in : {7, 2}) {
    auto tx = store_->begin();
    const Id scale = tx->add_scale(Scale{.name = "Skala " + std::to_string(handed_in), .options = {"Ja", "Nej"}});
    const Id round = tx->add_round(Round{.name = "Uppföljning " + std::to_string(handed_in), .year = 2024});
    const Id first = tx->add_question(Question{.round_id = round, .position = 1, .scale_id = scale});
    const Id second = tx->add_question(Question{.round_id = round, .position = 2, .scale_id = scale});
    std::map<std::pair<Id, std::string>, int> expected;
    for (int i = 0; i < 8; ++i) {
      const Id unit = tx->add_unit(Unit{.name = "Nämnd " + std::to_string(handed_in) + "-" + std::to_string(i)});
      const auto status = i < handed_in ? (i % 2 ? ResponseStatus::approved : ResponseStatus::submitted)
                                        : (i % 2 ? ResponseStatus::draft : ResponseStatus::returned);
      const Id response = tx->add_response(Response{.round_id = round, .unit_id = unit, .status = status});
      const std::string choices[] = {i % 3 ? "Ja" : "Nej", i == 0 ? "" : "Ja"};
      tx->save_answer(Answer{.response_id = response, .question_id = first, .choice = choices[0]}, 0);
      tx->save_answer(Answer{.response_id = response, .question_id = second, .choice = choices[1]}, 0);
      if (i >= handed_in) continue;
      ++expected[{first, choices[0]}];
      if (!choices[1].empty()) ++expected[{second, choices[1]}];
    }
    tx->commit();

    std::map<std::pair<Id, std::string>, int> counted;
    for (const auto& c : store_->begin_read()->round_choice_counts(
             round, {ResponseStatus::submitted, ResponseStatus::approved}))
      counted[{c.question_id, c.choice}] += c.count;
    EXPECT_EQ(counted, expected) << handed_in << " of 8 handed in";
  }
}

}  // namespace
}  // namespace uppsikt::store
