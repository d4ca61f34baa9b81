#pragma once
// The coordinating office's assessment of a round's compiled report ("Stadsledningskontorets
// bedömning"): a text for the whole round, for a document or area of the report, and for a
// question; and the cover the report carries to the council (sender, date, registration number).
#include <string>

#include "core/id.h"

namespace uppsikt {

// What an assessment is of, as stored: "round", "document:3", "area:17", "question:42".
inline const std::string kRoundTarget = "round";
inline std::string document_target(Id id) { return "document:" + std::to_string(id); }
inline std::string area_target(Id id) { return "area:" + std::to_string(id); }
inline std::string question_target(Id id) { return "question:" + std::to_string(id); }

struct ReportCover {
  std::string sender;               // "Stadsledningskontoret"; empty: the round's coordinating unit
  std::string date;                 // ISO date of the report to the council; may be empty
  std::string registration_number;  // diarienummer, "KS 2025/123"; may be empty
};

}  // namespace uppsikt
