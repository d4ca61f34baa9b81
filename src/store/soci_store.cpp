// Leasing pooled sessions to transactions.
#include "store/soci_store_impl.h"

#include <fmt/format.h>

#include <chrono>
#include <tuple>

#include "store/migrations_impl.h"
#include "store/soci_tx_impl.h"

namespace uppsikt::store {

Lease::Lease(soci::connection_pool& pool, std::vector<std::unique_ptr<StatementCache>>& statements,
             PoolCounters& counters)
    : pool_(pool), statements_(statements), counters_(counters) {
  ++counters_.leases;
  // A free session at once is the common case; only a wait is timed, for /metrics.
  if (!pool_.try_lease(position_, 0)) {
    ++counters_.waits;
    const auto start = std::chrono::steady_clock::now();
    const bool leased = pool_.try_lease(position_, static_cast<int>(kLeaseTimeout.count()));
    counters_.wait_micros += static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count());
    if (!leased)
      throw StoreError(fmt::format(
          "store: no free database connection after {} ms (a thread holding a transaction "
          "began another?)",
          kLeaseTimeout.count()));
  }
  ++counters_.in_use;
}

Lease::~Lease() {
  --counters_.in_use;
  pool_.give_back(position_);
}

StoreStats SociStore::stats() const {
  StoreStats stats;
  stats.pool_size = size_;
  stats.pool_in_use = counters_.in_use.load();
  stats.leases = counters_.leases.load();
  stats.lease_waits = counters_.waits.load();
  stats.lease_wait_seconds = static_cast<double>(counters_.wait_micros.load()) / 1e6;
  if (commit_sync_) std::tie(stats.commit_syncs, stats.synced_commits) = commit_sync_->group.totals();
  return stats;
}

SociStore::SociStore(std::unique_ptr<soci::connection_pool> pool, std::size_t size, const Dialect& dialect,
                     std::function<bool(soci::session&)> sync_log)
    : size_(static_cast<int>(size)), pool_(std::move(pool)), dialect_(dialect) {
  if (sync_log) {
    commit_sync_ = std::make_unique<CommitSync>();
    commit_sync_->sync_log = std::move(sync_log);
  }
  for (std::size_t i = 0; i < size; ++i) statements_.push_back(std::make_unique<StatementCache>(dialect));
}

SociStore::~SociStore() = default;

std::unique_ptr<Tx> SociStore::begin() {
  std::unique_lock writer(writer_, std::defer_lock);
  if (dialect_.one_writer && !writer.try_lock_for(kLeaseTimeout))
    throw StoreError("store: another change has held the database for too long; try again");
  return std::make_unique<SociTx>(std::make_unique<Lease>(*pool_, statements_, counters_), dialect_, SociTx::Mode::write,
                                  std::move(writer), commit_sync_.get());
}

std::unique_ptr<Tx> SociStore::begin_read() {
  return std::make_unique<SociTx>(std::make_unique<Lease>(*pool_, statements_, counters_), dialect_,
                                  SociTx::Mode::read);
}

int SociStore::schema_version() {
  Lease lease(*pool_, statements_, counters_);
  return store::schema_version(lease.session());
}

void SociStore::update_statistics() {
  if (dialect_.update_statistics.empty()) return;
  Lease lease(*pool_, statements_, counters_);
  try {
    lease.session() << std::string(dialect_.update_statistics);
  } catch (const std::exception& e) {
    throw StoreError(fmt::format("store: updating the planner's statistics: {}", e.what()));
  }
}

}  // namespace uppsikt::store
