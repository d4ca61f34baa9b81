#include "service/one_time_links.h"

#include <nlohmann/json.hpp>

#include "service/mail_settings.h"
#include "service/mail_text.h"
#include "service/outbox.h"
#include "service/passwords.h"
#include "service/sessions.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

std::string_view purpose_code(LinkPurpose purpose) {
  return purpose == LinkPurpose::invitation ? "invitation" : "reset";
}

// The hash of a password nobody knows: an invited person cannot sign in until they set
// their own, and signing in as them takes as long as for anyone else.
std::string unusable_password_hash() { return hash_password(random_token()); }

// The link of `token` if it is live at `now`, with its person.
std::optional<std::pair<OneTimeLink, User>> live_link(store::Tx& tx, std::string_view token, TimePoint now) {
  if (!looks_like_token(token)) return std::nullopt;
  auto link = tx.one_time_link(hash_token(token));
  if (!link || !link->used_at.empty()) return std::nullopt;
  auto expires = from_iso(link->expires_at);
  if (!expires || now >= *expires) return std::nullopt;
  auto user = tx.user(link->user_id);
  if (!user || user->disabled) return std::nullopt;
  return std::pair{*link, *user};
}

// Queues the link as mail to the person, when this process sends mail; false when it does not.
bool mail_link(store::Tx& tx, const User& user, LinkPurpose purpose, const std::string& token, TimePoint now) {
  const auto settings = mail_settings();
  if (!settings) return false;
  const std::string link = public_link(*settings, link_path(token));
  const MailText text = purpose == LinkPurpose::invitation ? invitation_text(user.name, link) : reset_text(user.name, link);
  // Filed under the person's unit: the admins of that unit follow it in the outbox.
  const auto grants = tx.grants(user.id);
  queue_message(tx,
                OutboxMessage{.kind = std::string{purpose_code(purpose)}, .recipient = user.email,
                              .recipient_name = user.name, .subject = text.subject, .text_body = text.text,
                              .html_body = text.html,
                              .unit_id = grants.empty() ? std::nullopt : std::optional<Id>(grants.front().unit_id)},
                now);
  return true;
}

}  // namespace

std::string link_path(std::string_view token) { return "/lank/" + std::string{token}; }

std::string add_link(store::Tx& tx, Id user_id, LinkPurpose purpose, const Actor& actor, TimePoint now) {
  const std::string token = random_token();
  tx.add_one_time_link(OneTimeLink{.token_hash = hash_token(token),
                                   .user_id = user_id,
                                   .purpose = purpose,
                                   .created_at = to_iso(now),
                                   .expires_at = to_iso(now + kLinkLifetime)});
  audit(tx, actor,
        AuditEntry{.at = to_iso(now), .action = "link_add", .entity = "user", .entity_id = user_id,
                   .after_json = nlohmann::json{{"purpose", purpose_code(purpose)}, {"expires_at", to_iso(now + kLinkLifetime)}}.dump()});
  return token;
}

MadeLink reset_link(store::Store& store, std::string_view email, const Actor& actor, const Clock& clock) {
  const std::string wanted = normal_email(email);
  auto tx = store.begin();
  auto user = tx->user_by_email(wanted);
  if (!user) return MadeLink{Outcome::invalid("epost", "Det finns inget konto för " + wanted + "."), ""};
  const TimePoint now = clock();
  auto token = add_link(*tx, user->id, LinkPurpose::reset, actor, now);
  const bool mailed = mail_link(*tx, *user, LinkPurpose::reset, token, now);
  tx->commit();
  return MadeLink{Outcome::done(user->id), token, mailed};
}

MadeLink invite_user(store::Store& store, const NewUser& user, const Actor& actor, const Clock& clock) {
  const std::string hash = unusable_password_hash();  // before the transaction: it is slow
  auto tx = store.begin();
  auto added = add_user_in(*tx, user, hash, actor);
  if (!added.ok()) return MadeLink{added, ""};
  const TimePoint now = clock();
  auto token = add_link(*tx, added.id, LinkPurpose::invitation, actor, now);
  const bool mailed = mail_link(*tx, *tx->user(added.id), LinkPurpose::invitation, token, now);
  tx->commit();
  return MadeLink{added, token, mailed};
}

MadeLink invite_first_admin(store::Store& store, const NewUser& user, const Actor& actor, const Clock& clock) {
  const std::string hash = unusable_password_hash();
  auto tx = store.begin();
  auto added = add_first_admin_in(*tx, user, hash, actor);
  if (!added.ok()) return MadeLink{added, ""};
  auto token = add_link(*tx, added.id, LinkPurpose::invitation, actor, clock());
  tx->commit();
  return MadeLink{added, token};
}

std::optional<LinkHolder> open_link(store::Store& store, std::string_view token, const Clock& clock) {
  auto tx = store.begin_read();
  auto live = live_link(*tx, token, clock());
  if (!live) return std::nullopt;
  const auto& [link, user] = *live;
  return LinkHolder{.user_id = user.id, .name = user.name, .email = user.email, .purpose = link.purpose};
}

Outcome use_link(store::Store& store, std::string_view token, std::string_view password, const Actor& actor,
                       const Clock& clock) {
  if (!open_link(store, token, clock)) return Outcome::conflict(std::string{kLinkDead});
  if (auto p = password_problem(password)) return Outcome::invalid("losenord", *p);
  const std::string hash = hash_password(password);  // before the transaction: it is slow
  const TimePoint now = clock();
  auto tx = store.begin();
  auto live = live_link(*tx, token, now);
  // The second check in the write transaction: of two uses at once, one wins.
  if (!live || !tx->use_one_time_link(live->first.token_hash, to_iso(now)))
    return Outcome::conflict(std::string{kLinkDead});
  const auto& [link, user] = *live;
  tx->update_user_password(user.id, hash);
  tx->delete_sessions_of(user.id);
  Actor by = actor;
  if (!by.user_id) by.user_id = user.id;  // the person behind the link did it
  audit(*tx, by,
        AuditEntry{.at = to_iso(now), .action = "password_set", .entity = "user", .entity_id = user.id,
                   .after_json = nlohmann::json{{"purpose", purpose_code(link.purpose)}}.dump()});
  tx->commit();
  return Outcome::done(user.id);
}

}  // namespace uppsikt::service
