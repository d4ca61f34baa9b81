#include "service/mail_text.h"

#include <fmt/format.h>

#include <vector>

#include "core/text.h"

namespace uppsikt::service {
namespace {

constexpr const char* kSignature = "Det här brevet skickades automatiskt av Uppsikt. Svara inte på det.";

// A mail of paragraphs and one link, as plain text and as HTML (each paragraph escaped).
MailText compose(std::string subject, const std::vector<std::string>& paragraphs, const std::string& link_label,
                 const std::string& link) {
  MailText mail{.subject = std::move(subject)};
  mail.html = "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>" + escape_html(mail.subject) +
              "</title></head><body>";
  for (const auto& p : paragraphs) {
    mail.text += p + "\n\n";
    mail.html += "<p>" + escape_html(p) + "</p>";
  }
  mail.text += link_label + ":\n" + link + "\n\n" + kSignature + "\n";
  mail.html += "<p><a href=\"" + escape_html(link) + "\">" + escape_html(link_label) + "</a></p><p><small>" +
               escape_html(kSignature) + "</small></p></body></html>";
  return mail;
}

std::string deadline_line(const ResponseMailFacts& f) {
  return f.deadline.empty() ? "Omgången har inget sista svarsdatum." : "Sista dag att lämna in: " + f.deadline + ".";
}

// "3 (A, B, C)", or "12 (A, …, J och 2 till)": a round of 12,000 units stays a short mail.
std::string unit_list(const std::vector<std::string>& names) {
  constexpr std::size_t kNamed = 10;
  std::string out = std::to_string(names.size());
  if (names.empty()) return out;
  out += " (";
  for (std::size_t i = 0; i < names.size() && i < kNamed; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > kNamed) out += fmt::format(" och {} till", names.size() - kNamed);
  return out + ")";
}

}  // namespace

MailText invitation_text(const std::string& name, const std::string& link) {
  return compose("Välkommen till Uppsikt",
                 {"Hej " + name + "!",
                  "Du har fått ett konto i Uppsikt, där uppföljningen av styrdokument görs. Välj ditt lösenord "
                  "genom länken nedan. Länken gäller i 24 timmar och kan användas en gång."},
                 "Välj lösenord", link);
}

MailText reset_text(const std::string& name, const std::string& link) {
  return compose("Nytt lösenord i Uppsikt",
                 {"Hej " + name + "!",
                  "En administratör har gett dig en länk för att välja ett nytt lösenord i Uppsikt. Länken gäller "
                  "i 24 timmar och kan användas en gång. Ditt nuvarande lösenord gäller tills du har valt ett nytt."},
                 "Välj nytt lösenord", link);
}

MailText round_opened_text(const ResponseMailFacts& f) {
  return compose(fmt::format("{} är öppen för {}", f.round, f.unit),
                 {fmt::format("Uppföljningsomgången {} är öppen, och {} ska svara.", f.round, f.unit),
                  deadline_line(f)},
                 "Svara i Uppsikt", f.link);
}

MailText reminder_text(const ResponseMailFacts& f, int days_left) {
  std::string when = days_left > 1    ? fmt::format("om {} dagar", days_left)
                     : days_left == 1 ? "i morgon"
                     : days_left == 0 ? "i dag"
                                      : "redan";
  std::string subject = days_left < 0 ? fmt::format("Påminnelse: {} har inte lämnat in {}", f.unit, f.round)
                                      : fmt::format("Påminnelse: {} ska lämnas in {}", f.round, when);
  std::string first = days_left < 0
                          ? fmt::format("Sista dagen för {} har passerat, och {} har ännu inte lämnat in sina svar.",
                                        f.round, f.unit)
                          : fmt::format("{} har ännu inte lämnat in sina svar i {}.", f.unit, f.round);
  return compose(std::move(subject), {std::move(first), deadline_line(f)}, "Svara i Uppsikt", f.link);
}

MailText handed_in_text(const ResponseMailFacts& f, bool for_approval) {
  return compose(fmt::format("{} har lämnat in {}", f.unit, f.round),
                 {fmt::format("{} har lämnat in sina svar i {}.", f.unit, f.round),
                  for_approval ? "Svaren väntar på ditt godkännande." : "Omgången kräver inget godkännande."},
                 for_approval ? "Granska och godkänn" : "Läs svaren", f.link);
}

MailText approved_text(const ResponseMailFacts& f) {
  return compose(fmt::format("Svaren från {} i {} är godkända", f.unit, f.round),
                 {fmt::format("Svaren som {} lämnade in i {} har godkänts.", f.unit, f.round)}, "Läs svaren", f.link);
}

MailText sent_back_text(const ResponseMailFacts& f, const std::string& message, bool by_coordinator) {
  const char* who = by_coordinator ? "samordnaren" : "godkännaren";
  std::vector<std::string> paragraphs{
      fmt::format("Svaren från {} i {} har skickats tillbaka av {} för att ändras.", f.unit, f.round, who)};
  if (!message.empty()) paragraphs.push_back("Meddelande: " + message);
  paragraphs.push_back(deadline_line(f));
  return compose(fmt::format("Svaren från {} i {} har skickats tillbaka", f.unit, f.round), paragraphs,
                 "Ändra svaren", f.link);
}

MailText reopened_text(const ResponseMailFacts& f) {
  return compose(fmt::format("{} är öppen igen för {}", f.round, f.unit),
                 {fmt::format("Samordnaren har öppnat {} igen för {}, så att ni kan svara och lämna in.", f.round,
                              f.unit)},
                 "Svara i Uppsikt", f.link);
}

MailText digest_text(const std::string& name, bool weekly, const std::string& since,
                     const std::vector<DigestRound>& rounds, const std::string& link) {
  std::vector<std::string> paragraphs{
      "Hej " + name + "!",
      fmt::format("Det här har hänt i omgångarna du samordnar sedan {}.", since)};
  for (const auto& r : rounds) {
    std::string p = r.round + (r.deadline.empty() ? "" : " (sista dag " + r.deadline + ")") + ": ";
    p += "inlämnade " + unit_list(r.handed_in) + "; ";
    p += "tillbakaskickade eller återlämnade " + unit_list(r.returned) + "; ";
    p += "försenade " + unit_list(r.overdue) + ".";
    paragraphs.push_back(std::move(p));
  }
  paragraphs.push_back("Du får sammanfattningen varje " + std::string(weekly ? "vecka" : "dag") +
                       ". Du kan stänga av den under E-postinställningar i Uppsikt.");
  return compose(weekly ? "Veckans sammanfattning från Uppsikt" : "Dagens sammanfattning från Uppsikt", paragraphs,
                 "Öppna Uppsikt", link);
}

}  // namespace uppsikt::service
