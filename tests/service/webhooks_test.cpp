// Webhooks through the outbox to a real HTTP receiver on loopback (tests/support/
// webhook_receiver.py, which checks the Standard Webhooks signature with Python's own hmac),
// on a real database of every backend: which events reach which webhook, the payload without
// answers, a retry after a 500 with the same delivery id, and the addresses that are refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>

#include "service/answering.h"
#include "service/report_publishing.h"
#include "service/round_admin.h"
#include "service/webhook_delivery.h"
#include "service/webhooks.h"
#include "support/backends.h"
#include "support/webhook_receiver.h"

namespace uppsikt::service {
namespace {

using ::testing::Not;

using ::testing::HasSubstr;

class WebhooksTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auto tx = store_->begin();
    city_ = tx->add_unit(Unit{.name = "Göteborgs Stad", .kind = UnitKind::kommun});
    culture_ = tx->add_unit(Unit{.parent_id = city_, .name = "Kulturnämnden", .kind = UnitKind::namnd});
    neighbour_ = tx->add_unit(Unit{.name = "Grannstaden", .kind = UnitKind::kommun});
    round_ = tx->add_round(Round{.name = "Uppföljning 2026", .year = 2026, .status = RoundStatus::open, .unit_id = city_});
    const Id scale = tx->add_scale(Scale{.name = "Standard", .options = standard_options()});
    tx->add_question(Question{.round_id = round_, .position = 1, .text = "Har nämnden följt planen?", .scale_id = scale});
    tx->add_response(Response{.round_id = round_, .unit_id = culture_, .status = ResponseStatus::submitted,
                              .updated_at = "2026-11-01T00:00:00Z"});
    admin_ = person(*tx, "admin@stad.se", city_);
    other_admin_ = person(*tx, "admin@grannstaden.se", neighbour_);
    tx->commit();
  }

  Viewer person(store::Tx& tx, const std::string& email, Id unit) {
    const Id id = tx.add_user(User{.email = email, .name = "Admin " + email, .created_at = "2026-01-01T00:00:00Z"});
    tx.add_grant(Grant{.user_id = id, .role = Role::admin, .unit_id = unit});
    return Viewer{.user_id = id, .name = "Admin " + email, .email = email, .grants = tx.grants(id)};
  }
  WebhookCreated hook(const Viewer& viewer, const std::string& url, std::vector<std::string> events) {
    return register_webhook(*store_, viewer, {.url = url, .events = std::move(events)});
  }
  static std::vector<std::string> all_events() { return {kWebhookEvents.begin(), kWebhookEvents.end()}; }
  DeliveryPass deliver(TimePoint now) { return deliver_due_webhooks(*store_, now, {.allow_private = true}); }

  Id city_ = 0, culture_ = 0, neighbour_ = 0, round_ = 0;
  Viewer admin_, other_admin_;
};
INSTANTIATE_TEST_SUITE_P(Backends, WebhooksTest, ::testing::ValuesIn(testing::kBackends), testing::backend_name);

TEST_P(WebhooksTest, EventsReachTheWebhooksOfTheirUnitsSignedAndWithoutAnswers) {
  testing::WebhookReceiver receiver;
  auto mine = hook(admin_, receiver.url("/stad"), all_events());
  ASSERT_TRUE(mine.outcome.ok());
  EXPECT_THAT(mine.secret, ::testing::StartsWith("whsec_"));
  ASSERT_TRUE(hook(other_admin_, receiver.url("/granne"), all_events()).outcome.ok());
  receiver.expect_secret(mine.secret);

  ASSERT_TRUE(return_response(*store_, admin_, round_, culture_, "Komplettera med årets siffror.", Confirmed::yes).ok());
  ASSERT_TRUE(close_round(*store_, admin_, round_, Confirmed::yes).ok());
  ASSERT_TRUE(publish_report(*store_, admin_, round_, false).ok());
  EXPECT_EQ(deliver(system_now()).accepted, 3);

  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 3u) << "the neighbour's webhook hears nothing of the city";
  std::vector<std::string> types;
  for (const auto& r : requests) {
    EXPECT_EQ(r["path"], "/stad");
    EXPECT_TRUE(r["signature_holds"].get<bool>()) << r.dump();
    EXPECT_EQ(r["content_type"], "application/json");
    EXPECT_THAT(r["id"].get<std::string>(), ::testing::StartsWith("msg_"));
    EXPECT_EQ(r["payload"]["data"]["round_id"], round_);
    EXPECT_THAT(r.dump(), Not(HasSubstr("Komplettera"))) << "no message or answer text in a payload";
    types.push_back(r["payload"]["type"]);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"response.returned", "round.closed", "report.published"}));
  EXPECT_EQ(requests[0]["payload"]["data"]["unit"], "Kulturnämnden");
  EXPECT_THAT(requests[0]["payload"]["data"]["links"]["api"].get<std::string>(),
              HasSubstr("/api/v1/rounds/" + std::to_string(round_) + "/responses/" + std::to_string(culture_)));
}

TEST_P(WebhooksTest, AFailedDeliveryIsTriedAgainWithTheSameIdAndDeliveredOnce) {
  testing::WebhookReceiver receiver;
  auto made = hook(admin_, receiver.url("/fel"), {"round.closed"});
  receiver.expect_secret(made.secret);
  ASSERT_TRUE(close_round(*store_, admin_, round_, Confirmed::yes).ok());
  const auto now = system_now();
  auto first = deliver(now);
  EXPECT_EQ(first.waiting, 1);
  EXPECT_FALSE(deliver(now).any()) << "not again before its wait";
  EXPECT_EQ(deliver(now + std::chrono::minutes(1)).accepted, 1);
  EXPECT_FALSE(deliver(now + std::chrono::hours(2)).any()) << "a delivered message is not sent again";

  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]["status"], 500);
  EXPECT_EQ(requests[1]["status"], 200);
  EXPECT_EQ(requests[0]["id"], requests[1]["id"]) << "the retry carries the same webhook-id";
  EXPECT_TRUE(requests[1]["signature_holds"].get<bool>());
  const auto stored = store_->begin_read()->outbox_messages(OutboxStatus::sent, 10);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].attempts, 2);
}

TEST_P(WebhooksTest, LoopbackIsRefusedUnlessAllowedAndARemovedWebhookSendsNothing) {
  testing::WebhookReceiver receiver;
  auto made = hook(admin_, receiver.url("/stad"), {"round.closed"});
  ASSERT_TRUE(close_round(*store_, admin_, round_, Confirmed::yes).ok());
  auto pass = deliver_due_webhooks(*store_, system_now());  // the default: internet addresses only
  EXPECT_EQ(pass.failed, 1);
  EXPECT_TRUE(receiver.requests().empty());
  auto failed = store_->begin_read()->outbox_messages(OutboxStatus::failed, 10);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_THAT(failed[0].last_error, HasSubstr("internt nät"));

  ASSERT_TRUE(remove_webhook(*store_, admin_, made.outcome.id).ok());
  EXPECT_FALSE(remove_webhook(*store_, other_admin_, made.outcome.id).ok());
  EXPECT_TRUE(webhooks_of(*store_, admin_).empty());
}

TEST_P(WebhooksTest, OnlyAdminsRegisterAndTheAddressAndEventsAreChecked) {
  Viewer respondent{.user_id = 999, .grants = {Grant{.user_id = 999, .role = Role::respondent, .unit_id = culture_}}};
  EXPECT_EQ(hook(respondent, "https://diariet.example.se/", {"round.closed"}).outcome.kind, Outcome::Kind::not_found);
  auto bad = hook(admin_, "ftp://diariet.example.se/", {});
  ASSERT_EQ(bad.outcome.kind, Outcome::Kind::invalid);
  std::map<std::string, std::string> errors;
  for (const auto& e : bad.outcome.errors) errors[e.field] = e.message;
  EXPECT_THAT(errors["adress"], HasSubstr("https://"));
  EXPECT_THAT(errors["handelser"], HasSubstr("minst en"));
  EXPECT_EQ(hook(admin_, "https://diariet.example.se/", {"round.deleted"}).outcome.kind, Outcome::Kind::invalid);
  EXPECT_EQ(register_webhook(*store_, admin_, {.url = "https://diariet.example.se/", .events = {"round.closed"},
                                               .unit_id = neighbour_})
                .outcome.kind,
            Outcome::Kind::invalid)
      << "not on a unit the admin does not administer";
}

TEST(WebhookSignature, MatchesTheStandardWebhooksExample) {
  EXPECT_EQ(webhook_signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                              R"({"test": 2432232314})"),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  EXPECT_EQ(webhook_signature("not a key", "msg_1", "1", "{}"), "");
}

}  // namespace
}  // namespace uppsikt::service
