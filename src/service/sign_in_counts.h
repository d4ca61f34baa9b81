#pragma once
// Sign-in outcomes counted since the process started, for /metrics: a rise in refusals or
// throttles is an attack or a broken identity set-up that operations should see.
#include <cstdint>

namespace uppsikt::service {

struct SignInCounts {
  std::uint64_t signed_in = 0;
  std::uint64_t refused = 0;    // a wrong e-mail address or password, or a disabled account
  std::uint64_t throttled = 0;  // refused unchecked after too many failures
};

SignInCounts sign_in_counts();

// Called by sign_in() once per attempt.
enum class SignInCount { signed_in, refused, throttled };
void count_sign_in(SignInCount outcome);

}  // namespace uppsikt::service
