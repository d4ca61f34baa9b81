// store::open: which backend a URL names.
#include <string_view>

#include "store/backends_impl.h"

namespace uppsikt::store {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";
constexpr std::string_view kPostgresqlSchemes[] = {"postgresql://", "postgres://"};

// "sqlite:PATH" → PATH; "sqlite:///abs/path" → "/abs/path" as in SQLAlchemy-style URLs.
std::string sqlite_path(std::string_view url) {
  url.remove_prefix(kSqliteScheme.size());
  if (url.starts_with("//")) url.remove_prefix(2);
  return std::string{url};
}

}  // namespace

std::unique_ptr<Store> open(const std::string& url) {
  for (const auto scheme : kPostgresqlSchemes)
    if (url.starts_with(scheme)) return open_postgresql(url);
  if (url.starts_with(kSqliteScheme)) return open_sqlite(sqlite_path(url));
  return open_sqlite(url);
}

}  // namespace uppsikt::store
