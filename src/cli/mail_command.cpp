// uppsikt mail test --to ADDRESS --smtp-url URL: sends one message and prints the server's
// answer, to check the mail settings before `serve` uses them.
#include <iostream>

#include "cli/mail_settings.h"
#include "cli/subcommands.h"
#include "service/mail_text.h"

namespace uppsikt::cli {

int mail_test_command(const MailTestOptions& options) {
  auto settings = smtp_settings(options.mail);
  if (!settings) throw UsageError("--smtp-url saknas: ange e-postservern, t.ex. --smtp-url smtp://mail.example.se:587");
  if (!service::is_mail_address(options.to)) throw UsageError("ogiltig e-postadress: " + options.to);
  const service::Mail mail{
      .to = options.to,
      .subject = "Provbrev från Uppsikt",
      .text = "Det här är ett provbrev från Uppsikt. När det har kommit fram fungerar inställningarna för e-post.\n"};
  const auto result = service::send_mail(*settings, mail);
  std::cout << result.answer << std::endl;
  return result.ok() ? 0 : 1;
}

}  // namespace uppsikt::cli
