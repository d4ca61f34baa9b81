#include "service/passwords.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace uppsikt::service {
namespace {

// OWASP's minimum for argon2id: 19 MiB of memory, 2 passes. crypto_pwhash's own
// MEMLIMIT_MIN is far lower and must not be used.
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19 * 1024 * 1024;

// Characters, not bytes: "å" is one character in two bytes.
std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("service: libsodium could not be initialised");
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password) {
  const std::size_t length = utf8_length(password);
  if (length < kPasswordMinLength)
    return "Lösenordet måste ha minst " + std::to_string(kPasswordMinLength) + " tecken.";
  if (length > kPasswordMaxLength)
    return "Lösenordet får ha högst " + std::to_string(kPasswordMaxLength) + " tecken.";
  if (is_common_password(password))
    return "Lösenordet är ett av de vanligaste lösenorden. Välj ett annat.";
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("service: out of memory while hashing a password");
  return hash;
}

bool verify_password(std::string_view hash, std::string_view password) {
  ensure_sodium();
  const std::string terminated{hash};  // libsodium reads a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace uppsikt::service
