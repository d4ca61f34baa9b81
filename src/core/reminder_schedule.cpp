#include "core/reminder_schedule.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/iso_date.h"
#include "core/text.h"

namespace uppsikt {
namespace {

constexpr std::string_view kWeekly = "+weekly";
constexpr int kLongestLead = 365;

}  // namespace

std::string to_text(const ReminderSchedule& s) {
  if (!s.on) return "off";
  std::string out;
  for (int d : s.days_before) out += (out.empty() ? "" : ",") + std::to_string(d);
  if (s.weekly_after) out += kWeekly;
  return out;
}

std::optional<ReminderSchedule> reminder_schedule_from_text(std::string_view text) {
  text = trim(text);
  if (text == "off") return ReminderSchedule{.on = false, .days_before = {}, .weekly_after = false};
  ReminderSchedule s{.days_before = {}, .weekly_after = text.ends_with(kWeekly)};
  if (s.weekly_after) text.remove_suffix(kWeekly.size());
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto part = trim(text.substr(0, comma));
    int day = -1;
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), day);
    if (error != std::errc() || end != part.data() + part.size() || day < 0 || day > kLongestLead) return std::nullopt;
    s.days_before.push_back(day);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  std::sort(s.days_before.rbegin(), s.days_before.rend());
  s.days_before.erase(std::unique(s.days_before.begin(), s.days_before.end()), s.days_before.end());
  if (s.days_before.empty() && !s.weekly_after) return std::nullopt;
  return s;
}

std::string describe(const ReminderSchedule& s) {
  if (!s.on) return "Inga påminnelser";
  std::vector<std::string> parts;
  std::string before;
  std::vector<int> leads;
  for (int d : s.days_before)
    if (d > 0) leads.push_back(d);
  for (std::size_t i = 0; i < leads.size(); ++i)
    before += (i == 0 ? "" : i + 1 == leads.size() ? " och " : ", ") + std::to_string(leads[i]);
  if (!leads.empty()) parts.push_back(before + (leads.size() == 1 && leads[0] == 1 ? " dag före" : " dagar före"));
  if (std::find(s.days_before.begin(), s.days_before.end(), 0) != s.days_before.end()) parts.push_back("på sista dagen");
  if (s.weekly_after) parts.push_back(parts.empty() ? "varje vecka efter sista dagen" : "sedan varje vecka");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : ", ") + parts[i];
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::optional<Day> day_from_iso(std::string_view text) {
  if (!is_iso_date(text)) return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  std::from_chars(text.data(), text.data() + 4, y);
  std::from_chars(text.data() + 5, text.data() + 7, m);
  std::from_chars(text.data() + 8, text.data() + 10, d);
  return Day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

std::string iso_day(Day day) {
  const std::chrono::year_month_day ymd{day};
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return out;
}

std::optional<Day> due_reminder(const ReminderSchedule& s, Day deadline, Day today) {
  if (!s.on) return std::nullopt;
  using std::chrono::days;
  if (s.weekly_after && today > deadline) {
    const auto weeks = (today - deadline).count() / 7;
    if (weeks > 0) return deadline + days(7 * weeks);
  }
  // days_before is descending: the last one at or before today is the latest due.
  std::optional<Day> due;
  for (int d : s.days_before)
    if (deadline - days(d) <= today) due = deadline - days(d);
  return due;
}

std::optional<Day> next_reminder(const ReminderSchedule& s, Day deadline, Day today) {
  if (!s.on) return std::nullopt;
  using std::chrono::days;
  for (int d : s.days_before)
    if (deadline - days(d) > today) return deadline - days(d);
  if (!s.weekly_after) return std::nullopt;
  const auto weeks = today < deadline ? 0 : (today - deadline).count() / 7;
  return deadline + days(7 * (weeks + 1));
}

}  // namespace uppsikt
