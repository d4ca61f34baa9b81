// Times shown in Swedish time: CET in winter, CEST in summer, from ICU's Europe/Stockholm.
#include "core/swedish_time.h"

#include <gtest/gtest.h>

namespace uppsikt {
namespace {

TEST(SwedishTime, WinterIsOneHourAheadOfUtc) {
  EXPECT_EQ(swedish_clock("2026-11-25T09:42:00Z"), "10.42");
  EXPECT_EQ(swedish_time("2026-12-06T07:08:38Z"), "2026-12-06 08.08");
  EXPECT_EQ(swedish_time("2026-12-31T23:30:00Z"), "2027-01-01 00.30");
}

TEST(SwedishTime, SummerIsTwoHoursAheadBetweenTheLastSundaysOfMarchAndOctober) {
  EXPECT_EQ(swedish_clock("2026-03-29T00:59:59Z"), "01.59");  // last Sunday of March, before 01:00 UTC
  EXPECT_EQ(swedish_clock("2026-03-29T01:00:00Z"), "03.00");
  EXPECT_EQ(swedish_clock("2026-10-25T00:59:00Z"), "02.59");
  EXPECT_EQ(swedish_clock("2026-10-25T01:00:00Z"), "02.00");
}

TEST(SwedishTime, FractionsOfASecondAreRead) { EXPECT_EQ(swedish_time("2026-06-01T10:00:00.123Z"), "2026-06-01 12.00"); }

TEST(SwedishTime, OtherTextIsShownAsItIs) {
  EXPECT_EQ(swedish_clock("i går"), "i går");
  EXPECT_EQ(swedish_time("2026-12-06"), "2026-12-06");
  EXPECT_EQ(swedish_time(""), "");
}

}  // namespace
}  // namespace uppsikt
