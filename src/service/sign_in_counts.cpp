#include "service/sign_in_counts.h"

#include <atomic>

namespace uppsikt::service {
namespace {
std::atomic<std::uint64_t> g_signed_in{0};
std::atomic<std::uint64_t> g_refused{0};
std::atomic<std::uint64_t> g_throttled{0};
}  // namespace

SignInCounts sign_in_counts() { return {g_signed_in.load(), g_refused.load(), g_throttled.load()}; }

void count_sign_in(SignInCount outcome) {
  switch (outcome) {
    case SignInCount::signed_in: ++g_signed_in; break;
    case SignInCount::refused: ++g_refused; break;
    case SignInCount::throttled: ++g_throttled; break;
  }
}

}  // namespace uppsikt::service
