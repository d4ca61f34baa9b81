#include "service/sessions.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <thread>

#include "core/text.h"
#include "service/audit.h"
#include "service/passwords.h"
#include "service/sign_in_counts.h"
#include "service/tokens.h"

namespace uppsikt::service {
namespace {

constexpr std::chrono::seconds kTouchEvery{60};

// A hash to check the password against when the account does not exist, so that an unknown
// e-mail takes as long as a known one.
const std::string& dummy_hash() {
  static const std::string hash = hash_password(random_token());
  return hash;
}

struct Throttle {
  bool refused = false;
  int retry_minutes = 0;
  std::chrono::milliseconds wait{0};
};

Throttle throttle_for(const store::Tx::Failures& f, int slow_after, int refuse_after,
                      const SessionOptions& o, TimePoint now) {
  Throttle t;
  if (f.count >= refuse_after) {
    auto latest = from_iso(f.latest).value_or(now);
    auto left = std::chrono::ceil<std::chrono::minutes>(latest + o.window - now);
    t.refused = left.count() > 0;
    t.retry_minutes = std::max<int>(1, static_cast<int>(left.count()));
    if (t.refused) return t;
  }
  if (f.count >= slow_after)
    t.wait = std::min(o.slow_max, o.slow_step * (f.count - slow_after + 1));
  return t;
}

Throttle combine(const Throttle& a, const Throttle& b) {
  if (a.refused && b.refused) return a.retry_minutes >= b.retry_minutes ? a : b;
  if (a.refused) return a;
  if (b.refused) return b;
  return Throttle{.wait = std::max(a.wait, b.wait)};
}

std::string minutes_text(int minutes) {
  return minutes == 1 ? "1 minut" : std::to_string(minutes) + " minuter";
}

}  // namespace

std::string normal_email(std::string_view email) { return fold_case(trim(email)); }

SignInResult sign_in(store::Store& store, std::string_view email_in, std::string_view password,
                     std::string_view remote_address, std::string_view previous_token,
                     const SessionOptions& options) {
  const std::string email = normal_email(email_in);
  const TimePoint now = options.clock();
  const std::string since = to_iso(now - options.window);
  const Actor anonymous{std::nullopt, std::string{remote_address}};

  std::optional<User> user;
  Throttle throttle;
  {
    auto tx = store.begin_read();
    // An account is paused only for the address its failures came from: failures sent from
    // made-up addresses slow the account down everywhere but never lock its owner out.
    constexpr int kNever = std::numeric_limits<int>::max();
    throttle = combine(
        combine(throttle_for(tx->failed_logins_by_email_from(email, remote_address, since),
                             options.account_slow_after, options.account_refuse_after, options, now),
                throttle_for(tx->failed_logins_by_email(email, since), options.account_slow_after, kNever,
                             options, now)),
        throttle_for(tx->failed_logins_by_address(remote_address, since), options.address_slow_after,
                     options.address_refuse_after, options, now));
    if (!throttle.refused) user = tx->user_by_email(email);
  }
  if (throttle.refused) {
    auto tx = store.begin();
    audit(*tx, anonymous, AuditEntry{.at = to_iso(now), .action = "sign_in_throttled",
                                     .after_json = nlohmann::json{{"email", email}}.dump()});
    tx->commit();
    count_sign_in(SignInCount::throttled);
    spdlog::warn("sign-in throttled for an account or address ({})", remote_address);
    return SignInResult{.outcome = Outcome::not_allowed("För många misslyckade inloggningar. Försök igen om " +
                                                        minutes_text(throttle.retry_minutes) + "."),
                        .retry_minutes = throttle.retry_minutes};
  }
  if (throttle.wait.count() > 0) {
    if (options.sleep) options.sleep(throttle.wait);
    else std::this_thread::sleep_for(throttle.wait);
  }

  // Outside any transaction: hashing takes tens of milliseconds and must not hold a lock.
  const bool matches = user ? verify_password(user->password_hash, password)
                            : (verify_password(dummy_hash(), password), false);
  const bool ok = matches && !user->disabled;

  auto tx = store.begin();
  tx->add_login_attempt(LoginAttempt{.at = to_iso(now), .email = email,
                                     .remote_address = std::string{remote_address}, .succeeded = ok});
  if (!ok) {
    audit(*tx, anonymous, AuditEntry{.at = to_iso(now), .action = "sign_in_failed",
                                     .after_json = nlohmann::json{{"email", email}}.dump()});
    tx->commit();
    count_sign_in(SignInCount::refused);
    spdlog::info("sign-in refused ({})", remote_address);
    return SignInResult{.outcome = Outcome::not_allowed(std::string{kSignInRefused})};
  }
  if (options.password_only_for && std::find(options.password_only_for->begin(), options.password_only_for->end(),
                                             email) == options.password_only_for->end()) {
    audit(*tx, Actor{user->id, std::string{remote_address}},
          AuditEntry{.at = to_iso(now), .action = "sign_in_refused", .entity = "user", .entity_id = user->id,
                     .after_json = nlohmann::json{{"email", email}, {"reason", "password_off"}}.dump()});
    tx->commit();
    return SignInResult{.outcome = Outcome::not_allowed(std::string{kPasswordSignInOff})};
  }
  if (looks_like_token(previous_token)) tx->delete_session(hash_token(previous_token));
  const std::string token = random_token();
  tx->add_session(Session{.token_hash = hash_token(token), .user_id = user->id, .csrf_token = random_token(),
                          .created_at = to_iso(now), .last_seen_at = to_iso(now)});
  audit(*tx, Actor{user->id, std::string{remote_address}},
        AuditEntry{.at = to_iso(now), .action = "sign_in", .entity = "user", .entity_id = user->id});
  tx->commit();
  count_sign_in(SignInCount::signed_in);
  return SignInResult{.outcome = Outcome::done(0), .token = token};
}

std::optional<SignedIn> resume_session(store::Store& store, std::string_view token,
                                       const SessionOptions& options) {
  if (!looks_like_token(token)) return std::nullopt;
  const std::string hash = hash_token(token);
  const TimePoint now = options.clock();
  std::optional<Session> session;
  std::optional<User> user;
  std::vector<Grant> grants;
  {
    auto tx = store.begin_read();
    session = tx->session(hash);
    if (!session) return std::nullopt;
    user = tx->user(session->user_id);
    if (user) grants = tx->grants(user->id);
  }
  const auto created = from_iso(session->created_at);
  const auto seen = from_iso(session->last_seen_at);
  const bool expired = !created || !seen || now - *seen >= options.idle ||
                       now - *created >= options.absolute || !user || user->disabled;
  if (expired || now - *seen >= kTouchEvery) {
    auto tx = store.begin();
    if (expired) tx->delete_session(hash);
    else tx->touch_session(hash, to_iso(now));
    tx->commit();
    if (expired) return std::nullopt;
  }
  return SignedIn{Viewer{user->id, user->name, user->email, std::move(grants)}, session->csrf_token,
                  session->provider};
}

void sign_out(store::Store& store, std::string_view token, const Actor& actor) {
  if (!looks_like_token(token)) return;
  auto tx = store.begin();
  tx->delete_session(hash_token(token));
  audit(*tx, actor, AuditEntry{.action = "sign_out", .entity = "user", .entity_id = actor.user_id});
  tx->commit();
}

}  // namespace uppsikt::service
