#pragma once
// The API's records as JSON, one function per shape, named as in docs/openapi.json's schemas.
#include <nlohmann/json.hpp>

#include "core/response.h"
#include "core/round.h"
#include "core/unit.h"
#include "service/answering.h"
#include "service/overview.h"
#include "service/round_questions.h"
#include "store/store.h"

namespace uppsikt::api {

nlohmann::json round_json(const Round& round, const Progress& progress, int questions);  // Round
nlohmann::json unit_json(const Unit& unit);                                             // Unit
nlohmann::json response_row_json(Id round_id, const service::UnitRow& row);             // ResponseSummary
nlohmann::json answer_json(const Answer& answer, Id unit_id);                            // Answer
nlohmann::json questions_json(const service::RoundQuestions& questions);                 // Questionnaire

}  // namespace uppsikt::api
