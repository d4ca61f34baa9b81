#pragma once
// The SMTP settings of the command line (--smtp-url, --smtp-user, --smtp-password-file,
// --mail-from), checked: a problem is a UsageError in Swedish.
#include <optional>

#include "cli/subcommands.h"
#include "service/smtp.h"

namespace uppsikt::cli {

// Nothing without --smtp-url. The password comes from --smtp-password-file, else from
// $UPPSIKT_SMTP_PASSWORD, never from the command line itself.
std::optional<service::SmtpSettings> smtp_settings(const MailOptions& options);

}  // namespace uppsikt::cli
