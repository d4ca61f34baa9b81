#pragma once
// When a round's units that have not handed in are reminded by mail: some days before the
// deadline, on it (0 days before), and then every week after it while they still have not.
// Pure rules over dates; the sender (service/reminders.h) keeps each planned day once.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt {

struct ReminderSchedule {
  bool on = true;
  std::vector<int> days_before{14, 3, 0};  // distinct, descending; 0 is the deadline itself
  bool weekly_after = true;                // then every 7 days after the deadline

  bool operator==(const ReminderSchedule&) const = default;
};

// As stored: "14,3,0+weekly", "14,3", "off". The default schedule for a round without one.
std::string to_text(const ReminderSchedule& schedule);
// Nothing for text that is not such a schedule (days 0–365).
std::optional<ReminderSchedule> reminder_schedule_from_text(std::string_view text);
// "14 och 3 dagar före, på sista dagen, sedan varje vecka" / "Inga påminnelser".
std::string describe(const ReminderSchedule& schedule);

using Day = std::chrono::sys_days;
// The day of "2026-12-15", or nothing.
std::optional<Day> day_from_iso(std::string_view text);
std::string iso_day(Day day);

// The latest planned day at or before `today` (what is due now), or nothing before the first.
std::optional<Day> due_reminder(const ReminderSchedule& schedule, Day deadline, Day today);
// The first planned day after `today`, or nothing when none is left.
std::optional<Day> next_reminder(const ReminderSchedule& schedule, Day deadline, Day today);

}  // namespace uppsikt
