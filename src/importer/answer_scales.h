#pragma once
// The answer scales old follow-ups use: the standard Ja/Nej/Delvis/Ej aktuellt (with the
// older "Vet ej"), and the status scales of action plans. An answer is recognised in any
// of them and kept as written, in the scale's spelling ("pågår" → "Pågår").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace uppsikt::importer {

struct AnswerScale {
  std::string name;                  // "Genomförd/Pågår/Ej påbörjad": how a saved scale is named
  std::vector<std::string> options;  // in the order a form shows them
};

// Every scale the importers recognise, the standard one first.
const std::vector<AnswerScale>& answer_scales();

// The option `text` names in any scale, ignoring case and surrounding or doubled space.
std::optional<std::string> recognised_option(std::string_view text);

// The scale whose options hold `option` (as recognised_option spells it): the standard
// scale for "Vet ej" too, which older rounds offered beside it.
const AnswerScale* scale_of(std::string_view option);

// The scale called `name` ("Grön/Gul/Röd"), ignoring case and doubled space; nullptr if none.
const AnswerScale* scale_named(std::string_view name);

}  // namespace uppsikt::importer
