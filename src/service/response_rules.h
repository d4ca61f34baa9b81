#pragma once
// When a response takes changes: the rules that answering by hand and importing a file
// share, so that a file can never write where the answering page would refuse.
#include <string>

#include "core/response.h"
#include "core/round.h"

namespace uppsikt::service {

// The round is open, or closed and opened again for this unit by a coordinator.
bool accepts_changes(const Round& round, const Response& response);

// Why the round takes no changes for the unit now, in Swedish; empty when it does.
std::string round_closed_reason(const Round& round, const Response& response);

// Not handed in: not started, a draft, or returned for changes.
bool editable(ResponseStatus status);

// The message when a response is handed in or approved and so locked.
inline constexpr const char* kLockedMessage = "Svaret är inlämnat och låst.";

}  // namespace uppsikt::service
