#pragma once
// Whether the server can serve: its database answers and is at the schema version this
// program knows (GET /readyz; a load balancer sends no traffic to an instance that is not).
#include <string>

#include "store/store.h"

namespace uppsikt::service {

struct Readiness {
  bool ready = false;
  std::string reason;  // when not ready, for operations (English, like the logs)
};

Readiness check_readiness(store::Store& store);

}  // namespace uppsikt::service
