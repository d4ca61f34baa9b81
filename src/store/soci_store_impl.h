#pragma once
// A Store over a fixed pool of SOCI sessions, whatever the backend: a transaction leases one
// session for its life and gives it back when it ends, so at most the pool's size of
// transactions run at once and further ones wait. A thread must not begin a second
// transaction while it holds one (with the pool exhausted, it would wait on itself).
#include <soci/connection-pool.h>

#include <cstddef>
#include <memory>

#include "store/dialect_impl.h"
#include "store/store.h"

namespace uppsikt::store {

class SociStore final : public Store {
 public:
  // `pool` holds `size` sessions that are open, set up and migrated.
  SociStore(std::unique_ptr<soci::connection_pool> pool, const Dialect& dialect);
  ~SociStore() override;  // every Tx must have ended before

  std::unique_ptr<Tx> begin() override;
  std::unique_ptr<Tx> begin_read() override;
  int schema_version() override;

 private:
  std::unique_ptr<soci::connection_pool> pool_;  // thread-safe itself
  const Dialect& dialect_;
};

}  // namespace uppsikt::store
