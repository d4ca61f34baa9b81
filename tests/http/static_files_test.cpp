#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

namespace uppsikt::http {
namespace {

namespace fs = std::filesystem;

Request get(std::string path) {
  Request request;
  request.method = "GET";
  request.target = path;
  request.path = std::move(path);
  return request;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("uppsikt_static_" + std::to_string(std::random_device{}()));
    fs::create_directories(root_ / "assets" / "fonts");
    write(root_ / "assets" / "app.css", "body { color: black; }");
    write(root_ / "assets" / "robots.txt", "User-agent: *\n");
    write(root_ / "assets" / "fonts" / "inter.woff2", std::string("wOF2\0\1", 6));
    write(root_ / "secret.txt", "not for the web");  // beside, not inside, the directory
    files_ = StaticFiles(root_ / "assets");
  }
  void TearDown() override { fs::remove_all(root_); }

  static void write(const fs::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
  }

  fs::path root_;
  StaticFiles files_;
};

TEST_F(StaticFilesTest, LoadsEveryFileIncludingSubdirectories) { EXPECT_EQ(files_.size(), 3u); }

TEST_F(StaticFilesTest, UrlForCarriesTheContentHash) {
  const auto url = files_.url_for("app.css");
  EXPECT_TRUE(std::regex_match(url, std::regex(R"(/static/app\.[0-9a-f]{10}\.css)"))) << url;
  EXPECT_TRUE(std::regex_match(files_.url_for("fonts/inter.woff2"),
                               std::regex(R"(/static/fonts/inter\.[0-9a-f]{10}\.woff2)")));
  EXPECT_EQ(files_.url_for("missing.js"), "/static/missing.js");
}

TEST_F(StaticFilesTest, HashedNameIsImmutable) {
  const auto response = files_.serve(get(files_.url_for("app.css")));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "body { color: black; }");
  EXPECT_EQ(response->header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_TRUE(response->header("ETag").has_value());
}

TEST_F(StaticFilesTest, PlainNameMustBeRevalidated) {
  const auto response = files_.serve(get("/static/robots.txt"));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->header("Cache-Control"), "no-cache");
  EXPECT_EQ(response->header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(files_.serve(get("/static/fonts/inter.woff2"))->header("Content-Type"), "font/woff2");
}

TEST_F(StaticFilesTest, MatchingIfNoneMatchGives304) {
  auto request = get("/static/robots.txt");
  const auto etag = std::string(*files_.serve(request)->header("ETag"));
  request.headers.emplace_back("if-none-match", "\"other\", " + etag);
  const auto response = files_.serve(request);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 304);
  EXPECT_TRUE(response->body.empty());
  EXPECT_EQ(response->header("ETag"), etag);

  request.headers.back().second = "\"other\"";
  EXPECT_EQ(files_.serve(request)->status, 200);
}

TEST_F(StaticFilesTest, UnknownNamesAndTraversalAreNotFound) {
  EXPECT_FALSE(files_.serve(get("/static/missing.css")).has_value());
  EXPECT_FALSE(files_.serve(get("/static/../secret.txt")).has_value());
  EXPECT_FALSE(files_.serve(get("/static/fonts/../../secret.txt")).has_value());
  EXPECT_FALSE(files_.serve(get("/static/app.0000000000.css")).has_value());
  EXPECT_FALSE(files_.serve(get("/other/app.css")).has_value());
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  auto request = get("/static/app.css");
  request.method = "POST";
  EXPECT_FALSE(files_.serve(request).has_value());
  request.method = "HEAD";
  EXPECT_TRUE(files_.serve(request).has_value());
}

TEST(StaticFiles, FromMemoryAndChangedContentGetsNewUrl) {
  auto one = StaticFiles::from_memory({{"app.js", "let a = 1;"}});
  auto two = StaticFiles::from_memory({{"app.js", "let a = 2;"}});
  EXPECT_NE(one.url_for("app.js"), two.url_for("app.js"));
  EXPECT_EQ(one.serve(get("/static/app.js"))->header("Content-Type"), "text/javascript; charset=utf-8");
}

TEST(StaticFiles, MissingDirectoryThrows) {
  EXPECT_THROW(StaticFiles(fs::path("/nonexistent/uppsikt/static")), std::runtime_error);
}

TEST(Fnv1a, KnownVectors) {
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
}

}  // namespace
}  // namespace uppsikt::http
