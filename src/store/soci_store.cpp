// Leasing pooled sessions to transactions.
#include "store/soci_store_impl.h"

#include "store/migrations_impl.h"
#include "store/soci_tx_impl.h"

namespace uppsikt::store {

SociStore::SociStore(std::unique_ptr<soci::connection_pool> pool, const Dialect& dialect)
    : pool_(std::move(pool)), dialect_(dialect) {}

SociStore::~SociStore() = default;

std::unique_ptr<Tx> SociStore::begin() {
  // soci::session(pool) blocks until a session is free and gives it back when destroyed.
  return std::make_unique<SociTx>(std::make_unique<soci::session>(*pool_), dialect_,
                                  SociTx::Mode::write);
}

std::unique_ptr<Tx> SociStore::begin_read() {
  return std::make_unique<SociTx>(std::make_unique<soci::session>(*pool_), dialect_,
                                  SociTx::Mode::read);
}

int SociStore::schema_version() {
  soci::session sql(*pool_);
  return store::schema_version(sql);
}

}  // namespace uppsikt::store
