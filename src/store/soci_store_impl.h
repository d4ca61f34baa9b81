#pragma once
// A Store over a fixed pool of SOCI sessions, whatever the backend: a transaction leases one
// session for its life and gives it back when it ends, so at most the pool's size of
// transactions run at once and further ones wait. A thread must not begin a second
// transaction while it holds one: with the pool exhausted it would wait on itself, so a wait
// ends after kLeaseTimeout with a StoreError rather than hanging the server.
#include <soci/connection-pool.h>
#include <soci/session.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <atomic>
#include <mutex>

#include <vector>

#include "store/dialect_impl.h"
#include "store/statement_cache_impl.h"
#include "store/store.h"
#include "store/group_commit.h"

namespace uppsikt::store {

inline constexpr std::chrono::milliseconds kLeaseTimeout{30'000};

// Counts for StoreStats; any thread.
struct PoolCounters {
  std::atomic<int> in_use{0};
  std::atomic<std::uint64_t> leases{0};
  std::atomic<std::uint64_t> waits{0};
  std::atomic<std::uint64_t> wait_micros{0};
};

// A pooled session, with the statements prepared on it, borrowed for one transaction and
// given back when destroyed.
class Lease {
 public:
  // Throws StoreError after kLeaseTimeout. `statements` holds one cache per pooled session.
  Lease(soci::connection_pool& pool, std::vector<std::unique_ptr<StatementCache>>& statements,
        PoolCounters& counters);
  ~Lease();
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  soci::session& session() { return pool_.at(position_); }
  StatementCache& statements() { return *statements_[position_]; }

 private:
  soci::connection_pool& pool_;
  std::vector<std::unique_ptr<StatementCache>>& statements_;
  PoolCounters& counters_;
  std::size_t position_ = 0;
};

// Where the store, not the database, makes commits durable (SQLite's group commit): how to
// sync the log through a connection, and the commits waiting for it.
struct CommitSync {
  std::function<bool(soci::session&)> sync_log;
  GroupCommit group;
};

class SociStore final : public Store {
 public:
  // `pool` holds `size` sessions that are open, set up and migrated. `sync_log`, where
  // given, syncs what connections commit without syncing (SQLite's group commit).
  SociStore(std::unique_ptr<soci::connection_pool> pool, std::size_t size, const Dialect& dialect,
            std::function<bool(soci::session&)> sync_log = {});
  ~SociStore() override;  // every Tx must have ended before

  std::unique_ptr<Tx> begin() override;
  std::unique_ptr<Tx> begin_read() override;
  int schema_version() override;
  void update_statistics() override;
  StoreStats stats() const override;

 private:
  const int size_;
  mutable PoolCounters counters_;
  std::unique_ptr<soci::connection_pool> pool_;  // thread-safe itself
  const Dialect& dialect_;
  // By pool position; a cache is used only by the transaction that leases its session.
  // Declared after pool_, so its statements are finalized while their sessions are open.
  std::vector<std::unique_ptr<StatementCache>> statements_;
  // Held by a write transaction for its life where dialect_.one_writer; taken before the
  // lease so that a writer waiting for it holds no pooled session that readers need.
  std::timed_mutex writer_;
  std::unique_ptr<CommitSync> commit_sync_;  // none where the database syncs its commits
};

}  // namespace uppsikt::store
