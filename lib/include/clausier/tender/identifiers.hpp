#pragma once
// Check keys of French and European identifiers.
#include <string_view>

namespace clausier::tender {

// Luhn key over a string of digits (SIREN, SIRET).
bool luhn_valid(std::string_view digits);
// A SIRET (14 digits) is valid when its Luhn key is; La Poste's establishments (SIREN 356 000 000)
// other than its head office follow their own rule instead: the sum of the digits is a multiple of 5.
bool siret_valid(std::string_view digits);

}  // namespace clausier::tender
