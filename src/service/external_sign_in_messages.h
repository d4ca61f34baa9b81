#pragma once
// What a person is told when a sign-in through an identity provider cannot go on, the same
// for OpenID Connect and SAML (external_sign_in.cpp, external_sign_in_saml.cpp).
#include <string_view>

namespace uppsikt::service {

inline constexpr std::string_view kStartAgain =
    "Inloggningen kunde inte slutföras: den har redan använts, är för gammal eller påbörjades i en annan "
    "webbläsare. Börja om.";
inline constexpr std::string_view kNoAnswer =
    "Det gick inte att få svar från identitetsleverantören. Försök igen om en stund.";
inline constexpr std::string_view kNoAccount = "Det finns inget konto i Uppsikt för dig. Be en administratör om ett.";
inline constexpr std::string_view kNoSuchProvider = "Det finns ingen sådan inloggningstjänst.";

}  // namespace uppsikt::service
