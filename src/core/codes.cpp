// Stored codes and Swedish labels of every enum in core/.
#include <array>

#include "core/code_table.h"
#include "core/document.h"
#include "core/response.h"
#include "core/role.h"
#include "core/round.h"
#include "core/unit.h"

namespace uppsikt {
namespace {
using detail::CodeRow;

constexpr std::array<CodeRow<UnitKind>, 9> kUnitKinds{{
    {UnitKind::fullmaktige, "fullmaktige", "Fullmäktige"},
    {UnitKind::styrelse, "styrelse", "Styrelse"},
    {UnitKind::namnd, "namnd", "Nämnd"},
    {UnitKind::forvaltning, "forvaltning", "Förvaltning"},
    {UnitKind::bolag, "bolag", "Bolag"},
    {UnitKind::forbund, "forbund", "Kommunalförbund"},
    {UnitKind::kommun, "kommun", "Kommun"},
    {UnitKind::lan, "lan", "Län"},
    {UnitKind::nation, "nation", "Nation"},
}};

constexpr std::array<CodeRow<DocumentKind>, 3> kDocumentKinds{{
    {DocumentKind::program, "program", "Program"},
    {DocumentKind::handlingsplan, "handlingsplan", "Handlingsplan"},
    {DocumentKind::plan, "plan", "Plan"},
}};

constexpr std::array<CodeRow<NodeKind>, 2> kNodeKinds{{
    {NodeKind::area, "area", "Område"},
    {NodeKind::item, "item", "Strategi/insats"},
}};

constexpr std::array<CodeRow<RoundStatus>, 4> kRoundStatuses{{
    {RoundStatus::draft, "draft", "Under arbete"},
    {RoundStatus::open, "open", "Öppen"},
    {RoundStatus::closed, "closed", "Stängd"},
    {RoundStatus::published, "published", "Publicerad"},
}};

constexpr std::array<CodeRow<CommentRule>, 3> kCommentRules{{
    {CommentRule::optional, "optional", "Frivillig kommentar"},
    {CommentRule::required, "required", "Kommentar krävs"},
    {CommentRule::required_for_some, "required_for_some", "Kommentar krävs för vissa svar"},
}};

constexpr std::array<CodeRow<ResponseStatus>, 5> kResponseStatuses{{
    {ResponseStatus::not_started, "not_started", "Ej påbörjad"},
    {ResponseStatus::draft, "draft", "Utkast"},
    {ResponseStatus::submitted, "submitted", "Inlämnad"},
    {ResponseStatus::returned, "returned", "Återsänd"},
    {ResponseStatus::approved, "approved", "Godkänd"},
}};

constexpr std::array<CodeRow<ResponseEventKind>, 5> kResponseEventKinds{{
    {ResponseEventKind::handed_in, "handed_in", "Inlämnad"},
    {ResponseEventKind::sent_back, "sent_back", "Skickad tillbaka av godkännaren"},
    {ResponseEventKind::approved, "approved", "Godkänd"},
    {ResponseEventKind::returned, "returned", "Återsänd av samordnare"},
    {ResponseEventKind::reopened, "reopened", "Öppnad igen efter stängning"},
}};

constexpr std::array<CodeRow<Role>, 5> kRoles{{
    {Role::admin, "admin", "Administratör"},
    {Role::coordinator, "coordinator", "Samordnare"},
    {Role::respondent, "respondent", "Svarande"},
    {Role::approver, "approver", "Godkännare"},
    {Role::reader, "reader", "Läsare"},
}};

template <typename E, std::size_t N>
std::span<const CodeRow<E>> table(const std::array<CodeRow<E>, N>& rows) {
  return {rows.data(), rows.size()};
}
}  // namespace

std::string_view to_code(UnitKind v) { return detail::row_of(table(kUnitKinds), v).code; }
std::string_view label(UnitKind v) { return detail::row_of(table(kUnitKinds), v).label; }
std::optional<UnitKind> unit_kind_from_code(std::string_view c) { return detail::from_code(table(kUnitKinds), c); }

std::string_view to_code(DocumentKind v) { return detail::row_of(table(kDocumentKinds), v).code; }
std::string_view label(DocumentKind v) { return detail::row_of(table(kDocumentKinds), v).label; }
std::optional<DocumentKind> document_kind_from_code(std::string_view c) {
  return detail::from_code(table(kDocumentKinds), c);
}

std::string_view to_code(NodeKind v) { return detail::row_of(table(kNodeKinds), v).code; }
std::optional<NodeKind> node_kind_from_code(std::string_view c) { return detail::from_code(table(kNodeKinds), c); }

std::string_view to_code(RoundStatus v) { return detail::row_of(table(kRoundStatuses), v).code; }
std::string_view label(RoundStatus v) { return detail::row_of(table(kRoundStatuses), v).label; }
std::optional<RoundStatus> round_status_from_code(std::string_view c) {
  return detail::from_code(table(kRoundStatuses), c);
}

std::string_view to_code(CommentRule v) { return detail::row_of(table(kCommentRules), v).code; }
std::optional<CommentRule> comment_rule_from_code(std::string_view c) {
  return detail::from_code(table(kCommentRules), c);
}

std::string_view to_code(ResponseStatus v) { return detail::row_of(table(kResponseStatuses), v).code; }
std::string_view label(ResponseStatus v) { return detail::row_of(table(kResponseStatuses), v).label; }
std::optional<ResponseStatus> response_status_from_code(std::string_view c) {
  return detail::from_code(table(kResponseStatuses), c);
}

std::string_view to_code(ResponseEventKind v) {
  return detail::row_of(table(kResponseEventKinds), v).code;
}
std::string_view label(ResponseEventKind v) { return detail::row_of(table(kResponseEventKinds), v).label; }
std::optional<ResponseEventKind> response_event_kind_from_code(std::string_view c) {
  return detail::from_code(table(kResponseEventKinds), c);
}

std::string_view to_code(Role v) { return detail::row_of(table(kRoles), v).code; }
std::string_view label(Role v) { return detail::row_of(table(kRoles), v).label; }
std::optional<Role> role_from_code(std::string_view c) { return detail::from_code(table(kRoles), c); }

}  // namespace uppsikt
