#include "service/demo.h"

#include <array>
#include <map>
#include <random>
#include <stdexcept>

#include "importer/text_importer.h"
#include "service/demo_units.h"
#include "service/followup_import.h"
#include "service/report_publishing.h"

namespace uppsikt::service {
namespace {

struct Choice {
  std::string_view option;
  int weight_2023;
  int weight_2024;  // answers improve from one year to the next, so trends show
};
constexpr std::array<Choice, 4> kChoices{{
    {"Ja", 50, 66}, {"Delvis", 22, 16}, {"Nej", 20, 11}, {"Ej aktuellt", 8, 7}}};

const std::map<std::string_view, std::vector<std::string_view>>& comment_bank() {
  static const std::map<std::string_view, std::vector<std::string_view>> bank{
      {"Ja",
       {"Arbetet ingår i förvaltningens verksamhetsplan och följs upp varje tertial.",
        "Vi samverkar med polisen och andra förvaltningar i de lokala trygghetsforumen.",
        "Medarbetarna har gått stadens grundutbildning i brottsförebyggande arbete.",
        "Frågan har lyfts i ledningsgruppen och rutiner har tagits fram.",
        "Vi använder den lokala lägesbilden när insatser planeras.\n\n"
        "Uppföljning sker två gånger per år tillsammans med stadsledningskontoret.",
        ""}},
      {"Delvis",
       {"Arbetet har påbörjats men är ännu inte genomfört i alla verksamheter.",
        "En kartläggning pågår och beräknas vara klar under nästa år.",
        "Rutinerna finns men behöver bli mer kända bland medarbetarna."}},
      {"Nej",
       {"Frågan har inte prioriterats under året på grund av begränsade resurser.",
        "Vi saknar i dag en samlad bild och behöver stöd från stadsledningskontoret.",
        "Arbetet planeras att starta under kommande år."}},
      {"Ej aktuellt",
       {"Frågan berör inte verksamhetens uppdrag.",
        "Verksamheten har inga uppgifter som berörs av insatsen."}},
  };
  return bank;
}

// A small deterministic generator: mt19937 is specified exactly by the standard, while the
// distributions are not, so draws are reduced by hand.
class Dice {
 public:
  explicit Dice(unsigned seed) : engine_(seed) {}
  int below(int n) { return static_cast<int>(engine_() % static_cast<unsigned>(n)); }

 private:
  std::mt19937 engine_;
};

std::string_view pick_choice(Dice& dice, int year) {
  int total = 0;
  for (const auto& c : kChoices) total += year == 2023 ? c.weight_2023 : c.weight_2024;
  int roll = dice.below(total);
  for (const auto& c : kChoices) {
    roll -= year == 2023 ? c.weight_2023 : c.weight_2024;
    if (roll < 0) return c.option;
  }
  return "Ja";
}

// The seed follow-up with each answer and comment replaced by a drawn one; a draft keeps only
// its first answers.
importer::FollowUp varied_answers(const importer::FollowUp& seed, Dice& dice, int year, bool draft) {
  importer::FollowUp out = seed;
  if (draft) out.questions.resize(static_cast<std::size_t>(3 + dice.below(8)));
  for (auto& q : out.questions) {
    auto choice = pick_choice(dice, year);
    const auto& comments = comment_bank().at(choice);
    auto comment = comments[static_cast<std::size_t>(dice.below(static_cast<int>(comments.size())))];
    q.answer = std::string(choice);
    q.comment = comment.empty() ? std::nullopt : std::optional<std::string>(comment);
  }
  return out;
}

// 2024's mix of statuses: most units have handed in, some are working, a few have not begun.
ResponseStatus status_2024(Dice& dice) {
  int roll = dice.below(100);
  if (roll < 30) return ResponseStatus::approved;
  if (roll < 60) return ResponseStatus::submitted;
  if (roll < 78) return ResponseStatus::draft;
  if (roll < 86) return ResponseStatus::returned;
  return ResponseStatus::not_started;
}

std::map<std::string, Id> add_units(store::Tx& tx) {
  std::map<std::string, Id> ids;
  Id city = tx.add_unit(Unit{.name = std::string(demo::kCity), .kind = UnitKind::kommun});
  ids[std::string(demo::kCity)] = city;
  for (const auto& seed : demo::unit_seeds()) {
    Id parent = seed.parent.empty() ? city : ids.at(std::string(seed.parent));
    ids[std::string(seed.name)] =
        tx.add_unit(Unit{.parent_id = parent, .name = std::string(seed.name), .kind = seed.kind});
  }
  return ids;
}

void add_round_responses(store::Tx& tx, const importer::FollowUp& seed, Id round,
                         const std::map<std::string, Id>& units, int year, Dice& dice,
                         DemoSummary& summary) {
  const std::string changed_by = "demo";
  // The seed itself is Miljöförvaltningen's answer for 2024, still a draft, so that the demo
  // respondent can go on answering, hand in and have it approved.
  if (year == 2024)
    save_followup(tx, seed, ImportTarget{round, units.at(std::string(demo::kSeedUnit)), changed_by,
                                         ResponseStatus::draft, units.at(std::string(demo::kCity))});
  for (const auto& unit : demo::unit_seeds()) {
    if (!unit.responds || (year == 2024 && unit.name == demo::kSeedUnit)) continue;
    ResponseStatus status = year == 2024 ? status_2024(dice) : ResponseStatus::approved;
    Id unit_id = units.at(std::string(unit.name));
    if (status == ResponseStatus::not_started) {
      tx.add_response(Response{.round_id = round, .unit_id = unit_id, .status = status});
    } else {
      auto answers = varied_answers(seed, dice, year, status == ResponseStatus::draft);
      save_followup(tx, answers, ImportTarget{round, unit_id, changed_by, status, units.at(std::string(demo::kCity))});
    }
    ++summary.responses;
  }
  if (year == 2024) ++summary.responses;
}

}  // namespace

DemoSummary build_demo(store::Store& store, std::string_view followup_text) {
  auto seed = importer::parse_text(followup_text);
  auto tx = store.begin();
  if (!tx->rounds().empty()) throw std::runtime_error("databasen innehåller redan uppföljningar");

  DemoSummary summary;
  auto units = add_units(*tx);
  summary.units = static_cast<int>(units.size());

  Dice dice(2024);
  // 2024 first, so that the documents' areas and items come from the seed in its own order.
  Id round_2024 = tx->add_round(Round{.name = "Uppföljning 2024", .year = 2024,
                                      .status = RoundStatus::open, .deadline = "2024-12-13",
                                      .requires_approval = true});
  add_round_responses(*tx, seed, round_2024, units, 2024, dice, summary);
  Id round_2023 = tx->add_round(Round{.name = "Uppföljning 2023", .year = 2023,
                                      .status = RoundStatus::published, .deadline = "2023-12-15"});
  add_round_responses(*tx, seed, round_2023, units, 2023, dice, summary);
  // Its compiled report was published, without comments, when the round closed.
  const Publication published_2023{.round_id = round_2023, .with_comments = false,
                                   .published_at = "2024-01-15T09:00:00Z"};
  tx->save_publication(published_2023);
  freeze_publication(*tx, published_2023);

  summary.rounds = 2;
  summary.questions = static_cast<int>(tx->questions(round_2024).size());
  tx->commit();
  return summary;
}

}  // namespace uppsikt::service
