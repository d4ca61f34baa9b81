#include "cli/metrics_page.h"

#include "http/prometheus_text.h"
#include "http/request_metrics.h"
#include "service/outbox.h"
#include "service/sign_in_counts.h"
#include "uppsikt/version.h"

namespace uppsikt::cli {
namespace {

void write_store(http::PrometheusText& out, const store::StoreStats& s) {
  out.family("uppsikt_db_pool_connections", "Pooled database connections.", "gauge");
  out.sample("uppsikt_db_pool_connections", s.pool_size);
  out.family("uppsikt_db_pool_in_use", "Pooled database connections leased to a transaction now.", "gauge");
  out.sample("uppsikt_db_pool_in_use", s.pool_in_use);
  out.family("uppsikt_db_pool_leases_total", "Transactions that leased a pooled connection.", "counter");
  out.sample("uppsikt_db_pool_leases_total", static_cast<double>(s.leases));
  out.family("uppsikt_db_pool_waits_total", "Leases that found no free connection and waited.", "counter");
  out.sample("uppsikt_db_pool_waits_total", static_cast<double>(s.lease_waits));
  out.family("uppsikt_db_pool_wait_seconds_total", "Time spent waiting for a free connection.", "counter");
  out.sample("uppsikt_db_pool_wait_seconds_total", s.lease_wait_seconds);
  out.family("uppsikt_db_commit_syncs_total",
             "Log syncs of SQLite's group commit (commits_synced / syncs is the group size).", "counter");
  out.sample("uppsikt_db_commit_syncs_total", static_cast<double>(s.commit_syncs));
  out.family("uppsikt_db_commits_synced_total", "Commits made durable by group-commit syncs.", "counter");
  out.sample("uppsikt_db_commits_synced_total", static_cast<double>(s.synced_commits));
}

// A scrape must answer while the database is away (/readyz says so); the family is left out then.
void write_outbox(http::PrometheusText& out, store::Store& store) {
  std::vector<OutboxCount> counts;
  try {
    counts = service::outbox_counts(store);
  } catch (const std::exception&) {
    return;
  }
  out.family("uppsikt_outbox_messages", "Messages in the outbox by channel and status (failed: given up).", "gauge");
  for (const auto status : {OutboxStatus::queued, OutboxStatus::sent, OutboxStatus::failed}) {
    long long messages = 0;
    for (const auto& c : counts) {
      if (c.channel == kMailChannel && c.status == status) messages = c.messages;
    }
    out.sample("uppsikt_outbox_messages", {{"channel", std::string(kMailChannel)}, {"status", std::string(to_code(status))}},
               static_cast<double>(messages));
  }
}

void write_sign_in(http::PrometheusText& out) {
  const auto counts = service::sign_in_counts();
  out.family("uppsikt_sign_ins_total", "Sign-in attempts by outcome.", "counter");
  out.sample("uppsikt_sign_ins_total", {{"outcome", "signed_in"}}, static_cast<double>(counts.signed_in));
  out.sample("uppsikt_sign_ins_total", {{"outcome", "refused"}}, static_cast<double>(counts.refused));
  out.sample("uppsikt_sign_ins_total", {{"outcome", "throttled"}}, static_cast<double>(counts.throttled));
}

}  // namespace

http::RequestHandler make_metrics_handler(std::shared_ptr<const http::RequestMetrics> requests,
                                          store::Store& store) {
  return [requests, &store](http::Request& request) {
    request.route = request.path;
    if (request.path != "/metrics") return http::text_response(404, "finns inte; se /metrics\n");
    if (request.method != "GET" && request.method != "HEAD") {
      auto response = http::text_response(405, "bara GET\n");
      response.set_header("Allow", "GET, HEAD");
      return response;
    }
    http::PrometheusText out;
    out.family("uppsikt_build_info", "The running build; the value is always 1.", "gauge");
    out.sample("uppsikt_build_info", {{"version", kVersion}}, 1);
    requests->write(out);
    write_store(out, store.stats());
    write_outbox(out, store);
    write_sign_in(out);
    http::Response response;
    response.body = out.text();
    response.set_header("Content-Type", http::kPrometheusContentType);
    response.set_header("Cache-Control", "no-store");
    return response;
  };
}

}  // namespace uppsikt::cli
