#pragma once
// What the server counts for /metrics: requests by method, route pattern and status, their
// latency as a histogram, and open connections. Any thread; guarded by one mutex, held only
// to add a number, so the cost per request is a map lookup.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "http/prometheus_text.h"

namespace uppsikt::http {

class RequestMetrics {
 public:
  // Upper bounds in seconds: a page takes milliseconds; a report or an import seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};

  void connection_opened() { ++open_connections_; ++connections_; }
  void connection_closed() { --open_connections_; }
  void observe(const std::string& method, const std::string& route, int status, double seconds);

  // uppsikt_http_requests_total, uppsikt_http_request_duration_seconds,
  // uppsikt_http_open_connections, uppsikt_http_connections_total.
  void write(PrometheusText& out) const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // not cumulative; summed on write
  };
  using Key = std::tuple<std::string, std::string, int>;  // method, route, status

  mutable std::mutex mutex_;  // guards series_
  std::map<Key, Series> series_;
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::uint64_t> connections_{0};
};

}  // namespace uppsikt::http
