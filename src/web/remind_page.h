#pragma once
// The page "Påminn" of a round (GET /omgangar/{id}/paminn), shared by its handlers: shown, and
// shown again with what a refused reminder or schedule was refused for.
#include <string>

#include "core/id.h"
#include "http/message.h"
#include "web/infra/site.h"
#include "web/infra/visit.h"

namespace uppsikt::web {

struct RemindErrors {
  std::string units;     // "Påminn nu" with no unit chosen
  std::string schedule;  // the schedule form
};

// 404 unless the viewer runs the round.
http::Response remind_page(const Site& site, const Visit& visit, Id round_id, const RemindErrors& errors = {},
                           int status = 200);

}  // namespace uppsikt::web
