#pragma once
// Sending one mail to an SMTP server. The message is composed by GMime (MIME structure,
// RFC 2047 encoded headers, quoted-printable bodies, Message-ID, Date) and handed to the
// server by libcurl (SMTP, STARTTLS whenever the server offers it, SMTPS, AUTH). Neither
// library shows in this header.
#include <string>

#include "service/clock.h"

namespace uppsikt::service {

// Where and as whom mail is sent (uppsikt serve --smtp-url …).
struct SmtpSettings {
  std::string url;       // "smtp://mail.example.se:587" (STARTTLS when offered) or "smtps://…:465"
  std::string user;      // empty: no AUTH
  std::string password;  // read from a file or the environment, never the command line
  std::string from;      // "Uppsikt <noreply@example.se>"
};

// The Swedish reason why `settings` cannot be used (a URL that is not smtp:// or smtps://,
// a sender that is not an address), or empty.
std::string smtp_settings_problem(const SmtpSettings& settings);

// One message to one person: plain text, and HTML as its alternative when given. UTF-8.
struct Mail {
  std::string to;       // "anna@example.se"
  std::string to_name;  // "Anna Åberg"; may be empty
  std::string subject;
  std::string text;
  std::string html;
};

// The message as it goes over the wire (CRLF line ends), with `from` as sender.
std::string compose_mail(const std::string& from, const Mail& mail, TimePoint now);

// Whether `address` is one mailbox's address ("anna@example.se").
bool is_mail_address(const std::string& address);

struct SmtpResult {
  enum class Kind {
    accepted,   // the server took the message
    temporary,  // not reached, or a 4xx answer: try again later
    permanent,  // a 5xx answer: the same message will not go through
  };
  Kind kind = Kind::temporary;
  std::string answer;  // Swedish summary with the server's own answer, for admins and the log
  bool ok() const { return kind == Kind::accepted; }
};

// Sends `mail`; blocks for at most about a minute. Safe to call from several threads.
SmtpResult send_mail(const SmtpSettings& settings, const Mail& mail, TimePoint now = system_now());

}  // namespace uppsikt::service
