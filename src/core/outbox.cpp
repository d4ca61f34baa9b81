// Stored codes and Swedish labels of an outbox message's status.
#include "core/outbox.h"

#include <array>

#include "core/code_table.h"

namespace uppsikt {
namespace {

constexpr std::array<detail::CodeRow<OutboxStatus>, 3> kStatuses{{
    {OutboxStatus::queued, "queued", "I kö"},
    {OutboxStatus::sent, "sent", "Skickat"},
    {OutboxStatus::failed, "failed", "Misslyckat"},
}};

std::span<const detail::CodeRow<OutboxStatus>> table() { return kStatuses; }

}  // namespace

std::string_view to_code(OutboxStatus v) { return detail::row_of(table(), v).code; }
std::string_view label(OutboxStatus v) { return detail::row_of(table(), v).label; }
std::optional<OutboxStatus> outbox_status_from_code(std::string_view c) { return detail::from_code(table(), c); }

}  // namespace uppsikt
