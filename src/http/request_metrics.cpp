#include "http/request_metrics.h"

#include <algorithm>
#include <limits>

namespace uppsikt::http {

void RequestMetrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  const auto bucket = std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  std::lock_guard lock(mutex_);
  auto& series = series_[Key{method, route, status}];
  ++series.count;
  series.sum += seconds;
  if (static_cast<std::size_t>(bucket) < kBuckets.size()) ++series.buckets[bucket];
}

void RequestMetrics::write(PrometheusText& out) const {
  std::map<Key, Series> copy;
  {
    std::lock_guard lock(mutex_);
    copy = series_;
  }
  auto labels_of = [](const Key& key) {
    return Labels{{"method", std::get<0>(key)}, {"route", std::get<1>(key)}, {"status", std::to_string(std::get<2>(key))}};
  };
  out.family("uppsikt_http_requests_total", "Requests answered, by method, route pattern and status.", "counter");
  for (const auto& [key, series] : copy) out.sample("uppsikt_http_requests_total", labels_of(key), series.count);

  out.family("uppsikt_http_request_duration_seconds",
             "Time from a request's first byte to its response written, by method, route pattern and status.",
             "histogram");
  for (const auto& [key, series] : copy) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += series.buckets[i];
      auto labels = labels_of(key);
      labels.emplace_back("le", format_sample_value(kBuckets[i]));
      out.sample("uppsikt_http_request_duration_seconds_bucket", labels, cumulative);
    }
    auto labels = labels_of(key);
    labels.emplace_back("le", "+Inf");
    out.sample("uppsikt_http_request_duration_seconds_bucket", labels, series.count);
    out.sample("uppsikt_http_request_duration_seconds_sum", labels_of(key), series.sum);
    out.sample("uppsikt_http_request_duration_seconds_count", labels_of(key), series.count);
  }

  out.family("uppsikt_http_open_connections", "Client connections open now.", "gauge");
  out.sample("uppsikt_http_open_connections", static_cast<double>(open_connections_.load()));
  out.family("uppsikt_http_connections_total", "Client connections accepted.", "counter");
  out.sample("uppsikt_http_connections_total", static_cast<double>(connections_.load()));
}

}  // namespace uppsikt::http
