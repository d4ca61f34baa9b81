// Reminder schedules per round, and the reminders already queued.
#include "store/soci_tx_impl.h"

namespace uppsikt::store {
namespace {

struct TextRow {
  std::string text;
  void bind(soci::statement& st) { st.exchange(soci::into(text)); }
  std::string value() const { return text; }
};

}  // namespace

std::optional<std::string> SociTx::reminder_schedule(Id round_id) {
  return read("reminder_schedule", [&] {
    return select_one<TextRow>(db(), "SELECT schedule FROM round_reminders WHERE round_id = :round_id",
                               soci::use(round_id));
  });
}

void SociTx::save_reminder_schedule(Id round_id, std::string_view schedule) {
  write("save_reminder_schedule", [&] {
    const std::string text{schedule};
    run(db(),
        "INSERT INTO round_reminders (round_id, schedule) VALUES (:round_id, :schedule) "
        "ON CONFLICT (round_id) DO UPDATE SET schedule = excluded.schedule",
        soci::use(round_id), soci::use(text));
  });
}

bool SociTx::add_reminder_send(Id round_id, Id unit_id, std::string_view planned_on, std::string_view queued_at) {
  return write("add_reminder_send", [&] {
    const std::string on{planned_on}, at{queued_at};
    // The primary key makes a second insert of the same planned reminder do nothing; on
    // PostgreSQL a concurrent one waits for the first to commit and then does nothing.
    return returning_id(db(),
                        "INSERT INTO reminder_sends (round_id, unit_id, planned_on, queued_at) "
                        "VALUES (:round_id, :unit_id, :planned_on, :queued_at) "
                        "ON CONFLICT (round_id, unit_id, planned_on) DO NOTHING RETURNING round_id",
                        soci::use(round_id), soci::use(unit_id), soci::use(on), soci::use(at))
        .has_value();
  });
}

std::vector<Id> SociTx::reminded_units(Id round_id, std::string_view planned_on) {
  return read("reminded_units", [&] {
    struct IdRow {
      long long id = 0;
      void bind(soci::statement& st) { st.exchange(soci::into(id)); }
      Id value() const { return static_cast<Id>(id); }
    };
    const std::string on{planned_on};
    return select_all<IdRow>(db(), "SELECT unit_id FROM reminder_sends WHERE round_id = :round_id AND planned_on = :on",
                             soci::use(round_id), soci::use(on));
  });
}

}  // namespace uppsikt::store
