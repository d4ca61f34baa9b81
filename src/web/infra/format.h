#pragma once
// Small helpers that turn domain values into what the templates show.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"
#include "core/response.h"
#include "core/round.h"

namespace uppsikt::web {

// A path parameter as a positive id; nothing for "abc", "0", "-1" or overflow.
std::optional<Id> parse_id(std::string_view text);
// A form's whole number of days ("90"), or 0 when it is not one: the service refuses 0 by name.
int parse_days(std::string_view text);

// 12000 as "12 000", grouped in threes by a no-break space as Swedish writes it.
std::string grouped_number(long long n);

// {"label": "Inlämnad", "badge": "badge--success"} for a response status.
nlohmann::json status_json(ResponseStatus status);
// FKUI badge modifier for an answer option: Ja green, Nej red, Delvis yellow.
std::string_view choice_badge(std::string_view choice);
// A comment's paragraphs (separated by blank lines), for <p> each: as template data and as
// strings, each paragraph's lines joined by a space.
nlohmann::json paragraphs(std::string_view text);
std::vector<std::string> paragraph_list(std::string_view text);
// `text` for a query string value: letters, digits and -._~ as they are, the rest %XX.
std::string query_escape(std::string_view text);
// A round's deadline, status and name as shown in lists.
nlohmann::json round_json(const Round& round);

}  // namespace uppsikt::web
