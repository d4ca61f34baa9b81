// Leasing pooled sessions to transactions.
#include "store/soci_store_impl.h"

#include <fmt/format.h>

#include "store/migrations_impl.h"
#include "store/soci_tx_impl.h"

namespace uppsikt::store {

Lease::Lease(soci::connection_pool& pool, std::vector<std::unique_ptr<StatementCache>>& statements)
    : pool_(pool), statements_(statements) {
  if (!pool_.try_lease(position_, static_cast<int>(kLeaseTimeout.count())))
    throw StoreError(fmt::format(
        "store: no free database connection after {} ms (a thread holding a transaction "
        "began another?)",
        kLeaseTimeout.count()));
}

Lease::~Lease() { pool_.give_back(position_); }

SociStore::SociStore(std::unique_ptr<soci::connection_pool> pool, std::size_t size, const Dialect& dialect,
                     std::function<bool(soci::session&)> sync_log)
    : pool_(std::move(pool)), dialect_(dialect) {
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
  return std::make_unique<SociTx>(std::make_unique<Lease>(*pool_, statements_), dialect_, SociTx::Mode::write,
                                  std::move(writer), commit_sync_.get());
}

std::unique_ptr<Tx> SociStore::begin_read() {
  return std::make_unique<SociTx>(std::make_unique<Lease>(*pool_, statements_), dialect_,
                                  SociTx::Mode::read);
}

int SociStore::schema_version() {
  Lease lease(*pool_, statements_);
  return store::schema_version(lease.session());
}

void SociStore::update_statistics() {
  if (dialect_.update_statistics.empty()) return;
  Lease lease(*pool_, statements_);
  try {
    lease.session() << std::string(dialect_.update_statistics);
  } catch (const std::exception& e) {
    throw StoreError(fmt::format("store: updating the planner's statistics: {}", e.what()));
  }
}

}  // namespace uppsikt::store
