#include "service/demo_national.h"

#include <array>
#include <cctype>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "service/demo_national_places.h"
#include "service/followup_import.h"

namespace uppsikt::service {
namespace {

constexpr std::string_view kNation = "Sverige";
constexpr std::string_view kProgramme = "Nationellt program för brottsförebyggande arbete 2022–2026";
constexpr int kMinUnits = 30;  // per municipality, besides the municipality itself
constexpr int kMaxUnits = 50;
constexpr unsigned kSeed = 290;

constexpr std::array<std::string_view, 5> kAreas{
    "Kunskapsbaserat arbete och lokal lägesbild", "Samverkan mellan kommun, polis och civilsamhälle",
    "Barn och unga i riskmiljöer", "Trygga offentliga miljöer",
    "Våld i nära relationer och hedersrelaterat våld"};
constexpr std::array<std::string_view, 10> kMeasures{
    "Ta fram och uppdatera en lokal lägesbild för",
    "Utse en samordnare med tydligt mandat för",
    "Utbilda chefer och medarbetare i",
    "Följa upp insatser och resultat inom",
    "Samverka med polisen i frågor om",
    "Involvera civilsamhället i arbetet med",
    "Avsätta resurser i budgeten för",
    "Ta fram rutiner för informationsdelning inom",
    "Rapportera till kommunstyrelsen om",
    "Utvärdera effekterna av arbetet med"};

struct Year {
  int year;
  RoundStatus status;
  std::string_view deadline;
  std::array<int, 4> weights;  // Ja, Delvis, Nej, Ej aktuellt: better each year, so trends show
};
constexpr std::array<Year, 3> kYears{{
    {2022, RoundStatus::published, "2022-12-16", {40, 25, 27, 8}},
    {2023, RoundStatus::published, "2023-12-15", {50, 22, 20, 8}},
    {2024, RoundStatus::open, "2024-12-13", {62, 18, 13, 7}},
}};
constexpr std::array<std::string_view, 4> kChoices{"Ja", "Delvis", "Nej", "Ej aktuellt"};

// Comments are put together from three parts, so that few of 1.8 million are alike.
constexpr std::array<std::array<std::string_view, 5>, 4> kOpenings{{
    {"Arbetet ingår i verksamhetsplanen och följs upp varje tertial.",
     "Insatsen är genomförd och har blivit en del av det ordinarie arbetet.",
     "Vi har tagit fram rutiner som är kända i hela verksamheten.",
     "Frågan har lyfts i ledningsgruppen och ansvar är fördelat.",
     "Arbetet bedrivs enligt plan och har gett tydliga resultat."},
    {"Arbetet har påbörjats men är ännu inte genomfört i alla verksamheter.",
     "En kartläggning pågår och beräknas vara klar under nästa år.",
     "Rutiner finns men behöver bli mer kända bland medarbetarna.",
     "Delar av insatsen är genomförda, andra väntar på beslut.",
     "Vi har kommit en bit på väg men saknar ännu en samlad uppföljning."},
    {"Frågan har inte prioriterats under året på grund av begränsade resurser.",
     "Vi saknar i dag en samlad bild och behöver stöd från kommunledningen.",
     "Arbetet planeras att starta under kommande år.",
     "Insatsen har skjutits upp i väntan på en ny organisation.",
     "Vi har inte haft förutsättningar att arbeta med frågan i år."},
    {"Frågan berör inte verksamhetens uppdrag.",
     "Verksamheten har inga uppgifter som berörs av insatsen.",
     "Insatsen ligger utanför bolagets verksamhet.",
     "Ansvaret ligger hos en annan nämnd.",
     "Frågan hanteras av kommunstyrelsen för hela kommunen."},
}};
constexpr std::array<std::string_view, 8> kMiddles{
    "Samverkan sker i det lokala brottsförebyggande rådet.",
    "Medarbetarna har gått en grundutbildning under året.",
    "Underlaget bygger på den lokala lägesbilden och polisens medborgarlöfte.",
    "Skolor och fritidsgårdar har varit särskilt viktiga.",
    "Arbetet har samordnats med regionen och länsstyrelsen.",
    "Resultaten redovisas i årsredovisningen.",
    "Trygghetsvandringar har genomförts i flera bostadsområden.",
    "Ett nytt avtal om informationsdelning har tecknats."};
constexpr std::array<std::string_view, 6> kClosings{
    "Nästa steg är att följa upp effekterna.",
    "Vi behöver fortsatt stöd med metoder och statistik.",
    "Uppföljning sker två gånger per år.",
    "Arbetet fortsätter under kommande år.",
    "Erfarenheterna delas med andra kommuner i länet.",
    ""};

// mt19937 is specified exactly by the standard, while the distributions are not, so draws
// are reduced by hand (as in demo.cpp).
class Dice {
 public:
  explicit Dice(unsigned seed) : engine_(seed) {}
  int below(int n) { return static_cast<int>(engine_() % static_cast<unsigned>(n)); }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& from) { return from[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

 private:
  std::mt19937 engine_;
};

int pick_choice(Dice& dice, const Year& year) {
  int roll = dice.below(100);
  for (std::size_t i = 0; i < kChoices.size(); ++i) {
    roll -= year.weights[i];
    if (roll < 0) return static_cast<int>(i);
  }
  return 0;
}

std::string comment(Dice& dice, int choice, std::string_view municipality) {
  if (dice.below(10) == 0) return "";  // some answer without a comment
  std::string text{dice.pick(kOpenings[static_cast<std::size_t>(choice)])};
  if (dice.below(2) == 0) text += " " + std::string{dice.pick(kMiddles)};
  if (dice.below(4) == 0) text += "\n\nI " + std::string{municipality} + " kommun " +
                                  "har arbetet följts upp av kommunstyrelsen.";
  if (const auto closing = dice.pick(kClosings); !closing.empty()) text += " " + std::string{closing};
  return text;
}

// The open round's statuses: most have handed in, some are working, a few have not begun.
ResponseStatus status_of(Dice& dice, const Year& year) {
  if (year.status != RoundStatus::open) return ResponseStatus::approved;
  const int roll = dice.below(100);
  if (roll < 40) return ResponseStatus::approved;
  if (roll < 70) return ResponseStatus::submitted;
  if (roll < 88) return ResponseStatus::draft;
  if (roll < 95) return ResponseStatus::returned;
  return ResponseStatus::not_started;
}

struct Municipality {
  std::string_view name;
  std::size_t region;
};

// Round the regions, one municipality of each in turn, so that a small scale still spans
// several regions.
std::vector<Municipality> municipalities_in_turn(int wanted) {
  std::vector<Municipality> out;
  const auto all = national::regions();
  for (std::size_t i = 0; static_cast<int>(out.size()) < wanted; ++i) {
    bool any = false;
    for (std::size_t r = 0; r < all.size() && static_cast<int>(out.size()) < wanted; ++r) {
      if (i >= all[r].municipalities.size()) continue;
      out.push_back({all[r].municipalities[i], r});
      any = true;
    }
    if (!any) break;
  }
  return out;
}

std::string municipality_unit(std::string_view name) { return std::string{name} + " kommun"; }

struct RoundPlan {
  Id id = 0;
  const Year* year = nullptr;
  std::vector<Id> questions;
};

// The programme's 50 measures under five areas, and one round per year asking about each.
std::vector<RoundPlan> add_programme_and_rounds(store::Tx& tx, Id nation) {
  const Id document = tx.add_document(Document{.title = std::string{kProgramme},
                                               .kind = DocumentKind::program,
                                               .period = "2022–2026",
                                               .decided_by = "Regeringen",
                                               .decided_on = "2021-12-16",
                                               .unit_id = nation});
  std::vector<Id> items;
  for (std::size_t a = 0; a < kAreas.size(); ++a) {
    const std::string number = std::to_string(a + 1);
    const Id area = tx.add_node(Node{.document_id = document, .kind = NodeKind::area, .number = number,
                                     .title = "Målområde " + number + ": " + std::string{kAreas[a]},
                                     .position = static_cast<int>(a)});
    for (std::size_t m = 0; m < kMeasures.size(); ++m) {
      std::string topic{kAreas[a]};
      topic[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(topic[0])));
      items.push_back(tx.add_node(Node{.document_id = document, .parent_id = area, .kind = NodeKind::item,
                                       .number = number + ":" + std::to_string(m + 1),
                                       .text = std::string{kMeasures[m]} + " " + topic + ".",
                                       .position = static_cast<int>(m)}));
    }
  }
  const Id scale = standard_scale(tx);
  std::vector<RoundPlan> rounds;
  for (const auto& year : kYears) {
    RoundPlan round{.id = tx.add_round(Round{.name = "Nationell uppföljning " + std::to_string(year.year),
                                                  .year = year.year, .status = year.status,
                                                  .deadline = std::string{year.deadline}}),
                .year = &year};
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto item = tx.node(items[i]);
      round.questions.push_back(tx.add_question(Question{
          .round_id = round.id, .node_id = items[i], .position = static_cast<int>(i),
          .text = "Hur har ni arbetat med insats " + item->number + ": " + item->text,
          .audience = "Samtliga nämnder, styrelser och bolag", .scale_id = scale}));
    }
    rounds.push_back(std::move(round));
  }
  return rounds;
}

// One municipality: its units, and their responses and answers in every round.
void add_municipality(store::Tx& tx, const Municipality& m, Id region_id, int index,
                      const std::vector<RoundPlan>& rounds, NationalSummary& summary) {
  Dice dice(kSeed + static_cast<unsigned>(index));
  const std::string suffix = ", " + municipality_unit(m.name);
  const Id municipality = tx.add_unit(Unit{.parent_id = region_id, .name = municipality_unit(m.name),
                                           .kind = UnitKind::kommun});
  const int count = kMinUnits + dice.below(kMaxUnits - kMinUnits + 1);
  const auto templates = national::unit_templates();
  std::vector<Id> units;
  for (int i = 0; i < count; ++i) {
    const auto& t = templates[static_cast<std::size_t>(i)];
    const Id parent = t.parent < 0 ? municipality : units[static_cast<std::size_t>(t.parent)];
    units.push_back(tx.add_unit(Unit{.parent_id = parent, .name = std::string{t.name} + suffix, .kind = t.kind}));
  }
  summary.units += count + 1;

  std::vector<Answer> answers;
  for (const auto& round : rounds) {
    const std::string at = std::to_string(round.year->year) + "-11-15T10:00:00Z";
    for (const Id unit : units) {
      const auto status = status_of(dice, *round.year);
      const Id response = tx.add_response(Response{.round_id = round.id, .unit_id = unit,
                                                   .status = status, .updated_at = at});
      ++summary.responses;
      if (status == ResponseStatus::not_started) continue;
      for (const Id question : round.questions) {
        const int choice = pick_choice(dice, *round.year);
        answers.push_back(Answer{.response_id = response, .question_id = question,
                                 .choice = std::string{kChoices[static_cast<std::size_t>(choice)]},
                                 .comment = comment(dice, choice, m.name),
                                 .changed_by = "demo", .changed_at = at});
      }
    }
  }
  tx.add_answers(answers);
  summary.answers += static_cast<long long>(answers.size());
}

}  // namespace

NationalSummary build_national_demo(store::Store& store, const NationalOptions& options,
                                    const NationalProgress& progress) {
  const auto municipalities = municipalities_in_turn(options.municipalities);
  NationalSummary summary;
  std::vector<RoundPlan> rounds;
  std::vector<Id> regions;
  {
    auto tx = store.begin();
    if (!tx->rounds().empty()) throw std::runtime_error("databasen innehåller redan uppföljningar");
    const Id nation = tx->add_unit(Unit{.name = std::string{kNation}, .kind = UnitKind::nation});
    for (const auto& region : national::regions())
      regions.push_back(tx->add_unit(Unit{.parent_id = nation, .name = std::string{region.name},
                                          .kind = UnitKind::lan}));
    summary.units = 1 + static_cast<int>(regions.size());
    rounds = add_programme_and_rounds(*tx, nation);
    tx->commit();
  }
  summary.rounds = static_cast<int>(rounds.size());
  summary.questions = static_cast<int>(rounds.front().questions.size());
  // One transaction per municipality: large enough to be fast, small enough that a WAL
  // or a PostgreSQL transaction never grows without bound.
  for (std::size_t i = 0; i < municipalities.size(); ++i) {
    auto tx = store.begin();
    add_municipality(*tx, municipalities[i], regions[municipalities[i].region], static_cast<int>(i),
                     rounds, summary);
    tx->commit();
    ++summary.municipalities;
    if (progress) progress(summary.municipalities, static_cast<int>(municipalities.size()), summary.answers);
  }
  store.update_statistics();
  return summary;
}

DemoAccountUnits national_demo_units() {
  const auto first = national::regions().front().municipalities.front();
  const auto& templates = national::unit_templates();
  const std::string suffix = ", " + municipality_unit(first);
  return {.top = std::string{kNation},
          .respondent = std::string{templates[3].name} + suffix,  // Socialförvaltningen
          .approver = std::string{templates[2].name} + suffix};   // Socialnämnden
}

}  // namespace uppsikt::service
