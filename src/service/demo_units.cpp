#include "service/demo_units.h"

#include <array>

namespace uppsikt::service::demo {
namespace {
using K = UnitKind;

constexpr std::array<UnitSeed, 38> kUnits{{
    {"Kommunfullmäktige", K::fullmaktige, "", false},
    {"Kommunstyrelsen", K::styrelse, "", false},
    {"Stadsledningskontoret", K::forvaltning, "Kommunstyrelsen", true},
    {"Miljö- och klimatnämnden", K::namnd, "", false},
    {"Miljöförvaltningen", K::forvaltning, "Miljö- och klimatnämnden", true},
    {"Socialnämnden Centrum", K::namnd, "", false},
    {"Socialförvaltningen Centrum", K::forvaltning, "Socialnämnden Centrum", true},
    {"Socialnämnden Hisingen", K::namnd, "", false},
    {"Socialförvaltningen Hisingen", K::forvaltning, "Socialnämnden Hisingen", true},
    {"Socialnämnden Nordost", K::namnd, "", false},
    {"Socialförvaltningen Nordost", K::forvaltning, "Socialnämnden Nordost", true},
    {"Socialnämnden Sydväst", K::namnd, "", false},
    {"Socialförvaltningen Sydväst", K::forvaltning, "Socialnämnden Sydväst", true},
    {"Förskolenämnden", K::namnd, "", false},
    {"Förskoleförvaltningen", K::forvaltning, "Förskolenämnden", true},
    {"Grundskolenämnden", K::namnd, "", false},
    {"Grundskoleförvaltningen", K::forvaltning, "Grundskolenämnden", true},
    {"Utbildningsnämnden", K::namnd, "", false},
    {"Utbildningsförvaltningen", K::forvaltning, "Utbildningsnämnden", true},
    {"Idrotts- och föreningsnämnden", K::namnd, "", false},
    {"Idrotts- och föreningsförvaltningen", K::forvaltning, "Idrotts- och föreningsnämnden", true},
    {"Kulturnämnden", K::namnd, "", false},
    {"Kulturförvaltningen", K::forvaltning, "Kulturnämnden", true},
    {"Stadsmiljönämnden", K::namnd, "", false},
    {"Stadsmiljöförvaltningen", K::forvaltning, "Stadsmiljönämnden", true},
    {"Byggnadsnämnden", K::namnd, "", false},
    {"Stadsbyggnadskontoret", K::forvaltning, "Byggnadsnämnden", true},
    {"Arbetsmarknadsnämnden", K::namnd, "", false},
    {"Förvaltningen för arbetsmarknad och vuxenutbildning", K::forvaltning, "Arbetsmarknadsnämnden", true},
    {"Äldre samt vård- och omsorgsnämnden", K::namnd, "", false},
    {"Äldre samt vård- och omsorgsförvaltningen", K::forvaltning, "Äldre samt vård- och omsorgsnämnden", true},
    {"Göteborgs Stadshus AB", K::bolag, "", false},
    {"Bostads AB Poseidon", K::bolag, "Göteborgs Stadshus AB", true},
    {"Familjebostäder i Göteborg AB", K::bolag, "Göteborgs Stadshus AB", true},
    {"Göteborg Energi AB", K::bolag, "Göteborgs Stadshus AB", true},
    {"Higab AB", K::bolag, "Göteborgs Stadshus AB", true},
    {"Göteborgs Stads Parkering AB", K::bolag, "Göteborgs Stadshus AB", true},
    {"Räddningstjänsten Storgöteborg", K::forbund, "", true},
}};
}  // namespace

std::span<const UnitSeed> unit_seeds() { return kUnits; }

}  // namespace uppsikt::service::demo
