// The digest's periods: a day, or a week from Monday; and the stored codes.
#include "core/mail_preference.h"

#include <gtest/gtest.h>

namespace uppsikt {
namespace {

Day day(const char* iso) { return *day_from_iso(iso); }

TEST(MailPreferenceTest, AWeeklyPeriodBeginsOnMondayAndADailyOneOnTheDay) {
  EXPECT_EQ(digest_period_start(DigestFrequency::weekly, day("2026-12-07")), day("2026-12-07"));  // Monday
  EXPECT_EQ(digest_period_start(DigestFrequency::weekly, day("2026-12-13")), day("2026-12-07"));  // Sunday
  EXPECT_EQ(digest_period_start(DigestFrequency::weekly, day("2026-12-10")), day("2026-12-07"));
  EXPECT_EQ(digest_period_start(DigestFrequency::daily, day("2026-12-10")), day("2026-12-10"));
  EXPECT_EQ(previous_period_start(DigestFrequency::weekly, day("2026-12-07")), day("2026-11-30"));
  EXPECT_EQ(previous_period_start(DigestFrequency::daily, day("2026-12-07")), day("2026-12-06"));
}

TEST(MailPreferenceTest, CodesReadBackAndUnknownOnesAreRefused) {
  for (auto f : {DigestFrequency::off, DigestFrequency::daily, DigestFrequency::weekly})
    EXPECT_EQ(digest_frequency_from_code(to_code(f)), f);
  EXPECT_FALSE(digest_frequency_from_code("hourly"));
  EXPECT_EQ(label(DigestFrequency::weekly), "Varje vecka");
}

}  // namespace
}  // namespace uppsikt
