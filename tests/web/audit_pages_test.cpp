// The audit trail's pages over HTTP: a page at a time, newest first, and "Visa fler" a plain
// link to the next (older) page that keeps the filter, working without JavaScript.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "support/demo_server.h"

namespace uppsikt::web {
namespace {

using ::testing::HasSubstr;

class AuditPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer;
    auto tx = demo_->store().begin();
    const Id unit = tx->unit_by_name("Miljöförvaltningen")->id;
    // Older than everything the demo wrote, so that they come last; a page and some more.
    for (int i = 0; i < 520; ++i)
      tx->add_audit(AuditEntry{.at = "2020-01-01T00:00:00Z", .unit_id = unit, .action = "rad-" + std::to_string(i)});
    tx->commit();
    admin_ = new std::string(demo_->sign_in("admin@demo.uppsikt.se", "demo-admin"));
  }
  static void TearDownTestSuite() {
    delete admin_;
    delete demo_;
  }

  // The "Visa fler" link's target as a browser follows it; "" when the page has none.
  static std::string next_link(const std::string& page) {
    std::smatch m;
    if (!std::regex_search(page, m, std::regex(R"re(<a href="([^"]+)" rel="next">)re"))) return "";
    return std::regex_replace(std::regex_replace(m[1].str(), std::regex("&amp;"), "&"), std::regex("&#61;"), "=");
  }

  static inline testing::DemoServer* demo_;
  static inline std::string* admin_;
};

TEST_F(AuditPagesTest, VisaFlerLeadsPageByPageToTheOldestRowKeepingTheFilter) {
  const std::string unit = std::to_string(demo_->unit_id("Miljöförvaltningen"));
  std::string target = "/logg?enhet=" + unit + "&till=2020-12-31";
  int pages = 0;
  std::set<std::string> rows;
  while (!target.empty() && pages < 5) {
    auto page = demo_->get(target, *admin_);
    ASSERT_EQ(page.status, 200) << target;
    ++pages;
    const std::regex row("rad-[0-9]+");
    for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), row); it != std::sregex_iterator(); ++it)
      EXPECT_TRUE(rows.insert(it->str()).second) << it->str() << " on two pages";
    target = next_link(page.body);
    if (!target.empty()) {
      EXPECT_THAT(target, HasSubstr("enhet=" + unit)) << target;
      EXPECT_THAT(target, HasSubstr("till=2020-12-31")) << target;
    }
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(rows.size(), 520u);
  EXPECT_NE(rows.count("rad-0"), 0u);  // the oldest
}

}  // namespace
}  // namespace uppsikt::web
