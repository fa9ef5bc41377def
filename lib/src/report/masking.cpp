// How a hidden count reads (masking.hpp): the one home of « < 5 » and « masqué ».
#include "masking.hpp"

#include <fmt/format.h>

#include "clausier/text/french.hpp"

namespace clausier::report::detail {

namespace {

// "12 personnes", "1 personne": a number of people in a sentence (the threshold, a population).
std::string persons(long long n) { return fmt::format("{} {}", text::format_number(double(n)), n > 1 ? "personnes" : "personne"); }
std::string threshold(int min_cell) { return persons(min_cell); }

}  // namespace

std::string small_count_text(int min_cell) { return fmt::format("< {}", min_cell); }

std::string hidden_text(const Cell& c, int min_cell) {
  return c.secondary ? std::string(protective_text) : small_count_text(min_cell);
}

std::string people(const Cell& c, int min_cell) {
  return c.suppressed ? hidden_text(c, min_cell) : text::format_number(c.people);
}

Cell population_cell(const Breakdown& b) {
  Cell c{"population", "Effectif", b.population, 0, b.population_suppressed};
  c.secondary = b.population_secondary;
  return c;
}

std::string population_text(const Breakdown& b, int min_cell) {
  if (!b.population_suppressed) return persons(b.population);
  return b.population_secondary ? std::string(protective_text) : small_count_text(min_cell) + " personnes";
}

bool anything_hidden(const std::vector<Breakdown>& breakdowns) {
  for (const Breakdown& b : breakdowns) {
    if (b.population_suppressed) return true;
    for (const Cell& c : b.cells)
      if (c.suppressed) return true;
  }
  return false;
}

bool anything_hidden(const OperationReport& r) {
  if (r.participants.suppressed || r.validated_participants.suppressed || anything_hidden(r.breakdowns)) return true;
  for (const LotReport& lot : r.lots) {
    if (lot.participants.suppressed) return true;
    for (const LotReport::Year& y : lot.years)
      if (y.participants.suppressed) return true;
  }
  return false;
}

namespace {

bool group_hides(const GroupReport& g) {
  return g.hours_suppressed || g.participants.suppressed || detail::anything_hidden(g.breakdowns);
}

}  // namespace

bool anything_hidden(const Consolidation& c) {
  if (group_hides(c.total)) return true;
  for (const GroupReport& g : c.groups)
    if (group_hides(g)) return true;
  return false;
}

std::string privacy_note(int min_cell, bool anything_hidden) {
  if (!anything_hidden)
    return fmt::format("Les effectifs inférieurs à {} seraient masqués (secret statistique) ; aucun effectif de ce "
                       "bilan n'est sous ce seuil.",
                       threshold(min_cell));
  return fmt::format("Les effectifs inférieurs à {} sont masqués (secret statistique) ; quand une seule case d'une "
                     "répartition l'est, la plus petite des autres est aussi « {} », pour que la première ne se déduise "
                     "pas du total.",
                     threshold(min_cell), protective_text);
}

std::string buyer_privacy_note(int min_cell) {
  return fmt::format("Les effectifs inférieurs à {0} sont masqués (secret statistique) ; l'effectif d'une ligne où une "
                     "opération compte moins de {0} est aussi « {1} », pour que celles-ci ne se retrouvent pas par "
                     "différence avec un autre tableau.",
                     threshold(min_cell), protective_text);
}

std::string json_privacy_note(int hidden, int min_cell) {
  const bool many = hidden > 1;
  return fmt::format("{} {} (valeur null) pour protéger les participants : {} moins de {} ou permettrait d'en "
                     "retrouver une qui en compte moins.",
                     hidden, many ? "cases sont masquées" : "case est masquée", many ? "chacune compte" : "elle compte",
                     threshold(min_cell));
}

}  // namespace clausier::report::detail
