#include "http/router.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace uppsikt::http {
namespace {

using ::testing::ElementsAre;

Request make_request(std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  request.target = target;
  request.path = url_decode(target.substr(0, target.find('?')), false);
  return request;
}

Handler named(std::string name) {
  return [name](const Request&) { return text_response(200, name); };
}

std::string call(const Router::Result& result, const Request& request) {
  return result.handler ? (*result.handler)(request).body : "<none>";
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router.get("/", named("start"));
    router.get("/omgangar/{id}", named("omgang"));
    router.post("/omgangar/{id}", named("omgang_spara"));
    router.get("/omgangar/ny", named("never: the placeholder route came first"));
    router.get("/enheter/{enhet}/fragor/{fraga}", named("fraga"));
  }
  Router router;
};

TEST_F(RouterTest, BindsPlaceholders) {
  auto request = make_request("GET", "/enheter/7/fragor/12?visa=alla");
  const auto result = router.route(request);
  ASSERT_EQ(result.match, Router::Match::found);
  EXPECT_EQ(call(result, request), "fraga");
  EXPECT_EQ(request.param("enhet"), "7");
  EXPECT_EQ(request.param("fraga"), "12");
}

TEST_F(RouterTest, MatchesTheRoot) {
  auto request = make_request("GET", "/");
  EXPECT_EQ(call(router.route(request), request), "start");
}

TEST_F(RouterTest, ToleratesTrailingSlash) {
  auto request = make_request("GET", "/omgangar/3/");
  const auto result = router.route(request);
  ASSERT_EQ(result.match, Router::Match::found);
  EXPECT_EQ(request.param("id"), "3");
}

TEST_F(RouterTest, DecodesParameters) {
  auto request = make_request("GET", "/omgangar/V%C3%A5r%202024");
  ASSERT_EQ(router.route(request).match, Router::Match::found);
  EXPECT_EQ(request.param("id"), "Vår 2024");
}

TEST_F(RouterTest, EncodedSlashStaysInsideItsSegment) {
  auto request = make_request("GET", "/omgangar/a%2Fb");
  ASSERT_EQ(router.route(request).match, Router::Match::found);
  EXPECT_EQ(request.param("id"), "a/b");
}

TEST_F(RouterTest, FirstMatchWins) {
  auto request = make_request("GET", "/omgangar/ny");
  EXPECT_EQ(call(router.route(request), request), "omgang");
}

TEST_F(RouterTest, PicksTheRouteOfTheMethod) {
  auto request = make_request("POST", "/omgangar/3");
  EXPECT_EQ(call(router.route(request), request), "omgang_spara");
}

TEST_F(RouterTest, WrongMethodListsAllowedMethods) {
  auto request = make_request("DELETE", "/omgangar/3");
  const auto result = router.route(request);
  EXPECT_EQ(result.match, Router::Match::wrong_method);
  EXPECT_EQ(result.handler, nullptr);
  EXPECT_THAT(result.allowed, ElementsAre("GET", "HEAD", "POST"));
  EXPECT_TRUE(request.path_params.empty());
}

TEST_F(RouterTest, UnknownPathIsNoPath) {
  auto request = make_request("GET", "/finns/inte");
  const auto result = router.route(request);
  EXPECT_EQ(result.match, Router::Match::no_path);
  EXPECT_TRUE(result.allowed.empty());
}

TEST_F(RouterTest, HeadUsesTheGetRoute) {
  auto request = make_request("HEAD", "/omgangar/5");
  const auto result = router.route(request);
  ASSERT_EQ(result.match, Router::Match::found);
  EXPECT_EQ(call(result, request), "omgang");
  EXPECT_EQ(request.param("id"), "5");
}

}  // namespace
}  // namespace uppsikt::http
