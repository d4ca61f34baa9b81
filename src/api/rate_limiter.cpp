#include "api/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace uppsikt::api {

int RateLimiter::take(Id token_id, Clock::time_point now) {
  const double capacity = per_minute_;
  const double per_second = per_minute_ / 60.0;
  std::lock_guard lock(mutex_);
  auto [it, added] = buckets_.try_emplace(token_id, Bucket{capacity, now});
  Bucket& bucket = it->second;
  if (!added) {
    const double seconds = std::chrono::duration<double>(now - bucket.at).count();
    bucket.tokens = std::min(capacity, bucket.tokens + seconds * per_second);
    bucket.at = now;
  }
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second)));
}

}  // namespace uppsikt::api
