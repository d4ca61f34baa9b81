#pragma once
// Sign-in, sessions and sign-out. A session is a random 256-bit token in the browser's
// cookie; the store keeps only its hash. Each sign-in makes a new token (so a token planted
// before sign-in is worth nothing), and a session ends on sign-out, after `idle` without a
// request, and `absolute` after sign-in, whichever comes first.
//
// Repeated failures slow sign-in down and then pause it, per account and per address: a
// password guesser gets a handful of tries per window, a person who mistyped waits a second.
// An account is paused only from the address its failures came from (elsewhere it is slowed),
// so that nobody can lock a person out by failing in their name from other addresses; an
// address is paused for every account. Behind a proxy the address is the client's as the
// proxy reports it (http::TrustedProxies).
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/outcome.h"
#include "service/audit.h"
#include "service/clock.h"
#include "service/permissions.h"
#include "store/store.h"

namespace uppsikt::service {

struct SessionOptions {
  std::chrono::minutes idle{30};        // OWASP's upper bound for a low-risk application
  std::chrono::minutes absolute{12 * 60};  // one working day, then sign in again
  // Failures counted per account (since its latest success; pausing it only from the address
  // the failures came from) and per address within `window`.
  std::chrono::minutes window{15};
  int account_slow_after = 3;    // failures before each further try waits
  int account_refuse_after = 10; // failures before tries are refused until the window passes
  int address_slow_after = 10;   // an office behind one address has many people
  int address_refuse_after = 30;
  std::chrono::milliseconds slow_step{1000};  // the wait grows by this per failure …
  std::chrono::milliseconds slow_max{5000};   // … up to this
  Clock clock = system_now;
  std::function<void(std::chrono::milliseconds)> sleep;  // empty: the thread sleeps
  // When set, password sign-in is off for everyone but these e-mail addresses (lower case):
  // the break-glass administrators, for when the identity provider is down. The others sign
  // in through the organisation's identity provider.
  std::optional<std::vector<std::string>> password_only_for;
};

inline constexpr std::string_view kPasswordSignInOff =
    "Inloggning med lösenord är avstängd. Logga in med din organisations konto.";

// The same message for an unknown e-mail, a wrong password and a disabled account.
inline constexpr std::string_view kSignInRefused = "Fel e-postadress eller lösenord.";

// Done with the new session's token; otherwise not allowed, with what to tell the person: the
// same for every wrong e-mail or password, or after too many attempts, when to try again.
struct SignInResult {
  Outcome outcome;
  std::string token;      // done: the new session's token, for the cookie only
  int retry_minutes = 0;  // not allowed for too many attempts: when to try again; else 0
  bool ok() const { return outcome.ok(); }
};

// Checks the throttles, then the password (in the same time whether or not the account
// exists), records the attempt and audits it; on success ends `previous_token`'s session, if
// any, and starts a new one.
SignInResult sign_in(store::Store& store, std::string_view email, std::string_view password,
                     std::string_view remote_address, std::string_view previous_token,
                     const SessionOptions& options);

struct SignedIn {
  Viewer viewer;
  std::string csrf_token;  // every state-changing request must carry it
  std::string provider;    // the identity provider signed in through; empty for a password
};

// The live session of `token`, or nothing when there is none or it has expired (an expired
// one is deleted). Marks the session as seen, at most once a minute.
std::optional<SignedIn> resume_session(store::Store& store, std::string_view token,
                                       const SessionOptions& options);

// Ends the session of `token` on the server.
void sign_out(store::Store& store, std::string_view token, const Actor& actor);

// Normalises an e-mail address as stored: trimmed and lower case (Å, Ä, Ö too).
std::string normal_email(std::string_view email);

}  // namespace uppsikt::service
