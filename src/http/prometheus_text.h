#pragma once
// Prometheus's text exposition format (version 0.0.4), written by hand because Debian 12
// has no Prometheus client library for C++: a `# HELP` and a `# TYPE` line per family, then
// one line per sample, `name{label="value",…} number`. Label values escape \, " and line
// feeds; numbers are integers where they are whole, and +Inf/-Inf/NaN as Prometheus spells them.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uppsikt::http {

using Labels = std::vector<std::pair<std::string, std::string>>;

class PrometheusText {
 public:
  // Starts a family; its samples must follow before the next family begins. `type` is
  // counter, gauge, histogram or untyped.
  void family(std::string_view name, std::string_view help, std::string_view type);
  void sample(std::string_view name, const Labels& labels, double value);
  void sample(std::string_view name, double value) { sample(name, {}, value); }

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string escape_label_value(std::string_view value);
std::string format_sample_value(double value);

// The Content-Type of the format.
inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace uppsikt::http
