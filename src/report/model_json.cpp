#include "report/model_json.h"

#include <nlohmann/json.hpp>

namespace uppsikt::report {

// Missing fields read as their defaults, so that a copy stored before a field was added
// still reads.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReportQuestion, id, number, text, audience, reference_kind,
                                                reference_number, reference_title, reference_text,
                                                expected_result, options)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Heading, number, title, level)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OptionCount, option, count, share)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(UnitChoice, unit_id, unit, choice, comment, handed_in_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TrendPoint, year, round_name, counts)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CompiledQuestion, question, counts, answered, asked, answers, trend,
                                                assessment)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CompiledSection, heading, document, questions, assessment)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Summary, heading, questions, counts)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CompiledReport, round_name, year, generated_at, scope, with_comments,
                                                units_listed, units_asked, units_handed_in, sections, summaries,
                                                units_not_answered, assessment_heading, assessment, sender,
                                                report_date, registration_number)

std::string to_stored_json(const CompiledReport& report) {
  return nlohmann::json(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<CompiledReport> from_stored_json(const std::string& text) {
  try {
    return nlohmann::json::parse(text).get<CompiledReport>();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace uppsikt::report
