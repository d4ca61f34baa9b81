// A compiled report frozen as JSON reads back whole: what a published version shows later.
#include "report/model_json.h"

#include <gtest/gtest.h>

#include "sample_reports.h"

namespace uppsikt::report {
namespace {

TEST(StoredReport, ReadsBackEveryField) {
  const auto report = testing::sample_compiled();
  const std::string text = to_stored_json(report);
  const auto back = from_stored_json(text);
  ASSERT_TRUE(back);
  EXPECT_EQ(to_stored_json(*back), text);
  EXPECT_EQ(back->round_name, report.round_name);
  EXPECT_EQ(back->units_handed_in, report.units_handed_in);
  ASSERT_EQ(back->sections.size(), report.sections.size());
  EXPECT_EQ(back->units_not_answered, report.units_not_answered);
}

TEST(StoredReport, OtherTextIsNoReport) {
  EXPECT_FALSE(from_stored_json("inte json"));
  EXPECT_FALSE(from_stored_json("[1, 2]"));
}

}  // namespace
}  // namespace uppsikt::report
