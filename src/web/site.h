#pragma once
// What every page handler needs: the store behind the services and the static assets
// whose hashed names the layout links. Built once by `uppsikt serve`.
#include "http/static_files.h"
#include "store/store.h"

namespace uppsikt::web {

struct Site {
  store::Store& store;
  const http::StaticFiles& assets;
};

}  // namespace uppsikt::web
