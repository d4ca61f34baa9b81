#pragma once
// A unit of the organisation (nämnd, förvaltning, bolag …). Units form a tree: city →
// committees/boards → administrations/companies, or nation → county → municipality.
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"

namespace uppsikt {

enum class UnitKind { fullmaktige, styrelse, namnd, forvaltning, bolag, forbund, kommun, lan, nation };

struct Unit {
  Id id = 0;
  std::optional<Id> parent_id;
  std::string name;
  UnitKind kind = UnitKind::namnd;
  bool closed = false;
};

// Stable code stored in the database ("namnd", "forvaltning" …).
std::string_view to_code(UnitKind kind);
std::optional<UnitKind> unit_kind_from_code(std::string_view code);
// Swedish label for people ("Nämnd", "Förvaltning" …).
std::string_view label(UnitKind kind);

}  // namespace uppsikt
