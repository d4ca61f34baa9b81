#include "web/infra/notice.h"

#include <array>
#include <utility>

namespace uppsikt::web {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kNotices{{
    // A response's steps (the response page)
    {"inlamnat", "Svaret är inlämnat."},
    {"godkann", "Svaret är godkänt."},
    {"skicka-tillbaka", "Svaret är skickat tillbaka till de svarande."},
    {"atersand", "Svaret är återsänt till enheten."},
    {"oppna-igen", "Omgången är öppnad igen för enheten."},
    // A round's (the status board and the builder)
    {"oppnad", "Omgången är öppnad. Enheterna ser den nu under Mina uppföljningar."},
    {"stangd", "Omgången är stängd. Inga svar kan ändras längre."},
    {"kopierad", "Omgången är kopierad till ett nytt utkast. Se över inställningar och frågor innan du öppnar det."},
    {"skapad", "Omgången är skapad som utkast."},
    {"installningar", "Inställningarna är sparade."},
    {"enheter", "Enheterna är sparade."},
    {"fraga-tillagd", "Frågan är tillagd."},
    {"fraga-sparad", "Frågan är sparad."},
    {"fraga-rattad", "Frågans formulering är rättad. Enheterna ser vad som ändrades."},
    {"forlangd", "Enhetens sista svarsdag är sparad."},
    {"enhet-tillagd", "Enheten är tillagd i omgången och kan börja svara."},
    {"borttagen", "Utkastet är borttaget."},
    {"arkiverad", "Omgången är arkiverad. Den finns under Arkiverade omgångar."},
    {"avarkiverad", "Omgången är tillbaka i listan på startsidan."},
    // The compiled report's
    {"bedomning", "Bedömningen är sparad. Den står i sammanställningen i alla format."},
}};

}  // namespace

std::string done_query(std::string_view key) { return "klart=" + std::string(key); }

std::string notice_of(const http::Request& request) {
  const auto key = request.query_param("klart").value_or("");
  for (const auto& [k, text] : kNotices)
    if (k == key) return std::string(text);
  return "";
}

}  // namespace uppsikt::web
