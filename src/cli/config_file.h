#pragma once
// The configuration file, /etc/uppsikt/uppsikt.conf in the Debian package: TOML, read with
// toml++ (libtomlplusplus-dev). It holds every option of `uppsikt serve`; the command line
// and then the environment (UPPSIKT_DB, UPPSIKT_PORT) go before it. Secrets are never
// required in the file itself: each secret key `k` may instead be given as `k_file`, a file
// that only the service may read, whose content (without a trailing newline) is the value.
//
//   [database]  url | url_file
//   [server]    bind, port, public_url, threads, static, secure_cookies, trusted_proxies
//   [sessions]  idle_minutes, max_hours
//   [log]       format = "plain" | "json"
//   [metrics]   bind = "127.0.0.1:9464"
//   [webhooks]  allow_private
//   [mail]      smtp_url, smtp_user, smtp_password_file, from
//
// Other parts of Uppsikt read their own sections from the same table (the sign-in
// providers); they are named in kSectionsReadElsewhere in config_file.cpp so that a misspelt
// section is still an error here.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <toml++/toml.h>

#include "cli/subcommands.h"

namespace uppsikt::cli {

struct ConfigFile {
  std::string path;
  toml::table table;  // the whole file, for the sections that other parts read
};

// Reads and parses `path`. Throws UsageError with one Swedish line naming the file and line.
ConfigFile load_config_file(const std::string& path);

// Where a value's line is, for messages: "FILE rad N: KEY: ".
std::string config_place(const ConfigFile& file, const toml::node& node, std::string_view key);

// A string secret in `section`: `key` itself or the content of the file named by `key_file`;
// nullopt when neither is given. Throws UsageError when both are, or the file is unreadable.
std::optional<std::string> config_secret(const ConfigFile& file, const toml::table& section, std::string_view key);

// Sets in `options` every serve option the file gives, except those named in `given` (the
// long option names, "--port", that the command line or the environment already set).
// Checks every key and value; throws UsageError naming the key and its line.
void apply_serve_config(const ConfigFile& file, ServeOptions& options, const std::set<std::string>& given);

// The effective configuration as TOML, with the passwords in database URLs masked.
std::string describe_serve_options(const ServeOptions& options);

// "postgresql://u:secret@h/db" → "postgresql://u:****@h/db"; "password=x" → "password=****".
std::string mask_secrets_in_url(std::string url);

}  // namespace uppsikt::cli
