#pragma once
// GET /metrics on the separate metrics listener (serve --metrics-bind): the server's request
// counts and latencies, the database pool and group commit, the outbox, sign-in outcomes and the build,
// in Prometheus's text format. Nothing else is served there.
#include <memory>

#include "http/server.h"
#include "store/store.h"

namespace uppsikt::http {
class RequestMetrics;
}

namespace uppsikt::cli {

http::RequestHandler make_metrics_handler(std::shared_ptr<const http::RequestMetrics> requests, store::Store& store);

}  // namespace uppsikt::cli
