#pragma once
// Requests per token and minute, in this process: a bucket per token that holds a minute's
// requests and refills steadily. Several server processes each count their own, so the limit
// is per process; it guards the server against a runaway script, not a budget to the request.
#include <chrono>
#include <mutex>
#include <unordered_map>

#include "core/id.h"

namespace uppsikt::api {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}

  // Zero when the token may make a request now (and counts it); else the whole seconds until
  // it may.
  int take(Id token_id, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point at;
  };
  const int per_minute_;
  std::mutex mutex_;  // guards buckets_
  std::unordered_map<Id, Bucket> buckets_;
};

}  // namespace uppsikt::api
