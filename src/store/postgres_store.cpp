// PostgreSQL: a pool of connections to one server database, for several app servers.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <fmt/format.h>

#include <cstddef>
#include <memory>
#include <string>

#include "store/backends_impl.h"
#include "store/migrations_impl.h"
#include "store/soci_store_impl.h"

namespace uppsikt::store {
namespace {

// Per app server; PostgreSQL's own default limit is 100 connections for all of them.
constexpr std::size_t kPoolSize = 4;

// The URL as it may appear in a log: without the password of "postgresql://user:pw@host/db".
std::string without_password(const std::string& url) {
  const auto at = url.find('@');
  const auto scheme_end = url.find("://");
  if (at == std::string::npos || scheme_end == std::string::npos) return url;
  const auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

}  // namespace

std::unique_ptr<Store> open_postgresql(const std::string& url) {
  auto pool = std::make_unique<soci::connection_pool>(kPoolSize);
  try {
    // libpq takes the URL itself as its connection string.
    for (std::size_t i = 0; i < kPoolSize; ++i) pool->at(i).open(soci::postgresql, url);
  } catch (const std::exception& e) {
    throw StoreError(fmt::format("store: cannot connect to PostgreSQL '{}': {}",
                                 without_password(url), e.what()));
  }
  migrate(pool->at(0), kPostgresqlDialect);
  return std::make_unique<SociStore>(std::move(pool), kPoolSize, kPostgresqlDialect);
}

}  // namespace uppsikt::store
