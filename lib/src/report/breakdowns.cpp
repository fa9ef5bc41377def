// The breakdowns of a population (sex, age band, criterion, route, contract, training, exit, follow-up)
// and the privacy rule on their cells.
#include <algorithm>
#include <iterator>
#include <tuple>

#include "clausier/report/model.hpp"
#include "clausier/text/french.hpp"
#include "model_parts.hpp"

namespace clausier::report {

using hours::round6;

void suppress_small_cells(Breakdown& b, int min_cell, const std::vector<bool>& hidden_elsewhere) {
  auto small = [&](int people) { return people > 0 && people < min_cell; };
  b.population_suppressed = small(b.population);
  b.population_secondary = false;
  int hidden = 0;
  long hidden_people = 0;
  for (std::size_t i = 0; i < b.cells.size(); ++i) {
    Cell& c = b.cells[i];
    c.suppressed = small(c.people);
    c.secondary = !c.suppressed && c.people > 0 && i < hidden_elsewhere.size() && hidden_elsewhere[i];
    c.suppressed = c.suppressed || c.secondary;
    if (c.suppressed) {
      ++hidden;
      hidden_people += c.people;
    }
  }
  // Too few people to break down at all: no cell is published, zeros included (three people who are
  // all women showed as one hidden cell beside two zeros).
  if (b.population_suppressed) {
    detail::hide_breakdown(b);
    return;
  }
  // Secondary suppression, while the hidden cells could be told from the population and the cells shown:
  // one hidden cell alone, or hidden cells of fewer than min_cell people together (two hidden cells that
  // add up to 2 are 1 and 1). The smallest other non-zero cell is hidden too, the first one on a tie.
  while (hidden > 0 && (hidden == 1 || hidden_people < min_cell)) {
    Cell* next = nullptr;
    for (Cell& c : b.cells)
      if (!c.suppressed && c.people > 0 && (next == nullptr || c.people < next->people)) next = &c;
    if (next == nullptr) return;
    next->suppressed = next->secondary = true;
    ++hidden;
    hidden_people += next->people;
  }
}

void suppress_small_cells(std::vector<Cell*> cells, int population, int min_cell) {
  Breakdown b;
  b.population = population;
  for (const Cell* c : cells) b.cells.push_back(*c);
  suppress_small_cells(b, min_cell);
  // A lot or a year is no attribute of a person: "nobody on lot 3" gives nobody away, zeros stay shown,
  // and beside them a small cell may say « < 5 » (hide_breakdown makes every cell « masqué »).
  for (std::size_t i = 0; i < cells.size(); ++i) {
    cells[i]->suppressed = b.cells[i].suppressed && cells[i]->people > 0;
    cells[i]->secondary = b.cells[i].secondary && cells[i]->people >= min_cell;
  }
}

void suppress_small_cell(Cell& c, int min_cell) { c.suppressed = c.people > 0 && c.people < min_cell; }

namespace detail {

void hide_breakdown(Breakdown& b) {
  if (!b.population_suppressed && b.population > 0) b.population_suppressed = b.population_secondary = true;
  // Every cell reads « masqué », the small ones too: « < 5 » beside cells « masqué » that cannot hold 5 people
  // (the population is fewer) would tell the zeros, and give the breakdown back (three people, all women:
  // Femmes « < 5 », Hommes and Autre « masqué »).
  for (Cell& c : b.cells) c.suppressed = c.secondary = true;
}

void add_row(BreakdownCounter::Hours& h, const track::StatementRow& row, double counted_hours) {
  h.route[static_cast<std::size_t>(row.route)] += counted_hours;
  h.contract[static_cast<std::size_t>(row.contract)] += counted_hours;
  if (counted_hours > row.work_hours) h.training += row.training_hours;
  h.total += counted_hours;
}

void add_hours(BreakdownCounter::Hours& to, const BreakdownCounter::Hours& from) {
  for (std::size_t i = 0; i < to.route.size(); ++i) to.route[i] += from.route[i];
  for (std::size_t i = 0; i < to.contract.size(); ++i) to.contract[i] += from.contract[i];
  to.training += from.training;
  to.total += from.total;
}

Cell participants_cell(int people, double hours, int min_cell) {
  Cell c;
  c.key = "participants";
  c.label = "Participants";
  c.people = people;
  c.hours = round6(hours);
  suppress_small_cell(c, min_cell);
  return c;
}

}  // namespace detail

namespace {

constexpr track::Route all_routes[] = {track::Route::direct,           track::Route::etti,
                                       track::Route::ai,               track::Route::geiq,
                                       track::Route::siae_subcontract, track::Route::siae_cocontract,
                                       track::Route::ea};
constexpr track::Contract all_contracts[] = {
    track::Contract::cdi,       track::Contract::cdi_inclusion,  track::Contract::cdd,
    track::Contract::cddi,      track::Contract::cdd_usage,      track::Contract::interim,
    track::Contract::apprenticeship, track::Contract::professionalisation, track::Contract::other};
static_assert(std::size(all_routes) == std::tuple_size_v<decltype(BreakdownCounter::Hours::route)>);
static_assert(std::size(all_contracts) == std::tuple_size_v<decltype(BreakdownCounter::Hours::contract)>);

constexpr OutcomeCategory outcome_categories[] = {OutcomeCategory::durable, OutcomeCategory::transition,
                                                  OutcomeCategory::positive, OutcomeCategory::neutral,
                                                  OutcomeCategory::other,   OutcomeCategory::none};

Breakdown breakdown(std::string id, std::string title, bool has_hours, bool multiple) {
  Breakdown b;
  b.id = std::move(id);
  b.title = std::move(title);
  b.has_hours = has_hours;
  b.multiple = multiple;
  return b;
}

Cell cell(std::string_view key, std::string label) {
  Cell c;
  c.key = key;
  c.label = std::move(label);
  return c;
}

// A cell of a breakdown table: its label starts with a capital ("Embauche directe").
Cell labelled(std::string_view key, std::string_view label) { return cell(key, text::capitalised(label)); }

}  // namespace

namespace detail {

OutcomeCategory category_at(const std::optional<track::Situation>& s, Date as_of, const rules::RuleSet& rules) {
  if (!s || s->date > as_of) return OutcomeCategory::none;
  std::string_view category = s->category;
  if (const rules::Outcome* o = rules.outcome(s->code)) category = o->category;
  return outcome_category_named(category).value_or(OutcomeCategory::other);
}

}  // namespace detail

BreakdownCounter::BreakdownCounter(const rules::RuleSet& rules, Date as_of, bool with_training)
    : rules_(&rules), as_of_(as_of), with_training_(with_training) {
  Breakdown sex = breakdown("sex", "Sexe", false, false);
  for (Sex s : {Sex::female, Sex::male, Sex::unspecified}) sex.cells.push_back(labelled(code(s), group_label(s)));
  Breakdown age = breakdown("age_band", "Tranche d'âge à la validation", false, false);
  for (AgeBand b : {AgeBand::under_26, AgeBand::from_26_to_49, AgeBand::from_50})
    age.cells.push_back(labelled(code(b), label(b)));
  Breakdown criterion = breakdown("criterion", "Critère d'éligibilité", false, true);
  for (const rules::EligibilityCriterion& c : rules.eligibility_criteria()) {
    criterion_cell_.emplace(c.code, criterion.cells.size());
    criterion.cells.push_back(cell(c.code, c.label));
  }
  Breakdown route = breakdown("route", "Modalité d'insertion", true, true);
  for (track::Route r : all_routes) route.cells.push_back(labelled(track::name(r), track::french_label(r)));
  Breakdown contract = breakdown("contract", "Type de contrat", true, true);
  for (track::Contract c : all_contracts)
    contract.cells.push_back(labelled(track::name(c), track::french_label(c)));
  Breakdown exit = breakdown("exit", "Situation à la sortie", false, false);
  Breakdown follow_up = breakdown("follow_up", "Situation six mois après la sortie", false, false);
  for (OutcomeCategory category : outcome_categories) {
    exit.cells.push_back(labelled(code(category), label(category)));
    follow_up.cells.push_back(labelled(code(category), label(category)));
  }
  b_ = {std::move(sex), std::move(age), std::move(criterion), std::move(route), std::move(contract)};
  if (with_training_) {
    Breakdown training = breakdown("training", "Heures de formation", true, false);
    training.cells = {cell("with-training", "Avec des heures de formation comptées"),
                      cell("without-training", "Sans heure de formation comptée")};
    b_.push_back(std::move(training));
  }
  b_.push_back(std::move(exit));
  b_.push_back(std::move(follow_up));
}

void BreakdownCounter::add(const track::Participant& p, const Hours& h) {
  auto count = [](Breakdown& b, std::string_view key, double hours = 0) {
    for (Cell& c : b.cells)
      if (c.key == key) {
        c.people += 1;
        c.hours += hours;
        return;
      }
  };
  std::size_t i = 0;
  for (Breakdown& b : b_) b.population += 1;
  count(b_[i++], p.sex);
  count(b_[i++], code(age_band(detail::age_at_validation(p))));
  Breakdown& criterion = b_[i++];
  for (const std::string& code : p.criteria)
    if (auto it = criterion_cell_.find(code); it != criterion_cell_.end()) criterion.cells[it->second].people += 1;
  Breakdown& route = b_[i++];
  for (std::size_t r = 0; r < h.route.size(); ++r)
    if (h.route[r] > 0) {
      route.cells[r].people += 1;
      route.cells[r].hours += h.route[r];
    }
  Breakdown& contract = b_[i++];
  for (std::size_t c = 0; c < h.contract.size(); ++c)
    if (h.contract[c] > 0) {
      contract.cells[c].people += 1;
      contract.cells[c].hours += h.contract[c];
    }
  if (with_training_) {
    if (h.training > 0) count(b_[i++], "with-training", h.training);
    else count(b_[i++], "without-training");
  }
  count(b_[i++], code(detail::category_at(p.exit, as_of_, *rules_)));
  count(b_[i++], code(detail::category_at(p.follow_up, as_of_, *rules_)));
}

std::vector<Breakdown> BreakdownCounter::finish(int min_cell) {
  for (Breakdown& b : b_) {
    for (Cell& c : b.cells) c.hours = round6(c.hours);
    suppress_small_cells(b, min_cell);
  }
  return b_;
}

}  // namespace clausier::report
