#pragma once
// A one-time link that lets a person set their password: an invitation for a new account or
// a reset for an existing one. The store keeps only a hash of the link's token.
#include <string>

#include "core/id.h"

namespace uppsikt {

enum class LinkPurpose { invitation, reset };

struct OneTimeLink {
  std::string token_hash;  // hex of a hash of the token in the link
  Id user_id = 0;
  LinkPurpose purpose = LinkPurpose::reset;
  std::string created_at;  // ISO timestamps, UTC
  std::string expires_at;
  std::string used_at;     // empty until used; a used link opens nothing
};

}  // namespace uppsikt
