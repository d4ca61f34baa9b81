#pragma once
// The report layer's one exception: a report that cannot be made (a format not available, a
// renderer that failed). The message is Swedish and may be shown to the user as it is.
#include <stdexcept>

namespace uppsikt::report {

class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace uppsikt::report
