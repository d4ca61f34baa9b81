#pragma once
// The roles a person holds, each granted on a unit and the units under it (DESIGN.md, "Who
// uses it"). A person may hold several.
#include <optional>
#include <string_view>

namespace uppsikt {

enum class Role { admin, coordinator, respondent, approver, reader };

// Stable code stored in the database and used on the command line ("admin", "coordinator" …).
std::string_view to_code(Role role);
std::optional<Role> role_from_code(std::string_view code);
// "Administratör", "Samordnare", "Svarande", "Godkännare", "Läsare".
std::string_view label(Role role);

}  // namespace uppsikt
