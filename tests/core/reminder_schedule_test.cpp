// Reminder schedules: the stored text, the words shown, and which day is due or next.
#include "core/reminder_schedule.h"

#include <gtest/gtest.h>

namespace uppsikt {
namespace {

Day day(const char* iso) { return *day_from_iso(iso); }

TEST(ReminderScheduleTest, TheDefaultIsFourteenAndThreeDaysBeforeTheDayAndThenWeekly) {
  const ReminderSchedule standard;
  EXPECT_EQ(to_text(standard), "14,3,0+weekly");
  EXPECT_EQ(describe(standard), "14 och 3 dagar före, på sista dagen, sedan varje vecka");
  EXPECT_EQ(reminder_schedule_from_text("14,3,0+weekly"), standard);
  EXPECT_EQ(reminder_schedule_from_text(" 3, 14 ,0,3+weekly"), standard);  // sorted, each once
  EXPECT_EQ(describe(*reminder_schedule_from_text("off")), "Inga påminnelser");
  EXPECT_EQ(describe(*reminder_schedule_from_text("+weekly")), "Varje vecka efter sista dagen");
}

TEST(ReminderScheduleTest, TextThatIsNoScheduleIsRefused) {
  for (const char* bad : {"", "x", "-1", "400", "3,,1", "3 dagar", "weekly"})
    EXPECT_FALSE(reminder_schedule_from_text(bad)) << bad;
}

TEST(ReminderScheduleTest, TheLatestPlannedDayIsDueAndTheNextComesAfterToday) {
  const ReminderSchedule s;
  const Day deadline = day("2026-12-15");
  EXPECT_FALSE(due_reminder(s, deadline, day("2026-11-30")));
  EXPECT_EQ(iso_day(*next_reminder(s, deadline, day("2026-11-30"))), "2026-12-01");
  EXPECT_EQ(iso_day(*due_reminder(s, deadline, day("2026-12-01"))), "2026-12-01");
  EXPECT_EQ(iso_day(*due_reminder(s, deadline, day("2026-12-11"))), "2026-12-01");
  EXPECT_EQ(iso_day(*next_reminder(s, deadline, day("2026-12-01"))), "2026-12-12");
  EXPECT_EQ(iso_day(*due_reminder(s, deadline, day("2026-12-15"))), "2026-12-15");
  EXPECT_EQ(iso_day(*next_reminder(s, deadline, day("2026-12-15"))), "2026-12-22");
  EXPECT_EQ(iso_day(*due_reminder(s, deadline, day("2026-12-25"))), "2026-12-22");
  EXPECT_EQ(iso_day(*next_reminder(s, deadline, day("2026-12-25"))), "2026-12-29");
  const auto off = *reminder_schedule_from_text("off");
  EXPECT_FALSE(due_reminder(off, deadline, day("2026-12-15")));
  EXPECT_FALSE(next_reminder(off, deadline, day("2026-12-01")));
  const auto once = *reminder_schedule_from_text("3");
  EXPECT_FALSE(next_reminder(once, deadline, day("2026-12-12")));
  EXPECT_EQ(iso_day(*due_reminder(once, deadline, day("2027-01-20"))), "2026-12-12");
}

}  // namespace
}  // namespace uppsikt
