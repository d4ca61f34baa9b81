#include "cli/mail_settings.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace uppsikt::cli {
namespace {

std::string read_password(const MailOptions& options) {
  if (options.password_file.empty()) {
    const char* env = std::getenv("UPPSIKT_SMTP_PASSWORD");
    return env ? env : "";
  }
  std::ifstream in(options.password_file);
  if (!in) throw UsageError("kan inte läsa lösenordsfilen för e-postservern: " + options.password_file);
  std::string password;
  std::getline(in, password);  // the first line; a trailing line end is not part of it
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace

std::optional<service::SmtpSettings> smtp_settings(const MailOptions& options) {
  if (options.smtp_url.empty()) {
    // public_url alone is fine: it is also where people reach the server.
    if (!options.smtp_user.empty() || !options.password_file.empty())
      throw UsageError("--smtp-url saknas: ange e-postservern, t.ex. --smtp-url smtp://mail.example.se:587");
    return std::nullopt;
  }
  service::SmtpSettings settings{.url = options.smtp_url, .user = options.smtp_user,
                                 .password = read_password(options), .from = options.from};
  if (auto problem = service::smtp_settings_problem(settings); !problem.empty()) throw UsageError(problem);
  return settings;
}

}  // namespace uppsikt::cli
