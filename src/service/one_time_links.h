#pragma once
// One-time links that let a person set their password: an invitation for a new account, a
// reset for an existing one. A link lives 24 hours and works once; the store keeps only a
// hash of its token, so the link itself is either mailed to the person (when this process sends
// mail, service/mail_settings.h: queued in the link's own transaction) or shown once, to the
// admin on screen or printed by the command line.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/one_time_link.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/outcome.h"
#include "store/store.h"

namespace uppsikt::service {

inline constexpr std::chrono::hours kLinkLifetime{24};

// The page a link opens: "/lank/<token>".
std::string link_path(std::string_view token);

// Outcome: done with the person's id, or refused naming the input ("email", "name", "unit").
struct MadeLink {
  Outcome outcome;
  std::string token;    // done: put it in link_path(), show it once
  bool mailed = false;  // done: the link was queued as mail; do not show it
  bool ok() const { return outcome.ok(); }
};

// Adds a link for `user_id` in `tx`, audited there; returns its token.
std::string add_link(store::Tx& tx, Id user_id, LinkPurpose purpose, const Actor& actor, TimePoint now);

// A reset link for the person with `email`. Their password stays until the link is used.
MadeLink reset_link(store::Store& store, std::string_view email, const Actor& actor, const Clock& clock = system_now);

// Adds the person with one grant and an invitation link instead of a password (user.password
// is ignored; until the link is used no password signs them in).
MadeLink invite_user(store::Store& store, const NewUser& user, const Actor& actor, const Clock& clock = system_now);

// The first administrator with an invitation link, as add_first_admin does otherwise.
MadeLink invite_first_admin(store::Store& store, const NewUser& user, const Actor& actor,
                              const Clock& clock = system_now);

// Whom a live link is for: nothing for an unknown, used or expired link, or a disabled account.
struct LinkHolder {
  Id user_id = 0;
  std::string name;
  std::string email;
  LinkPurpose purpose = LinkPurpose::reset;
};
std::optional<LinkHolder> open_link(store::Store& store, std::string_view token, const Clock& clock = system_now);

// Sets the password through a live link (the policy of service/passwords.h), uses the link up
// and ends the person's sessions, all in one audited transaction. A dead link is a conflict
// with kLinkDead; a weak password is invalid ("password").
inline constexpr std::string_view kLinkDead = "Länken är ogiltig, redan använd eller för gammal. Be en administratör om en ny.";
Outcome use_link(store::Store& store, std::string_view token, std::string_view password, const Actor& actor,
                       const Clock& clock = system_now);

}  // namespace uppsikt::service
