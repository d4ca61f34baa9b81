#include "core/response.h"

namespace uppsikt {

int Progress::percent_in() const {
  if (total == 0) return 0;
  return (submitted + approved) * 100 / total;
}

Progress progress_of(const std::vector<ResponseStatus>& statuses) {
  Progress p;
  p.total = static_cast<int>(statuses.size());
  for (auto s : statuses) {
    switch (s) {
      case ResponseStatus::not_started: ++p.not_started; break;
      case ResponseStatus::draft: ++p.draft; break;
      case ResponseStatus::submitted: ++p.submitted; break;
      case ResponseStatus::returned: ++p.returned; break;
      case ResponseStatus::approved: ++p.approved; break;
    }
  }
  return p;
}

}  // namespace uppsikt
