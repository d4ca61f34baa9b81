#include "http/message.h"

#include <gtest/gtest.h>

namespace uppsikt::http {
namespace {

TEST(UrlDecode, DecodesPercentEscapesAsUtf8Bytes) {
  EXPECT_EQ(url_decode("%C3%A5r", false), "år");
  EXPECT_EQ(url_decode("a%2Fb", false), "a/b");
}

TEST(UrlDecode, LeavesInvalidEscapesAsSent) {
  EXPECT_EQ(url_decode("100%", false), "100%");
  EXPECT_EQ(url_decode("%4", false), "%4");
  EXPECT_EQ(url_decode("%zz%41", false), "%zzA");
}

TEST(UrlDecode, PlusIsSpaceOnlyWhenAsked) {
  EXPECT_EQ(url_decode("a+b", true), "a b");
  EXPECT_EQ(url_decode("a+b", false), "a+b");
}

TEST(ParseQuery, DecodesKeysAndValuesAndKeepsRepeats) {
  const auto query = parse_query("namn=G%C3%B6ran+Persson&tag=a&tag=b&&flagga&tom=");
  EXPECT_EQ(query.find("namn")->second, "Göran Persson");
  EXPECT_EQ(query.count("tag"), 2u);
  EXPECT_EQ(query.find("flagga")->second, "");
  EXPECT_EQ(query.find("tom")->second, "");
  EXPECT_EQ(query.size(), 5u);
}

TEST(Request, LooksUpHeadersCaseInsensitively) {
  Request request;
  request.headers = {{"content-type", "text/plain"}, {"x-a", "1"}, {"x-a", "2"}};
  EXPECT_EQ(request.header("Content-Type"), "text/plain");
  EXPECT_EQ(request.header("x-a"), "1");
  EXPECT_FALSE(request.header("accept").has_value());
}

TEST(Request, QueryAndPathParameters) {
  Request request;
  request.query = parse_query("sort=namn");
  request.path_params["id"] = "3";
  EXPECT_EQ(request.query_param("sort"), "namn");
  EXPECT_FALSE(request.query_param("x").has_value());
  EXPECT_EQ(request.param("id"), "3");
  EXPECT_EQ(request.param("saknas"), "");
}

TEST(Response, HelpersSetContentTypeAndLocation) {
  EXPECT_EQ(html_response(200, "<p>").header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(text_response(404, "nej").header("Content-Type"), "text/plain; charset=utf-8");
  const auto moved = redirect("/omgang/3");
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(moved.header("location"), "/omgang/3");
  EXPECT_EQ(redirect("/", 302).status, 302);
}

TEST(Response, SetHeaderReplacesSameNameAnyCase) {
  auto response = html_response(200, "");
  response.set_header("content-type", "text/csv");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.header("Content-Type"), "text/csv");
}

}  // namespace
}  // namespace uppsikt::http
