#pragma once
// Secrets for sessions and forms: random tokens, their stored hashes, and a comparison that
// takes the same time whatever the input. Backed by libsodium.
#include <string>
#include <string_view>

namespace uppsikt::service {

// 256 random bits as 64 lower-case hex characters.
std::string random_token();
// Hex of a 256-bit BLAKE2b hash of `token`: what the store keeps instead of the token.
std::string hash_token(std::string_view token);
// True when both are equal, in time that depends only on their lengths.
bool tokens_equal(std::string_view a, std::string_view b);
// True for what random_token() makes: 64 hex characters. Anything else is not looked up.
bool looks_like_token(std::string_view text);

}  // namespace uppsikt::service
