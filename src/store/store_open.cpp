// store::open: which backend a URL names.
#include <string_view>

#include "store/backends_impl.h"

namespace uppsikt::store {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";
constexpr std::string_view kPostgresqlSchemes[] = {"postgresql://", "postgres://"};

}  // namespace

bool is_postgresql_url(const std::string& url) {
  for (const auto scheme : kPostgresqlSchemes)
    if (url.starts_with(scheme)) return true;
  return false;
}

// "sqlite:PATH" → PATH; "sqlite:///abs/path" → "/abs/path" as in SQLAlchemy-style URLs.
std::string sqlite_path_of(const std::string& url) {
  std::string_view path = url;
  if (!path.starts_with(kSqliteScheme)) return url;
  path.remove_prefix(kSqliteScheme.size());
  if (path.starts_with("//")) path.remove_prefix(2);
  return std::string{path};
}

std::unique_ptr<Store> open(const std::string& url) {
  if (is_postgresql_url(url)) return open_postgresql(url);
  return open_sqlite(sqlite_path_of(url));
}

}  // namespace uppsikt::store
