#include "http/access_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cmath>
#include <nlohmann/json.hpp>

namespace uppsikt::http {
namespace {

std::atomic<LogFormat> g_format{LogFormat::plain};
constexpr const char* kAccessLogger = "access";

std::string iso_time(std::chrono::system_clock::time_point time) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()) % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(time)),
                     ms.count());
}

// One JSON object per line: time, level and either the message as "msg" or, for the access
// logger, whose messages are already JSON objects, the message's own fields.
class JsonFormatter final : public spdlog::formatter {
 public:
  explicit JsonFormatter(bool fields) : fields_(fields) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const std::string text(msg.payload.data(), msg.payload.size());
    nlohmann::json line = {{"time", iso_time(msg.time)},
                           {"level", std::string(spdlog::level::to_string_view(msg.level).data())}};
    auto fields = fields_ ? nlohmann::json::parse(text, nullptr, false) : nlohmann::json();
    if (fields.is_object()) {
      line.update(fields);
    } else {
      line["msg"] = text;
    }
    // Invalid UTF-8 from a message becomes U+FFFD rather than an exception.
    const auto out = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    dest.append(out.data(), out.data() + out.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonFormatter>(fields_); }

 private:
  bool fields_;
};

std::unique_ptr<spdlog::formatter> formatter_for(LogFormat format, bool fields) {
  if (format == LogFormat::json) return std::make_unique<JsonFormatter>(fields);
  return std::make_unique<spdlog::pattern_formatter>("%Y-%m-%dT%H:%M:%S.%eZ %l %v",
                                                     spdlog::pattern_time_type::utc);
}

}  // namespace

void use_log_format(LogFormat format) {
  g_format = format;
  // One sink for both loggers, so that their lines never interleave.
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto events = std::make_shared<spdlog::logger>("uppsikt", sink);
  events->set_formatter(formatter_for(format, false));
  events->set_level(spdlog::default_logger()->level());
  spdlog::set_default_logger(events);

  spdlog::drop(kAccessLogger);
  auto access = std::make_shared<spdlog::logger>(kAccessLogger, sink);
  access->set_formatter(formatter_for(format, true));
  spdlog::register_logger(access);
}

std::string access_line(const AccessRecord& r, LogFormat format) {
  if (format == LogFormat::json) {
    nlohmann::json line = {{"event", "request"},       {"method", r.method},   {"route", r.route},
                           {"status", r.status},       {"duration_ms", std::round(r.duration_ms * 10) / 10},
                           {"bytes", r.bytes},         {"request_id", r.request_id},
                           {"remote", r.remote}};
    if (!r.user.empty()) line["user"] = r.user;
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return fmt::format("request {} {} {} {}B {:.1f}ms id={} user={} from={}", r.method, r.route, r.status, r.bytes,
                     r.duration_ms, r.request_id, r.user.empty() ? "-" : r.user, r.remote);
}

void log_access(const AccessRecord& record) {
  // Before use_log_format() (tests that start a server alone) the default logger takes it.
  const auto format = g_format.load();
  if (auto access = spdlog::get(kAccessLogger)) return access->info(access_line(record, format));
  spdlog::info(access_line(record, LogFormat::plain));
}

}  // namespace uppsikt::http
