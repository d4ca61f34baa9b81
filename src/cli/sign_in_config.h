#pragma once
// The sign-in part of the configuration file (TOML): the public URL, the OpenID and SAML providers and
// the role rules, read into service::SignInSettings. The file's other tables belong to others
// and are left alone. Example (README, "Sign-in with the organisation's account"):
//
//   public_url = "https://uppsikt.example.se"
//   [sign_in]
//   just_in_time = false
//   [[sign_in.oidc]]
//   id = "entra"                       # letters, digits, - and _: in URLs
//   label = "Logga in med Göteborgs Stads konto"
//   issuer = "https://login.microsoftonline.com/TENANT/v2.0"
//   client_id = "…"
//   client_secret_file = "/etc/uppsikt/entra-secret"   # or client_secret_env = "VARIABLE"
//   scopes = ["openid", "profile", "email"]             # the default
//   groups_claim = "groups"                             # the default
//   [[sign_in.saml]]                   # a SAML 2.0 IdP (ADFS, Shibboleth, a federation)
//   id = "adfs"
//   label = "Logga in med kommunens konto (SAML)"
//   idp_metadata_file = "/etc/uppsikt/adfs-metadata.xml"  # or idp_metadata_url = "https://…", read at start
//   sp_entity_id = "https://uppsikt.example.se/saml"
//   sp_key_file = "/etc/uppsikt/saml-sp.key"             # PEM; signs the AuthnRequests
//   sp_cert_file = "/etc/uppsikt/saml-sp.crt"            # PEM; in the metadata
//   groups_attribute = "groups"                          # the defaults: groups, mail, displayName
//   trust_email = true
//   [[sign_in.rules]]
//   group = "uppsikt-samordnare"
//   role = "coordinator"
//   unit = "Göteborgs Stad"
//   provider = "entra"                                  # optional: any provider when left out
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

#include <toml++/toml.h>

#include "service/sign_in_settings.h"

namespace uppsikt::cli {

// One Swedish line naming the key and the line of the file, for stderr.
struct ConfigError {
  std::string message;
};

// The settings in `file` (the whole configuration file, already parsed: the sign-in tables may
// sit beside the serve options), or why not, naming `file_name` (may be empty). A file without
// [sign_in] gives settings without providers. Secrets are read here from their files or
// environment variables.
std::variant<service::SignInSettings, ConfigError> parse_sign_in(const toml::table& file,
                                                                 std::string_view file_name);

// Parses the TOML file at `path` and reads the sign-in settings from it.
std::variant<service::SignInSettings, ConfigError> load_sign_in_settings(const std::filesystem::path& path);

}  // namespace uppsikt::cli
