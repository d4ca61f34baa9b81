// SMTP through libcurl, messages composed by GMime: the two libraries stay in this file.
#include "service/smtp.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <gmime/gmime.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>

#include "core/text.h"

namespace uppsikt::service {
namespace {

// Both libraries have a global set-up that must run once, before any thread uses them.
void init_libraries() {
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    g_mime_init();
  });
}

struct Unref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GPtr = std::unique_ptr<T, Unref>;

struct GFree {
  void operator()(gpointer p) const { g_free(p); }
};
using GText = std::unique_ptr<char, GFree>;

struct Mailbox {
  std::string name;
  std::string address;
};

// One mailbox ("Uppsikt <noreply@example.se>" or a bare address), parsed by GMime.
std::optional<Mailbox> parse_mailbox(const std::string& text) {
  init_libraries();
  GPtr<InternetAddressList> list(internet_address_list_parse(nullptr, text.c_str()));
  if (!list || internet_address_list_length(list.get()) != 1) return std::nullopt;
  InternetAddress* address = internet_address_list_get_address(list.get(), 0);
  if (!INTERNET_ADDRESS_IS_MAILBOX(address)) return std::nullopt;
  const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
  const char* name = internet_address_get_name(address);
  std::string_view a = addr ? addr : "";
  const auto at = a.find('@');
  // GMime accepts a lone word as a local address; mail here always goes to a domain.
  if (at == std::string_view::npos || at == 0 || at + 1 >= a.size() || a.find_first_of(" \t\r\n<>") != a.npos)
    return std::nullopt;
  return Mailbox{name ? name : "", std::string{a}};
}

// A text part holding `body` as UTF-8 (g_mime_text_part_set_text would pick Latin-1 for
// Swedish text), quoted-printable so that it passes any mail server.
GMimeObject* text_part(const char* subtype, const std::string& body) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(body.data(), body.size()));
  GPtr<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part), content.get());
  g_mime_text_part_set_charset(part, "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return GMIME_OBJECT(part);
}

// The message's body: plain text, with the HTML as its alternative when there is one.
GMimeObject* body_of(const Mail& mail) {
  if (mail.html.empty()) return text_part("plain", mail.text);
  GMimeMultipart* alternative = g_mime_multipart_new_with_subtype("alternative");
  for (GMimeObject* part : {text_part("plain", mail.text), text_part("html", mail.html)}) {
    g_mime_multipart_add(alternative, part);
    g_object_unref(part);
  }
  return GMIME_OBJECT(alternative);
}

struct Upload {
  const std::string& data;
  std::size_t sent = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->sent);
  std::memcpy(buffer, upload->data.data() + upload->sent, n);
  upload->sent += n;
  return n;
}

// Keeps the server's latest answer line ("550 5.1.1 <x@y>: no such user"), but not its
// good-bye to QUIT, which follows the answer that matters.
int keep_answer(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_IN) {
    std::string line{trim(std::string_view(data, size))};
    if (!line.empty() && !line.starts_with("221")) *static_cast<std::string*>(user) = std::move(line);
  }
  return 0;
}

SmtpResult result_of(CURLcode code, long smtp_code, const std::string& answer, const char* error,
                     const std::string& url) {
  using Kind = SmtpResult::Kind;
  const std::string said = answer.empty() ? std::string(error) : answer;
  switch (code) {
    case CURLE_OK:
      return {Kind::accepted, "Mottaget av e-postservern: " + said};
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      return {Kind::temporary, fmt::format("Kan inte nå e-postservern {} ({}). Breven väntar och skickas när den "
                                           "svarar.", url, error)};
    case CURLE_LOGIN_DENIED:
      // The server's settings are wrong, not the message: it waits until they are fixed.
      return {Kind::temporary, "E-postservern godtog inte användarnamnet eller lösenordet: " + said};
    default:
      break;
  }
  if (smtp_code >= 500) return {Kind::permanent, "E-postservern vägrade ta emot brevet: " + said};
  if (smtp_code >= 400) return {Kind::temporary, "E-postservern bad oss försöka senare: " + said};
  return {Kind::temporary, fmt::format("Brevet kunde inte skickas ({}).", error)};
}

}  // namespace

std::string smtp_settings_problem(const SmtpSettings& settings) {
  if (!settings.url.starts_with("smtp://") && !settings.url.starts_with("smtps://"))
    return "E-postserverns adress ska börja med smtp:// eller smtps://, till exempel smtp://mail.example.se:587.";
  if (!parse_mailbox(settings.from))
    return "Avsändaren (--mail-from) ska vara en e-postadress, till exempel \"Uppsikt <noreply@example.se>\".";
  return "";
}

bool is_mail_address(const std::string& address) {
  auto box = parse_mailbox(address);
  return box && box->address == address;
}

std::string compose_mail(const std::string& from, const Mail& mail, TimePoint now) {
  init_libraries();
  const Mailbox sender = parse_mailbox(from).value_or(Mailbox{"", from});
  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  auto name = [](const std::string& n) { return n.empty() ? nullptr : n.c_str(); };
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, name(sender.name), sender.address.c_str());
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, name(mail.to_name), mail.to.c_str());
  g_mime_message_set_subject(message.get(), mail.subject.c_str(), "utf-8");
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  GDateTime* date = g_date_time_new_from_unix_utc(seconds);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  const std::string domain = sender.address.substr(sender.address.find('@') + 1);
  GText id(g_mime_utils_generate_message_id(domain.c_str()));
  g_mime_message_set_message_id(message.get(), id.get());
  // RFC 3834: an automatic message, so that vacation responders do not answer it.
  g_mime_object_set_header(GMIME_OBJECT(message.get()), "Auto-Submitted", "auto-generated", nullptr);
  GPtr<GMimeObject> body(body_of(mail));
  g_mime_message_set_mime_part(message.get(), body.get());

  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  GText text(g_mime_object_to_string(GMIME_OBJECT(message.get()), options));
  g_mime_format_options_free(options);
  return text.get();
}

SmtpResult send_mail(const SmtpSettings& settings, const Mail& mail, TimePoint now) {
  init_libraries();
  if (auto problem = smtp_settings_problem(settings); !problem.empty())
    return {SmtpResult::Kind::temporary, problem};
  if (!is_mail_address(mail.to))
    return {SmtpResult::Kind::permanent, "Mottagarens e-postadress är ogiltig: " + mail.to};
  const std::string data = compose_mail(settings.from, mail, now);
  Upload upload{data};
  std::string answer;
  char error[CURL_ERROR_SIZE] = "";

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {SmtpResult::Kind::temporary, "Kan inte starta e-postklienten (libcurl)."};
  CURL* c = curl.get();
  const std::string from = "<" + parse_mailbox(settings.from)->address + ">";
  const std::string to = "<" + mail.to + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(curl_slist_append(nullptr, to.c_str()),
                                                                          curl_slist_free_all);
  curl_easy_setopt(c, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));  // STARTTLS when offered
  if (!settings.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for timeouts: other threads run
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // feeds keep_answer; nothing is printed
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, keep_answer);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &answer);
  const CURLcode code = curl_easy_perform(c);
  long smtp_code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtp_code);
  if (!*error && code != CURLE_OK) std::strncpy(error, curl_easy_strerror(code), sizeof error - 1);
  return result_of(code, smtp_code, answer, error, settings.url);
}

}  // namespace uppsikt::service
