#pragma once
// Mail in make bench: queueing "Påminn nu" for every unit of the national round, and sending
// from the outbox to a local SMTP sink (tests/support/smtp_sink.py, started by bench/run.sh),
// whose raw rate bench/run.sh measures with Python's smtplib in the same run.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "service/mail_settings.h"
#include "service/outbox.h"
#include "service/status_board.h"
#include "store/store.h"

namespace uppsikt::bench {

struct MailQueueFigure {
  double seconds = 0;
  long long messages = 0;
  long long units = 0;
};

// "Påminn nu" by the national demo's admin for every unit of `round_name` not handed in, on a
// copy of `national_db` (the cached data set stays as it was) where every unit has been given
// a respondent of its own first (the demo has people on a few units only), so that each unit
// queues a message. Nothing when the copy fails.
inline std::optional<MailQueueFigure> queue_national_reminders(const std::filesystem::path& national_db,
                                                               const std::filesystem::path& dir,
                                                               const std::string& round_name) {
  const auto copy = dir / "mail-national.db";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(copy.string() + suffix, ec);
  std::filesystem::copy_file(national_db, copy, ec);
  if (ec) return std::nullopt;
  auto store = store::open(copy.string());
  service::Viewer admin;
  Id round_id = 0;
  {
    auto tx = store->begin();
    const auto user = tx->user_by_email("admin@demo.uppsikt.se");
    const auto round = tx->round_by_name(round_name);
    if (!user || !round) return std::nullopt;
    admin = service::Viewer{.user_id = user->id, .name = user->name, .email = user->email, .grants = tx->grants(user->id)};
    round_id = round->id;
    for (const auto& unit : tx->units()) {
      const Id person = tx->add_user(User{.email = "svarande-" + std::to_string(unit.id) + "@example.se",
                                          .name = "Svarande " + std::to_string(unit.id),
                                          .created_at = "2024-01-01T00:00:00Z"});
      tx->add_grant(Grant{.user_id = person, .role = Role::respondent, .unit_id = unit.id});
    }
    tx->commit();
  }
  service::set_mail_settings(service::MailSettings{.public_url = "https://uppsikt.example.se"});
  const auto start = std::chrono::steady_clock::now();
  const auto outcome = service::remind_round(*store, admin, round_id);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  service::set_mail_settings(std::nullopt);
  if (!outcome.ok()) return std::nullopt;
  MailQueueFigure figure{.seconds = took.count(), .units = static_cast<long long>(outcome.id)};
  for (const auto& count : service::outbox_counts(*store)) figure.messages += count.messages;
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(copy.string() + suffix, ec);
  return figure;
}

// Messages per second from the outbox to the SMTP server at `smtp_url`: `count` reminders
// queued in a new SQLite database, then delivered by the sender's own pass until none is left.
inline std::optional<double> mail_sent_per_s(const std::filesystem::path& dir, const std::string& smtp_url,
                                             int count) {
  const auto path = dir / "mail-send.db";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix, ec);
  auto store = store::open(path.string());
  const auto now = service::system_now();
  {
    auto tx = store->begin();
    for (int i = 0; i < count; ++i) {
      service::queue_message(*tx, OutboxMessage{.kind = "reminder",
                                                .recipient = "svarande" + std::to_string(i) + "@example.se",
                                                .recipient_name = "Åsa Öberg",
                                                .subject = "Påminnelse: Uppföljning 2024 ska lämnas in senast 2024-03-31",
                                                .text_body = std::string(1200, 'x'),
                                                .html_body = "<p>" + std::string(1800, 'y') + "</p>"},
                             now);
    }
    tx->commit();
  }
  const service::SmtpSettings smtp{.url = smtp_url, .from = "Uppsikt <noreply@example.se>"};
  service::RetryPolicy policy;
  policy.batch = 50;
  int sent = 0;
  const auto start = std::chrono::steady_clock::now();
  for (auto pass = service::deliver_due_mail(*store, smtp, now, policy); pass.any();
       pass = service::deliver_due_mail(*store, smtp, now, policy)) {
    sent += pass.accepted;
    if (pass.failed > 0 || pass.waiting > 0) return std::nullopt;  // the sink refused: no figure
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (sent != count) return std::nullopt;
  return sent / took.count();
}

}  // namespace uppsikt::bench
