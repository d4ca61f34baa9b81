#include "report/labels.h"

#include <cmath>

namespace uppsikt::report {
namespace {

void append_word(std::string& out, const std::string& word) {
  if (word.empty()) return;
  if (!out.empty()) out += ' ';
  out += word;
}

}  // namespace

std::string heading_label(const Heading& heading) {
  std::string out = heading.number;
  append_word(out, heading.title);
  return out;
}

std::string reference_label(const ReportQuestion& question) {
  std::string out = question.reference_kind;
  append_word(out, question.reference_number);
  append_word(out, question.reference_title);
  return out;
}

std::string reference_full(const ReportQuestion& question) {
  std::string out = reference_label(question);
  append_word(out, question.reference_text);
  return out;
}

const char* const kUnitsNotListed =
    "Urvalet är för stort för att lista varje enhets svar: sammanställningen visar antal och andelar. "
    "Välj ett mindre urval, till exempel en region eller en kommun, eller hämta alla svar som Excel eller CSV.";

std::string percent(double share) {
  return std::to_string(static_cast<int>(std::lround(share * 100))) + "\xC2\xA0%";
}

}  // namespace uppsikt::report
