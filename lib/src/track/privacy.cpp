// Refusing personal data where only pseudonyms belong.
#include <algorithm>
#include <cctype>
#include <string>

#include "clausier/track/participants.hpp"

namespace clausier::track {

namespace {

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) d += c;
  return d;
}

// NIR: sex (1 or 2), year, month, department (2A/2B for Corsica), commune, order, then a key of
// 97 − (the 13 digits mod 97).
bool looks_like_nir(std::string_view s) {
  std::string compact;
  for (char c : s)
    if (c != ' ' && c != '.' && c != '-') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (compact.size() != 15 || (compact[0] != '1' && compact[0] != '2')) return false;
  std::string number = compact.substr(0, 13);
  long long corsica = 0;
  if (number.substr(5, 2) == "2A") {
    number.replace(5, 2, "19");
    corsica = 1000000;
  } else if (number.substr(5, 2) == "2B") {
    number.replace(5, 2, "18");
    corsica = 2000000;
  }
  if (!std::all_of(number.begin(), number.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
      !std::all_of(compact.begin() + 13, compact.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  long long value = std::stoll(number) - corsica;
  int key = std::stoi(compact.substr(13, 2));
  return key == 97 - static_cast<int>(value % 97);
}

bool looks_like_phone(std::string_view s) {
  std::string d = digits_of(s);
  bool separators_only = std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == '-' || c == '+' || c == '(' ||
           c == ')';
  });
  if (!separators_only) return false;
  return (d.size() == 10 && d[0] == '0') || (d.size() == 11 && d.rfind("33", 0) == 0) ||
         (d.size() == 12 && d.rfind("0033", 0) == 0);
}

}  // namespace

std::string personal_data_reason(std::string_view value) {
  if (value.find('@') != std::string_view::npos) return "ressemble à une adresse e-mail";
  if (looks_like_nir(value)) return "ressemble à un numéro de sécurité sociale";
  if (looks_like_phone(value)) return "ressemble à un numéro de téléphone";
  if (digits_of(value).empty()) return "ne contient aucun chiffre : ressemble à un nom";
  return {};
}

}  // namespace clausier::track
