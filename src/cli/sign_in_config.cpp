#include "cli/sign_in_config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "service/http_fetch.h"
#include "service/saml_provider.h"
#include "service/sessions.h"

namespace uppsikt::cli {
namespace {

using service::OidcProviderSettings;
using service::RoleRule;
using service::SamlProviderSettings;
using service::SignInSettings;

struct Failure {
  std::string message;
};

std::string at_line(const toml::node* node) {
  if (!node || !node->source().begin) return "";
  return " (rad " + std::to_string(node->source().begin.line) + ")";
}

// The message names the key and the line; the file is named once, where the failure is caught.
[[noreturn]] void fail(const std::string& key, const toml::node* node, const std::string& what) {
  throw Failure{key + at_line(node) + ": " + what};
}

std::string in_file(std::string_view file_name) {
  return file_name.empty() ? std::string{"inställningsfilen"} : "inställningsfilen " + std::string{file_name};
}

// An optional string; a value of another type is an error.
std::string string_at(const toml::table& table, const std::string& prefix, const char* key,
                      const toml::node* parent, bool required) {
  const toml::node* node = table.get(key);
  if (!node) {
    if (required) fail(prefix + key, parent, "saknas");
    return {};
  }
  auto value = node->value<std::string>();
  if (!value) fail(prefix + key, node, "ska vara en text inom citattecken");
  if (required && trim(*value).empty()) fail(prefix + key, node, "får inte vara tom");
  return *value;
}

bool is_loopback_http(const std::string& url) {
  return url.starts_with("http://127.0.0.1") || url.starts_with("http://localhost") || url.starts_with("http://[::1]");
}

// https, or http to this machine (tests, a provider on the same host).
void check_url(const std::string& key, const toml::node* node, const std::string& url) {
  if (!url.starts_with("https://") && !is_loopback_http(url))
    fail(key, node, "ska börja med https:// (http:// bara till den egna datorn)");
  if (url.ends_with("/")) fail(key, node, "ska inte sluta med /");
}

std::string read_secret(const toml::table& p, const std::string& prefix) {
  const std::string file = string_at(p, prefix, "client_secret_file", &p, false);
  const std::string env = string_at(p, prefix, "client_secret_env", &p, false);
  if (p.get("client_secret")) fail(prefix + "client_secret", p.get("client_secret"),
                                   "skriv inte hemligheten i filen: ange client_secret_file eller client_secret_env");
  if (file.empty() == env.empty())
    fail(prefix + "client_secret_file", &p, "ange antingen client_secret_file eller client_secret_env");
  if (!env.empty()) {
    const char* value = std::getenv(env.c_str());
    if (!value || !*value) fail(prefix + "client_secret_env", p.get("client_secret_env"),
                                "miljövariabeln " + env + " är inte satt");
    return value;
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string secret{trim(text.str())};
  if (!in || secret.empty()) fail(prefix + "client_secret_file", p.get("client_secret_file"),
                                  "kan inte läsa hemligheten ur " + file);
  return secret;
}

void check_id(const std::string& id, const std::string& prefix, const toml::table& p) {
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      fail(prefix + "id", p.get("id"), "får bara innehålla a–z, 0–9, - och _");
}

OidcProviderSettings provider_of(const toml::table& p, const std::string& prefix) {
  OidcProviderSettings out;
  out.id = string_at(p, prefix, "id", &p, true);
  check_id(out.id, prefix, p);
  out.label = string_at(p, prefix, "label", &p, true);
  out.issuer = string_at(p, prefix, "issuer", &p, true);
  check_url(prefix + "issuer", p.get("issuer"), out.issuer);
  out.client_id = string_at(p, prefix, "client_id", &p, true);
  out.client_secret = read_secret(p, prefix);
  if (const toml::node* scopes = p.get("scopes")) {
    const toml::array* list = scopes->as_array();
    if (!list) fail(prefix + "scopes", scopes, "ska vara en lista av texter");
    out.scopes.clear();
    for (const auto& s : *list) {
      auto value = s.value<std::string>();
      if (!value) fail(prefix + "scopes", &s, "ska vara en lista av texter");
      out.scopes.push_back(*value);
    }
    if (std::find(out.scopes.begin(), out.scopes.end(), "openid") == out.scopes.end())
      fail(prefix + "scopes", scopes, "ska innehålla \"openid\"");
  }
  if (p.get("groups_claim")) out.groups_claim = string_at(p, prefix, "groups_claim", &p, true);
  if (const toml::node* trust = p.get("trust_email")) {
    auto value = trust->value<bool>();
    if (!value) fail(prefix + "trust_email", trust, "ska vara true eller false");
    out.trust_email = *value;
  }
  if (const toml::node* refetch = p.get("jwks_min_refetch_seconds")) {
    auto value = refetch->value<int64_t>();
    if (!value || *value < 0 || *value > 86400) fail(prefix + "jwks_min_refetch_seconds", refetch, "ska vara 0–86400");
    out.jwks_min_refetch = std::chrono::seconds{*value};
  }
  return out;
}

std::string file_text(const toml::table& p, const std::string& prefix, const char* key) {
  const std::string path = string_at(p, prefix, key, &p, true);
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in || text.str().empty()) fail(prefix + key, p.get(key), "kan inte läsa " + path);
  return text.str();
}

// The IdP's metadata from its file, or fetched from its URL (federations and ADFS publish it
// there), once at start: a restart reads new keys.
std::string idp_metadata(const toml::table& p, const std::string& prefix) {
  const bool from_file = p.get("idp_metadata_file") != nullptr;
  const toml::node* url_node = p.get("idp_metadata_url");
  if (from_file == (url_node != nullptr))
    fail(prefix + "idp_metadata_file", &p, "ange antingen idp_metadata_file eller idp_metadata_url");
  if (from_file) return file_text(p, prefix, "idp_metadata_file");
  const std::string url = string_at(p, prefix, "idp_metadata_url", &p, true);
  check_url(prefix + "idp_metadata_url", url_node, url);
  const service::HttpReply reply = service::http_get(url);
  if (!reply.ok())
    fail(prefix + "idp_metadata_url", url_node,
         "kan inte hämta " + url + " (" + (reply.error.empty() ? "svar " + std::to_string(reply.status) : reply.error) +
             ")");
  return reply.body;
}

// A SAML IdP; whether Lasso can use its files is checked once public_url is known.
SamlProviderSettings saml_provider_of(const toml::table& p, const std::string& prefix) {
  SamlProviderSettings out;
  out.id = string_at(p, prefix, "id", &p, true);
  check_id(out.id, prefix, p);
  out.label = string_at(p, prefix, "label", &p, true);
  out.idp_metadata = idp_metadata(p, prefix);
  out.sp_entity_id = string_at(p, prefix, "sp_entity_id", &p, true);
  out.sp_key = file_text(p, prefix, "sp_key_file");
  out.sp_certificate = file_text(p, prefix, "sp_cert_file");
  for (auto [key, field] : {std::pair{"groups_attribute", &out.groups_attribute},
                            std::pair{"email_attribute", &out.email_attribute},
                            std::pair{"name_attribute", &out.name_attribute}})
    if (p.get(key)) *field = string_at(p, prefix, key, &p, true);
  if (const toml::node* trust = p.get("trust_email")) {
    auto value = trust->value<bool>();
    if (!value) fail(prefix + "trust_email", trust, "ska vara true eller false");
    out.trust_email = *value;
  }
  return out;
}

bool has_provider(const SignInSettings& settings, const std::string& id) {
  return std::any_of(settings.providers.begin(), settings.providers.end(), [&](const auto& p) { return p.id == id; }) ||
         std::any_of(settings.saml_providers.begin(), settings.saml_providers.end(),
                     [&](const auto& p) { return p.id == id; });
}

RoleRule rule_of(const toml::table& r, const std::string& prefix, const SignInSettings& settings) {
  RoleRule out;
  out.group = string_at(r, prefix, "group", &r, true);
  const std::string role = string_at(r, prefix, "role", &r, true);
  auto parsed = role_from_code(role);
  if (!parsed) fail(prefix + "role", r.get("role"), "okänd roll \"" + role +
                                                        "\" (admin, coordinator, respondent, approver, reader)");
  out.role = *parsed;
  out.unit = string_at(r, prefix, "unit", &r, true);
  out.provider = string_at(r, prefix, "provider", &r, false);
  if (!out.provider.empty() && !has_provider(settings, out.provider))
    fail(prefix + "provider", r.get("provider"), "ingen leverantör har id \"" + out.provider + "\"");
  return out;
}

// Each element of the array of tables at `key`, with its key path ("sign_in.oidc[1].").
template <typename F>
void each_table(const toml::table& parent, const char* key, const std::string& path, F&& f) {
  const toml::node* node = parent.get(key);
  if (!node) return;
  const toml::array* list = node->as_array();
  if (!list) fail(path, node, "ska vara tabeller [[" + path + "]]");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const toml::table* t = (*list)[i].as_table();
    if (!t) fail(path, &(*list)[i], "ska vara tabeller [[" + path + "]]");
    f(*t, path + "[" + std::to_string(i + 1) + "].");
  }
}

SignInSettings settings_of(const toml::table& file) {
  SignInSettings out;
  const toml::node* section = file.get("sign_in");
  if (!section) return out;
  const toml::table* s = section->as_table();
  if (!s) fail("sign_in", section, "ska vara en tabell [sign_in]");
  if (const toml::node* jit = s->get("just_in_time")) {
    auto value = jit->value<bool>();
    if (!value) fail("sign_in.just_in_time", jit, "ska vara true eller false");
    out.just_in_time = *value;
  }
  if (const toml::node* only = s->get("password_only_for")) {
    const toml::array* list = only->as_array();
    if (!list || list->empty()) fail("sign_in.password_only_for", only, "ska vara en lista med minst en e-postadress");
    out.password_only_for.emplace();
    for (const auto& e : *list) {
      auto value = e.value<std::string>();
      if (!value || value->find('@') == std::string::npos)
        fail("sign_in.password_only_for", &e, "ska vara en lista av e-postadresser");
      out.password_only_for->push_back(service::normal_email(*value));
    }
  }
  each_table(*s, "oidc", "sign_in.oidc", [&](const toml::table& t, const std::string& prefix) {
    auto p = provider_of(t, prefix);
    if (has_provider(out, p.id)) fail(prefix + "id", t.get("id"), "id \"" + p.id + "\" finns redan");
    out.providers.push_back(std::move(p));
  });
  std::vector<std::pair<std::string, const toml::table*>> saml_tables;  // prefix, table: for the check below
  each_table(*s, "saml", "sign_in.saml", [&](const toml::table& t, const std::string& prefix) {
    const std::string id = string_at(t, prefix, "id", &t, true);
    if (has_provider(out, id)) fail(prefix + "id", t.get("id"), "id \"" + id + "\" finns redan");
    out.saml_providers.push_back(saml_provider_of(t, prefix));
    saml_tables.emplace_back(prefix, &t);
  });
  each_table(*s, "rules", "sign_in.rules",
             [&](const toml::table& t, const std::string& prefix) { out.rules.push_back(rule_of(t, prefix, out)); });
  if (out.password_only_for && out.empty())
    fail("sign_in.password_only_for", s->get("password_only_for"),
         "kräver minst en leverantör [[sign_in.oidc]] eller [[sign_in.saml]]");
  if (!out.empty()) {
    // A sign-in file of its own has public_url at the top; the configuration file of serve
    // (cli/config_file.h) has it in [server].
    const auto* server = file["server"].as_table();
    const bool in_server = !file.contains("public_url") && server && server->contains("public_url");
    const toml::table& holder = in_server ? *server : file;
    out.public_url = string_at(holder, in_server ? "server." : "", "public_url", nullptr, true);
    check_url("public_url", holder.get("public_url"), out.public_url);
  }
  for (std::size_t i = 0; i < out.saml_providers.size(); ++i)
    if (auto problem = service::saml_settings_problem(out.saml_providers[i], out.public_url))
      fail(saml_tables[i].first.substr(0, saml_tables[i].first.size() - 1), saml_tables[i].second, *problem);
  return out;
}

}  // namespace

std::variant<SignInSettings, ConfigError> parse_sign_in(const toml::table& file, std::string_view file_name) {
  try {
    return settings_of(file);
  } catch (const Failure& f) {
    return ConfigError{in_file(file_name) + ": " + f.message};
  }
}

std::variant<SignInSettings, ConfigError> load_sign_in_settings(const std::filesystem::path& path) {
  toml::table file;
  try {
    file = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    return ConfigError{in_file(path.string()) + " (rad " + std::to_string(e.source().begin.line) +
                       "): " + std::string{e.description()}};
  }
  return parse_sign_in(file, path.string());
}

}  // namespace uppsikt::cli
