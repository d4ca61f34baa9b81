#include "service/demo_national_places.h"

#include <array>

namespace uppsikt::service::national {
namespace {

using Names = std::string_view;

constexpr Names kStockholm[] = {"Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla",
    "Lidingö", "Nacka", "Norrtälje", "Nykvarn", "Nynäshamn", "Salem", "Sigtuna", "Sollentuna",
    "Solna", "Stockholm", "Sundbyberg", "Södertälje", "Tyresö", "Täby", "Upplands Väsby",
    "Upplands-Bro", "Vallentuna", "Vaxholm", "Värmdö", "Österåker"};
constexpr Names kUppsala[] = {"Enköping", "Heby", "Håbo", "Knivsta", "Tierp", "Uppsala",
    "Älvkarleby", "Östhammar"};
constexpr Names kSodermanland[] = {"Eskilstuna", "Flen", "Gnesta", "Katrineholm", "Nyköping",
    "Oxelösund", "Strängnäs", "Trosa", "Vingåker"};
constexpr Names kOstergotland[] = {"Boxholm", "Finspång", "Kinda", "Linköping", "Mjölby", "Motala",
    "Norrköping", "Söderköping", "Vadstena", "Valdemarsvik", "Ydre", "Åtvidaberg", "Ödeshög"};
constexpr Names kJonkoping[] = {"Aneby", "Eksjö", "Gislaved", "Gnosjö", "Habo", "Jönköping",
    "Mullsjö", "Nässjö", "Sävsjö", "Tranås", "Vaggeryd", "Vetlanda", "Värnamo"};
constexpr Names kKronoberg[] = {"Alvesta", "Lessebo", "Ljungby", "Markaryd", "Tingsryd",
    "Uppvidinge", "Växjö", "Älmhult"};
constexpr Names kKalmar[] = {"Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar", "Mönsterås",
    "Mörbylånga", "Nybro", "Oskarshamn", "Torsås", "Vimmerby", "Västervik"};
constexpr Names kGotland[] = {"Gotland"};
constexpr Names kBlekinge[] = {"Karlshamn", "Karlskrona", "Olofström", "Ronneby", "Sölvesborg"};
constexpr Names kSkane[] = {"Bjuv", "Bromölla", "Burlöv", "Båstad", "Eslöv", "Helsingborg",
    "Hässleholm", "Höganäs", "Hörby", "Höör", "Klippan", "Kristianstad", "Kävlinge", "Landskrona",
    "Lomma", "Lund", "Malmö", "Osby", "Perstorp", "Simrishamn", "Sjöbo", "Skurup", "Staffanstorp",
    "Svalöv", "Svedala", "Tomelilla", "Trelleborg", "Vellinge", "Ystad", "Åstorp", "Ängelholm",
    "Örkelljunga", "Östra Göinge"};
constexpr Names kHalland[] = {"Falkenberg", "Halmstad", "Hylte", "Kungsbacka", "Laholm", "Varberg"};
constexpr Names kVastraGotaland[] = {"Ale", "Alingsås", "Bengtsfors", "Bollebygd", "Borås",
    "Dals-Ed", "Essunga", "Falköping", "Färgelanda", "Grästorp", "Gullspång", "Göteborg", "Götene",
    "Herrljunga", "Hjo", "Härryda", "Karlsborg", "Kungälv", "Lerum", "Lidköping", "Lilla Edet",
    "Lysekil", "Mariestad", "Mark", "Mellerud", "Munkedal", "Mölndal", "Orust", "Partille", "Skara",
    "Skövde", "Sotenäs", "Stenungsund", "Strömstad", "Svenljunga", "Tanum", "Tibro", "Tidaholm",
    "Tjörn", "Tranemo", "Trollhättan", "Töreboda", "Uddevalla", "Ulricehamn", "Vara", "Vårgårda",
    "Vänersborg", "Åmål", "Öckerö"};
constexpr Names kVarmland[] = {"Arvika", "Eda", "Filipstad", "Forshaga", "Grums", "Hagfors",
    "Hammarö", "Karlstad", "Kil", "Kristinehamn", "Munkfors", "Storfors", "Sunne", "Säffle",
    "Torsby", "Årjäng"};
constexpr Names kOrebro[] = {"Askersund", "Degerfors", "Hallsberg", "Hällefors", "Karlskoga",
    "Kumla", "Laxå", "Lekeberg", "Lindesberg", "Ljusnarsberg", "Nora", "Örebro"};
constexpr Names kVastmanland[] = {"Arboga", "Fagersta", "Hallstahammar", "Kungsör", "Köping",
    "Norberg", "Sala", "Skinnskatteberg", "Surahammar", "Västerås"};
constexpr Names kDalarna[] = {"Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand",
    "Ludvika", "Malung-Sälen", "Mora", "Orsa", "Rättvik", "Smedjebacken", "Säter", "Vansbro",
    "Älvdalen"};
constexpr Names kGavleborg[] = {"Bollnäs", "Gävle", "Hofors", "Hudiksvall", "Ljusdal",
    "Nordanstig", "Ockelbo", "Ovanåker", "Sandviken", "Söderhamn"};
constexpr Names kVasternorrland[] = {"Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå",
    "Ånge", "Örnsköldsvik"};
constexpr Names kJamtland[] = {"Berg", "Bräcke", "Härjedalen", "Krokom", "Ragunda", "Strömsund",
    "Åre", "Östersund"};
constexpr Names kVasterbotten[] = {"Bjurholm", "Dorotea", "Lycksele", "Malå", "Nordmaling",
    "Norsjö", "Robertsfors", "Skellefteå", "Sorsele", "Storuman", "Umeå", "Vilhelmina", "Vindeln",
    "Vännäs", "Åsele"};
constexpr Names kNorrbotten[] = {"Arjeplog", "Arvidsjaur", "Boden", "Gällivare", "Haparanda",
    "Jokkmokk", "Kalix", "Kiruna", "Luleå", "Pajala", "Piteå", "Älvsbyn", "Överkalix",
    "Övertorneå"};

constexpr std::array<Region, 21> kRegions{{
    {"Stockholms län", kStockholm},
    {"Uppsala län", kUppsala},
    {"Södermanlands län", kSodermanland},
    {"Östergötlands län", kOstergotland},
    {"Jönköpings län", kJonkoping},
    {"Kronobergs län", kKronoberg},
    {"Kalmar län", kKalmar},
    {"Gotlands län", kGotland},
    {"Blekinge län", kBlekinge},
    {"Skåne län", kSkane},
    {"Hallands län", kHalland},
    {"Västra Götalands län", kVastraGotaland},
    {"Värmlands län", kVarmland},
    {"Örebro län", kOrebro},
    {"Västmanlands län", kVastmanland},
    {"Dalarnas län", kDalarna},
    {"Gävleborgs län", kGavleborg},
    {"Västernorrlands län", kVasternorrland},
    {"Jämtlands län", kJamtland},
    {"Västerbottens län", kVasterbotten},
    {"Norrbottens län", kNorrbotten},
}};

constexpr UnitTemplate kTemplates[] = {
    {"Kommunstyrelsen", UnitKind::styrelse, -1},                          // 0
    {"Kommunledningskontoret", UnitKind::forvaltning, 0},                 // 1
    {"Socialnämnden", UnitKind::namnd, -1},                               // 2
    {"Socialförvaltningen", UnitKind::forvaltning, 2},                    // 3
    {"Barn- och utbildningsnämnden", UnitKind::namnd, -1},                // 4
    {"Barn- och utbildningsförvaltningen", UnitKind::forvaltning, 4},     // 5
    {"Kultur- och fritidsnämnden", UnitKind::namnd, -1},                  // 6
    {"Kultur- och fritidsförvaltningen", UnitKind::forvaltning, 6},       // 7
    {"Samhällsbyggnadsnämnden", UnitKind::namnd, -1},                     // 8
    {"Samhällsbyggnadsförvaltningen", UnitKind::forvaltning, 8},          // 9
    {"Miljö- och hälsoskyddsnämnden", UnitKind::namnd, -1},               // 10
    {"Miljöförvaltningen", UnitKind::forvaltning, 10},                    // 11
    {"Tekniska nämnden", UnitKind::namnd, -1},                            // 12
    {"Tekniska förvaltningen", UnitKind::forvaltning, 12},                // 13
    {"Vård- och omsorgsnämnden", UnitKind::namnd, -1},                    // 14
    {"Vård- och omsorgsförvaltningen", UnitKind::forvaltning, 14},        // 15
    {"Gymnasienämnden", UnitKind::namnd, -1},                             // 16
    {"Gymnasieförvaltningen", UnitKind::forvaltning, 16},                 // 17
    {"Arbetsmarknadsnämnden", UnitKind::namnd, -1},                       // 18
    {"Arbetsmarknadsförvaltningen", UnitKind::forvaltning, 18},           // 19
    {"Byggnadsnämnden", UnitKind::namnd, -1},                             // 20
    {"Bygglovsenheten", UnitKind::forvaltning, 20},                       // 21
    {"Räddningsnämnden", UnitKind::namnd, -1},                            // 22
    {"Räddningstjänsten", UnitKind::forvaltning, 22},                     // 23
    {"Valnämnden", UnitKind::namnd, -1},                                  // 24
    {"Överförmyndarnämnden", UnitKind::namnd, -1},                        // 25
    {"Krisledningsnämnden", UnitKind::namnd, -1},                         // 26
    {"Bostadsbolaget AB", UnitKind::bolag, -1},                           // 27
    {"Energibolaget AB", UnitKind::bolag, -1},                            // 28
    {"Vatten och avfall AB", UnitKind::bolag, -1},                        // 29
    {"Fastighetsbolaget AB", UnitKind::bolag, -1},                        // 30
    {"Näringslivsbolaget AB", UnitKind::bolag, -1},                       // 31
    {"Samordningsförbundet", UnitKind::forbund, -1},                      // 32
    {"Individ- och familjeomsorgen", UnitKind::forvaltning, 2},           // 33
    {"Elevhälsan", UnitKind::forvaltning, 4},                             // 34
    {"Fritidsgårdsverksamheten", UnitKind::forvaltning, 6},               // 35
    {"Gatu- och parkenheten", UnitKind::forvaltning, 12},                 // 36
    {"Säkerhetsenheten", UnitKind::forvaltning, 0},                       // 37
    {"Parkeringsbolaget AB", UnitKind::bolag, -1},                        // 38
    {"Stadsnätsbolaget AB", UnitKind::bolag, -1},                         // 39
    {"Hamnbolaget AB", UnitKind::bolag, -1},                              // 40
    {"Turistbolaget AB", UnitKind::bolag, -1},                            // 41
    {"Räddningstjänstförbundet", UnitKind::forbund, -1},                  // 42
    {"Vuxenutbildningsförbundet", UnitKind::forbund, -1},                 // 43
    {"Biblioteksverksamheten", UnitKind::forvaltning, 6},                 // 44
    {"Ungdomsmottagningen", UnitKind::forvaltning, 2},                    // 45
    {"Kostenheten", UnitKind::forvaltning, 12},                           // 46
    {"Bemanningsenheten", UnitKind::forvaltning, 14},                     // 47
    {"Integrationsenheten", UnitKind::forvaltning, 18},                   // 48
    {"Kommunrevisionen", UnitKind::namnd, -1},                            // 49
};

}  // namespace

std::span<const Region> regions() { return kRegions; }

std::span<const UnitTemplate> unit_templates() { return kTemplates; }

}  // namespace uppsikt::service::national
