#include "service/mail_settings.h"

#include <mutex>

namespace uppsikt::service {
namespace {

std::mutex settings_mutex;  // guards current_settings
std::optional<MailSettings> current_settings;

}  // namespace

void set_mail_settings(std::optional<MailSettings> settings) {
  if (settings)
    while (settings->public_url.ends_with('/')) settings->public_url.pop_back();
  std::lock_guard lock(settings_mutex);
  current_settings = std::move(settings);
}

std::optional<MailSettings> mail_settings() {
  std::lock_guard lock(settings_mutex);
  return current_settings;
}

std::string public_link(const MailSettings& settings, std::string_view path) {
  return settings.public_url + std::string{path};
}

}  // namespace uppsikt::service
