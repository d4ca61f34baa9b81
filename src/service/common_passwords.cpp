// The most common passwords, from published breach lists (SecLists' top lists, NCSC's
// 100k list) plus Swedish favourites. Passwords shorter than the minimum are refused anyway;
// they are kept so that the list reads as what it is. Lower case: the check is case-blind.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "core/text.h"
#include "service/passwords.h"

namespace uppsikt::service {
namespace {

constexpr std::array<std::string_view, 110> kCommon{{
    "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111",
    "1234567", "dragon", "123123", "baseball", "abc123", "football", "monkey", "letmein",
    "shadow", "master", "666666", "qwertyuiop", "123321", "mustang", "1234567890", "michael",
    "654321", "superman", "1qaz2wsx", "7777777", "121212", "000000", "qazwsx", "123qwe",
    "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh", "hunter", "buster",
    "soccer", "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou", "2000",
    "charlie", "robert", "thomas", "hockey", "ranger", "daniel", "starwars", "klaster",
    "112233", "george", "computer", "michelle", "jessica", "pepper", "1111", "zxcvbn",
    "555555", "11111111", "131313", "freedom", "777777", "pass", "maggie", "159753",
    "aaaaaa", "ginger", "princess", "joshua", "cheese", "amanda", "summer", "love",
    "ashley", "nicole", "chelsea", "biteme", "matthew", "access", "yankees", "987654321",
    "dallas", "austin", "thunder", "taylor", "matrix", "minecraft", "qwerty123", "password1",
    // Long enough to pass the length rule, and common all the same.
    "123456789012", "1234567890123", "qwertyuiopasdfghjkl", "passwordpassword", "password1234",
    "iloveyouiloveyou", "qwerty123456", "sommar2024sommar", "lösenord1234", "lösenordlösenord",
    "123456123456", "111111111111", "aaaaaaaaaaaa", "abcdefghijkl",
}};

}  // namespace

bool is_common_password(std::string_view password) {
  const std::string folded = fold_case(password);
  return std::find(kCommon.begin(), kCommon.end(), folded) != kCommon.end();
}

}  // namespace uppsikt::service
