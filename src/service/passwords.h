#pragma once
// Password policy and hashing: 12–128 characters, no composition rules, the most common
// passwords refused (NIST SP 800-63B); argon2id with 19 MiB and 2 passes (OWASP's minimum).
#include <optional>
#include <string>
#include <string_view>

namespace uppsikt::service {

inline constexpr std::size_t kPasswordMinLength = 12;  // characters, not bytes
inline constexpr std::size_t kPasswordMaxLength = 128;

// Why `password` may not be used, in Swedish, or nothing when it may.
std::optional<std::string> password_problem(std::string_view password);

// The argon2id hash string of `password` (with its own salt and parameters). Slow on purpose.
std::string hash_password(std::string_view password);

// True when `password` matches `hash`. A malformed hash matches nothing.
bool verify_password(std::string_view hash, std::string_view password);

// True when `password` is one of the most common passwords (case-blind).
bool is_common_password(std::string_view password);

}  // namespace uppsikt::service
