// The sign-in part of the configuration file: a complete file gives the providers and rules,
// secrets come from a file or the environment, and every mistake is one Swedish line naming
// the key and its line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "cli/sign_in_config.h"
#include "support/temp_dir.h"

namespace uppsikt::cli {
namespace {

using ::testing::HasSubstr;

std::variant<service::SignInSettings, ConfigError> read(std::string_view text) {
  return parse_sign_in(toml::parse(text), "");
}

std::string error_of(std::string_view text) {
  auto result = read(text);
  if (auto* e = std::get_if<ConfigError>(&result)) return e->message;
  return "(no error)";
}

constexpr std::string_view kProvider = R"(public_url = "https://uppsikt.example.se"
[sign_in]
[[sign_in.oidc]]
id = "entra"
label = "Logga in med Stadens konto"
issuer = "https://login.microsoftonline.com/t/v2.0"
client_id = "abc"
client_secret_env = "UPPSIKT_TEST_SECRET"
)";

TEST(SignInConfigTest, ACompleteFileGivesProvidersAndRules) {
  testing::TempDir dir;
  const auto secret = dir.path() / "secret";
  std::ofstream(secret) << "s3cret\n";
  auto result = read(R"(public_url = "https://uppsikt.example.se"
[sign_in]
just_in_time = true
[[sign_in.oidc]]
id = "keycloak"
label = "Logga in med Kommunens konto"
issuer = "https://sso.example.se/realms/kommun"
client_id = "uppsikt"
client_secret_file = ")" + secret.string() + R"("
scopes = ["openid", "email"]
groups_claim = "roles"
[[sign_in.rules]]
group = "uppsikt-samordnare"
role = "coordinator"
unit = "Göteborgs Stad"
provider = "keycloak"
)");
  ASSERT_TRUE(std::holds_alternative<service::SignInSettings>(result)) << std::get<ConfigError>(result).message;
  const auto& s = std::get<service::SignInSettings>(result);
  EXPECT_EQ(s.public_url, "https://uppsikt.example.se");
  EXPECT_TRUE(s.just_in_time);
  ASSERT_EQ(s.providers.size(), 1u);
  EXPECT_EQ(s.providers[0].client_secret, "s3cret");
  EXPECT_EQ(s.providers[0].groups_claim, "roles");
  EXPECT_EQ(s.providers[0].scopes, (std::vector<std::string>{"openid", "email"}));
  ASSERT_EQ(s.rules.size(), 1u);
  EXPECT_EQ(s.rules[0].role, Role::coordinator);
  EXPECT_EQ(s.rules[0].unit, "Göteborgs Stad");
}

TEST(SignInConfigTest, AFileWithoutSignInHasNoProviders) {
  auto result = read("port = 8080\n");
  ASSERT_TRUE(std::holds_alternative<service::SignInSettings>(result));
  EXPECT_TRUE(std::get<service::SignInSettings>(result).empty());
}

TEST(SignInConfigTest, TheSecretComesFromTheEnvironment) {
  ::setenv("UPPSIKT_TEST_SECRET", "från-miljön", 1);
  auto result = read(kProvider);
  ASSERT_TRUE(std::holds_alternative<service::SignInSettings>(result));
  EXPECT_EQ(std::get<service::SignInSettings>(result).providers[0].client_secret, "från-miljön");
  ::unsetenv("UPPSIKT_TEST_SECRET");
  EXPECT_EQ(error_of(kProvider),
            "inställningsfilen: sign_in.oidc[1].client_secret_env (rad 8): miljövariabeln UPPSIKT_TEST_SECRET är inte satt");
}

TEST(SignInConfigTest, EachMistakeNamesTheKeyAndTheLine) {
  ::setenv("UPPSIKT_TEST_SECRET", "x", 1);
  std::string text{kProvider};
  EXPECT_EQ(error_of(text + "[[sign_in.rules]]\ngroup = \"g\"\nrole = \"chef\"\nunit = \"Staden\"\n"),
            "inställningsfilen: sign_in.rules[1].role (rad 11): okänd roll \"chef\" "
            "(admin, coordinator, respondent, approver, reader)");
  EXPECT_THAT(error_of(text + "[[sign_in.rules]]\ngroup = \"g\"\nrole = \"reader\"\n"),
              HasSubstr("sign_in.rules[1].unit (rad 9): saknas"));
  std::string http = text;
  http.replace(http.find("https://login"), 8, "http://");
  EXPECT_THAT(error_of(http), HasSubstr("sign_in.oidc[1].issuer (rad 6): ska börja med https://"));
  std::string no_url = text.substr(text.find('\n') + 1);
  EXPECT_THAT(error_of(no_url), HasSubstr("inställningsfilen: public_url: saknas"));
  EXPECT_THAT(error_of(text + "client_secret = \"i klartext\"\n"), HasSubstr("skriv inte hemligheten i filen"));
  EXPECT_THAT(error_of(text + "scopes = \"openid\"\n"), HasSubstr("sign_in.oidc[1].scopes (rad 9): ska vara en lista"));
  ::unsetenv("UPPSIKT_TEST_SECRET");
}

TEST(SignInConfigTest, PasswordSignInLeftToBreakGlassAdmins) {
  ::setenv("UPPSIKT_TEST_SECRET", "x", 1);
  std::string text{kProvider};
  text.insert(text.find("[[sign_in.oidc]]"), "password_only_for = [\"Nod@Staden.se\"]\n");
  auto result = read(text);
  ASSERT_TRUE(std::holds_alternative<service::SignInSettings>(result)) << std::get<ConfigError>(result).message;
  EXPECT_EQ(std::get<service::SignInSettings>(result).password_only_for, (std::vector<std::string>{"nod@staden.se"}));
  EXPECT_THAT(error_of("[sign_in]\npassword_only_for = [\"nod@staden.se\"]\n"),
              HasSubstr("sign_in.password_only_for (rad 2): kräver minst en leverantör"));
  ::unsetenv("UPPSIKT_TEST_SECRET");
}

TEST(SignInConfigTest, ATableParsedElsewhereNamesItsFile) {
  // The sign-in tables may sit in the server's own configuration file, parsed once for all.
  const auto file = toml::parse("port = 8080\n[sign_in]\njust_in_time = \"ja\"\n");
  auto result = parse_sign_in(file, "/etc/uppsikt/uppsikt.conf");
  ASSERT_TRUE(std::holds_alternative<ConfigError>(result));
  EXPECT_EQ(std::get<ConfigError>(result).message,
            "inställningsfilen /etc/uppsikt/uppsikt.conf: sign_in.just_in_time (rad 3): ska vara true eller false");
}

TEST(SignInConfigTest, ASyntaxErrorNamesTheLine) {
  testing::TempDir dir;
  const auto file = dir.path() / "uppsikt.toml";
  std::ofstream(file) << "[sign_in]\njust_in_time = ja\n";
  auto result = load_sign_in_settings(file);
  ASSERT_TRUE(std::holds_alternative<ConfigError>(result));
  EXPECT_THAT(std::get<ConfigError>(result).message, HasSubstr("(rad 2)"));
}

TEST(SignInConfigTest, ASamlProviderWhoseFilesLassoCannotReadIsOneSwedishLine) {
  testing::TempDir dir;
  for (const char* name : {"idp.xml", "sp.key", "sp.crt"}) std::ofstream(dir.path() / name) << "inte det som väntas\n";
  const std::string file = R"(public_url = "https://uppsikt.example.se"
[sign_in]
[[sign_in.saml]]
id = "adfs"
label = "Logga in med kommunens konto"
idp_metadata_file = ")" + (dir.path() / "idp.xml").string() + R"("
sp_entity_id = "https://uppsikt.example.se/saml"
sp_key_file = ")" + (dir.path() / "sp.key").string() + R"("
sp_cert_file = ")" + (dir.path() / "sp.crt").string() + R"("
)";
  EXPECT_THAT(error_of(file), HasSubstr("sign_in.saml[1] (rad 3): SP-nyckeln eller SP-certifikatet kan inte läsas"));
  std::string missing = file;
  missing.replace(missing.find("idp.xml"), 7, "saknas.xml");
  EXPECT_THAT(error_of(missing), HasSubstr("sign_in.saml[1].idp_metadata_file (rad 6): kan inte läsa"));
  std::string same_id = std::string{kProvider} + R"([[sign_in.saml]]
id = "entra"
)";
  ::setenv("UPPSIKT_TEST_SECRET", "x", 1);  // the OpenID provider's secret is there: only the id is wrong
  EXPECT_THAT(error_of(same_id), HasSubstr("sign_in.saml[1].id (rad 10): id \"entra\" finns redan"));
  ::unsetenv("UPPSIKT_TEST_SECRET");
}

}  // namespace
}  // namespace uppsikt::cli
