#include "http/multipart.h"

#include <gtest/gtest.h>

namespace uppsikt::http {
namespace {

const std::string kBoundary = "----uppsikt7MA4YWxkTrZu0gW";

std::string part(const std::string& disposition, const std::string& body, const std::string& extra = "") {
  return "--" + kBoundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n" + extra + "\r\n" + body + "\r\n";
}
std::string end() { return "--" + kBoundary + "--\r\n"; }

Request request_with(const std::string& content_type, std::string body) {
  Request r;
  r.method = "POST";
  r.headers.emplace_back("content-type", content_type);
  r.body = std::move(body);
  return r;
}

TEST(Multipart, ReadsAFieldAndAFile) {
  auto body = part("name=\"_csrf\"", "abc123") +
              part("name=\"filer\"; filename=\"a.txt\"", "rad 1\r\nrad 2\r\n", "Content-Type: text/plain\r\n") + end();
  auto form = parse_multipart(request_with("multipart/form-data; boundary=" + kBoundary, body));
  ASSERT_TRUE(form.ok()) << form.error;
  ASSERT_EQ(form.parts.size(), 2u);
  EXPECT_EQ(form.field("_csrf"), "abc123");
  auto files = form.files("filer");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(*files[0]->file_name, "a.txt");
  EXPECT_EQ(files[0]->content_type, "text/plain");
  EXPECT_EQ(files[0]->body, "rad 1\r\nrad 2\r\n");
}

TEST(Multipart, ReadsTwoFilesOfOneField) {
  auto body = part("name=\"filer\"; filename=\"a.txt\"", "A") + part("name=\"filer\"; filename=\"b.pdf\"", "%PDF") + end();
  auto form = parse_multipart(body, kBoundary);
  ASSERT_TRUE(form.ok()) << form.error;
  auto files = form.files("filer");
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0]->body, "A");
  EXPECT_EQ(*files[1]->file_name, "b.pdf");
  EXPECT_EQ(files[1]->body, "%PDF");
}

TEST(Multipart, QuotedBoundaryAndPreamble) {
  auto body = "ignored preamble\r\n" + part("name=\"x\"", "1") + end();
  auto form = parse_multipart(request_with("multipart/form-data; boundary=\"" + kBoundary + "\"", body));
  ASSERT_TRUE(form.ok()) << form.error;
  EXPECT_EQ(form.field("x"), "1");
}

TEST(Multipart, MissingBoundaryIsAnError) {
  auto body = part("name=\"x\"", "1") + end();
  EXPECT_FALSE(parse_multipart(request_with("multipart/form-data", body)).ok());
  EXPECT_FALSE(parse_multipart(request_with("application/x-www-form-urlencoded", "x=1")).ok());
  EXPECT_FALSE(parse_multipart(Request{}).ok());
  EXPECT_FALSE(parse_multipart(body, "").ok());
}

TEST(Multipart, TruncatedBodyIsAnError) {
  const auto whole = part("name=\"filer\"; filename=\"a.txt\"", "innehåll") + end();
  for (std::size_t n = 0; n + 4 < whole.size(); ++n) {  // every cut before the closing "--"
    auto form = parse_multipart(whole.substr(0, n), kBoundary);
    EXPECT_FALSE(form.ok()) << "cut at " << n;
    EXPECT_TRUE(form.parts.empty());
  }
}

TEST(Multipart, BoundaryTextInsideContentIsContent) {
  // The delimiter counts only at the start of a line; the boundary text elsewhere is content.
  const std::string content = "före --" + kBoundary + " efter\r\nx--" + kBoundary;
  auto form = parse_multipart(part("name=\"filer\"; filename=\"a.txt\"", content) + end(), kBoundary);
  ASSERT_TRUE(form.ok()) << form.error;
  ASSERT_EQ(form.parts.size(), 1u);
  EXPECT_EQ(form.parts[0].body, content);
}

TEST(Multipart, FileNameWithSwedishLetters) {
  auto form = parse_multipart(part("name=\"filer\"; filename=\"Miljöförvaltningen – Årsuppföljning.docx\"", "PK") + end(),
                              kBoundary);
  ASSERT_TRUE(form.ok()) << form.error;
  ASSERT_EQ(form.files("filer").size(), 1u);
  EXPECT_EQ(*form.files("filer")[0]->file_name, "Miljöförvaltningen – Årsuppföljning.docx");
}

TEST(Multipart, EmptyFileInputIsNoFile) {
  auto form = parse_multipart(part("name=\"filer\"; filename=\"\"", "", "Content-Type: application/octet-stream\r\n") + end(),
                              kBoundary);
  ASSERT_TRUE(form.ok()) << form.error;
  EXPECT_TRUE(form.files("filer").empty());
}

TEST(Multipart, AtMostTwentyParts) {
  std::string twenty, twenty_one;
  for (int i = 0; i < 20; ++i) twenty += part("name=\"f" + std::to_string(i) + "\"", "v");
  twenty_one = twenty + part("name=\"extra\"", "v");
  EXPECT_TRUE(parse_multipart(twenty + end(), kBoundary).ok());
  EXPECT_FALSE(parse_multipart(twenty_one + end(), kBoundary).ok());
}

TEST(Multipart, PartWithoutDispositionOrNameIsAnError) {
  EXPECT_FALSE(parse_multipart("--" + kBoundary + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + end(), kBoundary).ok());
  EXPECT_FALSE(parse_multipart(part("filename=\"a.txt\"", "x") + end(), kBoundary).ok());
  EXPECT_FALSE(parse_multipart(part("name=\"unterminated", "x") + end(), kBoundary).ok());
  EXPECT_FALSE(parse_multipart("--" + kBoundary + "\r\nno colon here\r\n\r\nx\r\n" + end(), kBoundary).ok());
}

TEST(Multipart, GarbageNeverThrows) {
  const std::string samples[] = {"", "--", "--" + kBoundary, "--" + kBoundary + "--", "\r\n\r\n",
                                 "--" + kBoundary + "\r\n\r\n\r\n--" + kBoundary + "--"};
  for (const auto& s : samples) EXPECT_NO_THROW(parse_multipart(s, kBoundary));
}

}  // namespace
}  // namespace uppsikt::http
