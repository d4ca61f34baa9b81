#include "cli/config_file.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <set>
#include <vector>
#include <sstream>

namespace uppsikt::cli {
namespace {

// Top-level sections that other parts of Uppsikt read from the same file (add yours here).
const std::set<std::string, std::less<>> kSectionsReadElsewhere = {"sign_in"};  // cli/sign_in_config.h

// The keys of each section this file reads, with the long serve option each stands for.
struct Key {
  std::string_view name;
  std::string_view option;
};
const std::map<std::string_view, std::vector<Key>> kServeKeys = {
    {"database", {{"url", "--db"}, {"url_file", "--db"}}},
    {"server",
     {{"bind", "--bind"},
      {"port", "--port"},
      {"public_url", "--public-url"},
      {"threads", "--threads"},
      {"static", "--static"},
      {"secure_cookies", "--secure-cookies"},
      {"trusted_proxies", "--trusted-proxy"}}},
    {"sessions", {{"idle_minutes", "--session-idle-minutes"}, {"max_hours", "--session-max-hours"}}},
    {"log", {{"format", "--log-format"}}},
    {"metrics", {{"bind", "--metrics-bind"}}},
    {"webhooks", {{"allow_private", "--webhooks-allow-private"}}},
    {"mail",
     {{"smtp_url", "--smtp-url"},
      {"smtp_user", "--smtp-user"},
      {"smtp_password_file", "--smtp-password-file"},
      {"from", "--mail-from"}}},
};

[[noreturn]] void fail_at(const ConfigFile& file, const toml::node& node, std::string_view key,
                          std::string_view what) {
  throw UsageError(config_place(file, node, key) + std::string(what));
}

std::string read_secret_file(const ConfigFile& file, const toml::node& node, std::string_view key,
                             const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_at(file, node, key, "kan inte läsa filen " + path);
  std::ostringstream content;
  content << in.rdbuf();
  auto value = content.str();
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  if (value.empty()) fail_at(file, node, key, "filen " + path + " är tom");
  return value;
}

std::string string_value(const ConfigFile& file, const toml::table& section, std::string_view key) {
  const auto* node = section.get(key);
  const auto* value = node->as_string();
  if (!value) fail_at(file, *node, key, "ska vara en text inom citattecken");
  return value->get();
}

std::int64_t integer_value(const ConfigFile& file, const toml::table& section, std::string_view key,
                           std::int64_t low, std::int64_t high) {
  const auto* node = section.get(key);
  const auto* value = node->as_integer();
  if (!value || value->get() < low || value->get() > high)
    fail_at(file, *node, key, fmt::format("ska vara ett heltal från {} till {}", low, high));
  return value->get();
}

std::vector<std::string> string_list(const ConfigFile& file, const toml::table& section, std::string_view key) {
  const auto* node = section.get(key);
  const auto* array = node->as_array();
  std::vector<std::string> values;
  if (array) {
    for (const auto& element : *array) {
      if (!element.is_string()) break;
      values.push_back(element.as_string()->get());
    }
  }
  if (!array || values.size() != array->size())
    fail_at(file, *node, key, "ska vara en lista av texter, t.ex. [\"10.0.0.1\", \"10.1.0.0/16\"]");
  return values;
}

bool bool_value(const ConfigFile& file, const toml::table& section, std::string_view key) {
  const auto* node = section.get(key);
  const auto* value = node->as_boolean();
  if (!value) fail_at(file, *node, key, "ska vara true eller false");
  return value->get();
}

// Unknown sections and keys are errors: a misspelt key would otherwise be ignored in silence.
void check_known_keys(const ConfigFile& file) {
  for (auto&& [name, node] : file.table) {
    const auto section_name = name.str();
    if (kSectionsReadElsewhere.count(section_name)) continue;
    const auto known = kServeKeys.find(section_name);
    if (known == kServeKeys.end()) fail_at(file, node, section_name, "okänd del av inställningarna");
    const auto* section = node.as_table();
    if (!section) fail_at(file, node, section_name, "ska vara en del, [" + std::string(section_name) + "]");
    for (auto&& [key, value] : *section) {
      bool found = false;
      for (const auto& k : known->second) found = found || k.name == key.str();
      if (!found) fail_at(file, value, std::string(section_name) + "." + std::string(key.str()), "okänd inställning");
    }
  }
}

}  // namespace

ConfigFile load_config_file(const std::string& path) {
  ConfigFile file;
  file.path = path;
  std::ifstream probe(path);
  if (!probe) throw UsageError("kan inte läsa inställningsfilen " + path);
  try {
    file.table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw UsageError(fmt::format("{} rad {}: kan inte läsas som TOML ({})", path, e.source().begin.line,
                                 e.description()));
  }
  check_known_keys(file);
  return file;
}

std::string config_place(const ConfigFile& file, const toml::node& node, std::string_view key) {
  return fmt::format("{} rad {}: {}: ", file.path, node.source().begin.line, key);
}

std::optional<std::string> config_secret(const ConfigFile& file, const toml::table& section, std::string_view key) {
  const std::string file_key = std::string(key) + "_file";
  const auto* inline_node = section.get(key);
  const auto* file_node = section.get(file_key);
  if (inline_node && file_node) fail_at(file, *file_node, file_key, "ange antingen " + std::string(key) + " eller " + file_key);
  if (inline_node) return string_value(file, section, key);
  if (file_node) return read_secret_file(file, *file_node, file_key, string_value(file, section, file_key));
  return std::nullopt;
}

void apply_serve_config(const ConfigFile& file, ServeOptions& options, const std::set<std::string>& given) {
  auto section = [&](std::string_view name) -> const toml::table* { return file.table[name].as_table(); };
  auto wanted = [&](const toml::table* s, std::string_view key, const char* option) {
    return s && s->contains(key) && !given.count(option);
  };
  if (const auto* db = section("database"); db && !given.count("--db")) {
    if (auto url = config_secret(file, *db, "url")) options.db = *url;
  }
  if (const auto* s = section("server")) {
    if (wanted(s, "bind", "--bind")) options.bind = string_value(file, *s, "bind");
    if (wanted(s, "port", "--port")) options.port = static_cast<std::uint16_t>(integer_value(file, *s, "port", 0, 65535));
    if (wanted(s, "public_url", "--public-url")) options.mail.public_url = string_value(file, *s, "public_url");
    if (wanted(s, "threads", "--threads")) options.threads = static_cast<int>(integer_value(file, *s, "threads", 0, 1024));
    if (wanted(s, "static", "--static")) options.static_dir = string_value(file, *s, "static");
    if (wanted(s, "secure_cookies", "--secure-cookies")) options.secure_cookies = bool_value(file, *s, "secure_cookies");
    if (wanted(s, "trusted_proxies", "--trusted-proxy"))
      options.trusted_proxies = string_list(file, *s, "trusted_proxies");
  }
  if (const auto* s = section("sessions")) {
    if (wanted(s, "idle_minutes", "--session-idle-minutes"))
      options.idle_minutes = static_cast<int>(integer_value(file, *s, "idle_minutes", 1, 24 * 60));
    if (wanted(s, "max_hours", "--session-max-hours"))
      options.max_hours = static_cast<int>(integer_value(file, *s, "max_hours", 1, 24 * 30));
  }
  if (const auto* s = section("log"); wanted(s, "format", "--log-format")) {
    options.log_format = string_value(file, *s, "format");
    if (options.log_format != "plain" && options.log_format != "json")
      fail_at(file, *s->get("format"), "format", "ska vara \"plain\" eller \"json\"");
  }
  if (const auto* s = section("metrics"); wanted(s, "bind", "--metrics-bind")) {
    options.metrics_bind = string_value(file, *s, "bind");
  }
  if (const auto* s = section("webhooks"); wanted(s, "allow_private", "--webhooks-allow-private"))
    options.webhooks_allow_private = bool_value(file, *s, "allow_private");
  if (const auto* s = section("mail")) {
    auto& mail = options.mail;
    if (wanted(s, "smtp_url", "--smtp-url")) mail.smtp_url = string_value(file, *s, "smtp_url");
    if (wanted(s, "smtp_user", "--smtp-user")) mail.smtp_user = string_value(file, *s, "smtp_user");
    if (wanted(s, "smtp_password_file", "--smtp-password-file"))
      mail.password_file = string_value(file, *s, "smtp_password_file");
    if (wanted(s, "from", "--mail-from")) mail.from = string_value(file, *s, "from");
  }
}

std::string mask_secrets_in_url(std::string url) {
  // URL form: the password sits between the user's ':' and the '@' of the authority.
  if (auto scheme = url.find("://"); scheme != std::string::npos) {
    const auto start = scheme + 3;
    const auto at = url.find('@', start);
    const auto slash = url.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = url.find(':', start);
      if (colon != std::string::npos && colon < at) url.replace(colon + 1, at - colon - 1, "****");
    }
  }
  // Key-value form (libpq): password=… up to the next space.
  for (auto pos = url.find("password="); pos != std::string::npos; pos = url.find("password=", pos + 1)) {
    const auto start = pos + 9;
    const auto end = url.find_first_of(" &", start);
    url.replace(start, (end == std::string::npos ? url.size() : end) - start, "****");
  }
  return url;
}

std::string describe_serve_options(const ServeOptions& o) {
  auto quoted = [](const std::string& s) { return toml::value<std::string>(s); };
  toml::array proxies;
  for (const auto& proxy : o.trusted_proxies) proxies.push_back(proxy);
  std::ostringstream out;
  out << "[database]\nurl = " << quoted(mask_secrets_in_url(o.db)) << "\n\n";
  out << "[server]\nbind = " << quoted(o.bind) << "\nport = " << o.port << "\npublic_url = " << quoted(o.mail.public_url)
      << "\nthreads = " << o.threads << "\nstatic = " << quoted(o.static_dir)
      << "\nsecure_cookies = " << (o.secure_cookies ? "true" : "false") << "\ntrusted_proxies = " << proxies
      << "\n\n";
  out << "[sessions]\nidle_minutes = " << o.idle_minutes << "\nmax_hours = " << o.max_hours << "\n\n";
  out << "[log]\nformat = " << quoted(o.log_format) << "\n\n";
  out << "[metrics]\nbind = " << quoted(o.metrics_bind) << "\n\n";
  out << "[webhooks]\nallow_private = " << (o.webhooks_allow_private ? "true" : "false") << "\n\n";
  out << "[mail]\nsmtp_url = " << quoted(mask_secrets_in_url(o.mail.smtp_url)) << "\nsmtp_user = " << quoted(o.mail.smtp_user)
      << "\nsmtp_password_file = " << quoted(o.mail.password_file) << "\nfrom = " << quoted(o.mail.from) << "\n";
  return out.str();
}

}  // namespace uppsikt::cli
